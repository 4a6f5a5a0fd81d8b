# A one-node development cluster (kind, minikube, k3d): one of everything, developer modes on.
# Secrets are not here: export TF_VAR_influxdb_admin_password, TF_VAR_influxdb_admin_token and
# TF_VAR_airflow_webserver_secret_key (k8s/overlays/dev uses influxdb token "scs-dev-token").
environment  = "dev"
kube_context = "kind-scs"

redpanda_brokers        = 1
scylladb_nodes          = 1
scylladb_developer_mode = true
mongodb_architecture    = "standalone"
mongodb_auth_enabled    = false
dgraph_alpha_replicas   = 1
dgraph_zero_replicas    = 1

airflow_dags_repository = "https://git.example.invalid/scs.git"
