# What one microservice entry creates. One application is one namespace; the namespace and
# its RoleBinding live in the manifests repository (platform/namespaces), everything outside
# Kubernetes is here.

locals {
  slack_usergroups = { for svc in var.microservices : svc.slack_usergroup => svc.team... }
}

# Container registry ---------------------------------------------------------------------

resource "google_artifact_registry_repository" "service" {
  for_each = var.microservices

  project       = var.gcp_project
  location      = var.gcp_region
  repository_id = each.value.gar_repository
  description   = each.value.description
  format        = "DOCKER"

  labels = {
    team    = each.value.team
    service = each.key
  }

  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 50
    }
  }
}

# Workload identity: the Kubernetes ServiceAccount <name>/<name> acts as this account ------

resource "google_service_account" "service" {
  for_each = var.microservices

  project      = var.gcp_project
  account_id   = each.key
  display_name = "${each.key} (${each.value.team})"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each = var.microservices

  service_account_id = google_service_account.service[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.gcp_project}.svc.id.goog[${each.value.namespace}/${each.key}]"
}

resource "google_artifact_registry_repository_iam_member" "reader" {
  for_each = var.microservices

  project    = var.gcp_project
  location   = var.gcp_region
  repository = google_artifact_registry_repository.service[each.key].name
  role       = "roles/artifactregistry.reader"
  member     = "serviceAccount:${google_service_account.service[each.key].email}"
}

# Cloud SQL (a database and a user on the shared instance) ---------------------------------

resource "google_sql_database" "service" {
  for_each = { for name, svc in var.microservices : name => svc if svc.cloudsql }

  project  = var.gcp_project
  instance = "platform-shared-pg16"
  name     = replace(each.key, "-", "_")
}

resource "google_sql_user" "service" {
  for_each = { for name, svc in var.microservices : name => svc if svc.cloudsql }

  project  = var.gcp_project
  instance = "platform-shared-pg16"
  name     = "${google_service_account.service[each.key].account_id}@${var.gcp_project}.iam"
  type     = "CLOUD_IAM_SERVICE_ACCOUNT"
}

# Network: VPC attachment to the shared Transit Gateway (services that call the AWS side) --

data "aws_vpc" "service" {
  for_each = { for name, svc in var.microservices : name => svc if svc.transit_gateway_attachment }

  tags = {
    Name = "svc-${each.key}"
  }
}

data "aws_subnets" "private" {
  for_each = data.aws_vpc.service

  filter {
    name   = "vpc-id"
    values = [each.value.id]
  }

  tags = {
    tier = "private"
  }
}

resource "aws_ec2_transit_gateway_vpc_attachment" "service" {
  for_each = data.aws_vpc.service

  transit_gateway_id = var.transit_gateway_id
  vpc_id             = each.value.id
  subnet_ids         = data.aws_subnets.private[each.key].ids
  dns_support        = "enable"

  tags = {
    Name    = "tgw-${each.key}"
    team    = var.microservices[each.key].team
    service = each.key
  }
}

# Slack user groups (one per handle; several services of a team may share one) -----------

resource "slack_usergroup" "service" {
  for_each = local.slack_usergroups

  handle      = each.key
  name        = each.key
  description = "On-call and owners of the ${one(distinct(each.value))} team's microservices."
}

# Datadog default monitors ---------------------------------------------------------------

resource "datadog_monitor" "error_rate" {
  for_each = { for name, svc in var.microservices : name => svc if svc.datadog_monitors }

  name    = "[${each.value.team}] ${each.key}: 5xx rate above 2%"
  type    = "query alert"
  query   = "sum(last_5m):sum:trace.http.request.errors{service:${each.key},env:prd}.as_count() / sum:trace.http.request.hits{service:${each.key},env:prd}.as_count() > 0.02"
  message = "5xx rate of ${each.key} is {{value}}. @slack-${coalesce(each.value.slack_channel, each.value.slack_usergroup)}"
  tags    = ["team:${each.value.team}", "service:${each.key}"]

  monitor_thresholds {
    critical = 0.02
    warning  = 0.01
  }
}

resource "datadog_monitor" "restarts" {
  for_each = { for name, svc in var.microservices : name => svc if svc.datadog_monitors }

  name    = "[${each.value.team}] ${each.key}: containers restarting"
  type    = "query alert"
  query   = "change(max(last_10m),last_10m):sum:kubernetes.containers.restarts{kube_namespace:${each.value.namespace},env:prd} > 5"
  message = "Pods of ${each.key} restart. @slack-${coalesce(each.value.slack_channel, each.value.slack_usergroup)}"
  tags    = ["team:${each.value.team}", "service:${each.key}"]

  monitor_thresholds {
    critical = 5
  }
}

# PagerDuty ------------------------------------------------------------------------------

data "pagerduty_escalation_policy" "team" {
  for_each = toset([for svc in var.microservices : svc.team if svc.pagerduty_service])

  name = "${each.key} escalation"
}

resource "pagerduty_service" "service" {
  for_each = { for name, svc in var.microservices : name => svc if svc.pagerduty_service }

  name                    = each.key
  description             = each.value.description
  escalation_policy       = data.pagerduty_escalation_policy.team[each.value.team].id
  alert_creation          = "create_alerts_and_incidents"
  acknowledgement_timeout = 1800
  auto_resolve_timeout    = 14400
}
