// The fixed part of the store, the same at every scale: websites, store groups and store views,
// core_config_data, the EAV entity types and attributes, the default stock and the ratings.
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
  void ratings();
  RowSink& sink_;
};

}  // namespace m2stage::sample
