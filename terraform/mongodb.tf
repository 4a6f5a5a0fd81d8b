# MongoDB: citizens' current score and tier, rules and config. The layers reach it at
# mongodb.<namespace>.svc.cluster.local:27017 (standalone); a replica set is reached through its
# members (output mongodb_uri).
resource "kubernetes_namespace_v1" "mongodb" {
  metadata {
    name   = var.mongodb_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "helm_release" "mongodb" {
  name       = "mongodb"
  namespace  = kubernetes_namespace_v1.mongodb.metadata[0].name
  repository = "oci://registry-1.docker.io/bitnamicharts"
  chart      = "mongodb"
  version    = "16.5.45"
  timeout    = 900

  values = [templatefile("${path.module}/helm-values/mongodb.yaml", {
    architecture = var.mongodb_architecture
    auth_enabled = var.mongodb_auth_enabled
    storage_size = var.mongodb_storage_size
  })]

  set_sensitive {
    name  = "auth.rootPassword"
    value = var.mongodb_root_password
  }
}
