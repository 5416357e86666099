// The small crypto library behind the Encrypt handler (schema/crypto): published vectors
// (Blowfish from Eric Young's set, FIPS-197 AES, RFC 8439 ChaCha20/Poly1305/AEAD) and vectors
// made with Python's `cryptography` package (see each test).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "schema/crypto/Aes.hpp"
#include "schema/crypto/Base64.hpp"
#include "schema/crypto/Blowfish.hpp"
#include "schema/crypto/ChaCha20.hpp"
#include "schema/crypto/ChaCha20Poly1305.hpp"
#include "schema/crypto/Magento1Crypt.hpp"
#include "schema/crypto/Magento2Encryptor.hpp"
#include "schema/crypto/Poly1305.hpp"
#include "schema/crypto/SystemRandom.hpp"

namespace m2stage::test {
namespace {

using namespace schema::crypto;

std::string bytes(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

template <typename Bytes>
std::string hex(const Bytes& data) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (auto c : data) {
    auto byte = static_cast<unsigned char>(c);
    out += digits[byte >> 4];
    out += digits[byte & 15];
  }
  return out;
}

std::string range(int first, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += static_cast<char>(first + i);
  return out;
}

// --- Base64 ----------------------------------------------------------------------------------

TEST(CryptoBase64Test, EncodesWithPadding) {
  EXPECT_EQ(Base64::encode(""), "");
  EXPECT_EQ(Base64::encode("f"), "Zg==");
  EXPECT_EQ(Base64::encode("fo"), "Zm8=");
  EXPECT_EQ(Base64::encode("foo"), "Zm9v");
  EXPECT_EQ(Base64::encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64::encode(bytes("fbff")), "+/8=");
}

TEST(CryptoBase64Test, DecodesWithOrWithoutPaddingAndSkipsWhitespace) {
  EXPECT_EQ(Base64::decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(Base64::decode("Zg=="), "f");
  EXPECT_EQ(Base64::decode("Zg"), "f") << "PHP accepts missing padding";
  EXPECT_EQ(Base64::decode("Zm8="), "fo");
  EXPECT_EQ(Base64::decode(" Zm9v\r\nYmFy\n"), "foobar");
  EXPECT_EQ(Base64::decode("+/8="), bytes("fbff"));
  EXPECT_EQ(Base64::decode(""), "");
  std::string all = range(0, 256);
  EXPECT_EQ(Base64::decode(Base64::encode(all)), all);
}

TEST(CryptoBase64Test, RefusesWhatIsNotBase64) {
  EXPECT_EQ(Base64::decode("Zm9v!"), std::nullopt);
  EXPECT_EQ(Base64::decode("Zm9vY"), std::nullopt) << "a lone last character";
  EXPECT_EQ(Base64::decode("Zg==Zg=="), std::nullopt) << "data after padding";
  EXPECT_EQ(Base64::decode("Zm9v-_"), std::nullopt) << "the URL alphabet is not the standard one";
}

// --- Blowfish --------------------------------------------------------------------------------

TEST(CryptoBlowfishTest, MatchesPublishedVectors) {
  unsigned char block[8] = {};
  Blowfish(bytes("0000000000000000")).encryptBlock(block);
  EXPECT_EQ(hex(block), "4ef997456198dd78");
  EXPECT_EQ(hex(Blowfish(bytes("ffffffffffffffff")).encryptEcb(bytes("ffffffffffffffff"))), "51866fd5b85ecb8a");
}

// Python: Cipher(Blowfish(key), modes.ECB()).encryptor().update(data).
TEST(CryptoBlowfishTest, MatchesPythonForMagentoStyleAndLongestKeys) {
  Blowfish magento("f3a1c2d4e5b60718293a4b5c6d7e8f90");
  std::string padded = std::string("4111111111111111");
  EXPECT_EQ(hex(magento.encryptEcb(padded)), "d4e34f11ab08032b646bed3ef12cf0b2");
  EXPECT_EQ(magento.decryptEcb(bytes("d4e34f11ab08032b646bed3ef12cf0b2")), padded);

  Blowfish longest(range(1, 56));
  std::string data = range(200, 40);
  std::string expected = "edf077266d2adc52ff1cf85c30c0f67b25cd08dbca6c66b05908d7c71b8502c5f00dc3117f15cd0f";
  EXPECT_EQ(hex(longest.encryptEcb(data)), expected);
  EXPECT_EQ(longest.decryptEcb(bytes(expected)), data);
  EXPECT_EQ(hex(Blowfish("abcd").encryptEcb("8 bytes!")), "3f16d095184dd717");
}

TEST(CryptoBlowfishTest, RefusesBadKeysAndPartialBlocks) {
  EXPECT_THROW(Blowfish(""), std::invalid_argument);
  EXPECT_THROW(Blowfish(std::string(57, 'k')), std::invalid_argument);
  EXPECT_NO_THROW(Blowfish("k")) << "mcrypt takes 1 to 56 bytes";
  EXPECT_THROW(Blowfish("key").decryptEcb("seven.."), std::invalid_argument);
}

// --- AES -------------------------------------------------------------------------------------

TEST(CryptoAesTest, MatchesFips197AppendixC) {
  std::string plain = bytes("00112233445566778899aabbccddeeff");
  std::map<int, std::string> expected = {{16, "69c4e0d86a7b0430d8cdb78070b4c55a"},
                                         {24, "dda97ca4864cdfe06eaf70a0ec0d7191"},
                                         {32, "8ea2b7ca516745bfeafc49904b496089"}};
  for (const auto& [size, cipher] : expected) {
    Aes aes(range(0, size));
    std::string block = plain;
    aes.encryptBlock(reinterpret_cast<unsigned char*>(block.data()));
    EXPECT_EQ(hex(block), cipher) << size;
    aes.decryptBlock(reinterpret_cast<unsigned char*>(block.data()));
    EXPECT_EQ(block, plain) << size;
  }
}

// Python: Cipher(algorithms.AES(bytes(range(100, 100 + n))), modes.CBC(b"abcdefghijklmnop")).
TEST(CryptoAesTest, CbcMatchesPython) {
  std::string iv = "abcdefghijklmnop";
  std::string message = "The quick brown fox jumps over the lazy dog!!!!!";
  std::map<int, std::string> expected = {
      {16, "1c3ed239adb45f5477eab44bd231fd0913b3b7613017436069e9527aa06737a13642047a95a942b52644ca6f53d70e39"},
      {24, "37d4855d368c1beab6274d5281f98813ed033e0dfe51b7184e3519efb5b7f36cee72246ac4bc2efbcd973dc91d57197d"},
      {32, "fb7e19ec89118a62a98dce83c0a2feaf9283533d5c34860d0a78a5092737c00a15816c1e6de3cc2e4f0cd0a2988a2733"}};
  for (const auto& [size, cipher] : expected) {
    Aes aes(range(100, size));
    EXPECT_EQ(hex(aes.encryptCbc(iv, message)), cipher) << size;
    EXPECT_EQ(aes.decryptCbc(iv, bytes(cipher)), message) << size;
  }
}

TEST(CryptoAesTest, RefusesBadKeysIvsAndPartialBlocks) {
  EXPECT_THROW(Aes(std::string(20, 'k')), std::invalid_argument);
  Aes aes(std::string(16, 'k'));
  EXPECT_THROW(aes.decryptCbc("short", std::string(16, 'x')), std::invalid_argument);
  EXPECT_THROW(aes.decryptCbc(std::string(16, 'i'), std::string(17, 'x')), std::invalid_argument);
}

// --- ChaCha20, Poly1305, the AEAD ------------------------------------------------------------

TEST(CryptoChaCha20Test, BlockMatchesRfc8439Section232) {
  ChaCha20 cipher(range(0, 32), bytes("000000090000004a00000000"));
  EXPECT_EQ(hex(cipher.block(1)),
            "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
            "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e");
  std::string text(150, 'z');
  EXPECT_EQ(cipher.apply(cipher.apply(text, 7), 7), text) << "XOR twice gives the text back";
}

TEST(CryptoPoly1305Test, MatchesRfc8439Section252) {
  Poly1305 mac(bytes("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"));
  mac.update("Cryptographic Forum Research Group");
  EXPECT_EQ(hex(mac.finish()), "a8061dc1305136c6c22b8baf0c0127a9");
}

// Python: poly1305.Poly1305.generate_tag(key, data[:n]); the three edge cases are RFC 8439
// Appendix A.3 #5-#7 style (h reaching p, carries across limbs).
TEST(CryptoPoly1305Test, MatchesPythonForEveryBlockShapeAndEdgeCases) {
  std::string key = bytes("0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff");
  std::string data;
  for (int i = 0; i < 100; ++i) data += static_cast<char>((i * 37 + 11) % 256);
  std::map<std::size_t, std::string> expected = {
      {0, "00112233445566778899aabbccddeeff"},  {1, "a56a30e6687e473d3d955e9411ac75eb"},
      {15, "b6f7194dcdc8576b23ebbc3e32fe866b"}, {16, "500a798144bd08217cc1bf756cb6db87"},
      {17, "5f215f36c6b68409e928db6ab4561225"}, {33, "a529f29546b9edf0eb7d18e40f5b213b"},
      {64, "12a38d9a456ccd1301fd6232e56b8040"}, {100, "28baa412c69bbe96edbaaa9d24853f01"}};
  for (const auto& [size, tag] : expected) {
    Poly1305 whole(key);
    whole.update(std::string_view(data).substr(0, size));
    EXPECT_EQ(hex(whole.finish()), tag) << size;
    Poly1305 pieces(key);  // the same data fed in uneven pieces
    for (std::size_t at = 0; at < size; at += 7)
      pieces.update(std::string_view(data).substr(at, std::min<std::size_t>(7, size - at)));
    EXPECT_EQ(hex(pieces.finish()), tag) << size << " in pieces";
  }
  struct Edge {
    std::string key, message, tag;
  };
  for (const auto& edge : {Edge{"02" + std::string(62, '0'), std::string(32, 'f'), "03000000000000000000000000000000"},
                           Edge{"02" + std::string(30, '0') + std::string(32, 'f'), "02" + std::string(30, '0'),
                                "03000000000000000000000000000000"},
                           Edge{"01" + std::string(62, '0'),
                                std::string(32, 'f') + "f0" + std::string(30, 'f') + "11" + std::string(30, '0'),
                                "05000000000000000000000000000000"}}) {
    Poly1305 mac(bytes(edge.key));
    mac.update(bytes(edge.message));
    EXPECT_EQ(hex(mac.finish()), edge.tag) << edge.message;
  }
}

TEST(CryptoChaCha20Poly1305Test, MatchesRfc8439Section282) {
  ChaCha20Poly1305 aead(range(0x80, 32));
  std::string nonce = bytes("070000004041424344454647");
  std::string aad = bytes("50515253c0c1c2c3c4c5c6c7");
  std::string plain =
      "Ladies and Gentlemen of the class of '99: "
      "If I could offer you only one tip for the future, sunscreen would be it.";
  std::string expected =
      "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b"
      "1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
      "3ff4def08e4b7a9de576d26586cec64b61161ae10b594f09e26a7e902ecbd0600691";
  EXPECT_EQ(hex(aead.seal(nonce, plain, aad)), expected);
  EXPECT_EQ(aead.open(nonce, bytes(expected), aad), plain);
}

// Python: ChaCha20Poly1305(bytes(range(32))).encrypt(bytes(range(12)), data, aad).
TEST(CryptoChaCha20Poly1305Test, MatchesPythonForEmptyAndOneByte) {
  ChaCha20Poly1305 aead(range(0, 32));
  std::string nonce = range(0, 12);
  EXPECT_EQ(hex(aead.seal(nonce, "", nonce)), "a442e5feb186cb5edd316376f7c3c984");
  EXPECT_EQ(hex(aead.seal(nonce, "x", "")), "f11227a133a4e7f7c5a372df39ca1f9743");
  EXPECT_EQ(aead.open(nonce, bytes("a442e5feb186cb5edd316376f7c3c984"), nonce), "");
}

TEST(CryptoChaCha20Poly1305Test, RefusesATamperedMessageTagOrAdditionalData) {
  ChaCha20Poly1305 aead(range(0, 32));
  std::string nonce = range(0, 12);
  std::string sealed = aead.seal(nonce, "secret", "aad");
  EXPECT_EQ(aead.open(nonce, sealed, "aad"), "secret");
  for (std::size_t i = 0; i < sealed.size(); ++i) {
    std::string changed = sealed;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    EXPECT_EQ(aead.open(nonce, changed, "aad"), std::nullopt) << "byte " << i;
  }
  EXPECT_EQ(aead.open(nonce, sealed, "aaD"), std::nullopt);
  EXPECT_EQ(aead.open(nonce, sealed.substr(0, 15), "aad"), std::nullopt) << "shorter than a tag";
  EXPECT_THROW(ChaCha20Poly1305("short"), std::invalid_argument);
  EXPECT_THROW(aead.seal("short", "x", ""), std::invalid_argument);
}

TEST(CryptoSystemRandomTest, GivesFreshBytes) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) seen.insert(SystemRandom::bytes(12));
  EXPECT_EQ(seen.size(), 20u);
  EXPECT_EQ(SystemRandom::bytes(0), "");
  EXPECT_EQ(SystemRandom::bytes(1000).size(), 1000u);
}

// --- Magento's formats -----------------------------------------------------------------------

const char* kMagento1Key = "f3a1c2d4e5b60718293a4b5c6d7e8f90";

// Python, as Magento 1 encrypts: base64(Blowfish-ECB(key, plaintext zero-padded to 8 bytes)),
// and the Rijndael form "a:b:iv:" + base64(AES-CBC(key zero-padded to 16/24/32, iv, padded)).
TEST(CryptoMagento1CryptTest, DecryptsBlowfishAndRijndaelValues) {
  Magento1Crypt crypt(kMagento1Key);
  EXPECT_EQ(crypt.decrypt("1ONPEasIAytka+0+8Szwsg==").plaintext, "4111111111111111");
  EXPECT_EQ(crypt.decrypt("PR3/YwihC5tWb0EZDLnPNWBpA9Hn8lzMUmtqTkp7zAs=").plaintext, "  api-password with spaces  ")
      << "only the zero padding goes here; the handler trims";
  EXPECT_EQ(crypt.decrypt("1:1:Qw3rTy9uIoP1aSdF:2aDSdWKA87xDcJrfPeO6gQ==").plaintext, "4111111111111111") << "AES-256";
  EXPECT_EQ(Magento1Crypt("short-key1").decrypt("0:1:Qw3rTy9uIoP1aSdF:enOfZAJq23XgXAnzUCTKWw==").plaintext,
            "hello world")
      << "a 10-byte key is zero-padded to AES-128";
  EXPECT_EQ(Magento1Crypt("twenty-byte-key-1234").decrypt("0:1:Qw3rTy9uIoP1aSdF:KRY57rJfTvWjJ/45eSFDWw==").plaintext,
            "hello world")
      << "a 20-byte key is zero-padded to AES-192";
}

TEST(CryptoMagento1CryptTest, ReportsValuesThatCannotBeDecrypted) {
  Magento1Crypt crypt(kMagento1Key);
  EXPECT_EQ(crypt.decrypt("not base64!").problem, "the ciphertext is not base64");
  EXPECT_EQ(crypt.decrypt("c2hvcnQ=").problem, "the ciphertext is not a whole number of 8-byte blocks");
  EXPECT_EQ(crypt.decrypt("a:b").problem, "the ciphertext is not base64") << "two or three parts are Blowfish";
  EXPECT_EQ(crypt.decrypt("1:1:short-iv:2aDSdWKA87xDcJrfPeO6gQ==").problem,
            "the initialization vector is not 16 bytes");
  EXPECT_EQ(crypt.decrypt("1:1:Qw3rTy9uIoP1aSdF:c2hvcnQ=").problem,
            "the ciphertext is not a whole number of 16-byte blocks");
  EXPECT_FALSE(crypt.decrypt("1:1:Qw3rTy9uIoP1aSdF:c2hvcnQ=").plaintext);
}

TEST(CryptoMagento1CryptTest, KeyTooLongForTheCipherUsesUpstreamMessages) {
  auto errorOf = [](std::string key, std::string value) -> std::string {
    try {
      Magento1Crypt(key).decrypt(value);
    } catch (const std::invalid_argument& error) {
      return error.what();
    }
    return "";
  };
  EXPECT_EQ(errorOf(std::string(57, 'k'), "1ONPEasIAytka+0+8Szwsg=="), "Key must not exceed 56 bytes.");
  EXPECT_EQ(errorOf(std::string(33, 'k'), "1:1:Qw3rTy9uIoP1aSdF:2aDSdWKA87xDcJrfPeO6gQ=="),
            "Key must not exceed 32 bytes.");
  EXPECT_EQ(errorOf(std::string(40, 'k'), "1ONPEasIAytka+0+8Szwsg=="), "") << "Blowfish takes 40 bytes";
  EXPECT_THROW(Magento1Crypt(""), std::invalid_argument);
}

const char* kMagento2Key = "7c9f0d1e2a3b4c5d6e7f8091a2b3c4d5";

// Python: "1:3:" + base64(nonce + ChaCha20Poly1305(key).encrypt(nonce, plaintext, nonce)), as
// Magento 2's Encryptor with SodiumChachaIetf writes it (second key of the list: version 1).
TEST(CryptoMagento2EncryptorTest, MatchesPythonWithAFixedNonce) {
  Magento2Encryptor encryptor(std::string("old-key-is-version-0\n  ") + kMagento2Key + "\n");
  EXPECT_EQ(encryptor.keyVersion(), 1u);
  std::string nonce = bytes("a1a2a3a4a5a6a7a8a9aaabac");
  std::string expected = "1:3:oaKjpKWmp6ipqqusBoM5vhRpeOWXeFqzSAvSPFrC7P3ZVpLEQOF0hBYQ03o=";
  EXPECT_EQ(encryptor.encrypt("4111111111111111", nonce), expected);
  EXPECT_EQ(encryptor.decrypt(expected), "4111111111111111");
}

TEST(CryptoMagento2EncryptorTest, DecodesBase64PrefixedKeys) {
  Magento2Encryptor encryptor("base64wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t8=");
  EXPECT_EQ(encryptor.keyVersion(), 0u);
  EXPECT_EQ(encryptor.encrypt("4111111111111111", bytes("a1a2a3a4a5a6a7a8a9aaabac")),
            "0:3:oaKjpKWmp6ipqqusLJ4d/QZe6Gt+EPXp3Si4rj0qnYx0jpT/ABvW43GAyTc=");
}

TEST(CryptoMagento2EncryptorTest, RandomNonceRoundTripsAndDiffers) {
  Magento2Encryptor encryptor(kMagento2Key);
  std::string first = encryptor.encrypt("secret"), second = encryptor.encrypt("secret");
  EXPECT_NE(first, second);
  EXPECT_TRUE(first.starts_with("0:3:")) << first;
  EXPECT_EQ(encryptor.decrypt(first), "secret");
  EXPECT_EQ(encryptor.decrypt(second), "secret");
  EXPECT_EQ(encryptor.decrypt("1:3:" + first.substr(4)), std::nullopt) << "no key version 1";
  EXPECT_EQ(encryptor.decrypt("0:2:" + first.substr(4)), std::nullopt) << "not cipher version 3";
  EXPECT_EQ(Magento2Encryptor(std::string(32, 'o')).decrypt(first), std::nullopt) << "another key";
}

TEST(CryptoMagento2EncryptorTest, RefusesKeysThatAreNot32BytesWithoutShowingThem) {
  auto errorOf = [](const std::string& keys) -> std::string {
    try {
      Magento2Encryptor encryptor(keys);
    } catch (const std::invalid_argument& error) {
      return error.what();
    }
    return "";
  };
  EXPECT_EQ(errorOf(" \n "), "the Magento 2 crypt key is empty");
  std::string message = errorOf(std::string(32, 'a') + " secret-short-key");
  EXPECT_EQ(message,
            "the Magento 2 crypt key (version 1) is 16 bytes; it must be 32 characters, or \"base64\" followed by "
            "32 bytes in base64");
  EXPECT_EQ(message.find("secret"), std::string::npos);
  EXPECT_NE(errorOf("base64AAAA"), "") << "decodes to 3 bytes";
  EXPECT_EQ(errorOf("short " + std::string(32, 'a')), "") << "only the current key must fit";
}

}  // namespace
}  // namespace m2stage::test
