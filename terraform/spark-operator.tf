# The Spark operator (Kubeflow): runs the SparkApplications of k8s/ and the nightly one that
# Airflow submits, in the application namespace only.

# The application namespace comes from k8s/base/namespace.yaml; reading it here makes a plan
# fail early, with the namespace's name, when it has not been applied yet.
data "kubernetes_namespace_v1" "app" {
  metadata {
    name = var.app_namespace
  }
}

resource "kubernetes_namespace_v1" "spark_operator" {
  metadata {
    name   = var.spark_operator_namespace
    labels = { "app.kubernetes.io/part-of" = "scs", environment = var.environment }
  }
}

resource "helm_release" "spark_operator" {
  name       = "spark-operator"
  namespace  = kubernetes_namespace_v1.spark_operator.metadata[0].name
  repository = "https://kubeflow.github.io/spark-operator"
  chart      = "spark-operator"
  version    = "2.3.0"

  values = [templatefile("${path.module}/helm-values/spark-operator.yaml", {
    job_namespace = data.kubernetes_namespace_v1.app.metadata[0].name
  })]
}
