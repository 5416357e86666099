#include "schema/handlers/Encrypt.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "schema/XmlFile.hpp"
#include "schema/handlers/HandlerSupport.hpp"
#include "schema/php/PhpString.hpp"

namespace m2stage::schema::handlers {

namespace {

std::string className(const HandlerSpec& spec) {
  return !spec.className.empty() && spec.className[0] == '\\' ? spec.className.substr(1) : spec.className;
}

}  // namespace

std::unique_ptr<Handler> Encrypt::create(const HandlerSpec& spec, const std::string& field,
                                         const HandlerContext& context) {
  if (!context.environment)
    throw InputError(
        fmt::format("{}: handler \\{} (on {}) needs the config options crypt_key and destination_crypt_key, "
                    "which are not available here",
                    spec.location, className(spec), field));
  return std::make_unique<Encrypt>(field, *context.environment, spec, idColumn(context.table));
}

Encrypt::Encrypt(std::string field, HandlerEnvironment& environment, HandlerSpec spec, std::string idColumn)
    : Handler(std::move(field)), environment_(environment), spec_(std::move(spec)), idColumn_(std::move(idColumn)) {}

void Encrypt::fail(const std::string& problem) const {
  throw InputError(fmt::format("{}: handler \\{} (on {}): {}", spec_.location, className(spec_), field_, problem));
}

crypto::Magento1Crypt& Encrypt::source() {
  if (!source_) {
    std::string key = environment_.option("crypt_key");
    if (key.empty())
      fail(
          "\"crypt_key\" option is not defined the configuration. Set <crypt_key> in config.xml to the Magento 1 "
          "key (app/etc/local.xml, <crypt><key>), or the environment variable M2STAGE_CRYPT_KEY");
    source_.emplace(std::move(key));
  }
  return *source_;
}

const crypto::Magento2Encryptor& Encrypt::destination() {
  if (!destination_) {
    std::string keys = environment_.option("destination_crypt_key");
    if (keys.empty())
      fail(
          "the Magento 2 key is not set. Set <destination_crypt_key> in config.xml to Magento 2's app/etc/env.php "
          "crypt/key, or the environment variable M2STAGE_DESTINATION_CRYPT_KEY");
    try {
      destination_.emplace(keys);
    } catch (const std::invalid_argument& error) {
      fail(error.what());
    }
  }
  return *destination_;
}

void Encrypt::handle(Record& record, const Record&) {
  Value value = record.valueOf(field_);
  if (!php::truthy(value)) return;
  crypto::Magento1Crypt::Result decrypted;
  try {
    decrypted = source().decrypt(*value);
  } catch (const std::invalid_argument& error) {  // the key does not suit the cipher
    fail(fmt::format("crypt_key: {}", error.what()));
  }
  if (!decrypted.plaintext) {
    record.warn(fmt::format("Could not decrypt data of {}.{} with record id {}: {}", record.document(), field_,
                            recordId(record, idColumn_), decrypted.problem));
    record.reject(field_, fmt::format("cannot be decrypted ({}); stored as NULL", decrypted.problem));
    return record.set(field_, std::nullopt);
  }
  record.set(field_, destination().encrypt(phpTrim(*decrypted.plaintext)));
}

}  // namespace m2stage::schema::handlers
