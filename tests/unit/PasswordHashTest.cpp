// Magento 1 customer password hashes into Magento 2's hash:salt:version form (schema/PasswordHash).
// Expected digests were computed with Python's hashlib, e.g.
//   python3 -c 'import hashlib; print(hashlib.md5(b"Kq" + b"secret123").hexdigest())'
// so a converted value equal to "<that digest>:<salt>:<version>" is one Magento 2 accepts for the
// password; tests/db/CustomerTest.cpp checks that with the server's MD5() and SHA2().
#include <gtest/gtest.h>

#include "schema/PasswordHash.hpp"

namespace m2stage::test {
namespace {

using schema::PasswordHashFormat;
using schema::convertPasswordHash;

TEST(PasswordHash, SaltedMd5BecomesVersion0) {
  // Magento 1 CE: md5(salt . password):salt
  auto converted = convertPasswordHash("0fdb2eb4c08f1dddb119919b73cc9e14:Kq");
  EXPECT_EQ(converted.format, PasswordHashFormat::Md5);
  EXPECT_TRUE(converted.verifiable);
  EXPECT_EQ(converted.value, "0fdb2eb4c08f1dddb119919b73cc9e14:Kq:0");
}

TEST(PasswordHash, SaltedSha256BecomesVersion1) {
  // Magento 1 EE / patched CE: sha256(salt . password):salt
  std::string salt = "8qnyO4H1OYIfGCUbxyz012345678901";
  auto converted = convertPasswordHash("7fb225d36493ffe05ac9410d66bab9543aedcb78f5516900187df9af1b7aa587:" + salt);
  EXPECT_EQ(converted.format, PasswordHashFormat::Sha256);
  EXPECT_TRUE(converted.verifiable);
  EXPECT_EQ(converted.value, "7fb225d36493ffe05ac9410d66bab9543aedcb78f5516900187df9af1b7aa587:" + salt + ":1");
}

TEST(PasswordHash, UnsaltedHashesGetAnEmptySalt) {
  auto md5 = convertPasswordHash("5d7845ac6ee7cfffafc5fe5f35cf666d");  // md5("secret123")
  EXPECT_EQ(md5.format, PasswordHashFormat::Md5);
  EXPECT_EQ(md5.value, "5d7845ac6ee7cfffafc5fe5f35cf666d::0");
  auto sha = convertPasswordHash("fcf730b6d95236ecd3c9fc2d92d7b6b2bb061514961aec041d6c7a7192f592e4");
  EXPECT_EQ(sha.format, PasswordHashFormat::Sha256);
  EXPECT_EQ(sha.value, "fcf730b6d95236ecd3c9fc2d92d7b6b2bb061514961aec041d6c7a7192f592e4::1");
}

TEST(PasswordHash, UpstreamVectors) {
  // The official tool's own test data (Customer\Model\AttributesDataToCustomerEntityRecords).
  EXPECT_EQ(convertPasswordHash("34356a3d028accfb3c2996827b706bf5:UmPvGtih25eQCjC5f6NMwqkds500x2Jd").value,
            "34356a3d028accfb3c2996827b706bf5:UmPvGtih25eQCjC5f6NMwqkds500x2Jd:0");
  EXPECT_EQ(convertPasswordHash("86a375aacb17606c185d31c8d3e320ce").value, "86a375aacb17606c185d31c8d3e320ce::0");
  EXPECT_EQ(convertPasswordHash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").value,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855::1");
  // Not a hash: upstream keeps it; m2stage keeps it too and counts it.
  auto odd = convertPasswordHash("123123q:UmPvGtih25eQCjC5f6NMwqkds500x2Jd");
  EXPECT_EQ(odd.value, "123123q:UmPvGtih25eQCjC5f6NMwqkds500x2Jd");
  EXPECT_EQ(odd.format, PasswordHashFormat::Unknown);
  EXPECT_FALSE(odd.verifiable);
}

TEST(PasswordHash, HashesMagento2CannotVerifyAreKeptAndCounted) {
  // OpenMage / patched 1.9 password_hash(): bcrypt.
  auto bcrypt = convertPasswordHash("$2y$10$abcdefghijklmnopqrstuuJ3M6RQ8mzA1Jg9E6z9d6Yx8Fv1c5rK2");
  EXPECT_EQ(bcrypt.format, PasswordHashFormat::Bcrypt);
  EXPECT_FALSE(bcrypt.verifiable);
  EXPECT_EQ(bcrypt.value, "$2y$10$abcdefghijklmnopqrstuuJ3M6RQ8mzA1Jg9E6z9d6Yx8Fv1c5rK2");
  EXPECT_EQ(convertPasswordHash("$2a$10$x").format, PasswordHashFormat::Bcrypt);
  auto argon = convertPasswordHash("$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$abc");
  EXPECT_EQ(argon.format, PasswordHashFormat::Argon2);
  EXPECT_FALSE(argon.verifiable);
  // sha512(salt . password):salt (OpenMage HASH_VERSION_SHA512): Magento 2 has no sha512 version.
  std::string sha512 =
      "381b22ad57afa979ee35b73b1edbb2d1d31ffd6a322a9a572c75c11a58f6567552350b3b43bda0c9c1b0ce2c2489c60b1f1560bff14128a1634a0"
      "86794cfc538:ab";
  auto converted = convertPasswordHash(sha512);
  EXPECT_EQ(converted.format, PasswordHashFormat::Sha512);
  EXPECT_FALSE(converted.verifiable);
  EXPECT_EQ(converted.value, sha512);
  // Neither hex nor a known prefix.
  EXPECT_FALSE(convertPasswordHash("zz7845ac6ee7cfffafc5fe5f35cf666d:ab").verifiable);
}

TEST(PasswordHash, EmptyIsNotCounted) {
  auto empty = convertPasswordHash("");
  EXPECT_EQ(empty.format, PasswordHashFormat::Empty);
  EXPECT_TRUE(empty.verifiable);
  EXPECT_EQ(empty.value, "");
}

TEST(PasswordHash, AlreadyVersionedIsKept) {
  std::string versioned = "0fdb2eb4c08f1dddb119919b73cc9e14:Kq:0";
  auto converted = convertPasswordHash(versioned);
  EXPECT_EQ(converted.format, PasswordHashFormat::Magento2);
  EXPECT_TRUE(converted.verifiable);
  EXPECT_EQ(converted.value, versioned);  // upstream would append a second ":0", which Magento 2 reads as md5 twice
  // A chain md5 then sha256: sha256(salt . md5(salt . password)).
  std::string chained = "4e41345297777bc7871c6743d34a8585249d419e129193de757998f66c623b96:Kq:0:1";
  EXPECT_EQ(convertPasswordHash(chained).format, PasswordHashFormat::Magento2);
  // Wrong length for the version: not Magento 2 form.
  EXPECT_FALSE(convertPasswordHash("0fdb2eb4c08f1dddb119919b73cc9e14:Kq:1").verifiable);
}

TEST(PasswordHash, WithoutUpgradeValuesStayAsTheyAre) {
  // upgrade_customer_password_hash = 0: upstream copies hash:salt, which Magento 2 cannot read.
  auto kept = convertPasswordHash("0fdb2eb4c08f1dddb119919b73cc9e14:Kq", false);
  EXPECT_EQ(kept.value, "0fdb2eb4c08f1dddb119919b73cc9e14:Kq");
  EXPECT_EQ(kept.format, PasswordHashFormat::Md5);
  EXPECT_FALSE(kept.verifiable);
  EXPECT_TRUE(convertPasswordHash("0fdb2eb4c08f1dddb119919b73cc9e14:Kq:0", false).verifiable);
}

TEST(PasswordHash, FormatNames) {
  EXPECT_EQ(schema::passwordHashFormatName(PasswordHashFormat::Bcrypt), "bcrypt");
  EXPECT_EQ(schema::passwordHashFormatName(PasswordHashFormat::Sha512), "sha512");
  EXPECT_EQ(schema::passwordHashFormatName(PasswordHashFormat::Md5), "md5");
}

}  // namespace
}  // namespace m2stage::test
