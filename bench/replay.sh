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
  duck=$(bash bench/duckdb-decayed-sum.sh "$out/lake/ledger" "$as_of")
  rows+=("| $count | $wall | $peak GB | ${duck% *} s | ${duck#* } |")
done

echo
echo "| events | replay wall time | replay peak RSS | DuckDB decayed sum (best of 3) | citizens |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
