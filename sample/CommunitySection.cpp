#include "sample/CommunitySection.hpp"

#include <fmt/format.h>

#include "sample/CustomerSection.hpp"
#include "sample/Random.hpp"

namespace m2stage::sample {

namespace {
using F = Field;
F n(std::int64_t value) { return F::number(value); }

const TableSpec kReview{"review", {"review_id", "created_at", "entity_id", "entity_pk_value", "status_id"}};
const TableSpec kDetail{"review_detail", {"detail_id", "review_id", "store_id", "title", "detail", "nickname", "customer_id"}};
const TableSpec kVote{"rating_option_vote",
                      {"vote_id", "option_id", "remote_ip", "remote_ip_long", "customer_id", "entity_pk_value", "rating_id",
                       "review_id", "percent", "value"}};
const TableSpec kSubscriber{"newsletter_subscriber",
                            {"subscriber_id", "store_id", "change_status_at", "customer_id", "subscriber_email",
                             "subscriber_status", "subscriber_confirm_code"}};
const char* kTitles[] = {"Great!", "Not bad", "Très bien", "Would buy again", "Meh — it's OK", "Schlecht"};
}  // namespace

void CommunitySection::write() {
  for (std::int64_t r = 0; r < plan_.reviews(); ++r) review(r);

  std::int64_t id = 0;
  for (std::int64_t k = 0; k < plan_.customers(); k += 4) {
    Person person = people_.customer(k);
    std::int64_t status = k % 12 == 8 ? 3 : 1;  // some unsubscribed
    sink_.add(kSubscriber, {n(++id), n(Plan::customerStore(k)), k % 8 == 0 ? F::null() : F::datetime(kStoreOpened + k * 3600),
                            n(k + 1), F::text(person.email), n(status), F::text(fmt::format("{:08x}", 0x5eed0000 + k))});
  }
  for (std::int64_t g = 0; g < plan_.guestSubscribers(); ++g) {
    Random random(seed_, 10, static_cast<std::uint64_t>(g));
    // Unconfirmed guests (status 2) keep Magento 1's literal 'NULL' confirm code default.
    bool confirmed = g % 3 != 0;
    sink_.add(kSubscriber, {n(++id), n(1 + g % 2), F::datetime(kStoreOpened + 86400 * 400 + g * 7200), n(0),
                            F::text(fmt::format("newsletter{}@example.net", g + 1)), n(confirmed ? 1 : 2),
                            confirmed ? F::text(random.hex(32)) : F::text("NULL")});
  }
}

void CommunitySection::review(std::int64_t r) {
  Random random(seed_, 11, static_cast<std::uint64_t>(r));
  std::int64_t id = r + 1;
  std::int64_t product = r * 3 % plan_.products() + 1;
  bool guest = r % 4 == 3;
  std::int64_t customer = r * 13 % plan_.customers();
  Person person = guest ? people_.guest(-2000000 - r) : people_.customer(customer);
  std::int64_t created = kStoreOpened + 86400 * 400 + r * 86400 * 300 / plan_.reviews();
  sink_.add(kReview, {n(id), F::datetime(created), n(1), n(product), n(r % 10 == 9 ? 2 : (r % 10 == 8 ? 3 : 1))});
  sink_.add(kDetail, {n(id), n(id), n(1 + r % 2), F::text(kTitles[r % 6]),
                      F::text(fmt::format("{} — I bought it for my {}.\r\nFive stars for \"delivery\", {} for the rest.",
                                          kTitles[(r + 1) % 6], r % 2 ? "sister" : "dad", 1 + r % 5)),
                      F::text(person.firstname), guest ? F::null() : n(customer + 1)});
  unsigned char ip[4] = {static_cast<unsigned char>(random.between(1, 223)), static_cast<unsigned char>(random.below(256)),
                         static_cast<unsigned char>(random.below(256)), static_cast<unsigned char>(random.below(256))};
  std::string remoteIp = fmt::format("{}.{}.{}.{}", ip[0], ip[1], ip[2], ip[3]);
  for (std::int64_t rating = 1; rating <= 3; ++rating) {
    std::int64_t value = random.between(1, 5);
    // Magento 1.9 keeps the packed address bytes (inet_pton) in a VARBINARY column.
    sink_.add(kVote, {n(++voteId_), n((rating - 1) * 5 + value), F::text(remoteIp),
                      F::binary(std::string(reinterpret_cast<const char*>(ip), 4)), guest ? F::null() : n(customer + 1),
                      n(product), n(rating), n(id), n(value * 20), n(value)});
  }
}

}  // namespace m2stage::sample
