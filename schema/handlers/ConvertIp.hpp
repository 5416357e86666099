// \Migration\Handler\ConvertIp: F = ip2long of F as an unsigned 32-bit number when F is dotted IPv4 text
// or 4 packed bytes (inet_pton output, as Magento 1 stores remote IPs); 0 for IPv6 (text or 16
// packed bytes), NULL and anything else.
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class ConvertIp : public Handler {
 public:
  explicit ConvertIp(std::string field) : Handler(std::move(field)) {}
  void handle(Record& record, const Record& opposite) override;
};

}  // namespace m2stage::schema::handlers
