// The <steps> blocks of a test's config.xml: official step classes (Migration\Step\<name>\<stage>)
// in the official format, so each test names its steps in one line instead of repeating the XML.
#pragma once

#include <initializer_list>
#include <string>

namespace m2stage::test {

// <step title="..."><integrity>Migration\Step\<name>\Integrity</integrity>...</step> with one
// element per stage, named after it in lower case ("Integrity" -> <integrity>).
std::string officialStep(const std::string& title, const std::string& name, std::initializer_list<const char*> stages);

// <steps mode="...">...</steps>.
std::string stepsXml(const std::string& mode, std::initializer_list<std::string> steps);

}  // namespace m2stage::test
