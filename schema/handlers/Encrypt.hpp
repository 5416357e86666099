// \Migration\Handler\Encrypt: a Magento 1 encrypted value becomes a Magento 2 one. F is
// decrypted with the Magento 1 key (option crypt_key; Magento1Crypt says how), PHP-trimmed, and
// encrypted again with Magento 2's current encryptor and key (option destination_crypt_key,
// which m2stage adds: upstream runs inside Magento 2 and reads env.php). A falsy F (NULL, "",
// "0") is left alone, as upstream's `if (!$value) return;`.
//
// A missing or unusable key stops the step (InputError naming the handler and map location) at
// the first value that needs it, as upstream, so maps that never meet an encrypted value need no
// key. A value that cannot be decrypted (not base64, not whole cipher blocks, an IV that is not
// 16 bytes) gives the warning "Could not decrypt data of <doc>.<field> with record id <id>: why",
// a rejection (Record::reject) and NULL, like broken serialized data. No message ever shows a
// key or a plaintext.
#pragma once

#include <memory>
#include <optional>

#include "schema/Handler.hpp"
#include "schema/crypto/Magento1Crypt.hpp"
#include "schema/crypto/Magento2Encryptor.hpp"

namespace m2stage::schema::handlers {

class Encrypt : public Handler {
 public:
  // The factory's builder: needs the environment (for the options), else InputError.
  static std::unique_ptr<Handler> create(const HandlerSpec& spec, const std::string& field,
                                         const HandlerContext& context);

  Encrypt(std::string field, HandlerEnvironment& environment, HandlerSpec spec, std::string idColumn);
  void handle(Record& record, const Record& opposite) override;

 private:
  crypto::Magento1Crypt& source();
  const crypto::Magento2Encryptor& destination();
  [[noreturn]] void fail(const std::string& problem) const;

  HandlerEnvironment& environment_;
  HandlerSpec spec_;
  std::string idColumn_;
  std::optional<crypto::Magento1Crypt> source_;
  std::optional<crypto::Magento2Encryptor> destination_;
};

}  // namespace m2stage::schema::handlers
