# FerretDB 1.x: the MongoDB wire protocol on 127.0.0.1:27017, stored in SQLite files (no auth).
FERRETDB_VERSION=v1.24.2
# Bumped whenever the build below changes, so every machine rebuilds once.
FERRETDB_BUILD=$FERRETDB_VERSION-scs1
SERVICE_ADDRESS=127.0.0.1:27017
FERRETDB_DEBUG_ADDR=127.0.0.1:8088
FERRETDB_DIR="$SCS_CACHE/go/ferretdb-$FERRETDB_BUILD"
FERRETDB_BIN="$FERRETDB_DIR/bin/ferretdb"
# Appended to the --sqlite-url. SQLite's default in WAL mode, synchronous=FULL, fsyncs the log at
# every commit, and FerretDB commits every update statement on its own: about 1 100 citizen updates
# per second here. NORMAL fsyncs at checkpoints only (2 900/s, bench/speed-mongodb.sh): a commit
# survives a crash of FerretDB or of any client, and only a crash of the machine itself can lose
# the last ones. That is the right trade for a local stand-in; production runs a MongoDB with its
# own write concern. FerretDB keeps its other defaults (busy_timeout, journal_mode=wal).
FERRETDB_SQLITE_QUERY='_pragma=synchronous(normal)'

# Not `go install module@version`: FerretDB panics at start-up when built as the main module
# without build/version/version.txt, which its release build generates from git and the module
# zip lacks. So build a writable copy of the module (from the Go module proxy) with that file,
# the way its Taskfile does.
#
# One line of the copy is patched (the "_id index" patch): the SQLite backend creates each
# collection's unique _id index on the expression _ferretdb_sjson->"_id" but looks documents up by
# _ferretdb_sjson->'$._id'. SQLite matches index expressions as written, so every find, update and
# delete by _id scanned the whole table (EXPLAIN QUERY PLAN: "SCAN", ~100 updates/s at 10 000
# citizens). Both expressions extract the same JSON value; writing the lookup like the index makes
# it "SEARCH ... USING INDEX". Checked by stores' FerretDbIdIndexIT through FerretDB's explain.
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
  patch_id_lookup "$work/internal/backends/sqlite/metadata/metadata.go"
  (cd "$work" && GOFLAGS="${GOFLAGS:-} -buildvcs=false" go build -v -o "$FERRETDB_BIN" ./cmd/ferretdb) 2>&1 |
    sed -u 's/^/      go: /' || die "go build of FerretDB $FERRETDB_VERSION failed"
  rm -rf "$work"
}

patch_id_lookup() {
  local file=$1
  # Fixed strings (awk's index, ENVIRON): no regex or escape processing of either side.
  export LOOKUP_BEFORE="IDColumn = DefaultColumn + \"->'\$._id'\""
  export LOOKUP_AFTER='IDColumn = DefaultColumn + "->\"_id\""'
  grep -qF "$LOOKUP_BEFORE" "$file" || die "FerretDB's _id lookup is not where the _id index patch expects it ($file)"
  awk '{ i = index($0, ENVIRON["LOOKUP_BEFORE"])
         if (i) $0 = substr($0, 1, i - 1) ENVIRON["LOOKUP_AFTER"] substr($0, i + length(ENVIRON["LOOKUP_BEFORE"]))
         print }' "$file" >"$file.patched" && mv "$file.patched" "$file"
  grep -qF "$LOOKUP_AFTER" "$file" || die "the _id index patch did not apply to $file"
  info "patched FerretDB's SQLite _id lookup to use the _id index"
}

service_start() {
  local data
  data=$(service_data_dir "$SERVICE_NAME")
  # --sqlite-url must name an existing directory, with the trailing slash.
  mkdir -p "$data/sqlite"
  start_daemon "$SERVICE_NAME" "$FERRETDB_BIN" \
    --listen-addr="$SERVICE_ADDRESS" \
    --handler=sqlite --sqlite-url="file:$data/sqlite/?$FERRETDB_SQLITE_QUERY" \
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
