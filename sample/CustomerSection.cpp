#include "sample/CustomerSection.hpp"

#include "sample/Attributes.hpp"

namespace m2stage::sample {

namespace {
using F = Field;
F n(std::int64_t value) { return F::number(value); }

const TableSpec kEntity{"customer_entity",
                        {"entity_id", "entity_type_id", "attribute_set_id", "website_id", "email", "group_id",
                         "increment_id", "store_id", "created_at", "updated_at", "is_active", "disable_auto_group_change"}};
const TableSpec kVarchar{"customer_entity_varchar", {"value_id", "entity_type_id", "attribute_id", "entity_id", "value"}};
const TableSpec kInt{"customer_entity_int", {"value_id", "entity_type_id", "attribute_id", "entity_id", "value"}};
const TableSpec kDatetime{"customer_entity_datetime", {"value_id", "entity_type_id", "attribute_id", "entity_id", "value"}};
const TableSpec kAddress{"customer_address_entity",
                         {"entity_id", "entity_type_id", "attribute_set_id", "increment_id", "parent_id", "created_at",
                          "updated_at", "is_active"}};
const TableSpec kAddressVarchar{"customer_address_entity_varchar",
                                {"value_id", "entity_type_id", "attribute_id", "entity_id", "value"}};
const TableSpec kAddressText{"customer_address_entity_text", {"value_id", "entity_type_id", "attribute_id", "entity_id", "value"}};
}  // namespace

void CustomerSection::write() {
  for (std::int64_t k = 0; k < plan_.customers(); ++k) customer(k);
}

void CustomerSection::customer(std::int64_t k) {
  using namespace attribute;
  Person person = people_.customer(k);
  std::int64_t id = k + 1;
  std::int64_t store = Plan::customerStore(k);
  std::int64_t created = kStoreOpened + k * 86400 * 365 / plan_.customers() + k % 3600;
  // Magento 1 left updated_at at its zero default on customers imported by old extensions.
  F updated = k % 10 == 3 ? F::zeroDate() : F::datetime(created + 86400 * (k % 40));
  sink_.add(kEntity, {n(id), n(kCustomer), n(1), n(Plan::websiteOfStore(store)), F::text(person.email), n(k % 7 == 0 ? 2 : 1),
                      F::null(), n(store), F::datetime(created), updated, n(k % 50 == 49 ? 0 : 1), n(0)});

  auto varchar = [&](int attribute, F value) { sink_.add(kVarchar, {n(++varcharId_), n(kCustomer), n(attribute), n(id), std::move(value)}); };
  varchar(kFirstname, F::text(person.firstname));
  varchar(kMiddlename, person.middlename ? F::text(*person.middlename) : F::null());
  varchar(kLastname, F::text(person.lastname));
  varchar(kPasswordHash, F::text(person.passwordHash));

  std::int64_t firstAddress = Plan::firstAddressId(k);
  std::int64_t addresses = Plan::addressCount(k);
  auto integer = [&](int attribute, std::int64_t value) { sink_.add(kInt, {n(++intId_), n(kCustomer), n(attribute), n(id), n(value)}); };
  integer(kDefaultBilling, firstAddress);
  integer(kDefaultShipping, firstAddress + addresses - 1);
  integer(kGender, person.gender);
  sink_.add(kDatetime, {n(++datetimeId_), n(kCustomer), n(kDob), n(id), person.dob ? F::datetime(*person.dob) : F::zeroDate()});

  for (std::int64_t a = 0; a < addresses; ++a) {
    std::int64_t addressId = firstAddress + a;
    sink_.add(kAddress, {n(addressId), n(kCustomerAddress), n(2), F::null(), n(id), F::datetime(created + a * 3600),
                         F::datetime(created + a * 3600), n(1)});
    // The second address is the shipping address at work: same person, other place.
    Person place = a == 0 ? person : people_.guest(-1 - k);
    auto value = [&](int attribute, const std::string& text) {
      sink_.add(kAddressVarchar, {n(++addressVarcharId_), n(kCustomerAddress), n(attribute), n(addressId), F::text(text)});
    };
    value(kAddressFirstname, person.firstname);
    value(kAddressLastname, person.lastname);
    value(kCity, place.city);
    value(kCountryId, place.countryId);
    value(kPostcode, place.postcode);
    value(kTelephone, place.telephone);
    sink_.add(kAddressText, {n(++addressTextId_), n(kCustomerAddress), n(kStreet), n(addressId), F::text(place.street)});
  }
}

}  // namespace m2stage::sample
