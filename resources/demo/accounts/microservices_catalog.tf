# Microservices of the catalog team. The catalog team owns this file (CODEOWNERS); the
# fields are declared in modules/microservices/variables.tf.

locals {
  microservices_catalog = {
    product-api = {
      team            = "catalog"
      description     = "Product pages, prices and stock for the storefront."
      namespace       = "product-api"
      gar_repository  = "product-api"
      slack_usergroup = "catalog-team"
      slack_channel   = "catalog-alerts"
      cloudsql        = true
      public          = true
    }

    search-indexer = {
      team            = "catalog"
      description     = "Keeps the search index in step with product changes."
      namespace       = "search-indexer"
      gar_repository  = "search-indexer"
      slack_usergroup = "catalog-team"
      slack_channel   = "catalog-alerts"
    }
  }
}
