# Input variables of the accounts repository.
#
# The SRE team decides which fields exist: a developer can only be given what is declared
# here. Add a field in a PR to the SRE team first, then use it in an entry. The fields of a
# microservice are declared in modules/microservices/variables.tf.

variable "developers" {
  description = <<-EOT
    Everyone who works on the platform, keyed by a short user id (the part of the e-mail
    address before the @). Adding an entry onboards the person; deleting it offboards them.
    Every flag switches one account or right on. There is deliberately no team field: org
    charts change more often than this file should.
  EOT
  type = map(object({
    name            = string                # display name, used by Slack, Datadog and PagerDuty
    github          = string                # GitHub login, invited to the demo-org organisation
    email           = string                # work address; also the Google account
    github_approver = optional(bool, false) # may approve and merge onboarding PRs
    gcp             = optional(bool, false) # viewer on the GCP projects, GKE developer
    aws             = optional(bool, false) # IAM user in the shared AWS account, EKS access
    slack           = optional(bool, true)  # member of the platform Slack user groups
    datadog         = optional(bool, false) # Datadog standard role
    pagerduty       = optional(bool, false) # PagerDuty responder, may be put on call
    argocd          = optional(bool, false) # Argo CD login (GitHub SSO); rights come from the team projects
    argocd_admin    = optional(bool, false) # Argo CD admin; SRE only
  }))

  validation {
    condition     = alltrue([for id, d in var.developers : can(regex("^[a-z][a-z0-9-]{1,30}$", id))])
    error_message = "Developer ids are lower-case letters, digits and dashes, 2 to 31 characters."
  }

  validation {
    condition     = alltrue([for d in var.developers : endswith(d.email, "@example.co.jp") || endswith(d.email, "@example.com")])
    error_message = "Only company e-mail addresses (example.co.jp, example.com) may be used."
  }
}

variable "gcp_project" {
  description = "GCP project that holds GKE, Artifact Registry and Cloud SQL."
  type        = string
  default     = "demo-platform-prd"
}

variable "gcp_region" {
  description = "Region of every GCP resource."
  type        = string
  default     = "asia-northeast1"
}

variable "aws_region" {
  description = "Region of the shared AWS account (EKS, Transit Gateway)."
  type        = string
  default     = "ap-northeast-1"
}

variable "transit_gateway_id" {
  description = "The shared Transit Gateway that microservice VPC attachments join."
  type        = string
  default     = "tgw-0a1b2c3d4e5f60789"
}

variable "github_organization" {
  description = "GitHub organisation that owns the platform repositories."
  type        = string
  default     = "demo-org"
}
