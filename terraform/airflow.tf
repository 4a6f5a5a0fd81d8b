# Airflow: schedules the nightly batch run (airflow-dags/scs_nightly_batch.py), which submits a
# SparkApplication into the application namespace (the DAG's `namespace` param, default scs).
# k8s/base/airflow-rbac.yaml lets the chart's worker service account (airflow-worker) do that.
resource "kubernetes_namespace_v1" "airflow" {
  metadata {
    name   = var.airflow_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "helm_release" "airflow" {
  name       = "airflow"
  namespace  = kubernetes_namespace_v1.airflow.metadata[0].name
  repository = "https://airflow.apache.org"
  chart      = "airflow"
  version    = "1.16.0"
  timeout    = 1200

  values = [templatefile("${path.module}/helm-values/airflow.yaml", {
    dags_repository = var.airflow_dags_repository
    dags_branch     = var.airflow_dags_branch
  })]

  set_sensitive {
    name  = "webserverSecretKey"
    value = var.airflow_webserver_secret_key
  }
}
