#!/usr/bin/env bash
# Benchmark of the speed layer with every sink on (Cassandra, MongoDB, InfluxDB, Dgraph,
# score-updates and the dead-letter topic), against isolated copies of the local stack's stores, which must be up.
#   bench/speed-throughput.sh [RUN...]     (default: backlog=100000 rate=1000 rate=5000 rate=20000)
#   backlog=N  N events wait in the topic, then the stream starts: how fast it drains them
#   rate=R     R events/s for BENCH_SECONDS (default 60) after BENCH_WARMUP s (default 30) at the
#              same rate, which lets the JVM compile Spark's and the scorer's code: latency from
#              produce to visible in every store (p50, p99, max)
#   warm-up=R  a rate=R run marked as not a result. BENCH_WARMUP_RUN (default warm-up=5000, empty
#              for none) goes first: the first run of a JVM, and any run in the minutes after
#              Cassandra starts, is slow (p99 4.6-10 s at 5 000/s where later runs gave 2-3 s).
# Every row ends with the CPU each process used per event (the stores, this JVM, the rest), from
# /proc, and how busy the cores were.
# Settings: BENCH_SECONDS, BENCH_WARMUP, BENCH_WARMUP_RUN, BENCH_CITIZENS (default 10000), BENCH_MAX_OFFSETS (per trigger, 50000),
# BENCH_MONGODB (host:port of the MongoDB-protocol server, default the local stack's),
# BENCH_SKIP_SINKS (comma-separated sink names to leave out, to measure what one costs),
# BENCH_JAVA_OPTS (more -Dkey=value; speed-layer settings among them apply to every run, e.g.
# "-Dspeed.mongodb-concurrent-commands=2 -Dspeed.trigger-interval=PT0.5S").
# Output: printed, and bench/results/speed-throughput.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

runs=("$@")
[ ${#runs[@]} -gt 0 ] || runs=(backlog=100000 rate=1000 rate=5000 rate=20000)
warm_up_run=${BENCH_WARMUP_RUN-warm-up=5000}
[ -z "$warm_up_run" ] || runs=("$warm_up_run" "${runs[@]}")
results=bench/results
mkdir -p "$results"

# Only this module is built, offline: the upstream modules come from ~/.m2 (install them first
# with `mvn -B -o -q -pl <module> install -DskipTests` when they changed). A reactor build with -am
# would compete for the 2 cores with everyone else's builds.
step "building the speed layer's classes and test classes (Maven, offline)"
mvn -B -o -q -pl speed-layer test-compile dependency:build-classpath -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$results/speed-layer.classpath"

# Other builds may reinstall the project's own jars in ~/.m2 while this runs: use copies.
mkdir -p "$results/speed-layer-lib"
classpath=""
# The file has no final line feed, so read reports end-of-file (status 1) after filling the array.
IFS=: read -ra entries < "$results/speed-layer.classpath" || [ ${#entries[@]} -gt 0 ]
for entry in "${entries[@]}"; do
  if [[ "$entry" == */dev/scs/* ]]; then
    cp "$entry" "$results/speed-layer-lib/"
    entry="$results/speed-layer-lib/$(basename "$entry")"
  fi
  classpath="$classpath:$entry"
done

step "running ${runs[*]}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
java -Xmx4g \
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -Dbench.seconds="${BENCH_SECONDS:-60}" \
  -Dbench.warm-up-seconds="${BENCH_WARMUP:-30}" \
  -Dbench.citizens="${BENCH_CITIZENS:-10000}" \
  -Dbench.max-offsets-per-trigger="${BENCH_MAX_OFFSETS:-50000}" \
  -Dbench.skip-sinks="${BENCH_SKIP_SINKS:-}" \
  -Dscs.stack.mongodb.address="${BENCH_MONGODB:-127.0.0.1:27017}" \
  ${BENCH_JAVA_OPTS:-} \
  -cp "speed-layer/target/test-classes:speed-layer/target/classes$classpath" \
  dev.scs.speed.SpeedLayerBenchmark "${runs[@]}" 2> "$results/speed-throughput.log" |
  tee "$results/speed-throughput.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/speed-throughput.txt"
