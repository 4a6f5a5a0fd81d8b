# Redpanda: the Kafka API event bus (topics citizen-events, citizen-events-dlq, score-updates).
# The layers reach it at redpanda.<namespace>.svc.cluster.local:9093, the chart's internal listener.
resource "kubernetes_namespace_v1" "redpanda" {
  metadata {
    name   = var.redpanda_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "helm_release" "redpanda" {
  name       = "redpanda"
  namespace  = kubernetes_namespace_v1.redpanda.metadata[0].name
  repository = "https://charts.redpanda.com"
  chart      = "redpanda"
  version    = "25.1.1"
  timeout    = 900

  values = [templatefile("${path.module}/helm-values/redpanda.yaml", {
    brokers            = var.redpanda_brokers
    topic_replications = min(3, var.redpanda_brokers)
    storage_size       = var.redpanda_storage_size
  })]
}
