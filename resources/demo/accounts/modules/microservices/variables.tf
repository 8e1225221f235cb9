# The fields a microservice entry may have. The SRE team owns this file: a team can only ask
# for what is declared here.

variable "microservices" {
  description = <<-EOT
    Every microservice of the platform, keyed by its name. One application is one Kubernetes
    namespace, so the namespace is normally the name. The entries live in one file per team
    (microservices_<team>.tf) so that CODEOWNERS gives each team its own entries only; this
    variable is the merged view, passed in by the root microservices.tf.
  EOT
  type = map(object({
    team                       = string                          # owning GitHub team in demo-org
    description                = string                          # one line, shown in the catalog
    namespace                  = string                          # Kubernetes namespace (= name)
    gar_repository             = string                          # Artifact Registry repository id
    clusters                   = optional(list(string), ["gke"]) # gke, eks or both
    transit_gateway_attachment = optional(bool, false)           # reaches the AWS side via TGW
    slack_usergroup            = string                          # handle of the on-call user group
    slack_channel              = optional(string)                # alerts channel, without the #
    datadog_monitors           = optional(bool, true)            # default monitors (errors, latency)
    pagerduty_service          = optional(bool, false)           # a PagerDuty service and escalation
    cloudsql                   = optional(bool, false)           # a Cloud SQL user and database
    public                     = optional(bool, false)           # exposed through the shared gateway
  }))

  validation {
    condition     = alltrue([for name, svc in var.microservices : svc.namespace == name])
    error_message = "One application is one namespace: the namespace must equal the service name."
  }

  validation {
    condition     = alltrue([for svc in var.microservices : alltrue([for c in svc.clusters : contains(["gke", "eks"], c)])])
    error_message = "clusters may only contain \"gke\" and \"eks\"."
  }
}

variable "gcp_project" {
  description = "GCP project that holds Artifact Registry and Cloud SQL."
  type        = string
}

variable "gcp_region" {
  description = "Region of every GCP resource."
  type        = string
}

variable "transit_gateway_id" {
  description = "The shared Transit Gateway that microservice VPC attachments join."
  type        = string
}

variable "github_organization" {
  description = "GitHub organisation whose teams own the services."
  type        = string
}
