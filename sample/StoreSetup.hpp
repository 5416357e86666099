// The fixed part of the store, the same at every scale: websites, store groups and store views,
// core_config_data, the EAV entity types, attributes, attribute sets, groups and set links with
// their catalog/customer properties, the default stock, the ratings and a few CMS pages.
#pragma once

#include "sample/RowSink.hpp"

namespace m2stage::sample {

class StoreSetup {
 public:
  explicit StoreSetup(RowSink& sink) : sink_(sink) {}
  void write();

 private:
  void stores();
  void config();
  void eav();
  void attributeSets();
  void attributeProperties();
  void ratings();
  void cms();
  RowSink& sink_;
};

}  // namespace m2stage::sample
