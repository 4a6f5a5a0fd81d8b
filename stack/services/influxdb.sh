# InfluxDB 1.8 OSS on 127.0.0.1:8086 with its InfluxDB 2 compatibility API, built from source with
# `go install` (Debian's 1.6 has no /api/v2). Config from stack/conf/influxdb; no authentication.
#
# How clients connect (influxdb-client-java 7.5 and curl alike):
#   URL     http://127.0.0.1:8086   (POST /api/v2/write, Flux on POST /api/v2/query, GET /health, /ping)
#   org     any name; 1.8 ignores it, but the Java client wants one: the project uses "scs"
#   bucket  "database/retention-policy", or just "database" for its default policy. The project
#           keeps one database per bucket of schemas/influxdb/layout.json, named as the bucket
#           (scs_events, scs_scores, scs_pipeline), with the bucket's retention as the database's
#           default policy; so clients use the bucket names as they are
#   token   any value, e.g. "scs" (with auth on it would be "user:password")
# 1.8 has no /api/v2/buckets or /api/v2/orgs: databases are made with InfluxQL on POST /query,
# e.g. q=CREATE DATABASE scs_events WITH DURATION 2160h, which ./scs seed does for every bucket
# (stores/.../InfluxDatabaseSetup) and ./scs reset undoes.
INFLUXDB_MODULE=github.com/influxdata/influxdb/cmd/influxd@v1.8.10
INFLUXDB_VERSION=${INFLUXDB_MODULE##*@v}
SERVICE_ADDRESS=127.0.0.1:8086
INFLUXDB_RPC_ADDRESS=127.0.0.1:8087
service_ready_timeout=60

influxd_bin() { echo "$(go_binary_dir "$INFLUXDB_MODULE")/influxd"; }

# The version stamped in by the linker is what /health and the X-Influxdb-Version header report.
service_install() {
  GOFLAGS="${GOFLAGS:-} -ldflags=-X=main.version=$INFLUXDB_VERSION" go_install_cached "$INFLUXDB_MODULE" influxd
}

service_start() {
  local data
  data=$(service_data_dir "$SERVICE_NAME")
  mkdir -p "$data"
  sed -e "s|@DATA_DIR@|$data|g" -e "s|@HTTP_ADDR@|$SERVICE_ADDRESS|g" -e "s|@RPC_ADDR@|$INFLUXDB_RPC_ADDRESS|g" \
    "$SCS_ROOT/stack/conf/influxdb/influxdb.conf" >"$data/influxdb.conf"
  # GOMEMLIMIT makes the Go heap collect harder before it grows past 1 GiB.
  start_daemon "$SERVICE_NAME" env GOMEMLIMIT=1GiB "$(influxd_bin)" run -config "$data/influxdb.conf"
}

# /health answers "pass" only once the stores are open and the HTTP service is up.
service_healthy() { http_ok "http://$SERVICE_ADDRESS/health"; }

service_version() { "$(influxd_bin)" version | awk '{ sub(/^v/, "", $2); print $2 }'; }
