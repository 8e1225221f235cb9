# Credentials come from the CI workflow's environment (workload identity federation on
# GitHub Actions); nothing secret is stored in this repository.

provider "google" {
  project = var.gcp_project
  region  = var.gcp_region
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      managed-by = "terraform"
      repository = "demo-org/accounts"
    }
  }
}

provider "github" {
  owner = var.github_organization
}

provider "datadog" {
  api_url = "https://api.ap1.datadoghq.com/"
}

provider "pagerduty" {}

provider "slack" {}
