// Transform against the private MariaDB, through the m2stage binary: values handlers cannot take
// become findings naming document, field and key (and a handler that stops the row stops the
// transform, its finding kept); rows in and out per document with the reasons they differ;
// columns nothing set get the Magento 2 default; columns handlers need but tables lack are
// reported with the official messages 5 and 6, tables steps write but Magento 2 lacks with
// message 2, destination-side bad values with message 12; and transform runs on the schema that
// `m2stage schema` stored when Magento 2 cannot be reached.
#include <gtest/gtest.h>

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

// payment.info holds PHP-serialized data, two rows of it broken; blob_log has no key; gallery
// feeds the side-effect handler Gallery\InsertValueToEntity.
const char* kMagento1 = R"SQL(
CREATE TABLE payment (entity_id INT NOT NULL PRIMARY KEY, info TEXT);
INSERT INTO payment VALUES (1, 'a:1:{s:1:"a";i:1;}'), (2, 'a:1:{s:1:"a";i:1;'), (3, NULL), (42, 'broken');
CREATE TABLE blob_log (a INT, info TEXT);
INSERT INTO blob_log VALUES (1, 'i:1;'), (2, 'x:9'), (3, 'b:1;');
CREATE TABLE gallery (value_id INT NOT NULL PRIMARY KEY, entity_id INT);
INSERT INTO gallery VALUES (10, 100), (11, 100), (12, 101);
)SQL";

// Magento 2 adds columns to payment that only handlers fill, each with a DEFAULT.
const char* kMagento2 = R"SQL(
CREATE TABLE payment (entity_id INT NOT NULL PRIMARY KEY, info TEXT,
                      store_id SMALLINT NOT NULL DEFAULT 7,
                      label VARCHAR(20) NOT NULL DEFAULT 'it''s',
                      counter INT NOT NULL,
                      created_at TIMESTAMP NOT NULL DEFAULT current_timestamp());
CREATE TABLE blob_log (a INT, info TEXT);
CREATE TABLE gallery (value_id INT NOT NULL PRIMARY KEY, entity_id INT);
CREATE TABLE catalog_product_entity_media_gallery_value_to_entity (value_id INT NOT NULL, entity_id INT NOT NULL,
                                                                   PRIMARY KEY (value_id, entity_id));
)SQL";

std::string transformRule(const std::string& field, const std::string& handler, const std::string& params = "") {
  return "<transform><field>" + field + "</field><handler class=\"\\Migration\\Handler\\" + handler + "\">" + params +
         "</handler></transform>";
}

std::string param(const std::string& name, const std::string& value) {
  return "<param name=\"" + name + "\" value=\"" + value + "\"/>";
}

// The map: `sourceRules` and `destinationRules` go into <field_rules>; the M2-only columns are
// ignored on the destination side and filled by GetDestinationValue, which leaves them unset.
std::string mapXml(const std::string& sourceRules, const std::string& destinationRules) {
  std::string destination = "<document_rules><ignore><document>catalog_product_entity_media_gallery_value_to_entity"
                            "</document></ignore></document_rules><field_rules>";
  for (const char* column : {"store_id", "label", "counter", "created_at"}) {
    destination += std::string("<ignore><field>payment.") + column + "</field></ignore>";
    destination += transformRule(std::string("payment.") + column, "GetDestinationValue");
  }
  return "<map><source><field_rules>" + sourceRules + "</field_rules></source><destination>" + destination +
         destinationRules + "</field_rules></destination></map>";
}

class TransformTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server().createDatabase("xf_m1");
    server().runSql("xf_m1", kMagento1);
    server().createDatabase("xf_m2");
    server().runSql("xf_m2", kMagento2);
    directory_ = makeTempDir("m2stage-transform");
    map_ = directory_ / "map.xml";
    writeMap(mapXml(transformRule("payment.info", "SerializeToJson") + transformRule("blob_log.info", "SerializeToJson") +
                        transformRule("gallery.value_id", "Gallery\\InsertValueToEntity"),
                    ""));
    config_ = writeConfig(directory_, "xf_m1", "xf_m2", "<map_file>" + map_.string() + "</map_file><bulk_size>2</bulk_size>");
    stage_ = directory_ / "shop.m2stage";
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  static MariaDbServer& server() { return MariaDbServer::instance(); }

  void writeMap(const std::string& xml) { std::ofstream(map_) << xml; }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + config_.string() + " --stage " + stage_.string() + " " + extra);
  }
  // One column of a query on the staging file, as text ("NULL" for NULL).
  std::vector<std::string> staged(const std::string& sql) {
    SQLite::Database db(stage_.string(), SQLite::OPEN_READONLY);
    SQLite::Statement query(db, sql);
    std::vector<std::string> values;
    while (query.executeStep()) values.push_back(query.getColumn(0).isNull() ? "NULL" : query.getColumn(0).getString());
    return values;
  }

  std::filesystem::path directory_, map_, config_, stage_;
};

TEST_F(TransformTest, BrokenSerializedValuesBecomeFindingsNamingDocumentFieldAndKey) {
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);  // one reader: chunks in key order
  auto transformed = m2stage("transform");
  ASSERT_EQ(transformed.exitCode, 0) << "upstream logs broken data and goes on, --auto or not\n" << transformed.output;
  EXPECT_NE(transformed.output.find("[WARNING] Could not unserialize data of payment.info with record id 42"), std::string::npos)
      << transformed.output;

  EXPECT_EQ(staged("SELECT message FROM finding WHERE kind = 'data_incompatibility' ORDER BY finding_id"),
            (std::vector<std::string>{
                "Incompatibility in data. Source document: blob_log. Field: info. Error: row 2 of chunk 0: broken "
                "serialized data (unserialize(): Error at offset 0 of 3 bytes); stored as NULL",
                "Incompatibility in data. Source document: payment. Field: info. Error: entity_id=2: broken serialized "
                "data (unserialize(): Error at offset 17 of 17 bytes); stored as NULL",
                "Incompatibility in data. Source document: payment. Field: info. Error: entity_id=42: broken serialized "
                "data (unserialize(): Error at offset 0 of 6 bytes); stored as NULL",
            }))
      << "documents in name order; blob_log has no key, so its row is named by its place";
  EXPECT_EQ(staged("SELECT DISTINCT step || ' ' || side || ' ' || severity FROM finding WHERE kind = 'data_incompatibility'"),
            std::vector<std::string>{"transform source warning"});
  EXPECT_EQ(staged("SELECT document || '.' || fields FROM finding WHERE kind = 'data_incompatibility' ORDER BY finding_id"),
            (std::vector<std::string>{"blob_log.info", "payment.info", "payment.info"}));
  EXPECT_EQ(staged("SELECT COALESCE(info, 'NULL') FROM \"m2.payment\" ORDER BY entity_id"),
            (std::vector<std::string>{"{\"a\":1}", "NULL", "NULL", "NULL"}));

  // A second transform of the finished run changes nothing, findings included.
  ASSERT_EQ(m2stage("transform").exitCode, 0);
  EXPECT_EQ(staged("SELECT COUNT(*) FROM finding WHERE kind = 'data_incompatibility'"), std::vector<std::string>{"3"});
  auto findings = runM2stage("findings --stage " + stage_.string() + " --kind data_incompatibility --document payment");
  EXPECT_EQ(findings.exitCode, 0);
  EXPECT_NE(findings.output.find("Error: entity_id=42: broken serialized data"), std::string::npos) << findings.output;
}

TEST_F(TransformTest, AHandlerThatStopsTheRowStopsTransformAndKeepsItsFindingUntilTheChunkIsRedone) {
  writeMap(mapXml(transformRule("payment.info", "SerializeToJson", param("migrateBrokenData", "false")), ""));
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);  // one reader: chunks in key order
  auto stopped = m2stage("transform", "--auto");
  EXPECT_EQ(stopped.exitCode, 2) << "a row a handler rejects; --auto does not change data errors (as upstream)\n"
                                 << stopped.output;
  EXPECT_NE(stopped.output.find("Incompatibility in data. Source document: payment. Field: info. Error: entity_id=2: "
                                "Could not unserialize data of payment.info with record id 2: unserialize(): Error at "
                                "offset 17 of 17 bytes (chunk 0)"),
            std::string::npos)
      << stopped.output;
  EXPECT_EQ(staged("SELECT severity || ' ' || document || '.' || fields FROM finding WHERE kind = 'data_incompatibility'"),
            std::vector<std::string>{"error payment.info"});
  EXPECT_EQ(staged("SELECT COUNT(*) FROM chunk WHERE step = 'transform' AND document = 'payment'"),
            std::vector<std::string>{"0"})
      << "the chunk is rolled back";

  // Letting broken data through (the default) and running again redoes the chunk: the stale
  // error goes, the two broken values are warnings now.
  writeMap(mapXml(transformRule("payment.info", "SerializeToJson"), ""));
  auto resumed = m2stage("transform", "--auto");
  ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
  EXPECT_EQ(staged("SELECT severity || ' ' || fields FROM finding WHERE kind = 'data_incompatibility' ORDER BY finding_id"),
            (std::vector<std::string>{"warning info", "warning info"}));
}

TEST_F(TransformTest, CountsInAndOutAndWhyTheyDifferAreInTheStagingFileAndStatus) {
  // A Magento 1 table Magento 2 lacks: not mapped, so only --auto transforms the rest.
  server().runSql("xf_m1", "CREATE TABLE orphan (id INT NOT NULL PRIMARY KEY); INSERT INTO orphan VALUES (1), (2);");
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);  // one reader: chunks in key order
  ASSERT_EQ(m2stage("transform", "--auto").exitCode, 0);
  const std::string generated = "gallery:catalog_product_entity_media_gallery_value_to_entity";
  EXPECT_EQ(staged("SELECT document || ' in=' || IFNULL(rows_in, 'NULL') || ' out=' || rows_out || ' ignored=' || ignored_rows "
                   "|| ' dropped=' || IFNULL(dropped_rows, 'NULL') || ' bad=' || bad_values || ' generated=' || "
                   "generated_rows || ' into=' || IFNULL(generated_into, '-') || ' by=' || IFNULL(generated_by, '-') "
                   "FROM transform_counts ORDER BY document"),
            (std::vector<std::string>{
                "blob_log in=3 out=3 ignored=0 dropped=0 bad=1 generated=0 into=- by=-",
                "gallery in=3 out=3 ignored=0 dropped=0 bad=0 generated=3 "
                "into=catalog_product_entity_media_gallery_value_to_entity by=-",
                generated + " in=NULL out=3 ignored=0 dropped=NULL bad=0 generated=0 into=- by=gallery",
                "orphan in=2 out=0 ignored=2 dropped=NULL bad=0 generated=0 into=- by=-",
                "payment in=4 out=4 ignored=0 dropped=0 bad=2 generated=0 into=- by=-",
            }));
  EXPECT_EQ(staged("SELECT document || ': ' || IFNULL(detail, '-') FROM document WHERE step = 'transform' ORDER BY document"),
            (std::vector<std::string>{
                "blob_log: read 3, wrote 3: 1 bad value stored as NULL (data_incompatibility findings)",
                "gallery: read 3, wrote 3: 3 rows generated into catalog_product_entity_media_gallery_value_to_entity",
                generated + ": rows written by handlers on gallery",
                "orphan: 2 rows left out: Magento 2 has no document orphan",
                "payment: read 4, wrote 4: 2 bad values stored as NULL (data_incompatibility findings)",
            }));

  auto json = runCommand(binary().string() + " status --stage " + stage_.string() + " --format json 2>/dev/null > " +
                         (directory_ / "status.json").string());
  ASSERT_EQ(json, 0);
  std::ifstream in(directory_ / "status.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  SQLite::Database memory(":memory:");
  SQLite::Statement counts(memory, "SELECT json_extract(d.value, '$.transform.counts') FROM json_each(?, '$.runs[0].documents') d "
                                   "WHERE json_extract(d.value, '$.document') = 'payment'");
  counts.bind(1, text);
  ASSERT_TRUE(counts.executeStep()) << text;
  EXPECT_EQ(counts.getColumn(0).getString(),
            "{\"rows_in\":4,\"rows_out\":4,\"ignored_rows\":0,\"dropped_rows\":0,\"bad_values\":2,\"generated_rows\":0,"
            "\"generated_into\":null,\"generated_by\":null}");

  auto table = runM2stage("status --stage " + stage_.string());
  EXPECT_NE(table.output.find("read 3, wrote 3: 3 rows generated into catalog_product_entity_media_gallery_value_to_entity"),
            std::string::npos)
      << table.output;
}

TEST_F(TransformTest, ColumnsNothingSetGetTheirMagento2DefaultAfterLoad) {
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);  // one reader: chunks in key order
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  auto rows = server().connect("xf_m2")->query(
      "SELECT entity_id, store_id, label, counter, ABS(TIMESTAMPDIFF(SECOND, created_at, UTC_TIMESTAMP())) < 3600 "
      "FROM payment ORDER BY entity_id");
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) {
    EXPECT_EQ(row[1], "7") << "DEFAULT 7, not the 0 a NULL becomes in non-strict mode";
    EXPECT_EQ(row[2], "it's");
    EXPECT_EQ(row[3], "0") << "NOT NULL without DEFAULT: the type's implicit value";
    EXPECT_EQ(row[4], "1") << "current_timestamp(), evaluated when transform ran";
  }
  EXPECT_EQ(staged("SELECT COUNT(*) FROM finding WHERE kind = 'data_warning'"), std::vector<std::string>{"0"})
      << "no NULL reached a NOT NULL column";
  EXPECT_EQ(server().connect("xf_m2")->query(
                "SELECT COUNT(*) FROM catalog_product_entity_media_gallery_value_to_entity")[0][0],
            "3");
}

TEST_F(TransformTest, ColumnsHandlersNeedButTablesLackAreTheOfficialMessages5And6BeforeNotMappedFields) {
  server().runSql("xf_m1", "ALTER TABLE payment ADD COLUMN legacy INT");
  writeMap(mapXml(transformRule("payment.info", "FieldCopy", param("fieldCopy", "info_old")) +
                      transformRule("payment.ghost", "SerializeToJson"),
                  transformRule("gallery.entity_id", "SetHash", param("hash", "crc32") + param("baseField", "base"))));
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);  // one reader: chunks in key order
  auto strict = m2stage("transform");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  std::vector<std::string> expected = {"Source fields are missing. Document: payment. Fields: info_old,ghost",
                                       "Destination fields are missing. Document: gallery. Fields: base",
                                       "Source fields are not mapped. Document: payment. Fields: legacy"};
  std::size_t at = 0;
  for (const auto& line : expected) {
    auto found = strict.output.find("[ERROR] " + line, at);
    EXPECT_NE(found, std::string::npos) << line << " (in this order)\n" << strict.output;
    if (found != std::string::npos) at = found;
  }
  EXPECT_EQ(staged("SELECT message FROM finding WHERE step = 'transform' ORDER BY finding_id"), expected);
  EXPECT_EQ(staged("SELECT COUNT(*) FROM chunk WHERE step = 'transform'"), std::vector<std::string>{"0"})
      << "nothing is transformed";

  auto tolerant = m2stage("transform", "--auto");
  EXPECT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] Source fields are missing. Document: payment. Fields: info_old,ghost"),
            std::string::npos)
      << tolerant.output;
}

TEST_F(TransformTest, ADocumentAHandlerWritesThatMagento2LacksIsOfficialMessage2) {
  // Gallery\InsertValueToEntity on gallery.value_id writes into this table: the step cannot run without it.
  server().runSql("xf_m2", "DROP TABLE catalog_product_entity_media_gallery_value_to_entity");
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);
  const std::string message = "Destination documents are missing: catalog_product_entity_media_gallery_value_to_entity";
  auto strict = m2stage("transform");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] " + message + "\n"), std::string::npos) << strict.output;
  EXPECT_NE(strict.output.find("Integrity Check failed"), std::string::npos) << strict.output;
  EXPECT_EQ(staged("SELECT kind || '|' || side || '|' || IFNULL(document, '-') || '|' || fields || '|' || severity || '|' || "
                   "message FROM finding WHERE step = 'transform'"),
            std::vector<std::string>{"documents_missing|destination|-|catalog_product_entity_media_gallery_value_to_entity|"
                                     "error|" + message});
  EXPECT_EQ(staged("SELECT COUNT(*) FROM chunk WHERE step = 'transform'"), std::vector<std::string>{"0"})
      << "nothing is transformed";

  auto tolerant = m2stage("transform", "--auto");
  ASSERT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] " + message + "\n"), std::string::npos) << tolerant.output;
  EXPECT_EQ(staged("SELECT severity || '|' || message FROM finding WHERE step = 'transform' AND kind = 'documents_missing'"),
            std::vector<std::string>{"warning|" + message});
  EXPECT_EQ(staged("SELECT value_id || ':' || entity_id FROM \"m2.gallery\" ORDER BY value_id"),
            (std::vector<std::string>{"10:100", "11:100", "12:101"}))
      << "the document itself is transformed; only the rows for the missing one are left out";
  EXPECT_EQ(staged("SELECT COUNT(*) FROM document WHERE step = 'transform' AND document LIKE 'gallery:%'"),
            std::vector<std::string>{"0"});
  auto loaded = m2stage("load", "--auto");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(server().connect("xf_m2")->query("SELECT COUNT(*) FROM gallery")[0][0], "3");
}

TEST_F(TransformTest, ADestinationSideHandlerThatCannotTakeAValueIsOfficialMessage12) {
  writeMap(mapXml("", transformRule("payment.info", "SerializeToJson")));
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);  // one reader: chunks in key order
  auto transformed = m2stage("transform");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  EXPECT_EQ(staged("SELECT side || '|' || severity || '|' || message FROM finding WHERE kind = 'data_incompatibility' "
                   "ORDER BY finding_id"),
            (std::vector<std::string>{
                "destination|warning|Incompatibility in data. Destination document: payment. Field: info. Error: "
                "entity_id=2: broken serialized data (unserialize(): Error at offset 17 of 17 bytes); stored as NULL",
                "destination|warning|Incompatibility in data. Destination document: payment. Field: info. Error: "
                "entity_id=42: broken serialized data (unserialize(): Error at offset 0 of 6 bytes); stored as NULL",
            }));
  EXPECT_EQ(staged("SELECT COALESCE(info, 'NULL') FROM \"m2.payment\" ORDER BY entity_id"),
            (std::vector<std::string>{"{\"a\":1}", "NULL", "NULL", "NULL"}));

  // A destination-side handler that stops the row: the same message, an error, exit 2.
  writeMap(mapXml("", transformRule("payment.info", "SerializeToJson", param("migrateBrokenData", "false"))));
  auto stopped = m2stage("transform", "--reset --auto");
  EXPECT_EQ(stopped.exitCode, 2) << stopped.output;
  const std::string message = "Incompatibility in data. Destination document: payment. Field: info. Error: entity_id=2: "
                              "Could not unserialize data of payment.info with record id 2: unserialize(): Error at "
                              "offset 17 of 17 bytes";
  EXPECT_NE(stopped.output.find(message), std::string::npos) << stopped.output;
  EXPECT_EQ(staged("SELECT side || '|' || severity || '|' || message FROM finding WHERE kind = 'data_incompatibility'"),
            std::vector<std::string>{"destination|error|" + message});
}

TEST_F(TransformTest, RunsWithoutADestinationConnectionOnTheSchemaStoredByTheSchemaCommand) {
  ASSERT_EQ(m2stage("extract", "--jobs 1").exitCode, 0);
  // The same config, its Magento 2 behind a socket nothing listens on.
  auto unreachable = directory_ / "unreachable.xml";
  {
    std::ifstream in(config_);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string destination = "<destination><database host=\"" + server().socket().string() + "\"";
    auto at = text.find(destination);
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, destination.size(), "<destination><database host=\"" + (directory_ / "no-such.sock").string() + "\"");
    std::ofstream(unreachable) << text;
  }
  auto transformUnreachable = [&] {
    return runM2stage("transform " + unreachable.string() + " --stage " + stage_.string());
  };

  auto none = transformUnreachable();
  EXPECT_EQ(none.exitCode, 5) << none.output;
  EXPECT_NE(none.output.find("no Magento 2 schema for run 1: the destination is not reachable"), std::string::npos)
      << none.output;
  EXPECT_NE(none.output.find("run `m2stage schema` next to Magento 2 first"), std::string::npos) << none.output;
  EXPECT_EQ(staged("SELECT COUNT(*) FROM chunk WHERE step = 'transform'"), std::vector<std::string>{"0"});

  auto captured = m2stage("schema");
  ASSERT_EQ(captured.exitCode, 0) << captured.output;
  EXPECT_NE(captured.output.find("schema: 4 Magento 2 tables stored in"), std::string::npos) << captured.output;
  server().runSql("xf_m2", "DROP TABLE payment");  // what transform uses now is the stored copy, not Magento 2

  auto transformed = transformUnreachable();
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  EXPECT_NE(transformed.output.find("using the Magento 2 schema stored with run 1"), std::string::npos) << transformed.output;
  EXPECT_EQ(staged("SELECT entity_id || ':' || COALESCE(info, 'NULL') || ':' || store_id || ':' || label FROM \"m2.payment\" "
                   "ORDER BY entity_id"),
            (std::vector<std::string>{"1:{\"a\":1}:7:it's", "2:NULL:7:it's", "3:NULL:7:it's", "42:NULL:7:it's"}))
      << "handlers ran and the stored column defaults filled the Magento 2-only columns";
}

TEST_F(TransformTest, SettingsModeWithoutCoreConfigDataInMagento2IsOfficialMessage2) {
  server().runSql("xf_m1", "CREATE TABLE core_config_data (config_id INT NOT NULL PRIMARY KEY, scope VARCHAR(8), "
                           "scope_id INT, path VARCHAR(255), value TEXT);"
                           "INSERT INTO core_config_data VALUES (1, 'default', 0, 'general/locale/code', 'de_DE');");
  auto settingsMap = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4" / "settings.xml";
  config_ = writeConfig(directory_, "xf_m1", "xf_m2", "<settings_map_file>" + settingsMap.string() + "</settings_map_file>",
                        "<steps mode=\"settings\"><step title=\"Settings Step\">"
                        "<integrity>Migration\\Step\\Settings\\Integrity</integrity>"
                        "<data>Migration\\Step\\Settings\\Data</data></step></steps>");
  ASSERT_EQ(m2stage("extract", "--mode settings").exitCode, 0);
  const std::string message = "Destination documents are missing: core_config_data";
  auto strict = m2stage("transform", "--mode settings");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] " + message + "\n"), std::string::npos) << strict.output;
  EXPECT_EQ(staged("SELECT side || '|' || severity || '|' || message FROM finding WHERE step = 'transform'"),
            std::vector<std::string>{"destination|error|" + message});

  auto tolerant = m2stage("transform", "--mode settings --auto");
  ASSERT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] " + message + "\n"), std::string::npos) << tolerant.output;
  EXPECT_EQ(staged("SELECT state || ': ' || detail FROM document WHERE step = 'transform' AND document = 'core_config_data'"),
            std::vector<std::string>{"skipped: 1 rows left out: Magento 2 has no document core_config_data (Destination "
                                     "documents are missing)"});
}

TEST_F(TransformTest, AListedUrlRewriteStepWithoutItsMagento2TablesIsOfficialMessage2) {
  server().runSql("xf_m1", "CREATE TABLE core_url_rewrite (url_rewrite_id INT NOT NULL PRIMARY KEY, request_path VARCHAR(255));"
                           "INSERT INTO core_url_rewrite VALUES (1, 'a.html'), (2, 'b.html');"
                           "CREATE TABLE cms_page (page_id INT NOT NULL PRIMARY KEY);"
                           "CREATE TABLE cms_page_store (page_id INT NOT NULL, store_id INT NOT NULL);");
  std::string map = mapXml("", "");
  map.replace(map.find("<source>"), 8,
              "<source><document_rules><ignore><document>core_url_rewrite</document></ignore>"
              "<ignore><document>cms_page*</document></ignore></document_rules>");
  writeMap(map);
  config_ = writeConfig(directory_, "xf_m1", "xf_m2", "<map_file>" + map_.string() + "</map_file>",
                        "<steps mode=\"data\"><step title=\"Map Step\"><integrity>Migration\\Step\\Map\\Integrity</integrity>"
                        "<data>Migration\\Step\\Map\\Data</data></step>"
                        "<step title=\"Url Rewrite Step\"><integrity>Migration\\Step\\UrlRewrite\\Version191to2000</integrity>"
                        "<data>Migration\\Step\\UrlRewrite\\Version191to2000</data></step></steps>");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  const std::string message = "Destination documents are missing: catalog_url_rewrite_product_category,url_rewrite";
  auto strict = m2stage("transform");
  EXPECT_EQ(strict.exitCode, 3) << strict.output;
  EXPECT_NE(strict.output.find("[ERROR] " + message + "\n"), std::string::npos) << strict.output;
  EXPECT_EQ(staged("SELECT severity || '|' || message FROM finding WHERE step = 'transform'"),
            std::vector<std::string>{"error|" + message});

  auto tolerant = m2stage("transform", "--auto");
  ASSERT_EQ(tolerant.exitCode, 0) << tolerant.output;
  EXPECT_NE(tolerant.output.find("[WARNING] " + message + "\n"), std::string::npos) << tolerant.output;
  EXPECT_EQ(staged("SELECT state || ': ' || detail FROM document WHERE step = 'transform' AND document = 'core_url_rewrite'"),
            std::vector<std::string>{"skipped: 2 rows left out: Magento 2 has no document url_rewrite (Destination "
                                     "documents are missing)"});
  EXPECT_EQ(staged("SELECT COUNT(*) FROM \"m2.payment\""), std::vector<std::string>{"4"}) << "the rest goes on";
}

}  // namespace
}  // namespace m2stage::test
