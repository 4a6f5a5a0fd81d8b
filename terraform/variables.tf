# Defaults suit a one-node development cluster; environments/*.tfvars set what differs.

variable "environment" {
  description = "Name of the environment (dev, prod), used in labels."
  type        = string
}

variable "kubeconfig_path" {
  description = "Kubeconfig file holding the target cluster's context."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "Kubeconfig context of the target cluster."
  type        = string
}

# Namespaces. k8s/base/configmap-*.yaml reach the stores through service names in these
# namespaces: change both together.

variable "app_namespace" {
  description = "Namespace of the application (k8s/), watched by the Spark operator; created by k8s/base/namespace.yaml."
  type        = string
  default     = "scs"
}

variable "redpanda_namespace" {
  type    = string
  default = "redpanda"
}

variable "scylladb_namespace" {
  type    = string
  default = "scylla"
}

variable "scylla_operator_namespace" {
  type    = string
  default = "scylla-operator"
}

variable "mongodb_namespace" {
  type    = string
  default = "mongodb"
}

variable "influxdb_namespace" {
  type    = string
  default = "influxdb"
}

variable "dgraph_namespace" {
  type    = string
  default = "dgraph"
}

variable "spark_operator_namespace" {
  type    = string
  default = "spark-operator"
}

variable "airflow_namespace" {
  type    = string
  default = "airflow"
}

# Sizes

variable "redpanda_brokers" {
  description = "Redpanda brokers; topics are replicated min(3, brokers) times."
  type        = number
  default     = 1
}

variable "redpanda_storage_size" {
  type    = string
  default = "10Gi"
}

variable "scylladb_nodes" {
  type    = number
  default = 1
}

variable "scylladb_storage_size" {
  type    = string
  default = "10Gi"
}

variable "scylladb_developer_mode" {
  description = "ScyllaDB developer mode skips the I/O tuning and CPU pinning that production nodes need."
  type        = bool
  default     = true
}

variable "mongodb_architecture" {
  description = "standalone (one pod) or replicaset (three members)."
  type        = string
  default     = "standalone"

  validation {
    condition     = contains(["standalone", "replicaset"], var.mongodb_architecture)
    error_message = "mongodb_architecture is standalone or replicaset."
  }
}

variable "mongodb_auth_enabled" {
  description = "When true, the layers' MongoDB URI with credentials goes into the scs-layer-secrets argfile (k8s/README.md)."
  type        = bool
  default     = false
}

variable "mongodb_root_password" {
  description = "Root password when mongodb_auth_enabled; pass with TF_VAR_mongodb_root_password, never in a tfvars file."
  type        = string
  default     = ""
  sensitive   = true
}

variable "mongodb_storage_size" {
  type    = string
  default = "10Gi"
}

variable "influxdb_admin_password" {
  description = "InfluxDB admin password; pass with TF_VAR_influxdb_admin_password."
  type        = string
  sensitive   = true
}

variable "influxdb_admin_token" {
  description = "InfluxDB admin token, also the layers' influxdb.token; pass with TF_VAR_influxdb_admin_token."
  type        = string
  sensitive   = true
}

variable "influxdb_storage_size" {
  type    = string
  default = "10Gi"
}

variable "dgraph_alpha_replicas" {
  type    = number
  default = 1
}

variable "dgraph_zero_replicas" {
  type    = number
  default = 1
}

variable "dgraph_storage_size" {
  type    = string
  default = "10Gi"
}

variable "airflow_dags_repository" {
  description = "Git URL of this repository; Airflow's git-sync reads airflow-dags/ from it."
  type        = string
}

variable "airflow_dags_branch" {
  type    = string
  default = "main"
}

variable "airflow_webserver_secret_key" {
  description = "Flask secret key of the Airflow webserver; pass with TF_VAR_airflow_webserver_secret_key."
  type        = string
  sensitive   = true
}
