// \Migration\Handler\Encrypt: Magento 1 ciphertexts (made in Python exactly as Magento 1 makes
// them: Blowfish ECB of the zero-padded text, base64; or the Rijndael-128 "a:b:iv:data" form)
// become Magento 2 "<version>:3:..." values that decrypt to the trimmed original.
#include <gtest/gtest.h>

#include "HandlerTestEnvironment.hpp"
#include "schema/crypto/Magento2Encryptor.hpp"

namespace m2stage::test {
namespace {

using schema::Value;

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

const schema::Table kPayment{
    "sales_flat_order_payment",
    {{"entity_id", "int", "int(10) unsigned", false, true}, {"cc_number_enc", "varchar", "varchar(255)"}},
    {"entity_id"}};

const char* kMagento1Key = "f3a1c2d4e5b60718293a4b5c6d7e8f90";
const char* kMagento2Keys = "old-key-is-version-0\n7c9f0d1e2a3b4c5d6e7f8091a2b3c4d5";

class EncryptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    environment_.options["crypt_key"] = kMagento1Key;
    environment_.options["destination_crypt_key"] = kMagento2Keys;
  }

  Value encrypt(Value value) {
    row_ = record("sales_flat_order_payment", {{"entity_id", "42"}, {"cc_number_enc", std::move(value)}});
    return run(spec("Migration\\Handler\\Encrypt"), "cc_number_enc", row_, &environment_, &kPayment);
  }

  std::string errorOf(Value value) {
    try {
      encrypt(std::move(value));
    } catch (const schema::InputError& error) {
      return error.what();
    }
    return "";
  }

  // What Magento 2 reads back from the value.
  std::optional<std::string> magento2Decrypt(const Value& value) {
    if (!value) return std::nullopt;
    return schema::crypto::Magento2Encryptor(kMagento2Keys).decrypt(*value);
  }

  MemoryEnvironment environment_;
  schema::Record row_{"sales_flat_order_payment", {}};
};

TEST_F(EncryptTest, BlowfishValueBecomesAMagento2Value) {
  Value result = encrypt("1ONPEasIAytka+0+8Szwsg==");
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->starts_with("1:3:")) << "version of the last key, cipher 3: " << *result;
  EXPECT_EQ(magento2Decrypt(result), "4111111111111111");
  EXPECT_TRUE(row_.warnings().empty());
  EXPECT_NE(encrypt("1ONPEasIAytka+0+8Szwsg=="), result) << "a fresh nonce each time";
}

TEST_F(EncryptTest, PlaintextIsTrimmedAsUpstream) {
  EXPECT_EQ(magento2Decrypt(encrypt("PR3/YwihC5tWb0EZDLnPNWBpA9Hn8lzMUmtqTkp7zAs=")), "api-password with spaces");
}

TEST_F(EncryptTest, RijndaelValueBecomesAMagento2Value) {
  Value result = encrypt("1:1:Qw3rTy9uIoP1aSdF:2aDSdWKA87xDcJrfPeO6gQ==");
  EXPECT_EQ(magento2Decrypt(result), "4111111111111111");
}

TEST_F(EncryptTest, Magento2KeyMayBeBase64Encoded) {
  environment_.options["destination_crypt_key"] = "base64wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8=";
  Value result = encrypt("1ONPEasIAytka+0+8Szwsg==");
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->starts_with("0:3:")) << *result;
  EXPECT_EQ(schema::crypto::Magento2Encryptor("base64wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8=").decrypt(*result),
            "4111111111111111");
}

TEST_F(EncryptTest, FalsyValuesAreLeftAloneAndNeedNoKey) {
  environment_.options.clear();
  EXPECT_EQ(encrypt(""), "");
  EXPECT_EQ(encrypt(std::nullopt), std::nullopt);
  EXPECT_EQ(encrypt("0"), "0") << "PHP's !$value";
}

TEST_F(EncryptTest, MissingCryptKeyUsesTheUpstreamMessage) {
  environment_.options.erase("crypt_key");
  std::string message = errorOf("1ONPEasIAytka+0+8Szwsg==");
  EXPECT_TRUE(contains(message,
                       "map.xml:7: handler \\Migration\\Handler\\Encrypt (on cc_number_enc): "
                       "\"crypt_key\" option is not defined the configuration."));
  EXPECT_TRUE(contains(message, "M2STAGE_CRYPT_KEY"));
}

TEST_F(EncryptTest, MissingOrBadMagento2KeyStopsWithoutShowingIt) {
  environment_.options.erase("destination_crypt_key");
  std::string message = errorOf("1ONPEasIAytka+0+8Szwsg==");
  EXPECT_TRUE(contains(message, "map.xml:7: handler \\Migration\\Handler\\Encrypt (on cc_number_enc): "));
  EXPECT_TRUE(contains(message, "destination_crypt_key"));
  EXPECT_TRUE(contains(message, "M2STAGE_DESTINATION_CRYPT_KEY"));

  environment_.options["destination_crypt_key"] = "too-short-secret";
  message = errorOf("1ONPEasIAytka+0+8Szwsg==");
  EXPECT_TRUE(contains(message, "is 16 bytes; it must be 32 characters"));
  EXPECT_EQ(message.find("too-short-secret"), std::string::npos) << message;
}

TEST_F(EncryptTest, Magento1KeyTooLongForTheCipherStops) {
  environment_.options["crypt_key"] = std::string(57, 'k');
  std::string message = errorOf("1ONPEasIAytka+0+8Szwsg==");
  EXPECT_EQ(
      message,
      "map.xml:7: handler \\Migration\\Handler\\Encrypt (on cc_number_enc): crypt_key: Key must not exceed 56 bytes.");
}

TEST_F(EncryptTest, UndecryptableValueWarnsAndBecomesNull) {
  struct Case {
    const char* value;
    const char* why;
  };
  for (const auto& bad : {Case{"not base64!", "the ciphertext is not base64"},
                          Case{"c2hvcnQ=", "the ciphertext is not a whole number of 8-byte blocks"},
                          Case{"1:1:short-iv:2aDSdWKA87xDcJrfPeO6gQ==", "the initialization vector is not 16 bytes"}}) {
    EXPECT_EQ(encrypt(bad.value), std::nullopt) << bad.value;
    ASSERT_EQ(row_.warnings().size(), 1u) << bad.value;
    EXPECT_EQ(
        row_.warnings()[0],
        std::string("Could not decrypt data of sales_flat_order_payment.cc_number_enc with record id 42: ") + bad.why);
    ASSERT_EQ(row_.rejections().size(), 1u) << bad.value;
    EXPECT_EQ(row_.rejections()[0].field, "cc_number_enc");
    EXPECT_EQ(row_.rejections()[0].reason, std::string("cannot be decrypted (") + bad.why + "); stored as NULL");
  }
}

TEST_F(EncryptTest, OneHandlerServesManyRows) {
  auto handler = schema::makeHandler(spec("\\Migration\\Handler\\Encrypt"), "cc_number_enc",
                                     schema::HandlerContext{&kPayment, &environment_});
  for (const char* value : {"1ONPEasIAytka+0+8Szwsg==", "1:1:Qw3rTy9uIoP1aSdF:2aDSdWKA87xDcJrfPeO6gQ==", "bad!"}) {
    auto row = record("sales_flat_order_payment", {{"entity_id", "1"}, {"cc_number_enc", value}});
    handler->handle(row, row);
    if (std::string(value) == "bad!") {
      EXPECT_EQ(row.get("cc_number_enc"), std::nullopt);
    } else {
      EXPECT_EQ(magento2Decrypt(row.get("cc_number_enc")), "4111111111111111") << value;
    }
  }
}

TEST_F(EncryptTest, IsKnownUnderBothSpellingsAndNeedsTheEnvironment) {
  EXPECT_TRUE(schema::isKnownHandler("Migration\\Handler\\Encrypt"));
  EXPECT_TRUE(schema::isKnownHandler("\\Migration\\Handler\\Encrypt"));
  try {
    schema::makeHandler(spec("Migration\\Handler\\Encrypt"), "cc_number_enc");
    FAIL() << "built without an environment";
  } catch (const schema::InputError& error) {
    EXPECT_TRUE(contains(std::string(error.what()),
                         "map.xml:7: handler \\Migration\\Handler\\Encrypt (on cc_number_enc) needs"));
  }
}

}  // namespace
}  // namespace m2stage::test
