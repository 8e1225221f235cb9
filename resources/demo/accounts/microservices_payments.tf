# Microservices of the payments team. The payments team owns this file (CODEOWNERS); the
# fields are declared in modules/microservices/variables.tf.

locals {
  microservices_payments = {
    payment-api = {
      team                       = "payments"
      description                = "Takes payments for orders: card, carrier billing and points."
      namespace                  = "payment-api"
      gar_repository             = "payment-api"
      transit_gateway_attachment = true
      slack_usergroup            = "payments-oncall"
      slack_channel              = "payments-alerts"
      pagerduty_service          = true
      cloudsql                   = true
      public                     = true
    }

    ledger-worker = {
      team              = "payments"
      description       = "Consumes settled payments and writes the double-entry ledger."
      namespace         = "ledger-worker"
      gar_repository    = "ledger-worker"
      slack_usergroup   = "payments-oncall"
      slack_channel     = "payments-alerts"
      pagerduty_service = true
      cloudsql          = true
    }

    point-api = {
      team              = "payments"
      description       = "Balances, grants and expiry of member points."
      namespace         = "point-api"
      gar_repository    = "point-api"
      slack_usergroup   = "payments-oncall"
      slack_channel     = "payments-alerts"
      pagerduty_service = true
      cloudsql          = true
      public            = true
    }
  }
}
