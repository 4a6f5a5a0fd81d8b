# Dgraph: the social graph (ties, node scores). The layers reach an alpha's gRPC endpoint at
# dgraph-alpha.<namespace>.svc.cluster.local:9080.
resource "kubernetes_namespace_v1" "dgraph" {
  metadata {
    name   = var.dgraph_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "helm_release" "dgraph" {
  name       = "dgraph"
  namespace  = kubernetes_namespace_v1.dgraph.metadata[0].name
  repository = "https://charts.dgraph.io"
  chart      = "dgraph"
  version    = "24.1.1"
  timeout    = 900

  values = [templatefile("${path.module}/helm-values/dgraph.yaml", {
    alpha_replicas = var.dgraph_alpha_replicas
    zero_replicas  = var.dgraph_zero_replicas
    storage_size   = var.dgraph_storage_size
  })]
}
