// A Magento 1 customer password hash and its Magento 2 form (the Customer step's
// `upgrade_customer_password_hash`). Pure: no I/O.
//
// Magento 1 stores `md5(salt . password):salt` (CE), `sha256(salt . password):salt` (EE, and CE
// 1.9 with the SUPEE patches), the same without `:salt` (plain md5/sha256 of the password),
// `sha512(salt . password):salt` and bcrypt/argon2 `password_hash()` strings (OpenMage).
// Magento 2's Encryptor::isValidHash reads `hash:salt:version[:version...]` and re-hashes
// `salt . password` with each version in turn: 0 = md5, 1 = sha256, 2 and `3_<seed>_<ops>_<mem>`
// = argon2id13 (over the previous result). So md5 and sha256 hashes keep working as
// `hash:salt:0` and `hash:salt:1` (an empty salt for the unsalted ones, as upstream), and
// Magento 2 upgrades them to argon2 at the next login. sha512, bcrypt and argon2 strings of
// Magento 1 have no Magento 2 version: those customers need a password reset.
#pragma once

#include <string>
#include <string_view>

namespace m2stage::schema {

enum class PasswordHashFormat {
  Empty,         // no password (NULL or ''): nothing to keep, not counted
  Md5,           // 32 hex digits, with or without `:salt`
  Sha256,        // 64 hex digits, with or without `:salt`
  Magento2,      // already `hash:salt:version` (32/64 hex digits and a matching version 0/1)
  Sha512,        // 128 hex digits: Magento 2 has no sha512 version
  Bcrypt,        // `$2y$`, `$2a$`, `$2b$`: PHP password_hash(); Magento 2 cannot verify it
  Argon2,        // `$argon2i$`, `$argon2id$`: PHP password_hash(); not Magento 2's own argon form
  Unknown,       // anything else
};

// "md5", "sha256", "bcrypt", ...
std::string_view passwordHashFormatName(PasswordHashFormat format);

struct ConvertedPasswordHash {
  std::string value;          // what customer_entity.password_hash gets
  PasswordHashFormat format;  // what the Magento 1 value was
  bool verifiable = true;     // false: Magento 2 cannot check the old password; the customer needs a reset
};

// The Magento 2 value for a Magento 1 password hash. With `upgrade` (the config option
// upgrade_customer_password_hash, default 1) md5 and sha256 hashes get their version suffix;
// without it every value is kept as it is, as upstream, and only values already in Magento 2
// form stay verifiable. Values that cannot be kept are stored unchanged (a module that knows
// the old scheme could still check them) and reported as not verifiable.
ConvertedPasswordHash convertPasswordHash(std::string_view magento1, bool upgrade = true);

}  // namespace m2stage::schema
