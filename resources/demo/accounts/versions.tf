terraform {
  required_version = ">= 1.6"

  backend "gcs" {
    bucket = "demo-platform-tfstate"
    prefix = "accounts"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    datadog = {
      source  = "DataDog/datadog"
      version = "~> 3.46"
    }
    github = {
      source  = "integrations/github"
      version = "~> 6.3"
    }
    google = {
      source  = "hashicorp/google"
      version = "~> 6.8"
    }
    pagerduty = {
      source  = "PagerDuty/pagerduty"
      version = "~> 3.16"
    }
    slack = {
      source  = "pablovarela/slack"
      version = "~> 1.2"
    }
  }
}
