#!/usr/bin/env bash
# Benchmark of ./scs replay: wall time and peak memory on generated events over 100 000
# citizens, beside DuckDB summing the decayed deltas of the same firings from Parquet (a lower
# bound: no validation, ordering, cooldowns or caps).
#   bench/replay.sh [EVENT_COUNT...]      (default: 1000000 10000000)
# Data and outputs go to bench/results/ (git-ignored); generated files are reused.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000000 10000000)
citizens=${BENCH_CITIZENS:-100000}
rules=${BENCH_RULES:-schemas/rules/default-rules.json}
config=${BENCH_CONFIG:-schemas/rules/default-config.json}
as_of=${BENCH_AS_OF:-2027-01-01T00:00:00Z}
results=bench/results
mkdir -p "$results/data"

# DuckDB for Python comes with the notebooks environment.
duckdb_python() {
  bash stack/python-tools.sh install notebooks >&2
  echo "$(ls -d "$SCS_CACHE"/venv/notebooks-* | tail -n 1)/bin/python"
}

rows=()
for count in "${counts[@]}"; do
  data="$results/data/events-$count-c$citizens.jsonl"
  if [ ! -s "$data" ]; then
    step "generating $count events over $citizens citizens (./scs simulate --out)"
    ./scs simulate --out "$data" --count "$count" --citizens "$citizens" --backfill 365 --seed 7 \
      --now "$as_of"
  fi
  out="$results/replay-$count"
  rm -rf "$out" && mkdir -p "$out"
  step "replay of $count events"
  /usr/bin/time -v -o "$out/time.txt" ./scs replay --events "$data" --rules "$rules" --config "$config" \
    --as-of "$as_of" --out "$out/scores.jsonl" --parquet "$out/lake" | tee "$out/summary.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt")
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1048576}' "$out/time.txt")
  firings=$(awk '/firings/ {gsub(",", "", $2); print $2; exit}' "$out/summary.txt")
  step "DuckDB decayed sum over the same $firings firings (Parquet)"
  duck=$("$(duckdb_python)" - "$out/lake/ledger" "$as_of" <<'PY'
import sys, time, duckdb
ledger, as_of = sys.argv[1], sys.argv[2]
con = duckdb.connect()
query = f"""
  SELECT citizen_id,
         sum(CAST(delta AS DOUBLE) * pow(2, -(epoch_ms(TIMESTAMP '{as_of[:-1]}') - epoch_ms(occurred_at)) / half_life_ms)) AS raw
  FROM read_parquet('{ledger}/*.parquet')
  WHERE occurred_at <= TIMESTAMP '{as_of[:-1]}'
  GROUP BY citizen_id"""
best = None
for _ in range(3):
    start = time.perf_counter()
    rows = con.execute(query).fetchall()
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.2f} {len(rows)}")
PY
)
  rows+=("| $count | $wall | $peak GB | ${duck% *} s | ${duck#* } |")
done

echo
echo "| events | replay wall time | replay peak RSS | DuckDB decayed sum (best of 3) | citizens |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
