#include "sample/People.hpp"

#include <vector>

#include <fmt/format.h>

#include "sample/Random.hpp"

namespace m2stage::sample {

namespace {

struct Place {
  const char* city;
  const char* countryId;
  const char* region;
};

const std::vector<std::string> kFirstnames = {
    "John", "Mary", "Jörg", "FranÃ§ois", "Zoë", "Anna", "Øyvind", "José", "Ã‰lodie", "Li", "Siobhán", "Mark",
    "Emma", "Renée", "Ahmed", "Olga", "D'Arcy", "Kate"};
const std::vector<std::string> kLastnames = {
    "Smith", "Müller", "MÃ¼ller", "O'Brien", "García", "Nguyễn", "Dubois", "Kowalski", "Ström", "Rossi",
    "Brown", "Jensen", "Petrović", "Taylor", "d\\Este", "Lefèvre"};
const std::vector<Place> kPlaces = {
    {"Austin", "US", "Texas"}, {"Paris", "FR", "Île-de-France"}, {"München", "DE", "Bayern"},
    {"MÃ¼nchen", "DE", "Bayern"}, {"London", "GB", ""}, {"Kraków", "PL", ""}, {"Zürich", "CH", "Zürich"},
    {"New York", "US", "New York"}};
const std::vector<std::string> kStreets = {"Main Street", "Rue de la Paix", "Königstraße", "High St.\nFlat 2",
                                           "Calle Mayor", "Elm Road"};

std::string asciiToken(const std::string& name, std::int64_t index) {
  std::string token;
  for (char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) token += static_cast<char>(c | 0x20);
  }
  return fmt::format("{}{}", token.empty() ? "user" : token, index);
}

}  // namespace

Person People::make(std::uint64_t stream, std::int64_t index, const std::string& emailTag) const {
  Random random(seed_, stream, static_cast<std::uint64_t>(index));
  Person person;
  person.firstname = random.pick(kFirstnames);
  person.lastname = random.pick(kLastnames);
  if (random.percent(15)) person.middlename = random.percent(50) ? "A." : "Marie";
  person.email = fmt::format("{}.{}@{}", asciiToken(person.firstname, index + 1), emailTag,
                             random.percent(70) ? "example.com" : "example.org");
  person.telephone = fmt::format("+1 512 {:03} {:04}", random.below(1000), random.below(10000));
  const Place& place = kPlaces[random.below(kPlaces.size())];
  person.city = place.city;
  person.countryId = place.countryId;
  person.region = place.region;
  person.postcode = fmt::format("{:05}", random.below(100000));
  person.street = fmt::format("{} {}", random.between(1, 250), random.pick(kStreets));
  person.gender = static_cast<int>(random.below(3));
  if (!random.percent(20)) person.dob = static_cast<std::int64_t>(random.between(-600000000, 1000000000)) / 86400 * 86400;
  std::string salt = random.hex(2);
  person.passwordHash = random.hex(32) + ":" + salt;
  return person;
}

Person People::customer(std::int64_t index) const { return make(1, index, "c"); }

Person People::guest(std::int64_t order) const { return make(2, order, "g"); }

}  // namespace m2stage::sample
