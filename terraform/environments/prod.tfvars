# Production: three of each store for quorum, authentication on, larger volumes.
# Secrets are not here: export TF_VAR_mongodb_root_password, TF_VAR_influxdb_admin_password,
# TF_VAR_influxdb_admin_token and TF_VAR_airflow_webserver_secret_key from the secret store.
environment  = "prod"
kube_context = "scs-prod"

redpanda_brokers        = 3
redpanda_storage_size   = "200Gi"
scylladb_nodes          = 3
scylladb_storage_size   = "500Gi"
scylladb_developer_mode = false
mongodb_architecture    = "replicaset"
mongodb_auth_enabled    = true
mongodb_storage_size    = "100Gi"
influxdb_storage_size   = "200Gi"
dgraph_alpha_replicas   = 3
dgraph_zero_replicas    = 3
dgraph_storage_size     = "100Gi"

airflow_dags_repository = "https://git.example.invalid/scs.git"
