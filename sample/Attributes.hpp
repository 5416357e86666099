// The EAV entity types and attributes the sample store uses, with the ids its eav_attribute rows
// get (entity type ids as in a Magento 1.9 install; attribute ids are this sample's own).
#pragma once

namespace m2stage::sample::attribute {

enum EntityType : int { kCustomer = 1, kCustomerAddress = 2, kCategory = 3, kProduct = 4 };

enum Customer : int {
  kFirstname = 5, kMiddlename = 6, kLastname = 7, kDob = 11, kPasswordHash = 12,
  kDefaultBilling = 13, kDefaultShipping = 14, kGender = 18, kCreatedIn = 3,
};
enum Address : int {
  kAddressFirstname = 20, kAddressLastname = 22, kCity = 26, kCountryId = 27, kPostcode = 30, kTelephone = 31,
};
enum Category : int { kCategoryName = 41, kCategoryIsActive = 42, kCategoryUrlKey = 43, kIncludeInMenu = 67 };
enum Product : int {
  kName = 71, kDescription = 72, kShortDescription = 73, kSku = 74, kPrice = 75, kSpecialPrice = 76,
  kSpecialFromDate = 77, kWeight = 80, kImage = 85, kMediaGallery = 88, kStatus = 96, kUrlKey = 97,
  kVisibility = 102, kTaxClassId = 121,
};

}  // namespace m2stage::sample::attribute
