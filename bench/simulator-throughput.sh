#!/usr/bin/env bash
# Throughput of the event simulator: events per second to the local broker with acks=all and an
# idempotent producer, and the time to write 1M and 10M events over 100k citizens to a file.
# Usage: bench/simulator-throughput.sh [KAFKA_EVENTS] [FILE_COUNTS...]
#   defaults: 2000000 events to Kafka; files of 1000000 and 10000000 events
# Needs the Kafka broker of the local stack (./scs stack up kafka). Writes to a topic of its own,
# deleted afterwards, and to files under .scs/bench, deleted afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh

kafka_events=${1:-2000000}
shift || true
file_counts=("$@")
[ ${#file_counts[@]} -gt 0 ] || file_counts=(1000000 10000000)
citizens=100000
backfill_days=30
heap=${SCS_BENCH_HEAP:-4g}

step "building the event simulator (mvn -pl event-simulator -am package)"
mvn -B -q -pl event-simulator -am package -DskipTests -Dspotless.check.skip=true
jar=$(ls event-simulator/target/scs-event-simulator-*-shaded.jar | head -n 1)

info "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo);" \
  "java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'); heap $heap"

topic="bench-citizen-events-$(date +%s)"
step "Kafka: $kafka_events events over $citizens citizens to topic $topic (6 partitions)"
java -cp "$jar" bench/simulator/BenchTopic.java create "$topic" 6
trap 'java -cp "$jar" bench/simulator/BenchTopic.java delete "$topic" >/dev/null 2>&1 || true' EXIT
java -Xmx"$heap" -Dsimulator.events-topic="$topic" -jar "$jar" simulate \
  --citizens "$citizens" --backfill "$backfill_days" --count "$kafka_events" 2>&1 |
  grep -v '^simulate: [0-9,]* of '
java -cp "$jar" bench/simulator/BenchTopic.java delete "$topic"
trap - EXIT

mkdir -p .scs/bench
for count in "${file_counts[@]}"; do
  file=.scs/bench/events-$count.jsonl
  step "file: $count events over $citizens citizens, backfill $backfill_days days, to $file"
  start=$(date +%s.%N)
  java -Xmx"$heap" -jar "$jar" simulate --citizens "$citizens" --backfill "$backfill_days" \
    --count "$count" --out "$file" 2>&1 | grep -v '^simulate: [0-9,]* of '
  end=$(date +%s.%N)
  info "wall time including JVM start and world generation: $(echo "$end - $start" | bc) s;" \
    "file size $(du -h "$file" | cut -f1)"
  rm -f "$file"
done
