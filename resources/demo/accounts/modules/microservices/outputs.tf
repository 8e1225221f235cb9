output "registry_urls" {
  description = "Docker registry URL of each microservice's Artifact Registry repository."
  value = {
    for name, repo in google_artifact_registry_repository.service :
    name => "${var.gcp_region}-docker.pkg.dev/${var.gcp_project}/${repo.repository_id}"
  }
}

output "service_accounts" {
  description = "GCP service account e-mail of each microservice (workload identity)."
  value       = { for name, sa in google_service_account.service : name => sa.email }
}
