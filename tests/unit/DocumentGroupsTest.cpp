// groups files (deltalog.xml and the *-document-groups.xml files): groups, keys, flattening, errors.
#include <gtest/gtest.h>

#include <fstream>

#include "schema/DocumentGroups.hpp"
#include "schema/XmlFile.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using schema::DocumentGroups;
using schema::GroupDocument;
using schema::InputError;

class DocumentGroupsTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = makeTempDir("m2stage-groups"); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path write(const std::string& text) {
    auto path = directory_ / "groups.xml";
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::string errorOf(const std::filesystem::path& path) {
    try {
      DocumentGroups::load(path);
    } catch (const InputError& error) {
      return error.what();
    }
    return "";
  }

  std::filesystem::path directory_;
};

std::vector<std::string> names(const std::vector<GroupDocument>& documents) {
  std::vector<std::string> result;
  for (const auto& document : documents) result.push_back(document.name);
  return result;
}

TEST_F(DocumentGroupsTest, ReadsTheFixtureDeltalog) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto groups = DocumentGroups::load(sharedFixtures() / "dmt-tests/_files/deltalog.xml");
  ASSERT_EQ(groups.documents().size(), 3u);
  EXPECT_EQ(groups.documents()[0].group, "group1");
  EXPECT_EQ(groups.documents()[0].name, "table_with_data");
  EXPECT_EQ(groups.documents()[0].key, std::vector<std::string>{"key"});
  EXPECT_EQ(names(groups.group("group1")), std::vector<std::string>{"table_with_data"});
  EXPECT_EQ(names(groups.group("group2")), (std::vector<std::string>{"source_table_1", "source_table_2"}));
  EXPECT_EQ(groups.group("group2")[1].group, "group2");
  EXPECT_TRUE(groups.group("no_such_group").empty());
  EXPECT_EQ(names(groups.flattened()), (std::vector<std::string>{"table_with_data", "source_table_1", "source_table_2"}));
}

TEST_F(DocumentGroupsTest, ReadsTheOfficialDeltalogDist) {
  M2STAGE_REQUIRE_SHARED_FIXTURES();
  auto groups = DocumentGroups::load(sharedFixtures() / "dmt-etc/opensource-to-opensource/deltalog.xml.dist");
  auto deltaMap = groups.group("delta_map");
  ASSERT_FALSE(deltaMap.empty());
  EXPECT_EQ(deltaMap[0].name, "catalog_compare_item");
  EXPECT_EQ(deltaMap[0].key, std::vector<std::string>{"catalog_compare_item_id"});
  EXPECT_EQ(groups.documents().size(), 105u);
}

TEST_F(DocumentGroupsTest, SplitsKeysOnCommasAndAllowsNone) {
  auto groups = DocumentGroups::load(write(
      "<groups>\n<group name=\"g\">\n"
      "  <document key=\"entity_id,store_id,attribute_id\">eav_value</document>\n"
      "  <document>  no_key  </document>\n"
      "  <document key=\"\">empty_key</document>\n"
      "  <document key=\"a,,b,\">sparse</document>\n"
      "</group>\n</groups>\n"));
  auto documents = groups.group("g");
  ASSERT_EQ(documents.size(), 4u);
  EXPECT_EQ(documents[0].key, (std::vector<std::string>{"entity_id", "store_id", "attribute_id"}));
  EXPECT_EQ(documents[1].name, "no_key") << "names are trimmed";
  EXPECT_TRUE(documents[1].key.empty());
  EXPECT_TRUE(documents[2].key.empty());
  EXPECT_EQ(documents[3].key, (std::vector<std::string>{"a", "b"}));
}

TEST_F(DocumentGroupsTest, FlattenedKeepsFirstPositionAndLastKey) {
  auto groups = DocumentGroups::load(write(
      "<groups>\n"
      "<group name=\"first\">\n  <document key=\"id\">a</document>\n  <document key=\"x\">b</document>\n</group>\n"
      "<group name=\"second\">\n  <document key=\"y\">c</document>\n  <document key=\"id2,id3\">a</document>\n</group>\n"
      "</groups>\n"));
  auto flat = groups.flattened();
  ASSERT_EQ(names(flat), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(flat[0].key, (std::vector<std::string>{"id2", "id3"})) << "the last listing's key wins";
  EXPECT_EQ(flat[0].group, "first") << "at the first listing's position";
  EXPECT_EQ(groups.documents().size(), 4u) << "documents() keeps every listing";
}

TEST_F(DocumentGroupsTest, DuplicateGroupNameIsRefused) {
  auto path = write("<groups>\n<group name=\"g\"><document>a</document></group>\n"
                    "<group name=\"g\"><document>b</document></group>\n</groups>\n");
  EXPECT_EQ(errorOf(path), path.string() + ":3: group \"g\" is defined twice");
}

TEST_F(DocumentGroupsTest, BadFilesAreRefusedWithFileAndLine) {
  auto missing = directory_ / "missing.xml";
  EXPECT_EQ(errorOf(missing), "Invalid groups filename: " + missing.string());

  auto noName = write("<groups>\n\n<group><document>a</document></group>\n</groups>\n");
  EXPECT_EQ(errorOf(noName), noName.string() + ":3: <group> needs a name");

  auto emptyDocument = write("<groups>\n<group name=\"g\">\n<document key=\"k\"/>\n</group>\n</groups>\n");
  EXPECT_EQ(errorOf(emptyDocument), emptyDocument.string() + ":3: <document> is empty");

  auto wrongRoot = write("<?xml version=\"1.0\"?>\n<map/>\n");
  EXPECT_EQ(errorOf(wrongRoot), wrongRoot.string() + ":2: the root element must be <groups>");

  auto malformed = write("<groups>\n<group name=\"g\">\n</groups>\n");
  std::string error = errorOf(malformed);
  EXPECT_EQ(error.rfind(malformed.string() + ":3:", 0), 0u) << error;
}

}  // namespace
}  // namespace m2stage::test
