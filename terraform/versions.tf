# Pinned exactly, as in data-on-eks: a provider upgrade is a reviewed change, not a side effect
# of `terraform init`. The helm provider stays on 2.x, whose `kubernetes {}` block syntax
# providers.tf uses (3.x changed it).
terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    helm = {
      source  = "hashicorp/helm"
      version = "2.17.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "2.38.0"
    }
  }
}
