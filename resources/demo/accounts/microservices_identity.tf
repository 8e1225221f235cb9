# Microservices of the identity team. The identity team owns this file (CODEOWNERS); the
# fields are declared in modules/microservices/variables.tf.

locals {
  microservices_identity = {
    auth-api = {
      team                       = "identity"
      description                = "Member login, sessions and OAuth tokens."
      namespace                  = "auth-api"
      gar_repository             = "auth-api"
      transit_gateway_attachment = true
      slack_usergroup            = "identity-oncall"
      slack_channel              = "identity-alerts"
      pagerduty_service          = true
      public                     = true
    }

    user-profile = {
      team            = "identity"
      description     = "Member profiles, addresses and notification settings."
      namespace       = "user-profile"
      gar_repository  = "user-profile"
      slack_usergroup = "identity-oncall"
      slack_channel   = "identity-alerts"
      cloudsql        = true
    }

    fraud-detector = {
      team                       = "identity"
      description                = "Scores logins and payments for fraud; blocks the worst."
      namespace                  = "fraud-detector"
      gar_repository             = "fraud-detector"
      clusters                   = ["eks"]
      transit_gateway_attachment = true
      slack_usergroup            = "identity-oncall"
      slack_channel              = "fraud-alerts"
      pagerduty_service          = true
    }
  }
}
