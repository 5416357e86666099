// The URL rewrite step (official Migration\Step\UrlRewrite\Version191to2000) over the staging
// file: the staged Magento 1 core_url_rewrite rows become Magento 2 url_rewrite rows (staged as the
// document core_url_rewrite -> url_rewrite) and catalog_url_rewrite_product_category rows (the
// document core_url_rewrite:catalog_url_rewrite_product_category), then the active CMS pages of
// the staged cms_page / cms_page_store get cms-page rewrites. Rewrites sharing Magento 2's unique
// key (request_path, store_id) are resolved by UrlRewriteMapping::wins and each dropped one
// becomes a url_rewrite_duplicate finding. Rows are streamed chunk by chunk; the keys seen live in
// temporary tables of the staging file's connection, never in memory. Load writes both documents
// like any other (emptying the tables first, as upstream truncates them) and checks their volume.
// Delta runs are applied at load by load/UrlRewriteDelta, with the same per-row mapping.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "audit/AuditTrail.hpp"
#include "schema/Config.hpp"
#include "schema/Table.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::transform {

// The finding kind of a rewrite dropped because another one has its (request_path, store_id).
inline constexpr const char* kUrlRewriteDuplicate = "url_rewrite_duplicate";

class UrlRewriteStep {
 public:
  static constexpr const char* kSource = "core_url_rewrite";
  static constexpr const char* kProductCategoryDocument = "core_url_rewrite:catalog_url_rewrite_product_category";
  // The Magento 2 documents the step writes. A listed step needs them: transform's integrity
  // check reports those Magento 2 lacks as "Destination documents are missing".
  static constexpr const char* kUrlRewrite = "url_rewrite";
  static constexpr const char* kProductCategory = "catalog_url_rewrite_product_category";
  static constexpr std::array<const char*, 2> kDestinationDocuments = {kUrlRewrite, kProductCategory};

  // nullopt when config.xml sets <skip_url_rewrites> (1/true): Magento 2 regenerates them.
  // `listed`: the step list names the step; then a Magento 2 schema without url_rewrite or
  // catalog_url_rewrite_product_category stops transform. Without a step list the step is left out
  // in that case, with an info line and the reason in the document's detail (a trimmed Magento 2
  // schema such as the sample store's).
  static std::optional<UrlRewriteStep> forConfig(const schema::Config& config, bool listed);
  static bool skipped(const schema::Config& config);

  // What extract stages for the step, whatever map.xml says: core_url_rewrite, cms_page, cms_page_store.
  const std::set<std::string>& stagedDocuments() const;
  bool handles(const std::string& document) const { return document == kSource; }
  // Whether the step list names the step (then it cannot be left out).
  bool listed() const { return listed_; }

  struct Result {
    bool ready = true;  // false: a document the step reads is not fully extracted yet
    std::int64_t rowsIn = 0, rowsOut = 0;
    int documents = 0;
    std::int64_t duplicates = 0, cmsPages = 0;
  };
  // Transforms the run's staged core_url_rewrite (the chunks not transformed yet) and adds the
  // CMS page rewrites; records progress, detail, findings and audit events.
  Result transform(stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
                   const std::map<std::string, schema::Table>& destinationTables) const;

 private:
  explicit UrlRewriteStep(bool listed) : listed_(listed) {}
  bool listed_ = false;
};

}  // namespace m2stage::transform
