// Numbers as text in one canonical form, so that a value staged as the source gave it ("7.5") and
// the same value read back from a Magento 2 column ("7.5000" from DECIMAL(12,4)) compare equal.
// The content check runs these on every numeric cell of every loaded row, twice: they return a
// view of the input whenever it is already canonical and use `scratch` only otherwise.
#pragma once

#include <string>
#include <string_view>

namespace m2stage::load {

// "+007.500" -> "7.5", "-0.00" -> "0", "12.5000" -> "12.5": the digits a DECIMAL or integer
// column of any scale would give back. Not a number: the text as it is.
std::string_view canonicalDecimal(std::string_view text, std::string& scratch);
// The shortest text that reads back as the same FLOAT (`single`) or DOUBLE; "0" for zero.
// Not a number: the text as it is.
std::string_view canonicalFloat(std::string_view text, bool single, std::string& scratch);

}  // namespace m2stage::load
