// The EAV entity types, attributes, attribute sets and groups the sample store uses, with the ids
// a Magento 1.9 CE install gives them (the fixture ce-1.9.2.4.sql), so ids line up with real stores.
#pragma once

namespace m2stage::sample::attribute {

enum EntityType : int {
  kCustomer = 1, kCustomerAddress = 2, kCategory = 3, kProduct = 4,
  kOrder = 5, kInvoice = 6, kCreditmemo = 7, kShipment = 8,
};

enum Customer : int {
  kCreatedIn = 3, kPrefix = 4, kFirstname = 5, kMiddlename = 6, kLastname = 7, kSuffix = 8, kDob = 11,
  kPasswordHash = 12, kDefaultBilling = 13, kDefaultShipping = 14, kTaxvat = 15, kConfirmation = 16, kGender = 18,
  kRpToken = 33, kRpTokenCreatedAt = 34,
};
enum Address : int {
  kAddressPrefix = 19, kAddressFirstname = 20, kAddressMiddlename = 21, kAddressLastname = 22, kAddressSuffix = 23,
  kCompany = 24, kStreet = 25, kCity = 26, kCountryId = 27, kRegion = 28, kRegionId = 29, kPostcode = 30,
  kTelephone = 31, kFax = 32, kVatId = 36, kVatIsValid = 37, kVatRequestId = 38, kVatRequestDate = 39,
  kVatRequestSuccess = 40,
};
enum Category : int { kCategoryName = 41, kCategoryIsActive = 42, kCategoryUrlKey = 43, kIncludeInMenu = 67 };
enum Product : int {
  kName = 71, kDescription = 72, kShortDescription = 73, kSku = 74, kPrice = 75, kSpecialPrice = 76,
  kSpecialFromDate = 77, kWeight = 80, kImage = 85, kMediaGallery = 88, kColor = 92, kStatus = 96, kUrlKey = 97,
  kUrlPath = 98, kVisibility = 102, kTaxClassId = 121,
};

// Attribute sets: each entity type's "Default" set has the type's id (as Magento 1 installs them);
// kVirtualSet is the sample's own product set, used by its virtual products.
enum AttributeSet : int { kVirtualSet = 9 };

// Attribute groups of the product sets (Magento 1's ids for the Default set).
enum ProductGroup : int {
  kDefaultGeneral = 7, kDefaultPrices = 8, kDefaultMeta = 9, kDefaultImages = 10,
  kVirtualGeneral = 18, kVirtualPrices = 19, kVirtualImages = 20,
};

}  // namespace m2stage::sample::attribute
