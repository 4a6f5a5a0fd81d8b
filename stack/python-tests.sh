#!/usr/bin/env bash
# Every Python test suite: bash stack/python-tests.sh [SUITE...]
# Creates the virtual environments when missing (stack/python-tools.sh), runs each suite's pytest,
# then repeats each suite's summary line. Exits non-zero when a suite fails or runs no test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/python-tools.sh"

ALL_SUITES=(airflow-dags k8s terraform notebooks)

case "${1:-}" in
  -h | --help)
    echo "Usage: bash stack/python-tests.sh [SUITE...]   (suites: ${ALL_SUITES[*]}; default all)"
    exit 0
    ;;
esac
[ $# -gt 0 ] || set -- "${ALL_SUITES[@]}"
for suite in "$@"; do suite_environment "$suite" >/dev/null; done

begin=$SECONDS
step "Python environments in $SCS_CACHE/venv"
install airflow notebooks

failed=()
summaries=()
for suite in "$@"; do
  step "pytest $suite/tests"
  output=$(mktemp)
  # pytest exits 5 when it collected no test: that counts as a failure too.
  if run_tests "$suite" -q --disable-warnings 2>&1 | tee "$output"; then :; else failed+=("$suite"); fi
  summaries+=("$(printf '%-13s %s' "$suite" "$(grep -E '(passed|failed|error|no tests ran)' "$output" | tail -n 1)")")
  rm -f "$output"
done

step "Python test summary ($((SECONDS - begin)) s)"
printf '    %s\n' "${summaries[@]}"
[ ${#failed[@]} -eq 0 ] || die "failing Python test suites: ${failed[*]}"
