// settings.xml: path ignores (exact and `*` patterns anchored at the start), renames, value
// handlers looked up by the Magento 1 path, and the messages for malformed files.
#include <gtest/gtest.h>

#include <fstream>

#include "HandlerTestEnvironment.hpp"
#include "schema/SettingsRules.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::SettingsRules;

class SettingsRulesTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-settings"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // <key> content starts on line 3.
  SettingsRules load(const std::string& key, const std::string& value = "") {
    auto path = directory_ / "settings.xml";
    std::ofstream(path) << "<?xml version=\"1.0\"?>\n<settings>\n<key>" << key << "</key>\n<value>" << value
                        << "</value>\n</settings>\n";
    return SettingsRules::load(path);
  }
  std::string errorOf(const std::string& key, const std::string& value = "") {
    try {
      load(key, value);
    } catch (const schema::InputError& error) {
      return error.what();
    }
    return "";
  }

  static schema::Table configTable() {
    schema::Table table;
    table.name = "core_config_data";
    for (const char* name : {"config_id", "scope", "scope_id", "path", "value"}) table.columns.push_back({name, "varchar", "varchar(255)"});
    table.primaryKey = {"config_id"};
    return table;
  }

  std::filesystem::path directory_;
};

TEST_F(SettingsRulesTest, IgnoresExactPathsAndWildcardsAnchoredAtTheStart) {
  auto rules = load("<ignore><path>web/unsecure/base_url</path></ignore>"
                    "<ignore><path>advanced/modules_disable_output/*</path></ignore>"
                    "<ignore><path>payment/moneybookers_*</path></ignore>");
  EXPECT_TRUE(rules.isIgnored("web/unsecure/base_url"));
  EXPECT_FALSE(rules.isIgnored("web/unsecure/base_url_extra"));  // exact paths match whole
  EXPECT_FALSE(rules.isIgnored("web/unsecure"));
  EXPECT_TRUE(rules.isIgnored("advanced/modules_disable_output/Mage_Poll"));
  EXPECT_FALSE(rules.isIgnored("advanced/modules_disable_output/"));  // `*` is one or more characters
  EXPECT_FALSE(rules.isIgnored("x/advanced/modules_disable_output/Mage_Poll"));  // anchored at the start
  EXPECT_TRUE(rules.isIgnored("payment/moneybookers_acc/active"));
  EXPECT_FALSE(rules.isIgnored("payment/checkmo/active"));
}

TEST_F(SettingsRulesTest, RenamesAndRunsHandlersByTheMagento1Path) {
  auto rules = load("<ignore><path>dev/log/*</path></ignore>"
                    "<rename><path>carriers/dhlint/title</path><to>carriers/dhl/title</to></rename>",
                    "<transform><path>catalog/seo/product_url_suffix</path>"
                    "<handler class=\"\\Migration\\Handler\\Settings\\UrlSuffix\"/></transform>"
                    "<transform><path>carriers/dhlint/title</path>"
                    "<handler class=\"Migration\\Handler\\SetValue\"><param name=\"value\" value=\"DHL\"/></handler>"
                    "</transform>");
  EXPECT_EQ(rules.rename("carriers/dhlint/title"), "carriers/dhl/title");
  EXPECT_EQ(rules.rename("carriers/dhl/title"), "carriers/dhl/title");
  ASSERT_NE(rules.handler("catalog/seo/product_url_suffix"), nullptr);
  EXPECT_EQ(rules.handler("catalog/seo/product_url_suffix")->className, "Migration\\Handler\\Settings\\UrlSuffix");
  EXPECT_EQ(rules.handler("catalog/seo/category_url_suffix"), nullptr);

  auto table = configTable();
  MemoryEnvironment environment;
  schema::SettingsTransformer transformer(rules, table, &environment);
  using Row = std::vector<schema::Value>;
  auto suffix = transformer.transform({"1", "default", "0", "catalog/seo/product_url_suffix", "html"});
  ASSERT_TRUE(suffix);
  EXPECT_EQ(*suffix, (Row{"default", "0", "catalog/seo/product_url_suffix", ".html"}));
  EXPECT_FALSE(transformer.lastRenamed());
  auto renamed = transformer.transform({"2", "websites", "1", "carriers/dhlint/title", "DHL International"});
  ASSERT_TRUE(renamed);
  EXPECT_EQ(*renamed, (Row{"websites", "1", "carriers/dhl/title", "DHL"}));  // renamed, then its handler
  EXPECT_TRUE(transformer.lastRenamed());
  EXPECT_EQ(transformer.transform({"3", "default", "0", "dev/log/active", "1"}), std::nullopt);
  auto plain = transformer.transform({"4", "stores", "2", "general/locale/code", "de_DE"});
  EXPECT_EQ(*plain, (Row{"stores", "2", "general/locale/code", "de_DE"}));
  auto null = transformer.transform({"5", "default", "0", "catalog/seo/product_url_suffix", std::nullopt});
  EXPECT_EQ(*null, (Row{"default", "0", "catalog/seo/product_url_suffix", std::nullopt}));
  EXPECT_EQ(transformer.rowKey(), "config_id=5");
}

TEST_F(SettingsRulesTest, EncryptedValuesGoThroughTheEncryptHandler) {
  auto rules = load("", "<transform><path>paypal/wpp/api_password</path><handler class=\"\\Migration\\Handler\\Encrypt\"/>"
                        "</transform>");
  auto table = configTable();
  MemoryEnvironment environment;  // no crypt_key: the handler stops at the first value that needs it
  schema::SettingsTransformer transformer(rules, table, &environment);
  EXPECT_TRUE(transformer.transform({"1", "default", "0", "paypal/wpp/api_password", ""}));  // nothing to decrypt
  EXPECT_THROW(transformer.transform({"2", "default", "0", "paypal/wpp/api_password", "c2VjcmV0"}), schema::InputError);
}

TEST_F(SettingsRulesTest, MalformedFilesNameFileAndLine) {
  EXPECT_NE(errorOf("<ignore><path>a b</path></ignore>").find("settings.xml:3: <path>a b</path> is not a config path"),
            std::string::npos)
      << errorOf("<ignore><path>a b</path></ignore>");
  EXPECT_NE(errorOf("<rename><path>a/b</path></rename>").find("settings.xml:3: <rename> needs a <to> element"),
            std::string::npos);
  EXPECT_NE(errorOf("", "<transform><path>a/b</path><handler class=\"\\Migration\\Handler\\Nope\"/></transform>")
                .find("settings.xml:4: unknown handler class \\Migration\\Handler\\Nope (on a/b)"),
            std::string::npos)
      << errorOf("", "<transform><path>a/b</path><handler class=\"\\Migration\\Handler\\Nope\"/></transform>");
  EXPECT_NE(errorOf("<move><path>a</path></move>").find("<move> is not allowed in <key>"), std::string::npos);
  EXPECT_THROW(SettingsRules::load(directory_ / "absent.xml"), schema::InputError);
}

TEST_F(SettingsRulesTest, TheShippedAndOfficialFilesLoad) {
  auto shipped = SettingsRules::load(sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4" / "settings.xml");
  EXPECT_TRUE(shipped.isIgnored("advanced/modules_disable_output/Mage_Tag"));
  EXPECT_TRUE(shipped.isIgnored("web/unsecure/base_url"));
  EXPECT_EQ(shipped.rename("carriers/dhlint/account"), "carriers/dhl/account");
  EXPECT_NE(shipped.handler("paypal/wpp/api_password"), nullptr);
  EXPECT_FALSE(shipped.isIgnored("general/locale/code"));
  auto official = sharedFixtures();
  if (official.empty()) GTEST_SKIP() << "../shared absent";
  auto dist = SettingsRules::load(official / "dmt-etc" / "opensource-to-opensource" / "settings.xml.dist");
  EXPECT_TRUE(dist.isIgnored("advanced/modules_disable_output/Mage_Poll"));
  EXPECT_EQ(dist.rename("api/config/charset"), "webapi/soap/charset");
}

}  // namespace
}  // namespace m2stage::test
