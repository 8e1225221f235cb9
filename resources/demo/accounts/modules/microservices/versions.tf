terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
    datadog = {
      source = "DataDog/datadog"
    }
    github = {
      source = "integrations/github"
    }
    google = {
      source = "hashicorp/google"
    }
    pagerduty = {
      source = "PagerDuty/pagerduty"
    }
    slack = {
      source = "pablovarela/slack"
    }
  }
}
