// map.xml: ignores (with wildcards), renames and moves in both directions, handlers, the official
// "ambiguous configuration" errors, and messages for malformed maps.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <pugixml.hpp>

#include "schema/MapRules.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::InputError;
using schema::MapRules;
using schema::Side;

class MapRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = makeTempDir("m2stage-map");
    path_ = directory_ / "map.xml";
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write(const std::string& text, const std::string& name = "map.xml") {
    auto path = directory_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  // A map with the given inner XML of <source> and <destination>; <source> starts on line 3.
  MapRules load(const std::string& source, const std::string& destination = "") {
    return MapRules::load(write("<?xml version=\"1.0\"?>\n<map>\n<source>\n" + source + "</source>\n<destination>\n" +
                                        destination + "</destination>\n</map>\n"));
  }
  std::string loadError(const std::string& source, const std::string& destination = "") {
    try {
      load(source, destination);
    } catch (const InputError& error) {
      return error.what();
    }
    return "";
  }

  std::filesystem::path directory_;
  std::filesystem::path path_;
};

template <typename F>
std::string errorOf(F&& f) {
  try {
    f();
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

std::filesystem::path fixtureMap() { return sharedFixtures() / "dmt-tests/_files/map.xml"; }
std::filesystem::path officialMap() {
  return sharedFixtures() / "dmt-etc/opensource-to-opensource/1.9.4.5/map.xml.dist";
}

// --- the official integration-test map -----------------------------------------------------------

TEST_F(MapRulesTest, FixtureMapIgnoresDocumentsPerSideIncludingWildcards) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = MapRules::load(fixtureMap());
  EXPECT_TRUE(map.isDocumentIgnored("source_table_ignored", Side::Source));
  EXPECT_TRUE(map.isDocumentIgnored("table_ignored", Side::Source));
  EXPECT_FALSE(map.isDocumentIgnored("table_ignored", Side::Destination)) << "ignores are per side";
  EXPECT_TRUE(map.isDocumentIgnored("sales_flat_order", Side::Source));
  EXPECT_TRUE(map.isDocumentIgnored("sales_order", Side::Destination));
  EXPECT_TRUE(map.isDocumentIgnored("source_table_1", Side::Source)) << "source_table_*";
  EXPECT_TRUE(map.isDocumentIgnored("source_table_renamed", Side::Source)) << "source_table_*";
  EXPECT_FALSE(map.isDocumentIgnored("source_table_1", Side::Destination));
  EXPECT_FALSE(map.isDocumentIgnored("source_table", Side::Source)) << "source_table_* needs the underscore";
  EXPECT_FALSE(map.isDocumentIgnored("my_source_table_1", Side::Source)) << "wildcards are anchored at the start";
  EXPECT_TRUE(map.isDocumentIgnored("dest_table_2", Side::Destination)) << "dest_table_*";
  EXPECT_FALSE(map.isDocumentIgnored("common_table", Side::Source));
  EXPECT_FALSE(map.isDocumentIgnored("common_table", Side::Destination));

  EXPECT_EQ(map.documentMap("source_table_ignored", Side::Source), std::nullopt);
  EXPECT_EQ(map.documentMap("source_table_renamed", Side::Source), std::nullopt) << "the ignore wins over the rename";
  EXPECT_EQ(map.documentMap("table_ignored", Side::Destination), "table_ignored");
}

TEST_F(MapRulesTest, FixtureMapRenamesDocumentsBothWays) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = MapRules::load(fixtureMap());
  EXPECT_EQ(map.documentMap("table_with_data", Side::Source), "table_without_data");
  EXPECT_EQ(map.documentMap("table_without_data", Side::Destination), "table_with_data");
  EXPECT_EQ(map.documentMap("table_without_data", Side::Source), "table_with_data") << "lookup is bidirectional";
  EXPECT_EQ(map.documentMap("common_table", Side::Source), "common_table");
  EXPECT_EQ(map.documentMap("common_table", Side::Destination), "common_table");
}

TEST_F(MapRulesTest, FixtureMapMovesFieldsBothWaysAndIgnoresFields) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = MapRules::load(fixtureMap());
  EXPECT_EQ(map.fieldMap("common_table", "field1", Side::Source), "field1_moved");
  EXPECT_EQ(map.fieldMap("common_table", "field1_moved", Side::Destination), "field1");
  EXPECT_EQ(map.fieldMap("common_table", "common_field", Side::Source), "common_field");
  EXPECT_EQ(map.fieldMap("table_with_data", "field2", Side::Source), "field2");

  EXPECT_TRUE(map.isFieldIgnored("common_table", "source_field_ignored", Side::Source));
  EXPECT_FALSE(map.isFieldIgnored("common_table", "source_field_ignored", Side::Destination));
  EXPECT_EQ(map.fieldMap("common_table", "source_field_ignored", Side::Source), std::nullopt);
  EXPECT_TRUE(map.isFieldIgnored("common_table", "dest_field_ignored", Side::Destination));
  EXPECT_EQ(map.fieldMap("common_table", "dest_field_ignored", Side::Destination), std::nullopt);
  EXPECT_TRUE(map.isFieldIgnored("source_table", "ignored_field", Side::Source));

  EXPECT_EQ(errorOf([&] { map.fieldMap("source_table_renamed", "moved_field", Side::Source); }),
            "Document has ambiguous configuration: source_table_renamed")
      << "its document is ignored by source_table_*";
}

TEST_F(MapRulesTest, FixtureMapHasADestinationSetValueHandler) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = MapRules::load(fixtureMap());
  auto handlers = map.handlers("common_table", "common_field", Side::Destination);
  ASSERT_EQ(handlers.size(), 1u);
  EXPECT_EQ(handlers[0].className, "Migration\\Handler\\SetValue") << "leading backslash removed";
  EXPECT_EQ(handlers[0].params, (std::map<std::string, std::string>{{"value", "123"}}));
  EXPECT_EQ(handlers[0].location, fixtureMap().string() + ":73");
  EXPECT_TRUE(map.handlers("common_table", "common_field", Side::Source).empty()) << "handlers are per side";
  EXPECT_TRUE(map.hasHandlers("common_table", Side::Destination));
  EXPECT_FALSE(map.hasHandlers("common_table", Side::Source));
  EXPECT_FALSE(map.hasHandlers("common", Side::Destination)) << "a document prefix is not the document";
  EXPECT_EQ(map.allHandlers().size(), 1u);
}

TEST_F(MapRulesTest, EmptyMapsMapEverythingToItself) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  for (const char* name : {"empty-map.xml", "deltalog-empty.xml"}) {
    auto map = MapRules::load(sharedFixtures() / "dmt-tests/_files" / name);
    EXPECT_FALSE(map.isDocumentIgnored("anything", Side::Source)) << name;
    EXPECT_EQ(map.documentMap("sales_flat_order", Side::Source), "sales_flat_order") << name;
    EXPECT_EQ(map.fieldMap("sales_flat_order", "entity_id", Side::Destination), "entity_id") << name;
    EXPECT_TRUE(map.allHandlers().empty()) << name;
  }
  MapRules none;
  EXPECT_EQ(none.documentMap("a", Side::Destination), "a");
  EXPECT_EQ(none.fieldMap("a", "b", Side::Source), "b");
}

// Every map of the official integration tests (dmt-tests/_files and its 2.4-develop folder) loads.
// Files with "map" in their name that are not maps are left out: class-map.xml (<classmap>) and
// config-with-empty-map.xml (<config>). deltalog-empty.xml is a <map> but is named for the delta
// log; EmptyMapsMapEverythingToItself loads it.
TEST_F(MapRulesTest, EveryOfficialTestMapLoads) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto base = sharedFixtures() / "dmt-tests/_files";
  std::vector<std::string> loaded;
  std::size_t transforms = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(base)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() != ".xml" || name.find("map") == std::string::npos) continue;
    if (name == "class-map.xml" || name.starts_with("config")) continue;
    std::string relative = std::filesystem::relative(entry.path(), base).string();
    try {
      auto map = MapRules::load(entry.path());
      transforms += map.allHandlers().size();
      loaded.push_back(relative);
    } catch (const InputError& error) {
      ADD_FAILURE() << relative << ": " << error.what();
    }
  }
  std::sort(loaded.begin(), loaded.end());
  EXPECT_EQ(loaded, (std::vector<std::string>{"2.4-develop/ee.map-eav.xml", "2.4-develop/map-eav.xml", "ee.map-eav.xml",
                                              "empty-map.xml", "map-customer.xml", "map-eav.xml", "map-sales.xml",
                                              "map-stores.xml", "map-tier-price-fail.xml", "map-tier-price.xml",
                                              "map.xml"}));
  EXPECT_GT(transforms, 100u);

  // A rule from each kind of test map, read as upstream reads it.
  auto eav = MapRules::load(base / "map-eav.xml");
  auto applyTo = eav.handlers("catalog_eav_attribute", "apply_to", Side::Source);
  ASSERT_EQ(applyTo.size(), 2u) << "two transforms on one field, in file order";
  EXPECT_EQ(applyTo[0].className, "Migration\\Handler\\GetDestinationValue");
  EXPECT_EQ(applyTo[1].className, "Migration\\Handler\\EavAttribute\\ConvertConfigurableAttribute");
  EXPECT_TRUE(eav.isFieldIgnored("catalog_eav_attribute", "is_configurable", Side::Source));
  auto tierPrice = MapRules::load(base / "map-tier-price.xml");
  EXPECT_TRUE(tierPrice.isFieldIgnored("catalog_product_entity_tier_price", "custom_field", Side::Source));
  EXPECT_TRUE(MapRules::load(base / "map-tier-price-fail.xml").allHandlers().empty());
}

// --- the official 1.9.4.5 map ------------------------------------------------------------------------

TEST_F(MapRulesTest, Official1945MapHoldsKnownFacts) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = MapRules::load(officialMap());
  EXPECT_EQ(map.documentMap("sales_flat_order", Side::Source), "sales_order");
  EXPECT_EQ(map.documentMap("sales_order", Side::Destination), "sales_flat_order");
  EXPECT_EQ(map.documentMap("sales_flat_shipment", Side::Source), "sales_shipment");
  EXPECT_TRUE(map.isDocumentIgnored("m2_cl_catalog_product_entity", Side::Source));
  EXPECT_TRUE(map.isDocumentIgnored("catalog_product_flat_1", Side::Source));
  EXPECT_TRUE(map.isDocumentIgnored("migration_backup_foo", Side::Destination));
  EXPECT_TRUE(map.isDocumentIgnored("sequence_order_1", Side::Destination));
  EXPECT_FALSE(map.isDocumentIgnored("sequence_order_1", Side::Source));

  EXPECT_EQ(map.fieldMap("sales_flat_order", "hidden_tax_amount", Side::Source), "discount_tax_compensation_amount");
  EXPECT_EQ(map.fieldMap("sales_order", "discount_tax_compensation_amount", Side::Destination), "hidden_tax_amount");
  EXPECT_EQ(map.fieldMap("cms_page", "root_template", Side::Source), "page_layout");
  EXPECT_TRUE(map.isDataTypeIgnored("sendfriend_log", "ip", Side::Source));
  EXPECT_FALSE(map.isFieldIgnored("sendfriend_log", "ip", Side::Source));
  EXPECT_TRUE(map.isFieldIgnored("admin_rule", "role_type", Side::Source));

  auto convert = map.handlers("cms_page", "root_template", Side::Source);
  ASSERT_EQ(convert.size(), 1u);
  EXPECT_EQ(convert[0].className, "Migration\\Handler\\Convert");
  EXPECT_EQ(convert[0].params.at("defaultValue"), "1column");
  EXPECT_EQ(convert[0].params.at("map"),
            "[one_column:1column;two_columns_left:2columns-left;two_columns_right:2columns-right;three_columns:3columns]");

  EXPECT_TRUE(map.isFieldIgnored("product_alert_price", "store_id", Side::Destination));
  auto storeId = map.handlers("product_alert_price", "store_id", Side::Destination);
  ASSERT_EQ(storeId.size(), 1u);
  EXPECT_EQ(storeId[0].className, "Migration\\Handler\\ProductAlertStoreId");
  auto locale = map.handlers("admin_user", "interface_locale", Side::Destination);
  ASSERT_EQ(locale.size(), 1u);
  EXPECT_EQ(locale[0].params.at("value"), "en_US");

  EXPECT_EQ(map.allHandlers().size(), 70u) << "70 <transform> rules";
}

TEST_F(MapRulesTest, Official1945MapResolvesEveryRenameAndMoveWithoutAmbiguity) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto map = MapRules::load(officialMap());
  pugi::xml_document xml;
  ASSERT_TRUE(xml.load_file(officialMap().c_str()));
  auto part = [](const std::string& docField, bool field) {
    auto dot = docField.find('.');
    return field ? docField.substr(dot + 1) : docField.substr(0, dot);
  };
  int renames = 0, moves = 0;
  for (auto rename : xml.select_nodes("/map/source/document_rules/rename")) {
    std::string from = rename.node().child_value("document"), to = rename.node().child_value("to");
    EXPECT_EQ(map.documentMap(from, Side::Source), to);
    if (map.isDocumentIgnored(to, Side::Destination)) {
      EXPECT_EQ(map.documentMap(to, Side::Destination), std::nullopt) << to;
    } else {
      EXPECT_EQ(map.documentMap(to, Side::Destination), from) << to;
    }
    ++renames;
  }
  for (auto move : xml.select_nodes("/map/source/field_rules/move")) {
    std::string from = move.node().child_value("field"), to = move.node().child_value("to");
    EXPECT_EQ(map.fieldMap(part(from, false), part(from, true), Side::Source), part(to, true)) << from;
    EXPECT_EQ(map.fieldMap(part(to, false), part(to, true), Side::Destination), part(from, true)) << to;
    ++moves;
  }
  EXPECT_EQ(renames, 35);
  EXPECT_EQ(moves, 38);
}

// --- semantics on small maps ------------------------------------------------------------------------

TEST_F(MapRulesTest, WildcardsAreFullMatchGlobsWithMetacharactersEscaped) {
  auto map = load(
      "<document_rules>\n"
      "<ignore><document>catalog_product_flat*</document></ignore>\n"
      "<ignore><document>a.b*</document></ignore>\n"
      "<ignore><document>*_tmp</document></ignore>\n"
      "<ignore><document>s_*b_*_*</document></ignore>\n"
      "</document_rules>\n",
      "<document_rules><ignore><document>report_*</document></ignore></document_rules>\n");
  EXPECT_TRUE(map.isDocumentIgnored("catalog_product_flat_1", Side::Source));
  EXPECT_TRUE(map.isDocumentIgnored("catalog_product_flat", Side::Source)) << "* may match nothing";
  EXPECT_FALSE(map.isDocumentIgnored("xcatalog_product_flat_1", Side::Source)) << "anchored at the start";
  EXPECT_TRUE(map.isDocumentIgnored("a.b_1", Side::Source));
  EXPECT_FALSE(map.isDocumentIgnored("axb_1", Side::Source)) << "'.' is literal (upstream: any character)";
  EXPECT_TRUE(map.isDocumentIgnored("cache_tmp", Side::Source));
  EXPECT_FALSE(map.isDocumentIgnored("cache_tmp_2", Side::Source)) << "anchored at the end (upstream: not)";
  EXPECT_TRUE(map.isDocumentIgnored("s_xb_y_z", Side::Source));
  EXPECT_FALSE(map.isDocumentIgnored("s_b", Side::Source));
  EXPECT_FALSE(map.isDocumentIgnored("report_event", Side::Source)) << "wildcards are per side";
  EXPECT_TRUE(map.isDocumentIgnored("report_event", Side::Destination));
  EXPECT_FALSE(map.isDocumentIgnored("catalog_product_flat_1", Side::Destination));
}

TEST_F(MapRulesTest, FirstRenameInFileOrderWins) {
  auto map = load(
      "<document_rules>\n"
      "<rename><document>a</document><to>b</to></rename>\n"
      "<rename><document>c</document><to>a</to></rename>\n"
      "</document_rules>\n");
  EXPECT_EQ(map.documentMap("a", Side::Source), "b");
  EXPECT_EQ(map.documentMap("b", Side::Destination), "a");
  EXPECT_EQ(map.documentMap("c", Side::Source), "a");
}

TEST_F(MapRulesTest, MoveUsesOnlyTheFieldPartOfItsTarget) {
  auto map = load("<field_rules><move><field>doc.old</field><to>elsewhere.new</to></move></field_rules>\n");
  EXPECT_EQ(map.fieldMap("doc", "old", Side::Source), "new");
  EXPECT_EQ(map.fieldMap("elsewhere", "new", Side::Destination), "old");
  EXPECT_EQ(map.fieldMap("doc", "new", Side::Source), "new") << "moves match doc.field exactly";
}

TEST_F(MapRulesTest, SeveralTransformsOnOneFieldKeepFileOrder) {
  auto map = load(
      "<field_rules>\n"
      "<transform><field>doc.f</field><handler class=\"Migration\\Handler\\First\"/></transform>\n"
      "<transform><field>doc.g</field><handler class=\"\\Migration\\Handler\\Other\"/></transform>\n"
      "<transform><field>doc.f</field><handler class=\"\\Migration\\Handler\\Second\">"
      "<param name=\"a\" value=\"1\"/><param name=\"b\" value=\"\"/></handler></transform>\n"
      "</field_rules>\n");
  auto handlers = map.handlers("doc", "f", Side::Source);
  ASSERT_EQ(handlers.size(), 2u);
  EXPECT_EQ(handlers[0].className, "Migration\\Handler\\First");
  EXPECT_EQ(handlers[1].className, "Migration\\Handler\\Second");
  EXPECT_EQ(handlers[1].params, (std::map<std::string, std::string>{{"a", "1"}, {"b", ""}}));
  EXPECT_EQ(handlers[1].location, path_.string() + ":7");
  EXPECT_EQ(map.allHandlers().size(), 3u);
}

TEST_F(MapRulesTest, AmbiguousConfigurationsThrowTheOfficialMessages) {
  auto map = load(
      "<document_rules><ignore><document>source-document-ignored</document></ignore></document_rules>\n"
      "<field_rules>\n"
      "<ignore><field>src.a</field></ignore>\n"
      "<move><field>source-document5.field3</field><to>dest-document-ignored.field3</to></move>\n"
      "<move><field>source-document5.field4</field><to>dest-document5.field5</to></move>\n"
      "<move><field>src.a</field><to>dst.b</to></move>\n"
      "</field_rules>\n",
      "<document_rules><ignore><document>dest-document-ignored</document></ignore></document_rules>\n"
      "<field_rules><ignore><field>dest-document5.field5</field></ignore></field_rules>\n");
  EXPECT_EQ(errorOf([&] { map.fieldMap("source-document-ignored", "field3", Side::Source); }),
            "Document has ambiguous configuration: source-document-ignored");
  EXPECT_EQ(errorOf([&] { map.fieldMap("source-document5", "field3", Side::Source); }),
            "Document has ambiguous configuration: dest-document-ignored")
      << "the move's target document is ignored on the other side";
  EXPECT_EQ(errorOf([&] { map.fieldMap("source-document5", "field4", Side::Source); }),
            "Field has ambiguous configuration: dest-document5.field5")
      << "the move's target field is ignored on the other side";
  EXPECT_EQ(errorOf([&] { map.fieldMap("dst", "b", Side::Destination); }), "Field has ambiguous configuration: src.a")
      << "the same check in the reverse direction";
  EXPECT_EQ(map.fieldMap("src", "a", Side::Source), std::nullopt) << "an ignored field is never ambiguous";
  EXPECT_EQ(map.fieldMap("dest-document5", "field5", Side::Destination), std::nullopt);
}

// --- malformed maps ---------------------------------------------------------------------------------

TEST_F(MapRulesTest, MissingFileUsesTheOfficialMessage) {
  auto missing = directory_ / "missing.xml";
  EXPECT_EQ(errorOf([&] { MapRules::load(missing); }), "Invalid map filename: " + missing.string());
}

TEST_F(MapRulesTest, MalformedXmlNamesFileAndLine) {
  auto path = write("<?xml version=\"1.0\"?>\n<map>\n<source>\n<document_rules>\n</source>\n</map>\n");
  std::string error = errorOf([&] { MapRules::load(path); });
  EXPECT_EQ(error.rfind(path.string() + ":5:", 0), 0u) << error;
}

TEST_F(MapRulesTest, WrongRootAndMissingSideAreRefused) {
  auto wrongRoot = write("<?xml version=\"1.0\"?>\n<config/>\n", "root.xml");
  EXPECT_EQ(errorOf([&] { MapRules::load(wrongRoot); }), wrongRoot.string() + ":2: the root element must be <map>");
  auto noDestination = write("<map>\n<source/>\n</map>\n", "side.xml");
  EXPECT_EQ(errorOf([&] { MapRules::load(noDestination); }),
            noDestination.string() + ":1: <map> needs a <destination> element");
}

TEST_F(MapRulesTest, DuplicateHandlerParamIsRefused) {
  EXPECT_EQ(loadError("<field_rules>\n<transform><field>doc.f</field>\n<handler class=\"X\">\n"
                      "<param name=\"value\" value=\"1\"/>\n<param name=\"value\" value=\"2\"/>\n"
                      "</handler></transform>\n</field_rules>\n"),
            path_.string() + ":8: handler param \"value\" is given twice");
}

TEST_F(MapRulesTest, FieldThatIsNotDocDotFieldIsRefused) {
  EXPECT_EQ(loadError("<field_rules>\n<ignore>\n<field>nodot</field></ignore>\n</field_rules>\n"),
            path_.string() + ":6: <field>nodot</field> must be document.field");
  EXPECT_EQ(loadError("<field_rules>\n<move><field>a.b</field>\n<to>a.b.c</to></move>\n</field_rules>\n"),
            path_.string() + ":6: <to>a.b.c</to> must be document.field");
  EXPECT_EQ(loadError("", "<field_rules>\n<ignore><datatype>.x</datatype></ignore>\n</field_rules>\n"),
            path_.string() + ":7: <datatype>.x</datatype> must be document.field");
}

TEST_F(MapRulesTest, UnknownElementsAreRefusedWithFileAndLine) {
  EXPECT_EQ(loadError("<field_rules>\n<frobnicate/>\n</field_rules>\n"),
            path_.string() + ":5: <frobnicate> is not allowed in source field_rules");
  EXPECT_EQ(loadError("", "<document_rules>\n<rename><document>a</document><to>b</to></rename>\n</document_rules>\n"),
            path_.string() + ":7: <rename> is not allowed in destination document_rules")
      << "renames belong to the source side";
  EXPECT_EQ(loadError("", "<field_rules>\n<move><field>a.b</field><to>a.c</to></move>\n</field_rules>\n"),
            path_.string() + ":7: <move> is not allowed in destination field_rules");
  EXPECT_EQ(loadError("<field_rule>\n<ignore><field>a.b</field></ignore>\n</field_rule>\n"),
            path_.string() + ":4: <field_rule> is not allowed in source")
      << "a misspelt block must not drop its rules silently";
}

TEST_F(MapRulesTest, MissingToOrDocumentIsRefused) {
  EXPECT_EQ(loadError("<document_rules>\n<rename><document>a</document></rename>\n</document_rules>\n"),
            path_.string() + ":5: <rename> needs a <to> element");
  EXPECT_EQ(loadError("<field_rules>\n<move><field>a.b</field></move>\n</field_rules>\n"),
            path_.string() + ":5: <move> needs a <to> element");
  EXPECT_EQ(loadError("<document_rules>\n<ignore><document> </document></ignore>\n</document_rules>\n"),
            path_.string() + ":5: <document> is empty");
  EXPECT_EQ(loadError("<field_rules>\n<ignore/>\n</field_rules>\n"),
            path_.string() + ":5: <ignore> needs <field> or <datatype>");
}

TEST_F(MapRulesTest, BadHandlerIsRefused) {
  EXPECT_EQ(loadError("<field_rules>\n<transform><field>a.b</field></transform>\n</field_rules>\n"),
            path_.string() + ":5: <transform> needs a <handler class=\"...\">");
  EXPECT_EQ(loadError("<field_rules>\n<transform><field>a.b</field>\n<handler class=\"\\Migration\\Set-Value\"/>"
                      "</transform>\n</field_rules>\n"),
            path_.string() + ":6: handler class \"\\Migration\\Set-Value\" is not a class name");
}

}  // namespace
}  // namespace m2stage::test
