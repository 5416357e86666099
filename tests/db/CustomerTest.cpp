// The Customer Attributes step through extract -> transform -> load: customers and addresses of a
// small Magento 1 store (tables from the stock 1.9.2.4 schema, values written here) into the 2.4.8
// schema. Static attributes land in the entity columns and leave the value tables; other
// attributes stay value rows; password hashes get their Magento 2 version, and the accounts whose
// hash Magento 2 cannot verify are counted; eav_attribute marks the static ones after load.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "support/M2stageRunner.hpp"
#include "support/MariaDbServer.hpp"
#include "support/SchemaDump.hpp"
#include "support/TestPaths.hpp"

namespace m2stage::test {
namespace {

using Rows = std::vector<mariadb::Row>;

const std::vector<std::string> kTables = {
    "customer_entity",         "customer_entity_datetime",         "customer_entity_decimal",
    "customer_entity_int",     "customer_entity_text",             "customer_entity_varchar",
    "customer_address_entity", "customer_address_entity_datetime", "customer_address_entity_decimal",
    "customer_address_entity_int", "customer_address_entity_text", "customer_address_entity_varchar",
    "eav_entity_type",         "eav_attribute"};

// Whether Magento 2 (Encryptor::isValidHash) accepts `password` for `hash`, "hash:salt:v[:v...]":
// each version re-hashes salt . previous, 0 with md5 and 1 with sha256, here the server's MD5() and
// SHA2(), so the check does not reuse m2stage's own reading of the format.
bool magento2Accepts(const std::string& password, const std::string& hash) {
  auto connection = MariaDbServer::instance().connect("customer_m2");
  std::vector<std::string> parts;
  std::stringstream stream(hash);
  for (std::string part; std::getline(stream, part, ':');) parts.push_back(part);
  if (parts.size() < 3) return false;
  std::string recreated = password;
  for (std::size_t i = 2; i < parts.size(); ++i) {
    if (parts[i] != "0" && parts[i] != "1") return false;
    auto salted = fmt::format("CONCAT({}, {})", connection->literal(parts[1], false), connection->literal(recreated, false));
    recreated = connection->queryValue(parts[i] == "0" ? "SELECT MD5(" + salted + ")" : "SELECT SHA2(" + salted + ", 256)").value_or("");
  }
  return recreated == parts[0];
}

const std::string kMd5 = "0fdb2eb4c08f1dddb119919b73cc9e14:Kq";  // md5("Kq" . "secret123"):Kq
const std::string kSha256Salt = "8qnyO4H1OYIfGCUbxyz012345678901";
const std::string kSha256 = "7fb225d36493ffe05ac9410d66bab9543aedcb78f5516900187df9af1b7aa587:" + kSha256Salt;
const std::string kBcrypt = "$2y$10$abcdefghijklmnopqrstuuJ3M6RQ8mzA1Jg9E6z9d6Yx8Fv1c5rK2";

class CustomerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    M2STAGE_REQUIRE_SHARED_FIXTURES();
    // sha512("ab" . "secret123"):ab (Python's hashlib)
    sha512_ =
        "381b22ad57afa979ee35b73b1edbb2d1d31ffd6a322a9a572c75c11a58f6567552350b3b43bda0c9c1b0ce2c2489c60b1f1560bff14128a1634a0"
        "86794cfc538:ab";
    server().createDatabase("customer_m1");
    server().createDatabase("customer_m2");
    server().runSql("customer_m1", tablesFromDump(sharedFixtures() / "magento1" / "ce-1.9.2.4.sql", kTables));
    server().runSql("customer_m2", tablesFromDump(sharedFixtures() / "magento2" / "2.4.8-p1-schema.sql", kTables));
    server().runSql("customer_m1", fmt::format(R"(
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model) VALUES
        (1, 'customer', 'customer/customer'), (2, 'customer_address', 'customer/address');
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type) VALUES
        (1, 1, 'website_id', 'static'), (3, 1, 'created_in', 'varchar'), (5, 1, 'firstname', 'varchar'),
        (7, 1, 'lastname', 'varchar'), (11, 1, 'dob', 'datetime'), (12, 1, 'password_hash', 'varchar'),
        (13, 1, 'default_billing', 'int'), (18, 1, 'gender', 'int'),
        (140, 1, 'loyalty_code', 'varchar'), (141, 1, 'notes', 'text'),
        (20, 2, 'firstname', 'varchar'), (22, 2, 'lastname', 'varchar'), (25, 2, 'street', 'text'),
        (26, 2, 'city', 'varchar'), (27, 2, 'country_id', 'varchar'), (28, 2, 'region_id', 'int'),
        (30, 2, 'postcode', 'varchar'), (31, 2, 'telephone', 'varchar'), (150, 2, 'delivery_note', 'varchar');
      INSERT INTO customer_entity (entity_id, entity_type_id, website_id, email, group_id, store_id, created_at,
                                   updated_at, is_active) VALUES
        (1, 1, 1, 'ann@example.com', 1, 1, '2015-01-02 03:04:05', '2015-01-02 03:04:05', 1),
        (2, 1, 1, 'bob@example.com', 1, 1, '2015-02-02 03:04:05', '2015-02-02 03:04:05', 1),
        (3, 1, 1, 'cy@example.com', 1, 1, '2015-03-02 03:04:05', '2015-03-02 03:04:05', 1),
        (4, 1, 1, 'di@example.com', 1, 1, '2015-04-02 03:04:05', '2015-04-02 03:04:05', 0);
      INSERT INTO customer_entity_varchar (entity_type_id, attribute_id, entity_id, value) VALUES
        (1, 5, 1, 'Ann'), (1, 7, 1, 'Lee'), (1, 12, 1, '{0}'), (1, 3, 1, 'Default Store View'), (1, 140, 1, 'GOLD'),
        (1, 5, 2, 'Bob'), (1, 7, 2, 'Roe'), (1, 12, 2, '{1}'),
        (1, 5, 3, 'Cy'), (1, 7, 3, 'Poe'), (1, 12, 3, '{2}'),
        (1, 5, 4, 'Di'), (1, 7, 4, 'Moe'), (1, 12, 4, '{3}');
      INSERT INTO customer_entity_datetime (entity_type_id, attribute_id, entity_id, value) VALUES
        (1, 11, 1, '1980-05-01 00:00:00');
      INSERT INTO customer_entity_int (entity_type_id, attribute_id, entity_id, value) VALUES
        (1, 13, 1, 1), (1, 18, 1, 2);
      INSERT INTO customer_entity_text (entity_type_id, attribute_id, entity_id, value) VALUES (1, 141, 2, 'likes tea');
      INSERT INTO customer_address_entity (entity_id, entity_type_id, parent_id, created_at, updated_at, is_active) VALUES
        (1, 2, 1, '2015-01-02 03:04:05', '2015-01-02 03:04:05', 1),
        (2, 2, 2, '2015-02-02 03:04:05', '2015-02-02 03:04:05', 1);
      INSERT INTO customer_address_entity_varchar (entity_type_id, attribute_id, entity_id, value) VALUES
        (2, 20, 1, 'Ann'), (2, 22, 1, 'Lee'), (2, 26, 1, 'Berlin'), (2, 27, 1, 'DE'), (2, 30, 1, '10115'),
        (2, 31, 1, '123'), (2, 150, 1, 'back door'),
        (2, 20, 2, 'Bob'), (2, 22, 2, 'Roe'), (2, 26, 2, 'Paris'), (2, 27, 2, 'FR'), (2, 31, 2, '456');
      INSERT INTO customer_address_entity_text (entity_type_id, attribute_id, entity_id, value) VALUES
        (2, 25, 1, 'Main St 1\nFloor 2'), (2, 25, 2, 'Rue 2');
      INSERT INTO customer_address_entity_int (entity_type_id, attribute_id, entity_id, value) VALUES (2, 28, 1, 82);
    )", kMd5, kSha256, kBcrypt, sha512_));
    // Magento 2's eav_attribute as the EAV step leaves it: Magento 1's attributes and backend types.
    server().runSql("customer_m2", R"(
      INSERT INTO eav_entity_type (entity_type_id, entity_type_code, entity_model) VALUES
        (1, 'customer', 'Magento\\Customer\\Model\\ResourceModel\\Customer'),
        (2, 'customer_address', 'Magento\\Customer\\Model\\ResourceModel\\Address');
      INSERT INTO eav_attribute (attribute_id, entity_type_id, attribute_code, backend_type) VALUES
        (5, 1, 'firstname', 'varchar'), (12, 1, 'password_hash', 'varchar'), (140, 1, 'loyalty_code', 'varchar'),
        (25, 2, 'street', 'text'), (150, 2, 'delivery_note', 'varchar');
    )");
    directory_ = makeTempDir("m2stage-customer");
    stage_ = directory_ / "shop.m2stage";
    writeMapAndConfig();
  }
  void TearDown() override {
    if (!directory_.empty()) std::filesystem::remove_all(directory_);
  }

  // map.xml ignores the step's tables (as the official map does); config.xml names the shipped
  // customer files, and `extraOptions`.
  void writeMapAndConfig(const std::string& extraOptions = "") {
    std::string ignores;
    for (const auto& table : kTables) ignores += "<ignore><document>" + table + "</document></ignore>";
    std::ofstream(directory_ / "map.xml") << "<?xml version=\"1.0\"?>\n<map><source><document_rules>" << ignores
                                          << "</document_rules></source><destination><document_rules>" << ignores
                                          << "</document_rules></destination></map>\n";
    auto shipped = sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4";
    std::ofstream(directory_ / "config.xml") << fmt::format(
        "<?xml version=\"1.0\"?>\n<config>\n"
        "  <steps mode=\"data\">\n"
        "    <step title=\"Customer Attributes Step\"><integrity>Migration\\Step\\Customer\\Integrity</integrity>"
        "<data>Migration\\Step\\Customer\\Data</data><volume>Migration\\Step\\Customer\\Volume</volume></step>\n"
        "    <step title=\"Map Step\"><integrity>Migration\\Step\\Map\\Integrity</integrity>"
        "<data>Migration\\Step\\Map\\Data</data><volume>Migration\\Step\\Map\\Volume</volume></step>\n"
        "  </steps>\n"
        "  <source><database host=\"{0}\" name=\"customer_m1\" user=\"root\"/></source>\n"
        "  <destination><database host=\"{0}\" name=\"customer_m2\" user=\"root\"/></destination>\n"
        "  <options><map_file>map.xml</map_file>"
        "<customer_map_file>{1}</customer_map_file>"
        "<customer_document_groups_file>{2}</customer_document_groups_file>"
        "<customer_attribute_groups_file>{3}</customer_attribute_groups_file>"
        "<upgrade_customer_password_hash>1</upgrade_customer_password_hash>{4}</options>\n</config>\n",
        server().socket().string(), (shipped / "map-customer.xml").string(),
        (shipped / "customer-document-groups.xml").string(), (shipped / "customer-attribute-groups.xml").string(),
        extraOptions);
  }

  static MariaDbServer& server() { return MariaDbServer::instance(); }
  CommandResult m2stage(const std::string& command, const std::string& extra = "") {
    return runM2stage(command + " " + (directory_ / "config.xml").string() + " --stage " + stage_.string() + " " + extra);
  }
  Rows rows(const std::string& sql) { return server().connect("customer_m2")->query(sql); }

  std::string sha512_;
  std::filesystem::path directory_, stage_;
};

TEST_F(CustomerTest, StaticAttributesBecomeEntityColumnsAndPasswordsKeepWorking) {
  auto extracted = m2stage("extract");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto transformed = m2stage("transform");
  ASSERT_EQ(transformed.exitCode, 0) << transformed.output;
  EXPECT_NE(transformed.output.find("2 customer accounts need a password reset"), std::string::npos) << transformed.output;
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  // Customers: static attributes in the entity row; password hashes Magento 2 verifies.
  EXPECT_EQ(rows("SELECT entity_id, email, firstname, lastname, dob, created_in, default_billing, gender, is_active "
                 "FROM customer_entity ORDER BY entity_id"),
            (Rows{{"1", "ann@example.com", "Ann", "Lee", "1980-05-01", "Default Store View", "1", "2", "1"},
                  {"2", "bob@example.com", "Bob", "Roe", std::nullopt, std::nullopt, std::nullopt, std::nullopt, "1"},
                  {"3", "cy@example.com", "Cy", "Poe", std::nullopt, std::nullopt, std::nullopt, std::nullopt, "1"},
                  {"4", "di@example.com", "Di", "Moe", std::nullopt, std::nullopt, std::nullopt, std::nullopt, "0"}}));
  auto hashes = rows("SELECT password_hash FROM customer_entity ORDER BY entity_id");
  ASSERT_EQ(hashes.size(), 4u);
  EXPECT_EQ(hashes[0][0], kMd5 + ":0");
  EXPECT_TRUE(magento2Accepts("secret123", *hashes[0][0]));
  EXPECT_FALSE(magento2Accepts("secret124", *hashes[0][0]));
  EXPECT_EQ(hashes[1][0], kSha256 + ":1");
  EXPECT_TRUE(magento2Accepts("secret123", *hashes[1][0]));
  EXPECT_EQ(hashes[2][0], kBcrypt);      // kept; Magento 2 cannot verify it: counted
  EXPECT_EQ(hashes[3][0], std::nullopt);  // sha512:salt is longer than varchar(128): a value row, as upstream

  // Value rows: only the attributes that are not static (and the sha512 hash).
  EXPECT_EQ(rows("SELECT attribute_id, entity_id, value FROM customer_entity_varchar ORDER BY attribute_id, entity_id"),
            (Rows{{"12", "4", sha512_}, {"140", "1", "GOLD"}}));
  EXPECT_EQ(rows("SELECT attribute_id, entity_id, value FROM customer_entity_text"), (Rows{{"141", "2", "likes tea"}}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_entity_datetime")[0][0], "0");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_entity_int")[0][0], "0");

  // Addresses.
  EXPECT_EQ(rows("SELECT entity_id, parent_id, firstname, lastname, street, city, country_id, postcode, region_id, "
                 "telephone FROM customer_address_entity ORDER BY entity_id"),
            (Rows{{"1", "1", "Ann", "Lee", "Main St 1\nFloor 2", "Berlin", "DE", "10115", "82", "123"},
                  {"2", "2", "Bob", "Roe", "Rue 2", "Paris", "FR", std::nullopt, std::nullopt, "456"}}));
  EXPECT_EQ(rows("SELECT attribute_id, entity_id, value FROM customer_address_entity_varchar"),
            (Rows{{"150", "1", "back door"}}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_address_entity_text")[0][0], "0");
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_address_entity_int")[0][0], "0");

  // eav_attribute after load: the static ones are static.
  EXPECT_EQ(rows("SELECT attribute_code, backend_type FROM eav_attribute ORDER BY attribute_id"),
            (Rows{{"firstname", "static"}, {"password_hash", "static"}, {"street", "static"}, {"loyalty_code", "varchar"},
                  {"delivery_note", "varchar"}}));

  // The staging file: one password_reset finding per account, and the audit event.
  SQLite::Database stage(stage_.string());
  SQLite::Statement findings(stage, "SELECT message FROM finding WHERE kind = 'password_reset' ORDER BY message");
  std::vector<std::string> messages;
  while (findings.executeStep()) messages.push_back(findings.getColumn(0).getString());
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("entity_id=3: bcrypt hash"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("entity_id=4: sha512 hash"), std::string::npos) << messages[1];
  SQLite::Statement audit(stage, "SELECT rows FROM audit WHERE event = 'transform.customer.password_reset'");
  ASSERT_TRUE(audit.executeStep());
  EXPECT_EQ(audit.getColumn(0).getInt64(), 2);
  // Volume: Magento 2 holds what was staged (load verified it); no mismatch finding.
  SQLite::Statement mismatches(stage, "SELECT COUNT(*) FROM finding WHERE kind IN ('volume_mismatch', 'content_mismatch')");
  mismatches.executeStep();
  EXPECT_EQ(mismatches.getColumn(0).getInt64(), 0);
}

// Customer\Delta: changes after the full run reach Magento 2 through the Customer step, so a
// changed value row of a static attribute changes the entity column (and stays out of the value
// table), a new customer arrives whole, and a deleted one leaves.
TEST_F(CustomerTest, DeltaCarriesCustomerChangesIntoTheEntityColumns) {
  std::string documents;
  for (std::size_t i = 0; i + 2 < kTables.size(); ++i)
    documents += fmt::format("<document key=\"{}\">{}</document>", i == 0 || i == 6 ? "entity_id" : "value_id", kTables[i]);
  std::ofstream(directory_ / "deltalog.xml") << "<?xml version=\"1.0\"?>\n<groups><group name=\"delta_customer\">"
                                             << documents << "</group></groups>\n";
  writeMapAndConfig("<delta_document_groups_file>deltalog.xml</delta_document_groups_file>");
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;

  server().runSql("customer_m1", fmt::format(R"(
    UPDATE customer_entity_varchar SET value = 'Annie' WHERE entity_id = 1 AND attribute_id = 5;
    UPDATE customer_entity_varchar SET value = 'PLATINUM' WHERE entity_id = 1 AND attribute_id = 140;
    INSERT INTO customer_entity (entity_id, entity_type_id, website_id, email, group_id, store_id, created_at, updated_at,
                                 is_active) VALUES (5, 1, 1, 'eve@example.com', 1, 1, '2016-01-02 03:04:05',
                                 '2016-01-02 03:04:05', 1);
    INSERT INTO customer_entity_varchar (entity_type_id, attribute_id, entity_id, value) VALUES
      (1, 5, 5, 'Eve'), (1, 7, 5, 'Ng'), (1, 12, 5, '{0}'), (1, 140, 5, 'SILVER');
    DELETE FROM customer_entity WHERE entity_id = 3;
    UPDATE customer_address_entity_varchar SET value = 'Lyon' WHERE entity_id = 2 AND attribute_id = 26;
  )", kMd5));
  auto extracted = m2stage("extract", "--delta");
  ASSERT_EQ(extracted.exitCode, 0) << extracted.output;
  auto applied = m2stage("load", "--delta");
  ASSERT_EQ(applied.exitCode, 0) << applied.output;

  EXPECT_EQ(rows("SELECT entity_id, email, firstname, lastname, dob, password_hash FROM customer_entity ORDER BY entity_id"),
            (Rows{{"1", "ann@example.com", "Annie", "Lee", "1980-05-01", kMd5 + ":0"},
                  {"2", "bob@example.com", "Bob", "Roe", std::nullopt, kSha256 + ":1"},
                  {"4", "di@example.com", "Di", "Moe", std::nullopt, std::nullopt},
                  {"5", "eve@example.com", "Eve", "Ng", std::nullopt, kMd5 + ":0"}}));
  // Static attributes stay out of the value table; the others follow their changes.
  EXPECT_EQ(rows("SELECT attribute_id, entity_id, value FROM customer_entity_varchar ORDER BY attribute_id, entity_id"),
            (Rows{{"12", "4", sha512_}, {"140", "1", "PLATINUM"}, {"140", "5", "SILVER"}}));
  EXPECT_EQ(rows("SELECT entity_id, street, city, country_id, telephone FROM customer_address_entity ORDER BY entity_id"),
            (Rows{{"1", "Main St 1\nFloor 2", "Berlin", "DE", "123"}, {"2", "Rue 2", "Lyon", "FR", "456"}}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_address_entity_varchar")[0][0], "1");  // delivery_note only
}

TEST_F(CustomerTest, WithoutTheCustomerStepInTheListTheTablesStayBehind) {
  // A data list with the Map step only: the customer tables are ignored by map.xml, nothing moves.
  std::ifstream in(directory_ / "config.xml");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  auto start = text.find("    <step title=\"Customer Attributes Step\">");
  text.erase(start, text.find("\n", start) + 1 - start);
  std::ofstream(directory_ / "config.xml") << text;
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_entity")[0][0], "0");
  EXPECT_EQ(rows("SELECT backend_type FROM eav_attribute WHERE attribute_code = 'firstname'")[0][0], "varchar");
}

TEST_F(CustomerTest, EntityRowsWaitForValueTablesExtractHasNotStarted) {
  ASSERT_EQ(m2stage("extract").exitCode, 0);
  {
    // As in the middle of an extract beside `load --finished-only`: customer_entity is done,
    // customer_entity_int not started yet (no progress row), the run not finished.
    SQLite::Database stage(stage_.string(), SQLite::OPEN_READWRITE);
    stage.exec("DELETE FROM document WHERE run_id = 1 AND step = 'extract' AND document = 'customer_entity_int'");
    stage.exec("UPDATE run_step SET state = 'running' WHERE run_id = 1 AND step = 'extract'");
  }
  auto loaded = m2stage("load", "--finished-only");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  // Not transformed with default_billing and gender missing: it waits for its values.
  EXPECT_EQ(rows("SELECT COUNT(*) FROM customer_entity")[0][0], "0");
  SQLite::Database stage(stage_.string());
  EXPECT_EQ(stage.execAndGet("SELECT COUNT(*) FROM document WHERE run_id = 1 AND step = 'transform' "
                             "AND document = 'customer_entity' AND state = 'done'").getInt(), 0);
}

TEST_F(CustomerTest, AStaticCodeMagento2HasNoColumnForStaysAValueRow) {
  // A groups file that calls loyalty_code static, though customer_entity has no such column.
  std::stringstream groups;
  groups << std::ifstream(sourceDir() / "schema" / "maps" / "ce-1.9-to-2.4" / "customer-attribute-groups.xml").rdbuf();
  std::string text = groups.str();
  text.insert(text.find("<attribute>confirmation</attribute>"), "<attribute>loyalty_code</attribute>\n    ");
  std::ofstream(directory_ / "groups.xml") << text;
  std::stringstream config;
  config << std::ifstream(directory_ / "config.xml").rdbuf();
  text = config.str();
  auto start = text.find("<customer_attribute_groups_file>") + std::string("<customer_attribute_groups_file>").size();
  text.replace(start, text.find("</customer_attribute_groups_file>") - start, (directory_ / "groups.xml").string());
  std::ofstream(directory_ / "config.xml") << text;

  ASSERT_EQ(m2stage("extract").exitCode, 0);
  auto loaded = m2stage("load");
  ASSERT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_EQ(rows("SELECT value FROM customer_entity_varchar WHERE attribute_id = 140"), (Rows{{"GOLD"}}));
}

}  // namespace
}  // namespace m2stage::test
