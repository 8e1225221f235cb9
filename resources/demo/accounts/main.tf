# Accounts and rights of every developer. Each resource takes the entries of var.developers
# whose flag is on; removing an entry (or a flag) removes the account on the next apply.

locals {
  github_approvers = { for id, d in var.developers : id => d if d.github_approver }
}

# GitHub ---------------------------------------------------------------------------------

resource "github_membership" "developer" {
  for_each = var.developers

  username = each.value.github
  role     = "member"
}

resource "github_team" "onboarding_approvers" {
  name        = "onboarding-approvers"
  description = "May approve and merge onboarding PRs in demo-org/accounts."
  privacy     = "closed"
}

resource "github_team_membership" "onboarding_approver" {
  for_each = local.github_approvers

  team_id  = github_team.onboarding_approvers.id
  username = each.value.github
  role     = "member"

  depends_on = [github_membership.developer]
}

# GCP ------------------------------------------------------------------------------------

resource "google_project_iam_member" "gke_developer" {
  for_each = { for id, d in var.developers : id => d if d.gcp }

  project = var.gcp_project
  role    = "roles/container.developer"
  member  = "user:${each.value.email}"
}

resource "google_project_iam_member" "viewer" {
  for_each = { for id, d in var.developers : id => d if d.gcp }

  project = var.gcp_project
  role    = "roles/viewer"
  member  = "user:${each.value.email}"
}

# AWS ------------------------------------------------------------------------------------

resource "aws_iam_user" "developer" {
  for_each = { for id, d in var.developers : id => d if d.aws }

  name          = each.key
  path          = "/developers/"
  force_destroy = true

  tags = {
    email = each.value.email
  }
}

resource "aws_iam_user_group_membership" "developer" {
  for_each = aws_iam_user.developer

  user   = each.value.name
  groups = ["eks-developers"]
}

# Slack ----------------------------------------------------------------------------------

data "slack_user" "developer" {
  for_each = { for id, d in var.developers : id => d if d.slack }

  email = each.value.email
}

resource "slack_usergroup" "platform_developers" {
  name        = "Platform developers"
  handle      = "platform-dev"
  description = "Everyone in developers.auto.tfvars with slack = true."
  users       = [for u in data.slack_user.developer : u.id]
}

# Datadog --------------------------------------------------------------------------------

data "datadog_role" "standard" {
  filter = "Datadog Standard Role"
}

resource "datadog_user" "developer" {
  for_each = { for id, d in var.developers : id => d if d.datadog }

  email = each.value.email
  name  = each.value.name
  roles = [data.datadog_role.standard.id]
}

# PagerDuty ------------------------------------------------------------------------------

resource "pagerduty_user" "developer" {
  for_each = { for id, d in var.developers : id => d if d.pagerduty }

  name  = each.value.name
  email = each.value.email
  role  = "limited_user"
}

# Argo CD (SSO through GitHub: dex accepts members of these two teams; the rights in each
# team's namespaces come from the AppProjects in the manifests repository) ----------------

resource "github_team" "argocd" {
  for_each = toset(["argocd-users", "argocd-admins"])

  name        = each.key
  description = "Managed by demo-org/accounts (developers.auto.tfvars)."
  privacy     = "closed"
}

resource "github_team_membership" "argocd_user" {
  for_each = { for id, d in var.developers : id => d if d.argocd }

  team_id  = github_team.argocd["argocd-users"].id
  username = each.value.github
  role     = "member"

  depends_on = [github_membership.developer]
}

resource "github_team_membership" "argocd_admin" {
  for_each = { for id, d in var.developers : id => d if d.argocd_admin }

  team_id  = github_team.argocd["argocd-admins"].id
  username = each.value.github
  role     = "member"

  depends_on = [github_membership.developer]
}
