// The Customer step's configuration (schema/CustomerAttributes: the shipped customer group files)
// and the static-attribute split of the value tables (schema/CustomerStaticAttributes).
#include <gtest/gtest.h>

#include "schema/CustomerAttributes.hpp"
#include "schema/CustomerStaticAttributes.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::CustomerStaticAttributes;

schema::CustomerAttributes shipped() {
  auto folder = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4";
  return schema::CustomerAttributes::load(folder / "customer-document-groups.xml", folder / "customer-attribute-groups.xml");
}

TEST(CustomerAttributes, ShippedGroupsName12DocumentsOfTwoEntityTypes) {
  auto attributes = shipped();
  EXPECT_EQ(attributes.sourceDocuments().size(), 12u);
  EXPECT_EQ(attributes.entityTypes(), (std::vector<std::string>{"customer", "customer_address"}));
  EXPECT_TRUE(attributes.handles("customer_entity_varchar"));
  EXPECT_FALSE(attributes.handles("eav_attribute"));
  EXPECT_TRUE(attributes.isEntityDocument("customer_entity"));
  EXPECT_TRUE(attributes.isEntityDocument("customer_address_entity"));
  EXPECT_FALSE(attributes.isEntityDocument("customer_entity_int"));
  EXPECT_EQ(attributes.entityTypeOf("customer_address_entity_text"), "customer_address");
  EXPECT_EQ(attributes.entityTypeOf("customer_entity_datetime"), "customer");
  EXPECT_EQ(attributes.entityDocumentOf("customer_address"), "customer_address_entity");
  auto customer = attributes.staticAttributes("customer_entity");
  EXPECT_EQ(customer.size(), 15u);
  for (const char* code : {"firstname", "lastname", "dob", "password_hash", "default_billing", "gender"})
    EXPECT_NE(std::find(customer.begin(), customer.end(), code), customer.end()) << code;
  auto address = attributes.staticAttributes("customer_address_entity");
  EXPECT_EQ(address.size(), 19u);
  for (const char* code : {"city", "street", "telephone", "country_id", "region_id", "vat_id"})
    EXPECT_NE(std::find(address.begin(), address.end(), code), address.end()) << code;
}

TEST(CustomerAttributes, OfficialGroupsReadTheSame) {
  auto official = sharedFixtures();
  if (official.empty()) GTEST_SKIP() << "../shared absent";
  auto folder = official / "dmt-etc" / "opensource-to-opensource";
  auto attributes = schema::CustomerAttributes::load(folder / "customer-document-groups.xml.dist",
                                                     folder / "customer-attribute-groups.xml.dist");
  auto ours = shipped();
  EXPECT_EQ(attributes.sourceDocuments().size(), ours.sourceDocuments().size());
  auto sorted = [](std::vector<std::string> codes) {
    std::sort(codes.begin(), codes.end());
    return codes;
  };
  EXPECT_EQ(sorted(attributes.staticAttributes("customer_entity")), sorted(ours.staticAttributes("customer_entity")));
  EXPECT_EQ(sorted(attributes.staticAttributes("customer_address_entity")),
            sorted(ours.staticAttributes("customer_address_entity")));
}

TEST(CustomerStaticAttributes, SplitsValueRowsByAttributeId) {
  std::vector<CustomerStaticAttributes::Attribute> magento1 = {
      {5, "firstname", "varchar"}, {7, "lastname", "varchar"}, {11, "dob", "datetime"},
      {12, "password_hash", "varchar"}, {13, "default_billing", "int"}, {18, "gender", "int"},
      {1, "website_id", "static"},  {99, "loyalty_code", "varchar"}, {100, "newsletter_note", "text"},
  };
  CustomerStaticAttributes statics(magento1, {"firstname", "lastname", "dob", "password_hash", "default_billing",
                                              "gender", "website_id", "rp_token"});
  EXPECT_TRUE(statics.isStatic(5));
  EXPECT_TRUE(statics.isStatic(12));
  EXPECT_FALSE(statics.isStatic(99));   // a custom attribute stays a value row
  EXPECT_FALSE(statics.isStatic(100));
  EXPECT_EQ(statics.codeOf(11), "dob");
  EXPECT_EQ(statics.codeOf(99), "");
  EXPECT_EQ(statics.missing(), (std::vector<std::string>{"rp_token"}));  // not in Magento 1: its column gets the default
  std::map<std::string, std::vector<std::int64_t>> byType = {{"datetime", {11}}, {"int", {13, 18}}, {"varchar", {5, 7, 12}}};
  EXPECT_EQ(statics.idsByBackendType(), byType);  // website_id lives in the entity table already: no value table read
}

}  // namespace
}  // namespace m2stage::test
