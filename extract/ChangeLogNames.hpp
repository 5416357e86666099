// The names m2stage's change capture uses on the Magento 1 server: for a tracked document
// (unprefixed name from deltalog.xml), its table, its change-log table and its three triggers.
// Everything that reads or writes change-logs (extract, delta, status, remove) derives names here.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace m2stage::extract {

// The row events captured, in installation order.
enum class TriggerEvent { Insert, Update, Delete };
inline constexpr std::array<TriggerEvent, 3> kTriggerEvents{TriggerEvent::Insert, TriggerEvent::Update,
                                                            TriggerEvent::Delete};

class ChangeLogNames {
 public:
  // MySQL and MariaDB limit table and trigger names to 64 characters.
  static constexpr std::size_t kMaxIdentifier = 64;

  explicit ChangeLogNames(std::string sourcePrefix);

  // The source table: source_prefix + document (unless the document already carries the prefix).
  std::string table(const std::string& document) const;
  // The change-log table: source_prefix + "m2_cl_" + document, cut to 64 characters in total.
  // Upstream cuts "m2_cl_" + document to 64 and then adds the prefix, so a prefixed name could
  // exceed 64 and the CREATE fails; we cut after prefixing. Unprefixed names equal upstream's.
  // Throws std::invalid_argument when the prefix alone leaves no room.
  std::string changeLog(const std::string& document) const;
  // trg_<prefixed table>_after_<event>, lowercased (as upstream). When longer than 64 it becomes
  // trg_ + the first 38 characters of the table + _ + 8 hex digits (FNV-1a of the full name) +
  // _after_<event>: exactly 64 characters, stable across runs, distinct per table and event.
  // (Upstream abbreviates words and falls back to md5; such names never occur in Magento 1.)
  std::string trigger(const std::string& document, TriggerEvent event) const;

  // "INSERT", "UPDATE" or "DELETE".
  static std::string_view keyword(TriggerEvent event);

 private:
  std::string prefix_;
};

}  // namespace m2stage::extract
