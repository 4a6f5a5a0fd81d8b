# The cluster already exists (EKS, GKE, or a local kind cluster for dev); terraform only installs
# into it, through the kubeconfig context named by the environment's tfvars.
provider "kubernetes" {
  config_path    = var.kubeconfig_path
  config_context = var.kube_context
}

provider "helm" {
  kubernetes {
    config_path    = var.kubeconfig_path
    config_context = var.kube_context
  }
}
