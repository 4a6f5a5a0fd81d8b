# ScyllaDB: the CQL store (archive, ledger, batch and speed views, rule state). The Scylla
# operator runs the cluster that the second release describes; the layers reach it at
# scylla-client.<namespace>.svc.cluster.local:9042, datacenter "datacenter1".
resource "kubernetes_namespace_v1" "scylla_operator" {
  metadata {
    name   = var.scylla_operator_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "kubernetes_namespace_v1" "scylladb" {
  metadata {
    name   = var.scylladb_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "helm_release" "scylla_operator" {
  name       = "scylla-operator"
  namespace  = kubernetes_namespace_v1.scylla_operator.metadata[0].name
  repository = "https://scylla-operator-charts.storage.googleapis.com/stable"
  chart      = "scylla-operator"
  version    = "v1.17.0"

  values = [file("${path.module}/helm-values/scylla-operator.yaml")]
}

resource "helm_release" "scylladb" {
  name       = "scylla"
  namespace  = kubernetes_namespace_v1.scylladb.metadata[0].name
  repository = "https://scylla-operator-charts.storage.googleapis.com/stable"
  chart      = "scylla"
  version    = "v1.17.0"
  timeout    = 900

  values = [templatefile("${path.module}/helm-values/scylladb.yaml", {
    nodes          = var.scylladb_nodes
    storage_size   = var.scylladb_storage_size
    developer_mode = var.scylladb_developer_mode
  })]

  # The ScyllaCluster resource needs the operator's CRDs and webhook.
  depends_on = [helm_release.scylla_operator]
}
