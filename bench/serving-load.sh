#!/usr/bin/env bash
# Score lookups per second and their latency at fixed request rates, against the serving layer on
# the running local stack (seeded, with a published batch run: ./scs demo leaves one).
#   bench/serving-load.sh [RATE...]        (default: 500 1000 2000 requests/s)
# Starts the serving layer's jar on 127.0.0.1:$BENCH_PORT (default 8090), waits for /health, runs
# ScoreLoadGenerator (an open-loop Java load generator: requests start on a fixed schedule and
# latency is measured from the scheduled start), then stops the server it started.
# Settings: BENCH_SECONDS (per rate, default 30), BENCH_WARMUP (seconds before each rate, default
# 10), BENCH_PORT, BENCH_HEAP (server heap, default 1g), BENCH_LAKE (lake root, default .scs/lake).
# Output: printed, and bench/results/serving-load.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(500 1000 2000)
seconds=${BENCH_SECONDS:-30}
warmup=${BENCH_WARMUP:-10}
port=${BENCH_PORT:-8090}
results=bench/results
mkdir -p "$results"

step "building the serving layer's jar and test classes (Maven, offline)"
mvn -B -o -q -f serving-layer/pom.xml package test-compile dependency:build-classpath -DskipTests \
  -Dspotless.check.skip=true -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$results/serving-load.classpath"
jar=$(ls serving-layer/target/scs-serving-layer-*-shaded.jar | head -n 1)
classpath="serving-layer/target/test-classes:$(cat "$results/serving-load.classpath")"

port_open 127.0.0.1 "$port" && die "127.0.0.1:$port is taken; stop that server or set BENCH_PORT"
step "starting the serving layer on 127.0.0.1:$port"
java -Xmx"${BENCH_HEAP:-1g}" -Dhttp.port="$port" -Dlake.path="${BENCH_LAKE:-.scs/lake}" -jar "$jar" serve >"$results/serving-load.server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
tries=0
# Any answer of /health will do (503 names a store that does not answer; lookups may not need it).
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" != 000 ]; do
  tries=$((tries + 1))
  [ $tries -lt 120 ] || die "the serving layer did not get healthy (see $results/serving-load.server.log)"
  kill -0 "$server" 2>/dev/null || die "the serving layer exited (see $results/serving-load.server.log)"
  sleep 0.5
done

step "score lookups at ${rates[*]} requests/s, ${seconds} s each"
{
  echo "# bench/serving-load.sh ${rates[*]}  ($(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
  java -Xmx512m -cp "$classpath" dev.scs.serving.bench.ScoreLoadGenerator \
    "http://127.0.0.1:$port" "$seconds" "$warmup" "${rates[@]}"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Time spent inside the server (Javalin's request logger; no client or network queueing), for
  # every score request of the run, warm-ups included: cumulative counts per bucket.
  echo "# server-side time of the score endpoint (/metrics, cumulative, warm-ups included):"
  curl -s "http://127.0.0.1:$port/metrics" |
    grep 'scs_http_request_duration_seconds_bucket{method="GET",route="/api/v1/citizens/{id}/score"' |
    sed -e 's/.*le="\([^"]*\)"} \(.*\)/#   le \1 s: \2/'
} | tee "$results/serving-load.txt"
