#include "schema/handlers/ConvertIp.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>

namespace m2stage::schema::handlers {

void ConvertIp::handle(Record& record, const Record&) {
  validate(record);
  const Value& value = record.get(field_);
  std::uint32_t address = 0;
  if (value && value->find('\0') == std::string::npos) {
    in_addr parsed{};
    // glibc's inet_pton accepts exactly what FILTER_VALIDATE_IP/ip2long accept for IPv4
    // (four decimal parts 0-255, no leading zeros).
    if (::inet_pton(AF_INET, value->c_str(), &parsed) == 1) address = ntohl(parsed.s_addr);
  }
  if (address == 0 && value && value->size() == 4) {
    // Packed IPv4: inet_ntop then ip2long is the big-endian number.
    for (unsigned char byte : *value) address = (address << 8) | byte;
  }
  record.set(field_, std::to_string(address));
}

}  // namespace m2stage::schema::handlers
