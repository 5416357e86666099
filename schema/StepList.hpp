// The official config.xml's step lists (<steps mode="..."><step><integrity|data|volume|delta>class)
// and what they mean for m2stage: each official step class belongs to one m2stage step (the
// generic Map step, Settings = core_config_data, Stores = the store tables, Eav = the EAV merge), or to an official
// step m2stage does not implement yet. The class table lives here, and only here.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema/Config.hpp"

namespace m2stage::schema {

enum class StepKind {
  Map,         // Migration\Step\Map\*: the generic map step (data and delta)
  Settings,    // Migration\Step\Settings\*: core_config_data (settings mode)
  Stores,      // Migration\Step\Stores\*: core_store, core_store_group, core_website (settings mode)
  Customer,    // Migration\Step\Customer\*: customer and address tables (data and delta mode)
  Eav,         // Migration\Step\Eav\*: the EAV metadata merge (data mode; transform/EavStep, load/EavLoader)
  UrlRewrite,  // Migration\Step\UrlRewrite\Version191to2000: core_url_rewrite and CMS pages -> url_rewrite
               // (data mode), and core_url_rewrite's changes applied (delta mode; upstream configures none)
  SalesIncrement,  // Migration\Step\SalesIncrement\*: sequence tables at load (data), raised (delta)
  OrderGrids,  // Migration\Step\OrderGrids\*: the sales grids rebuilt at load (data) and refreshed (delta)
  Inventory,   // Migration\Step\Inventory\*: MSI source items, sales channels, shipment sources at load
               // (data) and the source items of changed stock items refreshed (delta)
  PostProcessing,  // Migration\Step\PostProcessing\Data: Magento 2 clean-ups after every other step
                   // (data mode; upstream has no PostProcessing delta)
  TierPrice,   // Migration\Step\TierPrice\Integrity|Data|Volume: tier and group prices at load (data mode;
               // upstream configures no TierPrice delta)
  ConfigurablePrices,  // Migration\Step\ConfigurablePrices\Integrity|Data|Volume: super-attribute pricing
                       // folded into child prices at load (data mode; upstream configures no delta)
  NotCovered,  // an official step m2stage does not implement yet (Log, Ratings, ...)
};

// The m2stage step of an official step class ("Migration\Step\Map\Data", with or without the
// leading backslash; "Migration\Step\Log" without a stage class also counts), or nullopt when
// the class is not an official step m2stage knows of.
std::optional<StepKind> stepOfClass(const std::string& className);

// The Magento 1 documents of the settings-mode steps.
inline constexpr const char* kConfigDocument = "core_config_data";
const std::vector<std::string>& storesDocuments();  // core_store, core_store_group, core_website

// What one mode runs, from the config's step list for that mode.
struct StepPlan {
  std::string mode;
  bool listed = false;  // the config has a <steps mode="..."> list; without one, everything runs
  bool map = true, settings = true, stores = true;
  bool customer = true;  // data and delta mode: the Customer Attributes step (runs when its files are configured)
  // The EAV step is in the list (or there is no list). It runs only when config.xml also names
  // its files (transform::EavStep::configured).
  bool eav = true;
  bool urlRewrite = true;  // data and delta mode: the Url Rewrite step (unless <skip_url_rewrites>)
  bool salesIncrement = true;  // data and delta mode: the SalesIncrement step (sequence tables)
  bool orderGrids = true;      // data and delta mode: the OrderGrids step (sales grids)
  bool inventory = true;       // data and delta mode: the Inventory step (MSI tables, when Magento 2 has them)
  bool postProcessing = true;  // data mode: the PostProcessing step (clean-ups after every other step)
  bool tierPrice = true;           // data mode: the TierPrice step (tier and group prices)
  bool configurablePrices = true;  // data mode: the ConfigurablePrices step (child prices)
  // Official steps in the list that m2stage does not implement yet: "EAV Step (Eav)", ...
  std::vector<std::string> notCovered;

  // settings mode: the Magento 1 documents its steps read.
  std::set<std::string> settingsDocuments() const;
  // One line naming the steps not covered yet, or "" when there are none.
  std::string notCoveredWarning(const Config& config) const;
};

// Throws InputError naming the class and "config.xml:line" for a class m2stage does not know.
StepPlan planSteps(const Config& config, const std::string& mode);

}  // namespace m2stage::schema
