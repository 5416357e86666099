#include "schema/PasswordHash.hpp"

#include <algorithm>
#include <regex>
#include <vector>

namespace m2stage::schema {

namespace {

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

}  // namespace m2stage::schema
