#!/usr/bin/env bash
# ./scs test: install and start the local stack, run every test tier, stop what it started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$SCS_ROOT"

usage() {
  cat <<USAGE
Usage: ./scs test [--keep-stack] [-- MAVEN_ARGS...]

Installs what is missing (servers and Python environments into $SCS_CACHE, Maven
dependencies into ~/.m2), starts the local stack, runs unit tests, local[2] Spark tests and
the *IT integration tests against the real servers (mvn verify; the last of them runs a small
./scs demo end to end, and one drives the dashboard in headless Chromium), then the Python suites
(Airflow DAGs, notebooks, k8s and terraform files), then stops the servers it started.
Exits non-zero on any failure.

  --keep-stack   leave the servers running afterwards
  -- ARGS        extra arguments for Maven, e.g. -- -pl scoring-core -Dtest=PublicVectorsTest
USAGE
}

keep_stack=0
maven_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage && exit 0 ;;
    --keep-stack) keep_stack=1 ;;
    --) shift && maven_args=("$@") && break ;;
    *) usage >&2 && die "unknown option '$1'" ;;
  esac
  shift
done

command -v java >/dev/null || die "java not found: install JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)"
command -v mvn >/dev/null || die "mvn not found: install Maven 3.8+ (Debian: apt-get install maven)"
command -v go >/dev/null || die "go not found: FerretDB, InfluxDB and Dgraph are built from their Go modules; install Go 1.22+"

started_here=()
for service in $(bash stack/stack.sh status 2>/dev/null | awk 'NR>1 && $NF !~ /healthy/ && $NF != "running" {print $1}'); do
  started_here+=("$service")
done
stop_started() {
  if [ $keep_stack -eq 0 ] && [ ${#started_here[@]} -gt 0 ]; then
    step "stopping the servers this run started: ${started_here[*]}"
    bash stack/stack.sh down "${started_here[@]}" || true
  fi
}
trap stop_started EXIT

begin=$SECONDS
step "local stack (first run builds and downloads the servers; later runs reuse $SCS_CACHE)"
bash stack/stack.sh up

step "headless browser for the dashboard test (Debian's chromium and chromedriver)"
bash stack/browser.sh

step "mvn verify: unit tests, local[2] Spark tests, integration tests against the stack"
mvn -B verify "${maven_args[@]}"

step "Python: Airflow DAGs, notebooks, k8s manifests, terraform files (pytest in ~/.cache/scs/venv)"
bash stack/python-tests.sh

step "all tests passed in $((SECONDS - begin)) s"
