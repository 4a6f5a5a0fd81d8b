# The addresses the layers' settings need (k8s/base/configmap-*.yaml), computed from the
# releases, so that a changed namespace or architecture shows what to change there.

output "kafka_bootstrap_servers" {
  value = "${helm_release.redpanda.name}.${helm_release.redpanda.namespace}.svc.cluster.local:9093"
}

output "cassandra_contact_point" {
  value = "${helm_release.scylladb.name}-client.${helm_release.scylladb.namespace}.svc.cluster.local:9042"
}

output "mongodb_uri" {
  description = "Without credentials; with mongodb_auth_enabled, the layers take it from scs-layer-secrets with them."
  value = (var.mongodb_architecture == "standalone"
    ? "mongodb://${helm_release.mongodb.name}.${helm_release.mongodb.namespace}.svc.cluster.local:27017"
    : "mongodb://${join(",", [for member in range(3) : "${helm_release.mongodb.name}-${member}.${helm_release.mongodb.name}-headless.${helm_release.mongodb.namespace}.svc.cluster.local:27017"])}/?replicaSet=rs0")
}

output "influxdb_url" {
  value = "http://${helm_release.influxdb.name}.${helm_release.influxdb.namespace}.svc.cluster.local:80"
}

output "dgraph_address" {
  value = "${helm_release.dgraph.name}-alpha.${helm_release.dgraph.namespace}.svc.cluster.local:9080"
}

output "spark_job_namespace" {
  value = data.kubernetes_namespace_v1.app.metadata[0].name
}

output "airflow_webserver" {
  description = "kubectl port-forward to this service's port 8080 for the Airflow UI."
  value       = "${helm_release.airflow.name}-webserver.${helm_release.airflow.namespace}.svc.cluster.local:8080"
}
