# InfluxDB 2: events (90 days), score changes and pipeline metrics. The layers reach it at
# http://influxdb2.<namespace>.svc.cluster.local:80 with organization "scs".
resource "kubernetes_namespace_v1" "influxdb" {
  metadata {
    name   = var.influxdb_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

# The chart reads the admin password and token from this secret instead of generating them, so
# the same token can go into the layers' scs-layer-secrets.
resource "kubernetes_secret_v1" "influxdb_admin" {
  metadata {
    name      = "influxdb2-admin"
    namespace = kubernetes_namespace_v1.influxdb.metadata[0].name
  }
  data = {
    "admin-password" = var.influxdb_admin_password
    "admin-token"    = var.influxdb_admin_token
  }
}

resource "helm_release" "influxdb" {
  name       = "influxdb2"
  namespace  = kubernetes_namespace_v1.influxdb.metadata[0].name
  repository = "https://helm.influxdata.com/"
  chart      = "influxdb2"
  version    = "2.1.2"

  values = [templatefile("${path.module}/helm-values/influxdb.yaml", {
    admin_secret = kubernetes_secret_v1.influxdb_admin.metadata[0].name
    storage_size = var.influxdb_storage_size
  })]
}
