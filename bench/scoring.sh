#!/usr/bin/env bash
# JMH benchmark of scoring-core's per-event cost (one thread). Usage: bench/scoring.sh [JMH ARGS]
# Results: printed, and as JSON in bench/results/scoring-jmh.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
step "building the JMH benchmarks (mvn -Pbench)"
mvn -B -q -Pbench -pl bench/scoring-jmh -am package -DskipTests -Dspotless.check.skip=true
mkdir -p bench/results
step "running (about a minute per benchmark)"
java -jar bench/scoring-jmh/target/scoring-benchmarks.jar -rf json -rff bench/results/scoring-jmh.json "$@"
