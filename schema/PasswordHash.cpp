#include "schema/PasswordHash.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>
#include <vector>

#include <openssl/evp.h>

namespace m2stage::schema {

namespace {

std::string digestHex(const EVP_MD* type, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, type, nullptr) != 1)
    throw std::runtime_error("OpenSSL digest failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0x0f];
  }
  return hex;
}

bool isHex(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Magento 2's version tags: 0 (md5), 1 (sha256), 2 (argon2id13), 3_<seed>_<ops>_<mem> (argon2id13).
bool isVersion(std::string_view version) {
  static const std::regex agnosticArgon("3_[0-9]+_[0-9]+_[0-9]+");
  return version == "0" || version == "1" || version == "2" || std::regex_match(version.begin(), version.end(), agnosticArgon);
}

// The length of a hex hash the last version produces (argon: 32 bytes of seed, 64 hex digits).
std::size_t hashLengthOf(std::string_view version) { return version == "0" ? 32 : 64; }

// PHP's (int) of a version part: its leading digits, 0 without any.
int phpInt(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') break;
    value = value * 10 + (c - '0');
    if (value > 1000) break;
  }
  return value;
}

}  // namespace

std::string_view passwordHashFormatName(PasswordHashFormat format) {
  switch (format) {
    case PasswordHashFormat::Empty: return "empty";
    case PasswordHashFormat::Md5: return "md5";
    case PasswordHashFormat::Sha256: return "sha256";
    case PasswordHashFormat::Magento2: return "magento2";
    case PasswordHashFormat::Sha512: return "sha512";
    case PasswordHashFormat::Bcrypt: return "bcrypt";
    case PasswordHashFormat::Argon2: return "argon2";
    case PasswordHashFormat::Unknown: return "unknown";
  }
  return "unknown";
}

ConvertedPasswordHash convertPasswordHash(std::string_view magento1, bool upgrade) {
  ConvertedPasswordHash result{std::string(magento1), PasswordHashFormat::Unknown, false};
  if (magento1.empty()) {
    result.format = PasswordHashFormat::Empty;
    result.verifiable = true;  // nothing to verify: the account never had a password
    return result;
  }
  if (magento1.starts_with("$2y$") || magento1.starts_with("$2a$") || magento1.starts_with("$2b$")) {
    result.format = PasswordHashFormat::Bcrypt;
    return result;
  }
  if (magento1.starts_with("$argon2")) {
    result.format = PasswordHashFormat::Argon2;
    return result;
  }
  auto parts = split(magento1, ':');
  if (parts.size() >= 3) {
    // Already hash:salt:version[:version...] (Magento 2 form, e.g. an EE 1.14 store): kept as it is.
    bool versions = std::all_of(parts.begin() + 2, parts.end(), isVersion);
    if (versions && isHex(parts[0]) && parts[0].size() == hashLengthOf(parts.back())) {
      result.format = PasswordHashFormat::Magento2;
      result.verifiable = true;
    }
    return result;
  }
  // Magento 1 salts are alphanumeric: hash[:salt].
  std::string_view hash = parts[0];
  std::string_view salt = parts.size() == 2 ? parts[1] : std::string_view{};
  if (!isHex(hash)) return result;
  const char* version = nullptr;
  switch (hash.size()) {
    case 32: result.format = PasswordHashFormat::Md5; version = "0"; break;
    case 64: result.format = PasswordHashFormat::Sha256; version = "1"; break;
    case 128: result.format = PasswordHashFormat::Sha512; return result;
    default: return result;
  }
  if (!upgrade) return result;  // kept as hash:salt, which Magento 2 does not read as a password hash
  result.value = std::string(hash) + ":" + std::string(salt) + ":" + version;
  result.verifiable = true;
  return result;
}

bool magento2AcceptsPassword(std::string_view password, std::string_view hash) {
  // explode(':', $hash, 3): exactly three parts, the third holding the version chain.
  auto first = hash.find(':');
  if (first == std::string_view::npos) return false;
  auto second = hash.find(':', first + 1);
  if (second == std::string_view::npos) return false;
  std::string_view expected = hash.substr(0, first);
  std::string salt(hash.substr(first + 1, second - first - 1));
  std::string recreated(password);
  for (auto version : split(hash.substr(second + 1), ':')) {
    switch (phpInt(version)) {
      case 0: recreated = md5Hex(salt + recreated); break;
      case 1: recreated = sha256Hex(salt + recreated); break;
      default: return false;  // argon2id13 (needs libsodium) or an unknown version
    }
  }
  return recreated == expected;
}

std::string md5Hex(std::string_view data) { return digestHex(EVP_md5(), data); }
std::string sha256Hex(std::string_view data) { return digestHex(EVP_sha256(), data); }
std::string sha512Hex(std::string_view data) { return digestHex(EVP_sha512(), data); }

}  // namespace m2stage::schema
