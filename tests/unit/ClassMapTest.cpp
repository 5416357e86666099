// class-map.xml reading and lookups.
#include <gtest/gtest.h>

#include <fstream>

#include "schema/ClassMap.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

TEST(ClassMapTest, ReadsRenamesAndEmptyTargets) {
  auto directory = makeTempDir("m2stage-classmap");
  auto path = directory / "class-map.xml";
  std::ofstream(path) << "<classmap><rename><from>a/b</from><to>A\\B</to></rename>"
                         "<rename><from>c/d</from><to/></rename><rename><from>a/b</from><to>A\\C</to></rename></classmap>";
  auto map = schema::ClassMap::load(path);
  EXPECT_EQ(map.convert("a/b"), "A\\C") << "a repeated <from> keeps the last <to>";
  EXPECT_EQ(map.convert("c/d"), "");
  EXPECT_TRUE(map.has("c/d"));
  EXPECT_EQ(map.convert("x/y"), "");
  EXPECT_FALSE(map.has("x/y"));
  ASSERT_EQ(map.renames().size(), 2u);
  EXPECT_EQ(map.renames()[0].from, "a/b");
  std::ofstream(path) << "<classmap><rename><to>x</to></rename></classmap>";
  EXPECT_THROW(schema::ClassMap::load(path), schema::InputError);
  EXPECT_THROW(schema::ClassMap::load(directory / "missing.xml"), schema::InputError);
  std::filesystem::remove_all(directory);
}

TEST(ClassMapTest, ReadsTheOfficialClassMap) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = schema::ClassMap::load(sharedFixtures() / "dmt-etc/opensource-to-opensource/class-map.xml.dist");
  EXPECT_EQ(map.renames().size(), 126u) << "127 renames, sales/order_payment twice";
  EXPECT_EQ(map.convert("catalogrule/rule_condition_combine"), "Magento\\CatalogRule\\Model\\Rule\\Condition\\Combine");
  EXPECT_TRUE(map.has("adminhtml/catalog_product_helper_form_msrp_enabled"));
  EXPECT_EQ(map.convert("adminhtml/catalog_product_helper_form_msrp_enabled"), "");
}

}  // namespace
}  // namespace m2stage::test
