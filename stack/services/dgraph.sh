# Dgraph: one Zero (cluster membership, uid and timestamp leases) and one Alpha (the data) on
# 127.0.0.1, run as one service: Alpha's gRPC on 9080 (dgraph4j), its HTTP on 8080 (/health,
# DQL over HTTP), Zero on 5080 (gRPC) and 6080 (HTTP), Alpha's internal port 7080.
#
# Built from the Go module proxy. The proxy serves Dgraph v25 under its current home,
# github.com/hypermodeinc/dgraph/v25, while its go.mod still names github.com/dgraph-io/dgraph/v25
# (so `go install module@version` refuses it), and it has refused every github.com/dgraph-io/dgraph
# path since the project began. So, as for FerretDB, build a writable copy of the module zip.
DGRAPH_MODULE=github.com/hypermodeinc/dgraph/v25
DGRAPH_VERSION=v25.1.0
DGRAPH_DIR="$SCS_CACHE/go/dgraph-$DGRAPH_VERSION"
DGRAPH_BIN="$DGRAPH_DIR/bin/dgraph"
SERVICE_ADDRESS=127.0.0.1:9080
DGRAPH_HTTP_ADDRESS=127.0.0.1:8080
DGRAPH_ZERO_ADDRESS=127.0.0.1:5080
DGRAPH_ALPHA_INTERNAL_ADDRESS=127.0.0.1:7080
# Zero and Alpha both start; Alpha answers /health once it has joined Zero's group.
service_ready_timeout=120

service_install() {
  local src work="$DGRAPH_DIR/src"
  [ -x "$DGRAPH_BIN" ] && return 0
  info "building Dgraph $DGRAPH_VERSION with go build (first run only, a few minutes; cached in $DGRAPH_DIR)"
  mkdir -p "$DGRAPH_DIR"
  src=$(cd "$DGRAPH_DIR" && go mod download -json "$DGRAPH_MODULE@$DGRAPH_VERSION" |
    sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') && [ -d "$src" ] ||
    die "could not download $DGRAPH_MODULE@$DGRAPH_VERSION from the Go module proxy"
  rm -rf "$work"
  mkdir -p "$work"
  cp -R "$src/." "$work"
  chmod -R u+w "$work"
  # Without jemalloc (its Makefile adds it when /usr/local/lib/libjemalloc.a exists): Go's own
  # allocator is enough for a local stand-in. The version is what `dgraph version` and /health say.
  (cd "$work" && GOFLAGS="${GOFLAGS:-} -buildvcs=false" go build -v \
    -ldflags "-X github.com/dgraph-io/dgraph/v25/x.dgraphVersion=$DGRAPH_VERSION" \
    -o "$DGRAPH_BIN" ./dgraph) 2>&1 |
    sed -u 's/^/      go: /' || die "go build of Dgraph $DGRAPH_VERSION failed"
  [ -x "$DGRAPH_BIN" ] || die "go build of Dgraph $DGRAPH_VERSION produced no binary"
  rm -rf "$work"
}

# Zero runs in the background of the launcher and Alpha replaces it, so both are in the process
# group start_daemon records, and ./scs stack down stops the two together. Bound to loopback only
# (--bindall=false); no telemetry; admin operations (schema, drop) from 127.0.0.1 only. The cache
# is 256 MB instead of 4 GB: the stack shares a laptop-sized machine with Cassandra and Spark.
service_start() {
  local data
  data=$(service_data_dir "$SERVICE_NAME")
  mkdir -p "$data/zero" "$data/alpha"
  start_daemon "$SERVICE_NAME" bash -c '
    bin=$1 data=$2 zero=$3 internal=$4
    "$bin" zero --my="$zero" --bindall=false --wal="$data/zero/zw" --cwd="$data/zero" \
      --telemetry "reports=false;" &
    exec "$bin" alpha --my="$internal" --zero="$zero" --bindall=false \
      --postings="$data/alpha/p" --wal="$data/alpha/w" --tmp="$data/alpha/t" --cwd="$data/alpha" \
      --cache "size-mb=256;" --security "whitelist=127.0.0.1;" --telemetry "reports=false;"
  ' _ "$DGRAPH_BIN" "$data" "$DGRAPH_ZERO_ADDRESS" "$DGRAPH_ALPHA_INTERNAL_ADDRESS"
}

# /health lists the Alpha with "status":"healthy" once it serves queries.
service_healthy() {
  local reply
  reply=$(curl -fsS --max-time 3 "http://$DGRAPH_HTTP_ADDRESS/health" 2>/dev/null) || return 1
  [[ $reply == *'"status":"healthy"'* ]]
}

service_version() { "$DGRAPH_BIN" version 2>/dev/null | awk -F': *' '/^Dgraph version/ { sub(/^v/, "", $2); print $2; exit }'; }
