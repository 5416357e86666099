// Product reviews with their rating votes, and newsletter subscribers (customers and guests).
#pragma once

#include <cstdint>

#include "sample/People.hpp"
#include "sample/Plan.hpp"
#include "sample/RowSink.hpp"

namespace m2stage::sample {

class CommunitySection {
 public:
  CommunitySection(const Plan& plan, std::uint64_t seed, RowSink& sink) : plan_(plan), seed_(seed), people_(seed), sink_(sink) {}
  void write();

 private:
  void review(std::int64_t index);
  const Plan& plan_;
  std::uint64_t seed_;
  People people_;
  RowSink& sink_;
  std::int64_t voteId_ = 0;
};

}  // namespace m2stage::sample
