#!/usr/bin/env bash
# InfluxDB's cost of the raw-event points, in the speed layer's layout against the one it replaced:
#   old: event,type=T,event_id=E citizen_id="C",source="S" <ms>        (a new series per event)
#   new: event,citizen_id=C,type=T event_id="E",source="S" <ns>        (a series per citizen and type)
# Writes BENCH_POINTS points (default 100000; 10 000 citizens, 6 types, 5 events per millisecond)
# twice per layout, in requests of 5 000 as the sink does, into scratch databases of the stack's
# InfluxDB, and prints InfluxDB's CPU per pass and the series cardinality; drops the databases.
# The stack must be up. Output: printed, and bench/results/influxdb-series.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

points=${BENCH_POINTS:-100000}
url=http://127.0.0.1:8086
pid=$(service_pid influxdb) || die "InfluxDB is not running: ./scs stack up influxdb"
work="$SCS_STATE/bench/influxdb-series"
results=bench/results
mkdir -p "$work" "$results"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
query() { curl -sf -XPOST "$url/query" --data-urlencode "q=$1"; }

step "generating $points points per pass in both layouts"
python3 - "$work" "$points" <<'PY'
import random, sys, uuid
work, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
types = ["payment", "traffic_violation", "volunteering", "donation", "social_tie", "bill"]
def fnv(text):  # the speed layer's PointTimes: FNV-1a 64 of the UTF-8 bytes, modulo 1 000 000
    h = 0xcbf29ce484222325
    for b in text.encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % 1_000_000
for run in (1, 2):
    with open(f"{work}/old{run}.txt", "w") as old, open(f"{work}/new{run}.txt", "w") as new:
        for i in range(count):
            event = str(uuid.UUID(int=rng.getrandbits(128)))
            at = 1_790_000_000_000 + run * 10**8 + i // 5
            kind, citizen = rng.choice(types), "c%05d" % rng.randrange(10_000)
            old.write(f'event,type={kind},event_id={event} citizen_id="{citizen}",source="sim" {at}\n')
            new.write(f'event,citizen_id={citizen},type={kind} event_id="{event}",source="sim" {at * 1_000_000 + fnv(event)}\n')
PY

{
  echo "# bench/influxdb-series.sh ($(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg)), $points points per pass"
  for layout in old new; do
    precision=ms
    [ "$layout" = new ] && precision=ns
    database=bench_series_$layout
    query "DROP DATABASE $database" >/dev/null
    query "CREATE DATABASE $database" >/dev/null
    for run in 1 2; do
      rm -f "$work"/chunk.*
      split -l 5000 "$work/$layout$run.txt" "$work/chunk."
      before=$(cpu_ticks)
      started=$(date +%s%N)
      for chunk in "$work"/chunk.*; do
        curl -sf -XPOST "$url/write?db=$database&precision=$precision" --data-binary "@$chunk" ||
          die "InfluxDB refused a write of the $layout layout"
      done
      ended=$(date +%s%N)
      echo "$layout layout, pass $run: InfluxDB CPU $(( ($(cpu_ticks) - before) * 10 )) ms, wall $(( (ended - started) / 1000000 )) ms"
    done
    cardinality=$(curl -sf -G "$url/query" --data-urlencode "db=$database" \
      --data-urlencode "q=SHOW SERIES EXACT CARDINALITY" | grep -o '"values":\[\[[^]]*' | grep -o '[0-9]*$')
    echo "$layout layout: $cardinality series after $((2 * points)) points"
    query "DROP DATABASE $database" >/dev/null
  done
} | tee "$results/influxdb-series.txt"
rm -f "$work"/*.txt "$work"/chunk.*
