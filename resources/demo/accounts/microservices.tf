# All microservices: the union of the teams' files. Each team edits only its own
# microservices_<team>.tf; a new team adds its file and one line here (SRE review).

locals {
  microservices = merge(
    local.microservices_payments,
    local.microservices_catalog,
    local.microservices_identity,
    local.microservices_growth,
    local.microservices_media,
  )
}

module "microservices" {
  source = "./modules/microservices"

  microservices       = local.microservices
  gcp_project         = var.gcp_project
  gcp_region          = var.gcp_region
  transit_gateway_id  = var.transit_gateway_id
  github_organization = var.github_organization
}
