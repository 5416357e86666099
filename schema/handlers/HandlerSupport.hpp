// Shared pieces of the handler implementations: reading params, requiring an environment,
// the record id used in warnings, and upstream's "[a:b;c:d]" convert maps.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

// The param's value; throws InputError "<location>: handler X needs the param "name"" when absent.
std::string requiredParam(const HandlerSpec& spec, const std::string& name);
std::optional<std::string> optionalParam(const HandlerSpec& spec, const std::string& name);

// The environment, or InputError "<location>: handler \X (on field) needs ..." when absent.
HandlerEnvironment& requireEnvironment(const HandlerSpec& spec, const std::string& field, const HandlerContext& context);

// Upstream's DocumentIdField: the first primary auto-increment column, else the first primary
// column, else none ("").
std::string idColumn(const Table* table);
// The id printed in warnings: the record's value of that column ("" when NULL or absent).
std::string recordId(const Record& record, const std::string& column);

// Parses "[a:b;c:d]" as Convert and ConvertEavValue do: outer brackets stripped, ';'-separated
// pairs, each trimmed and split on ':' into exactly two parts (else InputError
// "<location>: Invalid map provided to convert handler"). Later keys win.
std::map<std::string, std::string> parseConvertMap(const HandlerSpec& spec, const std::string& text);

// PHP's trim() set: " \t\n\r\0\x0B".
std::string phpTrim(const std::string& text);

// PHP's `$flag === true || $flag == 'true'` on a map param: only "true" is true.
bool isTrueWord(const std::optional<std::string>& param, bool fallback);

}  // namespace m2stage::schema::handlers

namespace m2stage::schema::php {
class PhpValue;
}

namespace m2stage::schema::handlers {

// Stores json_encode(value) in the field. Where PHP's json_encode returns false (invalid UTF-8,
// INF/NAN, nesting beyond 512) upstream writes false, which PDO sends as ''. m2stage treats
// that as broken data instead: warning "Could not encode data of <doc>.<field> with record id
// <id> as JSON", a rejection (Record::reject) and NULL.
void setJson(Record& record, const std::string& field, const php::PhpValue& value, const std::string& idColumn);

// Broken serialized data in the field. With `migrate` (migrateBrokenData / ignoreBrokenData):
// warning "Could not unserialize data of <doc>.<field> with record id <id>" unless `quiet`,
// a rejection naming PHP's notice (Record::reject, also when quiet) and NULL. Without it:
// TransformError naming the same and PHP's notice. (Upstream also logs a second warning holding
// only a newline; that blank line is not reproduced.)
void brokenData(Record& record, const std::string& field, const std::string& idColumn, const std::string& error,
                bool migrate, bool quiet);

}  // namespace m2stage::schema::handlers
