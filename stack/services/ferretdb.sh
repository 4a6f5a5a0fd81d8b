# FerretDB 1.x: the MongoDB wire protocol on 127.0.0.1:27017, stored in SQLite files (no auth).
FERRETDB_VERSION=v1.24.2
SERVICE_ADDRESS=127.0.0.1:27017
FERRETDB_DEBUG_ADDR=127.0.0.1:8088
FERRETDB_DIR="$SCS_CACHE/go/ferretdb-$FERRETDB_VERSION"
FERRETDB_BIN="$FERRETDB_DIR/bin/ferretdb"

# Not `go install module@version`: FerretDB panics at start-up when built as the main module
# without build/version/version.txt, which its release build generates from git and the module
# zip lacks. So build a writable copy of the module (from the Go module proxy) with that file,
# the way its Taskfile does.
service_install() {
  local src work="$FERRETDB_DIR/src"
  [ -x "$FERRETDB_BIN" ] && return 0
  info "building FerretDB $FERRETDB_VERSION with go build (first run only; cached in $FERRETDB_DIR)"
  mkdir -p "$FERRETDB_DIR"
  src=$(cd "$FERRETDB_DIR" && go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') && [ -d "$src" ] ||
    die "could not download github.com/FerretDB/FerretDB@$FERRETDB_VERSION"
  rm -rf "$work"
  mkdir -p "$work"
  cp -R "$src/." "$work"
  chmod -R u+w "$work"
  echo "$FERRETDB_VERSION" >"$work/build/version/version.txt"
  (cd "$work" && GOFLAGS="${GOFLAGS:-} -buildvcs=false" go build -v -o "$FERRETDB_BIN" ./cmd/ferretdb) 2>&1 |
    sed -u 's/^/      go: /' || die "go build of FerretDB $FERRETDB_VERSION failed"
  rm -rf "$work"
}

service_start() {
  local data
  data=$(service_data_dir "$SERVICE_NAME")
  # --sqlite-url must name an existing directory, with the trailing slash.
  mkdir -p "$data/sqlite"
  start_daemon "$SERVICE_NAME" "$FERRETDB_BIN" \
    --listen-addr="$SERVICE_ADDRESS" \
    --handler=sqlite --sqlite-url="file:$data/sqlite/" \
    --state-dir="$data" \
    --debug-addr="$FERRETDB_DEBUG_ADDR" \
    --telemetry=disable
}

# An OP_MSG (header, flags, one body section) {ping: 1, $db: "admin"} must come back as {ok: 1.0}: the wire protocol answers, not
# just an open port. /debug/livez first keeps the probe quick while FerretDB starts.
service_healthy() {
  http_ok "http://$FERRETDB_DEBUG_ADDR/debug/livez" || return 1
  local reply
  reply=$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/${1%:*}/${1#*:}"
    printf "\x33\0\0\0\x01\0\0\0\0\0\0\0\xdd\x07\0\0\0\0\0\0\0\x1e\0\0\0\x10ping\0\x01\0\0\0\x02\$db\0\x06\0\0\0admin\0\0" >&3
    length=$(head -c 4 <&3 | od -An -tu4)
    head -c $((length - 4)) <&3 | od -An -v -tx1 | tr -d " \n"
  ' _ "$SERVICE_ADDRESS" 2>/dev/null) || return 1
  [[ $reply == *016f6b00000000000000f03f* ]]
}

service_version() { "$FERRETDB_BIN" --version | awk '$1 == "version:" { print $2 }'; }
