#!/usr/bin/env bash
# ./scs demo: the whole system end to end on the local stack (see usage).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/apps.sh"
cd "$SCS_ROOT"

usage() {
  cat <<USAGE
Usage: ./scs demo [--citizens N] [--rate EVENTS_PER_S] [--minutes M] [--backfill-events N]
                  [--no-build] [--detach] | --stop

The whole system on the local stack, in nine steps, saying as it goes what it does:
  1. stack up (installing what is missing)      6. the first nightly batch run
  2. build the jobs                              7. a live simulation with injected faults,
  3. reset the stores and seed N citizens           streamed by the speed layer
  4. start the speed layer                       8. a second batch run (restores the canonical
  5. backfill 90 days of history through it         result where late events arrived)
                                                 9. the serving layer: REST API and dashboard
It ends with a report (events, rejects by reason, firings, tiers, speed-layer throughput
and lag, batch durations, the drift the second run corrected) and the URLs to open, then
keeps the speed and serving layers running until Ctrl-C. ./scs stack down stops everything.

Options:
  --citizens N          synthetic citizens (default 2000)
  --rate R              events per second of the live simulation (default 500)
  --minutes M           minutes of live simulation (default 3)
  --backfill-events N   events of the 90-day backfill (default: 20 per citizen)
  --no-build            use the jars already built (the end-to-end test builds them first)
  --detach              return after the report, leaving the speed and serving layers running
  --stop                stop the speed and serving layers a detached demo left running
  -h, --help            this text

The defaults fit the local stack on 2 cores: the speed layer's slowest sink is its MongoDB
stand-in (FerretDB 1.24 on SQLite, about 900 citizen updates/s; BENCHMARKS.md), and a micro-batch
updates every citizen it touches, so larger worlds (--citizens 10000 --rate 2000) make the
micro-batches longer and the lag larger; the demo's time and report were measured at the defaults.

Everything it writes goes to the stack and to $SCS_STATE/demo/; logs are in $SCS_STATE/logs/.
USAGE
}

citizens=2000
rate=500
minutes=3
backfill_events=
build=1
detach=0
while [ $# -gt 0 ]; do
  case "$1" in
    --citizens) citizens=${2:?--citizens needs a number} && shift ;;
    --rate) rate=${2:?--rate needs events per second} && shift ;;
    --minutes) minutes=${2:?--minutes needs a number} && shift ;;
    --backfill-events) backfill_events=${2:?--backfill-events needs a number} && shift ;;
    --no-build) build=0 ;;
    --detach) detach=1 ;;
    --stop)
      stop_app serving-layer
      stop_app speed-layer
      exit 0
      ;;
    -h | --help) usage && exit 0 ;;
    *) usage >&2 && die "unknown option '$1'" ;;
  esac
  shift
done
for value in "$citizens" "$rate" "$minutes" "${backfill_events:-1}"; do
  [[ $value =~ ^[1-9][0-9]*$ ]] || die "options take positive whole numbers, not '$value'"
done
backfill_events=${backfill_events:-$((citizens * 20))}

out="$SCS_STATE/demo"
mkdir -p "$out"
rm -f "$out"/*.log "$out"/*.txt
# Faults the simulator injects; the speed layer sends each to the dead-letter topic with a reason.
faults=late=0.02,duplicate=0.01,malformed=0.003,schema_violation=0.003,unknown_citizen=0.002,future=0.001
begin=$SECONDS

step "1/9 local stack"
bash stack/stack.sh up

if [ $build = 1 ]; then
  step "2/9 building the jobs (Maven; the first build downloads dependencies)"
  mvn -B -q -DskipTests -Dspotless.check.skip=true package
  info "built: $(ls */target/scs-*-shaded.jar | xargs -n1 basename | tr '\n' ' ')"
else
  step "2/9 building the jobs: skipped (--no-build)"
fi
export SCS_SKIP_BUILD=1

step "3/9 fresh stores, and a synthetic world of $citizens citizens"
stop_app serving-layer
stop_app speed-layer
bash stack/java-command.sh event-simulator reset --yes
bash stack/java-command.sh event-simulator seed --citizens "$citizens" --seed 1

step "4/9 the speed layer (Spark Structured Streaming), in the background"
start_app speed-layer "streaming citizen-events from" bash stack/java-command.sh speed-layer stream

# simulate ARGS...: the simulator to the topic, its summary kept in simulator.log.
simulate() {
  bash stack/java-command.sh event-simulator simulate --citizens "$citizens" --seed 1 \
    --faults "$faults" "$@" | tee -a "$out/simulator.log"
}
# What the simulator sent so far, from its summaries ("simulate: 5,000 events to topic ...").
produced() {
  sed -n 's/^simulate: \([0-9,]*\) events to topic.*/\1/p' "$out/simulator.log" | tr -d , |
    awk '{ sum += $1 } END { print sum + 0 }'
}

step "5/9 backfill: $(printf "%'d" "$backfill_events") events over the past 90 days, streamed by the speed layer"
backfill_start=$SECONDS
simulate --backfill 90 --count "$backfill_events"
wait_for_speed_layer "$(produced)"
backfill_seconds=$((SECONDS - backfill_start))
backfill_records=$(produced)

step "6/9 the first nightly batch run (recompute from the archive, publish atomically)"
batch_run "$out/batch-1.log"

step "7/9 live: $rate events/s for $minutes min with injected faults, streamed as they come"
live_start_records=$(speed_metric scs_speed_input_records_total)
live_start=$SECONDS
simulate --rate "$rate" --duration "${minutes}m" &
simulator=$!
while kill -0 $simulator 2>/dev/null; do
  sleep 10
  kill -0 $simulator 2>/dev/null || break
  info "$((SECONDS - live_start)) s of $((minutes * 60)) s: the speed layer read $(printf "%'d" "$(speed_metric scs_speed_input_records_total)") records, lag $(speed_metric scs_speed_consumer_lag_records)"
done
wait $simulator || die "the live simulation failed; see $out/simulator.log"
wait_for_speed_layer "$(produced)"
live_seconds=$((SECONDS - live_start))
live_records=$(($(speed_metric scs_speed_input_records_total) - live_start_records))

step "8/9 the second batch run: the canonical result for everything streamed so far"
batch_run "$out/batch-2.log"

step "9/9 the serving layer (REST API and dashboard) on 127.0.0.1:8090"
start_app serving-layer "" bash stack/java-command.sh serving-layer serve
wait_for_http "http://127.0.0.1:8090/health" serving-layer

echo
step "demo done in $((SECONDS - begin)) s"
python3 stack/demo-report.py --produced "$(produced)" --live-records "$live_records" \
  --live-seconds "$live_seconds" --backfill-records "$backfill_records" \
  --backfill-seconds "$backfill_seconds" --metrics "$(speed_metrics_source)" \
  --batch "$out/batch-1.log" --batch "$out/batch-2.log" --api http://127.0.0.1:8090 |
  tee "$out/report.txt"

if [ $detach = 1 ]; then
  info "the speed and serving layers keep running; ./scs stack down stops them and the stack"
  exit 0
fi
info "Ctrl-C stops the speed and serving layers (the stack stays up; ./scs stack down stops it)"
trap 'echo; stop_app serving-layer; stop_app speed-layer; exit 0' INT TERM
while true; do sleep 3600; done
