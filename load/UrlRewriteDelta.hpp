// The URL rewrite step's delta (m2stage's own: upstream configures no UrlRewrite delta for 1.9).
// Magento 1 keeps creating rewrites while it runs (new products, renamed URL keys), and extract
// --delta stages core_url_rewrite's changes (url_rewrite_id) with their current rows. After a
// delta run is applied, this writes them into Magento 2's url_rewrite and
// catalog_url_rewrite_product_category with the full step's mapping (schema::UrlRewriteMapping),
// row by row against Magento 2's current rows, one transaction per staged chunk:
//  - ids: a Magento 1 rewrite keeps its url_rewrite_id. A cms-page rewrite the full step gave that
//    id (CMS rewrites take the ids after Magento 1's highest) moves to a free id first, so no
//    rewrite is overwritten by another.
//  - (request_path, store_id): Magento 2's own comparison finds the row holding the key. A cms-page
//    rewrite gives way; otherwise UrlRewriteMapping::wins decides (system over custom, lowest id)
//    and the loser is removed or not written; each dropped rewrite is a url_rewrite_duplicate
//    finding of the run's load step.
//  - deletes: the id's url_rewrite row and product-category row go, unless it is a cms-page rewrite.
// Applying a run twice leaves Magento 2 as applying it once; findings are recorded once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "audit/AuditTrail.hpp"
#include "mariadb/Connection.hpp"
#include "schema/Config.hpp"
#include "schema/StepList.hpp"
#include "stage/StageFile.hpp"

namespace m2stage::load {

class UrlRewriteDelta {
 public:
  static constexpr const char* kSource = "core_url_rewrite";

  // The step when the delta plan runs it (Migration\Step\UrlRewrite\Version191to2000 in the delta
  // list, or no list) and config.xml does not set <skip_url_rewrites>.
  static std::optional<UrlRewriteDelta> forPlan(const schema::Config& config, const schema::StepPlan& plan);

  struct Result {
    bool ran = false;  // the run changed core_url_rewrite and Magento 2 has both tables
    std::int64_t written = 0, deleted = 0;
    std::int64_t moved = 0;        // cms-page rewrites moved to a free id
    std::int64_t duplicates = 0;   // rewrites dropped for (request_path, store_id)
    std::int64_t cmsKept = 0;      // deletes left alone: the id holds a cms-page rewrite
  };
  // Applies the run's staged core_url_rewrite changes to Magento 2. Without url_rewrite or
  // catalog_url_rewrite_product_category in Magento 2: StageError when the step is listed, else
  // an info line and nothing written.
  Result apply(mariadb::Connection& destination, stage::StageFile& stage, audit::AuditTrail& audit, std::int64_t run,
               const std::string& prefix) const;

 private:
  explicit UrlRewriteDelta(bool listed) : listed_(listed) {}
  bool listed_ = false;
};

}  // namespace m2stage::load
