output "developer_count" {
  description = "Number of developers with an entry."
  value       = length(var.developers)
}

output "microservices" {
  description = "Every microservice with its team and namespace, for the resource catalog."
  value       = { for name, svc in local.microservices : name => { team = svc.team, namespace = svc.namespace } }
}

output "registry_urls" {
  description = "Artifact Registry URL of each microservice, as used by the manifests repository."
  value       = module.microservices.registry_urls
}
