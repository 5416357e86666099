#include "schema/handlers/ConvertDateFormat.hpp"

#include <string_view>
#include <utility>

namespace m2stage::schema::handlers {

void ConvertDateFormat::handle(Record& record, const Record&) {
  static const std::pair<std::string_view, std::string_view> kPairs[] = {
      {"<date_format>full</date_format>", "<date_format>0</date_format>"},
      {"<date_format>long</date_format>", "<date_format>1</date_format>"},
      {"<date_format>medium</date_format>", "<date_format>2</date_format>"},
      {"<date_format>short</date_format>", "<date_format>3</date_format>"},
  };
  validate(record);
  const Value& value = record.get(field_);
  if (!value) return record.set(field_, std::nullopt);
  std::string_view text = *value;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kPairs) {
      if (text.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  record.set(field_, std::move(out));
}

}  // namespace m2stage::schema::handlers
