#include "schema/php/PhpUnserialize.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include <fmt/format.h>

namespace m2stage::schema::php {

namespace {

constexpr int kMaxDepth = 4096;  // PHP's unserialize_max_depth default

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Custom-serialized classes present in every PHP runtime.
bool hasUnserializer(const std::string& className) {
  static const std::array<std::string_view, 7> known = {"ArrayObject", "ArrayIterator", "RecursiveArrayIterator",
                                                        "SplObjectStorage", "SplDoublyLinkedList", "SplQueue",
                                                        "SplStack"};
  for (auto name : known)
    if (name == className) return true;
  return false;
}

class Reader {
 public:
  explicit Reader(std::string_view input)
      : in_(input), trackSlots_(input.find("R:") != std::string_view::npos || input.find("r:") != std::string_view::npos) {}

  UnserializeResult run() {
    UnserializeResult result;
    PhpValue value;
    if (readValue(value, 0, false)) {
      result.value = std::move(value);
    } else {
      result.error = error_.empty() ? fmt::format("Error at offset {} of {} bytes", failAt_, in_.size()) : error_;
    }
    return result;
  }

 private:
  bool fail(std::size_t at) {
    failAt_ = at;
    return false;
  }
  bool fail(std::size_t at, std::string message) {
    error_ = std::move(message);
    return fail(at);
  }
  bool peek(char c) const { return pos_ < in_.size() && in_[pos_] == c; }
  bool expect(char c) {
    if (!peek(c)) return false;
    ++pos_;
    return true;
  }
  bool expect(std::string_view text) {
    if (in_.substr(pos_, text.size()) != text) return false;
    pos_ += text.size();
    return true;
  }

  // [0-9]+ without sign, as a length or count.
  bool readUnsigned(std::size_t& out) {
    std::size_t start = pos_;
    while (pos_ < in_.size() && isDigit(in_[pos_])) ++pos_;
    if (pos_ == start) return false;
    auto [end, error] = std::from_chars(in_.data() + start, in_.data() + pos_, out);
    return error == std::errc() && end == in_.data() + pos_;
  }

  // [+-]?[0-9]+ ; overflow is "Numerical result out of range", a warning Magento turns into failure.
  bool readInteger(std::int64_t& out) {
    std::size_t start = pos_;
    bool negative = false;
    if (peek('-') || peek('+')) negative = in_[pos_++] == '-';
    std::size_t digits = pos_;
    while (pos_ < in_.size() && isDigit(in_[pos_])) ++pos_;
    if (pos_ == digits) return false;
    std::uint64_t magnitude = 0;
    for (std::size_t i = digits; i < pos_; ++i) {
      unsigned digit = static_cast<unsigned>(in_[i] - '0');
      if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return fail(start, "Numerical result out of range");
      magnitude = magnitude * 10 + digit;
    }
    std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
    if (magnitude > limit) return fail(start, "Numerical result out of range");
    out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return true;
  }

  // d: accepts iv | nv | nvexp (see PHP's var_unserializer.re) and NAN, INF, -INF.
  bool readDouble(double& out) {
    if (expect("NAN")) {
      out = std::numeric_limits<double>::quiet_NaN();
      return true;
    }
    if (expect("INF")) {
      out = std::numeric_limits<double>::infinity();
      return true;
    }
    if (expect("-INF")) {
      out = -std::numeric_limits<double>::infinity();
      return true;
    }
    std::size_t start = pos_;
    bool negative = false;
    if (peek('-') || peek('+')) negative = in_[pos_++] == '-';
    std::size_t numberStart = pos_;
    std::size_t intDigits = 0, fracDigits = 0;
    while (pos_ < in_.size() && isDigit(in_[pos_])) ++pos_, ++intDigits;
    if (peek('.')) {
      ++pos_;
      while (pos_ < in_.size() && isDigit(in_[pos_])) ++pos_, ++fracDigits;
    }
    if (intDigits + fracDigits == 0) return fail(start);
    if (peek('e') || peek('E')) {
      ++pos_;
      if (peek('-') || peek('+')) ++pos_;
      std::size_t expDigits = pos_;
      while (pos_ < in_.size() && isDigit(in_[pos_])) ++pos_;
      if (pos_ == expDigits) return fail(start);
    }
    std::string number(in_.substr(numberStart, pos_ - numberStart));
    if (number.front() == '.') number.insert(number.begin(), '0');
    auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), out);
    if (error == std::errc::result_out_of_range) {
      // zend_strtod gives +-INF on overflow and 0 on underflow.
      bool big = number.find_first_of("eE") != std::string::npos && number[number.find_first_of("eE") + 1] != '-';
      out = big ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (error != std::errc() || end != number.data() + number.size()) {
      return fail(start);
    }
    if (negative) out = -out;
    return true;
  }

  // `len:"bytes"` after the type letter and colon; for S: the bytes use \xx hex escapes.
  bool readQuoted(std::string& out, bool escaped) {
    std::size_t length = 0;
    if (!readUnsigned(length) || !expect(":\"")) return false;
    if (!escaped) {
      if (in_.size() - pos_ < length) return false;
      out.assign(in_.substr(pos_, length));
      pos_ += length;
    } else {
      out.clear();
      while (out.size() < length) {
        if (pos_ >= in_.size()) return false;
        char c = in_[pos_++];
        if (c == '\\') {
          if (in_.size() - pos_ < 2) return false;
          unsigned byte = 0;
          auto [end, error] = std::from_chars(in_.data() + pos_, in_.data() + pos_ + 2, byte, 16);
          if (error != std::errc() || end != in_.data() + pos_ + 2) return false;
          c = static_cast<char>(byte);
          pos_ += 2;
        }
        out += c;
      }
    }
    return expect('"');
  }

  static bool validClassName(const std::string& name) {
    if (name.empty()) return false;
    for (unsigned char c : name)
      if (!(std::isalnum(c) || c == '_' || c == '\\' || c >= 0x80)) return false;
    return true;
  }

  // Reads `count` key/value pairs and the closing brace into `container`.
  bool readEntries(PhpValue& container, std::size_t count, int depth, bool object) {
    // PHP refuses counts that cannot fit in the rest of the input (each pair needs >= 4 bytes).
    if (count > (in_.size() - pos_) / 2) return fail(pos_);
    std::map<PhpKey, std::size_t> index;  // key -> position, so repeated keys stay O(log n)
    for (std::size_t i = 0; i < count; ++i) {
      std::size_t keyAt = pos_;
      PhpValue key;
      if (!readValue(key, depth + 1, true)) return false;
      PhpKey phpKey;
      if (key.type() == PhpValue::Type::Int) {
        phpKey = object ? PhpKey(std::to_string(key.asInt())) : PhpKey(key.asInt());
      } else if (key.type() == PhpValue::Type::String) {
        phpKey = object ? PhpKey(key.text()) : arrayKey(key.text());
      } else {
        return fail(keyAt);
      }
      PhpValue value;
      if (!readValue(value, depth + 1, false)) return false;
      auto found = index.find(phpKey);
      if (found != index.end()) {
        container.entries()[found->second].value = std::move(value);
      } else {
        index.emplace(phpKey, container.entries().size());
        container.entries().push_back({std::move(phpKey), std::move(value)});
      }
    }
    if (!expect('}')) return fail(pos_);
    return true;
  }

  bool readValue(PhpValue& out, int depth, bool isKey) {
    if (depth > kMaxDepth) return fail(pos_, fmt::format("Maximum depth of {} exceeded", kMaxDepth));
    std::size_t start = pos_;
    if (in_.size() - pos_ < 2 || in_[pos_ + 1] != (in_[pos_] == 'N' ? ';' : ':')) return fail(start);
    char kind = in_[pos_];
    pos_ += 2;
    // Keys take no back-reference slot; every other value but R: does (numbered in pre-order).
    // Slots are only kept when the input may contain references at all.
    bool hasSlot = trackSlots_ && !isKey && kind != 'R';
    std::size_t slot = slots_.size();
    if (hasSlot) slots_.emplace_back();
    if (!readBody(kind, out, depth, isKey, start)) return false;
    if (hasSlot) slots_[slot] = out;
    return true;
  }

  bool readBody(char kind, PhpValue& out, int depth, bool isKey, std::size_t start) {
    switch (kind) {
      case 'N':
        if (isKey) return fail(start);
        out = PhpValue();
        return true;
      case 'b':
        if (isKey || pos_ >= in_.size() || (in_[pos_] != '0' && in_[pos_] != '1')) return fail(start);
        out = PhpValue::boolean(in_[pos_++] == '1');
        return expect(';') || fail(start);
      case 'i': {
        std::int64_t number = 0;
        if (!readInteger(number)) return error_.empty() ? fail(start) : false;
        out = PhpValue::integer(number);
        return expect(';') || fail(start);
      }
      case 'd': {
        double number = 0;
        if (isKey || !readDouble(number)) return fail(start);
        out = PhpValue::real(number);
        return expect(';') || fail(start);
      }
      case 's':
      case 'S': {
        std::string bytes;
        if (!readQuoted(bytes, kind == 'S') || !expect(';')) return fail(start);
        out = PhpValue::string(std::move(bytes));
        return true;
      }
      case 'a': {
        std::size_t count = 0;
        if (isKey || !readUnsigned(count) || !expect(":{")) return fail(start);
        out = PhpValue::array();
        return readEntries(out, count, depth, false);
      }
      case 'O':
      case 'C': {
        std::string className;
        std::size_t count = 0;
        if (isKey || !readQuoted(className, false) || !validClassName(className) || !expect(':') ||
            !readUnsigned(count) || !expect(":{"))
          return fail(start);
        out = PhpValue::object(className);
        if (kind == 'O') return readEntries(out, count, depth, true);
        if (!hasUnserializer(className)) return fail(start, fmt::format("Class {} has no unserializer", className));
        if (in_.size() - pos_ < count) return fail(start);
        out.setCustomData(std::string(in_.substr(pos_, count)));
        pos_ += count;
        return expect('}') || fail(start);
      }
      case 'r':
      case 'R': {
        std::size_t id = 0;
        if (isKey || !readUnsigned(id) || !expect(';') || id == 0 || id > slots_.size()) return fail(start);
        // Targets count from 1 in pre-order.
        const auto& target = slots_[id - 1];
        if (!target) return fail(start);  // a container still being read: a cycle we cannot represent
        if (kind == 'r' && !target->isObject()) return fail(start);
        out = *target;
        return true;
      }
      default:
        return fail(start);
    }
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::size_t failAt_ = 0;
  std::string error_;
  bool trackSlots_;
  std::vector<std::optional<PhpValue>> slots_;
};

}  // namespace

UnserializeResult unserialize(std::string_view bytes) {
  if (bytes.empty()) return {PhpValue::boolean(false), ""};
  return Reader(bytes).run();
}

}  // namespace m2stage::schema::php
