#!/usr/bin/env bash
# Score lookups per second and their latency at fixed request rates, against the serving layer on
# the running local stack (seeded, with a published batch run: ./scs demo leaves one).
#   bench/serving-load.sh [RATE...]        (default: 500 1000 2000 requests/s)
# Starts the serving layer's jar on 127.0.0.1:$BENCH_PORT, waits until its live feed reads the
# score-updates topic (the speed view cache is only used then), runs ScoreLoadGenerator, then stops
# the server it started.
# ScoreLoadGenerator (serving-layer/src/test/.../bench): open loop over a fixed set of keep-alive
# HTTP/1.1 connections with plain NIO; request i is scheduled at start + i/rate whatever the answers
# do, and its latency runs from that scheduled instant to its last byte (no coordinated omission).
# Each request asks for a citizen drawn uniformly at random from all of MongoDB's citizens (the
# count is printed). It warms up at the highest rate first, then before each rate (BENCH_WARMUP).
# Next to the latencies it prints the CPU milliseconds per request of the server,
# Cassandra and the generator, and the busy share of the machine (anything else running counts).
# After the runs: the server's GC (collector, pause count, total and longest pause during the runs),
# the speed view cache's hits and misses, and the server-side latency histogram.
# Settings: BENCH_SECONDS (per rate, default 30), BENCH_WARMUP (seconds before each rate, default
# 10), BENCH_PORT (default 8090), BENCH_HEAP (server heap, default 1g), BENCH_GC (server JVM GC
# options, default -XX:+UseZGC, what ./scs serve runs with; -XX:+UseG1GC for the JVM's default,
# whose young pauses of 10-30 ms show in the p99), BENCH_CONNECTIONS (default 16), BENCH_CACHE_MAX_AGE
# (serving.speed-view-cache-max-age, default the server's, PT5S; PT0S turns the cache off),
# BENCH_LAKE (lake root, default .scs/lake).
# Measure on a quiet machine: the load average is printed before and after; the machine is 2 cores
# shared by the generator, the server and the stack.
# Output: printed, and bench/results/serving-load.txt (server log: serving-load.server.log, GC log:
# serving-load.gc.log).
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
gc_options=${BENCH_GC:--XX:+UseZGC}
cache_option=()
[ -z "${BENCH_CACHE_MAX_AGE:-}" ] || cache_option=(-Dserving.speed-view-cache-max-age="$BENCH_CACHE_MAX_AGE")
# shellcheck disable=SC2086 # the GC options are words
java -Xmx"${BENCH_HEAP:-1g}" $gc_options -Xlog:gc,gc+phases:file="$results/serving-load.gc.log":uptime \
  -Dhttp.port="$port" -Dlake.path="${BENCH_LAKE:-.scs/lake}" "${cache_option[@]}" \
  -jar "$jar" serve >"$results/serving-load.server.log" 2>&1 &
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
tries=0
until curl -s "http://127.0.0.1:$port/metrics" | grep -q '^scs_speed_view_cache_enabled 1'; do
  tries=$((tries + 1))
  if [ $tries -ge 40 ]; then
    warn "the speed view cache is off (max age 0, or the live feed does not read score-updates); measuring without it"
    break
  fi
  sleep 0.5
done
cassandra_pid=$(service_pid cassandra || true)
cpu_pids="server:$server${cassandra_pid:+,cassandra:$cassandra_pid}"

step "score lookups at ${rates[*]} requests/s, ${seconds} s each"
{
  echo "# bench/serving-load.sh ${rates[*]}  ($(date -u +%Y-%m-%dT%H:%M:%SZ), load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores)"
  echo "# server: -Xmx${BENCH_HEAP:-1g} $gc_options ${cache_option[*]}"
  gc_lines_before=$(wc -l <"$results/serving-load.gc.log")
  java -Xmx256m -XX:+UseSerialGC -Dbench.connections="${BENCH_CONNECTIONS:-16}" \
    -Dbench.cpu-pids="$cpu_pids" -cp "$classpath" dev.scs.serving.bench.ScoreLoadGenerator \
    "http://127.0.0.1:$port" "$seconds" "$warmup" "${rates[@]}" 2>/dev/null
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Pauses logged while the generator ran (warm-ups included): "... Pause Young ... 12.345ms".
  tail -n +"$((gc_lines_before + 1))" "$results/serving-load.gc.log" |
    awk -v gc="$(grep -o 'Using [A-Za-z0-9 ]*' "$results/serving-load.gc.log" | head -n 1)" '
      /Pause/ { ms = $NF; sub(/ms$/, "", ms); ms += 0; n++; total += ms; if (ms > max) max = ms }
      END { printf "# server GC (%s): %d pauses during the runs, %.1f ms in total, longest %.1f ms\n", gc, n, total, max }'
  echo "# speed view cache (whole run, warm-ups included):"
  curl -s "http://127.0.0.1:$port/metrics" | grep '^scs_speed_view_cache' | sed -e 's/^/#   /'
  # Time spent inside the server (Javalin's request logger; no client or network queueing), for
  # every score request of the run, warm-ups included: cumulative counts per bucket.
  echo "# server-side time of the score endpoint (/metrics, cumulative, warm-ups included):"
  curl -s "http://127.0.0.1:$port/metrics" |
    grep 'scs_http_request_duration_seconds_bucket{method="GET",route="/api/v1/citizens/{id}/score"' |
    sed -e 's/.*le="\([^"]*\)"} \(.*\)/#   le \1 s: \2/'
} | tee "$results/serving-load.txt"
