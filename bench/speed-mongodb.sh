#!/usr/bin/env bash
# Citizen updates per second through the speed layer's MongoDB sink (MongoScoreSink), against two
# private FerretDB servers of the stack's build: on SQLite, on PostgreSQL 15 (a private cluster
# under .scs/bench/, started with initdb/pg_ctl on a loopback port), and on PostgreSQL with a GIN
# index on each collection's _id ("postgresql-indexed", see below). The stack is not used.
#   bench/speed-mongodb.sh [SHAPE...]   (default: 16x1 16x4 32x2 50x1; STATEMENTSxIN_FLIGHT)
# Settings: BENCH_CITIZENS (documents, default 10000), BENCH_BATCH (citizens per micro-batch,
# default 2000), BENCH_SECONDS (per shape, default 20), BENCH_BACKENDS (default
# "sqlite postgresql postgresql-indexed"), BENCH_FERRETDB (a FerretDB binary to measure instead of
# the stack's build, e.g. one built without the _id index patch), BENCH_SQLITE_QUERY (the SQLite
# URL's query instead of the stack's; empty for SQLite's own defaults).
# Output: printed, and bench/results/speed-mongodb.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(16x1 16x4 32x2 50x1)
results=bench/results
work="$SCS_STATE/bench/speed-mongodb"
# The stack's own build (with its _id index patch, see stack/services/ferretdb.sh).
ferretdb=${BENCH_FERRETDB:-$(SERVICE_NAME=ferretdb; source stack/services/ferretdb.sh; echo "$FERRETDB_BIN")}
# ... and its SQLite settings (synchronous=NORMAL); BENCH_SQLITE_QUERY= measures SQLite's defaults.
sqlite_query=${BENCH_SQLITE_QUERY-$(SERVICE_NAME=ferretdb; source stack/services/ferretdb.sh; echo "$FERRETDB_SQLITE_QUERY")}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
declare -A ports=([sqlite]=27217 [postgresql]=27218 [postgresql-indexed]=27219)
pg_port=54329
mkdir -p "$results" "$work"
[ -x "$ferretdb" ] || die "no FerretDB build at $ferretdb: run ./scs stack install ferretdb first"

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

ferretdb_pid=""
stop_backend() {
  if [ -n "$ferretdb_pid" ]; then
    kill "$ferretdb_pid" 2>/dev/null || true
    wait "$ferretdb_pid" 2>/dev/null || true
    ferretdb_pid=""
  fi
  if [ -f "$work/pg/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
trap stop_backend EXIT

wait_port() {
  local tries=0
  until port_open 127.0.0.1 "$1"; do
    tries=$((tries + 1))
    [ $tries -lt 100 ] || die "nothing answers on 127.0.0.1:$1 (see $work/*.log)"
    sleep 0.2
  done
}

step "building the speed layer's test classes (Maven, offline)"
mvn -B -o -q -pl speed-layer test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$results/speed-mongodb.classpath"
classpath="speed-layer/target/test-classes:speed-layer/target/classes:$(cat "$results/speed-mongodb.classpath")"

# FerretDB 1.24 on PostgreSQL selects a document by _id with `_jsonb->'_id' @> $2`, which its own
# btree index on _jsonb->'_id' cannot serve: every update statement scans the collection. A GIN
# index on that expression serves @>; this event trigger adds one to each table FerretDB creates.
ID_INDEX_SQL=$(cat <<'SQL'
CREATE FUNCTION scs_index_id_containment() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
  created record;
BEGIN
  FOR created IN SELECT * FROM pg_event_trigger_ddl_commands()
      WHERE command_tag = 'CREATE TABLE' AND object_type = 'table' LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = created.objid AND attname = '_jsonb') THEN
      EXECUTE format('CREATE INDEX ON %s USING gin ((_jsonb -> ''_id''))', created.object_identity);
    END IF;
  END LOOP;
END $$;
CREATE EVENT TRIGGER scs_index_id_containment ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
  EXECUTE FUNCTION scs_index_id_containment();
SQL
)

start_ferretdb() { # backend port
  local backend=$1 port=$2
  rm -rf "$work/$backend"
  mkdir -p "$work/$backend/sqlite"
  local args=(--listen-addr="127.0.0.1:$port" --state-dir="$work/$backend"
    --debug-addr="127.0.0.1:$((port + 1000))" --telemetry=disable --log-level=WARN)
  if [ "$backend" = sqlite ]; then
    args+=(--handler=sqlite --sqlite-url="file:$work/$backend/sqlite/${sqlite_query:+?$sqlite_query}")
  else
    [ -n "$pg_bin" ] || die "PostgreSQL is not installed (apt-get install -y postgresql)"
    info "PostgreSQL cluster in $work/pg on 127.0.0.1:$pg_port"
    rm -rf "$work/pg"
    mkdir -p "$work/pg"
    [ "$(id -u)" != 0 ] || chown postgres: "$work/pg"
    as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust >"$work/initdb.log" 2>&1 ||
      die "initdb failed (see $work/initdb.log)"
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/postgresql.log" -w \
      -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
    "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE ferretdb" >/dev/null
    if [ "$backend" = postgresql-indexed ]; then
      "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d ferretdb -q -v ON_ERROR_STOP=1 \
        <<<"$ID_INDEX_SQL" >/dev/null
    fi
    args+=(--handler=postgresql --postgresql-url="postgres://postgres@127.0.0.1:$pg_port/ferretdb")
  fi
  "$ferretdb" "${args[@]}" >"$work/ferretdb-$backend.log" 2>&1 &
  ferretdb_pid=$!
  wait_port "$port"
}

: >"$results/speed-mongodb.txt"
for backend in ${BENCH_BACKENDS:-sqlite postgresql postgresql-indexed}; do
  port=${ports[$backend]:-}
  [ -n "$port" ] || die "unknown backend $backend (sqlite, postgresql, postgresql-indexed)"
  step "FerretDB on $backend (127.0.0.1:$port): ${shapes[*]}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  start_ferretdb "$backend" "$port"
  java -cp "$classpath" dev.scs.speed.mongodb.MongoScoreSinkBenchmark "127.0.0.1:$port" \
    "${BENCH_CITIZENS:-10000}" "${BENCH_BATCH:-2000}" "${BENCH_SECONDS:-20}" "${shapes[@]}" \
    2>"$work/benchmark-$backend.log" | sed -u "s/^/$backend: /" | tee -a "$results/speed-mongodb.txt"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/speed-mongodb.txt"
  stop_backend
done
