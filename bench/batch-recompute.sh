#!/usr/bin/env bash
# Benchmark of one batch run (./scs batch run) over an archive of generated events on 100 000
# citizens: wall time and peak memory, split into read, replay and write, beside DuckDB's decayed
# sum over the run's own Parquet ledger (a lower bound: no validation, ordering, cooldowns, caps).
#   bench/batch-recompute.sh [EVENT_COUNT...]      (default: 1000000 10000000)
# Needs the local stack (Cassandra, FerretDB) and ./scs simulate. Each count gets a scratch
# keyspace and database bench_batch_<count>, filled by ArchiveLoader (test classes of batch-layer)
# as the speed layer would have: every event ingested one second after it occurred. No speed layer
# writes these keyspaces, so the run does not wait for one (--no-wait).
# Settings: BENCH_CITIZENS (100000), BENCH_RULES, BENCH_CONFIG (the seed's defaults), BENCH_WATERMARK
# (2027-01-01T00:00:00Z), BENCH_HEAP (6g), BENCH_PARTITIONS (the run's auto: one per 250 000 archived events, at least 4 per core), BENCH_MONGODB_URI (the stack's),
# BENCH_RECONCILE (true: the run sets every changed citizen's score in MongoDB, as a nightly run
# does; counted under "after publish"; false leaves it out),
# BENCH_RELOAD (1 reloads an archive loaded by an earlier run of this script), BENCH_SKIP_BUILD (1
# uses the batch layer's jar and classpath as last built, for a machine shared with other builds).
# Output: printed, and bench/results/batch-recompute.txt; logs and lakes in bench/results/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000000 10000000)
citizens=${BENCH_CITIZENS:-100000}
rules=${BENCH_RULES:-schemas/rules/default-rules.json}
config=${BENCH_CONFIG:-schemas/rules/default-config.json}
watermark=${BENCH_WATERMARK:-2027-01-01T00:00:00Z}
heap=${BENCH_HEAP:-6g}
partitions=()
[ -z "${BENCH_PARTITIONS:-}" ] || partitions=(--partitions "$BENCH_PARTITIONS")
mongodb_uri=${BENCH_MONGODB_URI:-mongodb://127.0.0.1:27017}
reconcile=${BENCH_RECONCILE:-true}
results=bench/results
mkdir -p "$results/data"

./scs simulate --help >/dev/null 2>&1 ||
  die "./scs simulate is missing: the batch benchmark generates its events with it"

if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -s "$results/batch-layer.classpath" ]; then
  # The jar and test classes as built (mvn -pl batch-layer package); ./scs takes the jar as it is.
  export SCS_SKIP_BUILD=1
else
  step "building the batch layer and its test classes (Maven)"
  # One reactor build, so that the loader's classpath holds this checkout's contracts (schemas/)
  # whatever another build left in the local Maven repository.
  mvn -B -q -pl batch-layer -am install dependency:build-classpath -DskipTests \
    -Dspotless.check.skip=true -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$results/batch-layer.classpath"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
jvm_flags=(--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)

# Seconds of one step in a run's progress lines: "[batch] read archive   12.3 s".
step_seconds() { awk -v name="$2" '$0 ~ "\\[batch\\] " name {s += $(NF - 1)} END {printf "%.1f", s}' "$1"; }

rows=()
for count in "${counts[@]}"; do
  data="$results/data/batch-events-$count-c$citizens.jsonl"
  if [ ! -s "$data" ]; then
    step "generating $count events over $citizens citizens (./scs simulate --out)"
    ./scs simulate --out "$data" --count "$count" --citizens "$citizens" --backfill 365 --seed 7 \
      --now "$watermark"
  fi
  name="bench_batch_$count"
  stores=(-Dcassandra.keyspace="$name" -Dmongodb.database="$name" -Dmongodb.uri="$mongodb_uri")
  out="$results/batch-$count"
  loaded="$results/batch-$count.loaded"
  rm -rf "$out" && mkdir -p "$out"

  if [ ! -s "$loaded" ] || [ "${BENCH_RELOAD:-0}" = 1 ] || [ "$data" -nt "$loaded" ]; then
    step "archiving $count events into keyspace $name (as the speed layer would)"
    java -Xmx"$heap" "${jvm_flags[@]}" "${stores[@]}" \
      -cp "batch-layer/target/test-classes:batch-layer/target/classes:$(cat "$results/batch-layer.classpath")" \
      dev.scs.batch.bench.ArchiveLoader "$data" "$rules" "$config" 2> "$out/load.log" | tee "$loaded"
  else
    step "keyspace $name holds the archive already: $(cat "$loaded")"
  fi

  step "batch run over the archive of $count events"
  SCS_JAVA_HEAP="$heap" \
    SCS_JAVA_OPTS="${stores[*]} -Dlake.path=$out/lake -Dbatch.reconcile-citizens=$reconcile" \
    /usr/bin/time -v -o "$out/time.txt" ./scs batch run --watermark "$watermark" \
    "${partitions[@]}" --no-wait > "$out/summary.txt" 2> "$out/run.log"
  cat "$out/summary.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1048576}' "$out/time.txt")
  read_s=$(step_seconds "$out/run.log" "read archive")
  replay_s=$(step_seconds "$out/run.log" "replay")
  checks_s=$(step_seconds "$out/run.log" "data-quality")
  lake_s=$(step_seconds "$out/run.log" "write lake")
  tables_s=$(step_seconds "$out/run.log" "write run tables")
  after_s=$(awk '/\[batch\] (reconcile|lake retention|write Dgraph)/ {s += $(NF - 1)} END {printf "%.1f", s}' "$out/run.log")
  firings=$(awk '/batch firings/ {gsub(",", "", $3); print $3; exit}' "$out/summary.txt")
  run_id=$(ls "$out/lake/ledger" | sed -n 's/^run_id=//p' | tail -n 1)

  step "DuckDB decayed sum over the same $firings firings (the run's Parquet ledger)"
  duck=$(bash bench/duckdb-decayed-sum.sh "$out/lake/ledger/run_id=$run_id" "$watermark")
  rows+=("| $count | $wall | $peak GB | $read_s s | $replay_s s | $checks_s s | $lake_s s | $tables_s s | $after_s s | ${duck% *} s |")
done

{
  echo
  echo "| archived events | run wall time | peak RSS | read | replay | checks | write lake | write run tables | after publish | DuckDB decayed sum (best of 3) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} | tee "$results/batch-recompute.txt"
