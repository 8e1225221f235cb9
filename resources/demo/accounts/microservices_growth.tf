# Microservices of the growth team. The growth team owns this file (CODEOWNERS); the fields
# are declared in modules/microservices/variables.tf.

locals {
  microservices_growth = {
    campaign-api = {
      team            = "growth"
      description     = "Campaigns, coupons and their eligibility rules."
      namespace       = "campaign-api"
      gar_repository  = "campaign-api"
      slack_usergroup = "growth-team"
      slack_channel   = "growth-dev"
      cloudsql        = true
      public          = true
    }

    recommendation = {
      team             = "growth"
      description      = "\"You may also like\": recommendations from viewing history."
      namespace        = "recommendation"
      gar_repository   = "recommendation"
      slack_usergroup  = "growth-team"
      datadog_monitors = false
    }
  }
}
