// \Migration\Handler\Placeholder: rewrites CMS/widget directives in F when it holds {{widget...}} or
// {{block...}} on one line: type="m1/alias" becomes type="M2\\Class" for every class-map entry
// (backslashes doubled; an alias without equivalent gives type=""), the first directory of a
// template="dir/...phtml" is cut, and {{widget type="a/b" ...}} directives still naming a
// Magento 1 alias are removed. Upstream does this with three ungreedy PCRE patterns; they are
// matched by hand here with the same leftmost-shortest results (and no regex recursion limits).
#pragma once

#include "schema/Handler.hpp"

namespace m2stage::schema::handlers {

class Placeholder : public Handler {
 public:
  Placeholder(std::string field, const ClassMap& classMap);
  void handle(Record& record, const Record& opposite) override;

  // The content rewrite on its own (exposed for tests).
  std::string rewrite(const std::string& content) const;

 private:
  const ClassMap& classMap_;
  std::vector<std::pair<std::string, std::string>> replacements_;  // type="from" -> type="to"
};

}  // namespace m2stage::schema::handlers
