#!/usr/bin/env bash
# The project's Python tools: two virtual environments in the machine cache, and the pytest
# suites that run in them.
#
#   bash stack/python-tools.sh install [airflow|notebooks]...   create what is missing
#   bash stack/python-tools.sh run_dag_tests [PYTEST_ARGS...]     pytest airflow-dags/
#   bash stack/python-tools.sh run_tests SUITE [PYTEST_ARGS...]   SUITE: airflow-dags k8s terraform notebooks
#
# Sourced (after stack/lib.sh), it defines the same functions.
#
# Each environment is made from files in the checkout: requirements.txt and constraints.txt in
# airflow-dags/ and notebooks/. An environment is complete when its stamp file holds a copy of
# them: an interrupted or outdated install is redone, a complete one is skipped.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The last Airflow 2 release. Airflow 3 changes the DAG and operator imports the DAGs use.
AIRFLOW_VERSION=2.11.2
# Names the notebooks environment's folder. A change of requirements or constraints needs no
# bump: the stamp (below) notices it and reinstalls in place.
NOTEBOOKS_ENVIRONMENT_REVISION=1

venv_dir() {
  case "$1" in
    airflow) echo "$SCS_CACHE/venv/airflow-$AIRFLOW_VERSION" ;;
    notebooks) echo "$SCS_CACHE/venv/notebooks-$NOTEBOOKS_ENVIRONMENT_REVISION" ;;
    *) die "unknown Python environment '$1' (known: airflow, notebooks)" ;;
  esac
}

requirements_folder() {
  case "$1" in
    airflow) echo "$SCS_ROOT/airflow-dags" ;;
    notebooks) echo "$SCS_ROOT/notebooks" ;;
  esac
}

# What an environment is made from: its requirements and, when there is one, its constraints.
environment_inputs() {
  local folder
  folder=$(requirements_folder "$1")
  cat "$folder/requirements.txt"
  [ ! -f "$folder/constraints.txt" ] || cat "$folder/constraints.txt"
}

# Airflow 2.11 supports Python 3.9 to 3.12; the machines have 3.11 through pyenv.
find_python() {
  local candidate
  for candidate in "${SCS_PYTHON:-}" python3.11 python3.12 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(not (3, 9) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  die "no Python 3.9-3.12 found: install Python 3.11 (pyenv install 3.11) or set SCS_PYTHON"
}

# Shows pip's progress, one short line per package it fetches, and every warning and error.
pip_progress() {
  awk '
    /^Collecting / { sub(/ \(from .*/, ""); print "      pip: " $0; fflush(); next }
    /^ *(Downloading|Using cached) / { sub(/^ */, ""); print "      pip:   " $0; fflush(); next }
    /^Installing collected packages:/ { print "      pip: installing " NF - 3 " packages"; fflush(); next }
    /^Successfully installed/ { print "      pip: installed " NF - 2 " packages"; fflush(); next }
    /ERROR|WARNING|error:/ { print; fflush() }
  '
}

install_environment() {
  local name=$1 dir folder stamp python begin=$SECONDS
  local constraints=()
  dir=$(venv_dir "$name")
  folder=$(requirements_folder "$name")
  stamp="$dir/.scs-requirements"
  if [ -f "$stamp" ] && cmp -s "$stamp" <(environment_inputs "$name"); then
    info "$name environment ready: $dir"
    return 0
  fi
  [ ! -f "$folder/constraints.txt" ] || constraints=(--constraint "$folder/constraints.txt")
  python=$(find_python)
  step "creating the $name environment in $dir (first run only, a minute or two)"
  rm -rf "$dir"
  "$python" -m venv "$dir"
  # --prefer-binary keeps pip from compiling C extensions on a 2-core machine when a wheel exists.
  "$dir/bin/python" -m pip install --disable-pip-version-check --prefer-binary \
    -r "$folder/requirements.txt" "${constraints[@]}" 2>&1 | pip_progress ||
    die "pip could not install $folder/requirements.txt into $dir (see above)"
  environment_inputs "$name" >"$stamp"
  info "$name environment installed in $((SECONDS - begin)) s"
}

install() {
  local name
  [ $# -gt 0 ] || set -- airflow notebooks
  mkdir -p "$SCS_CACHE/venv"
  for name in "$@"; do install_environment "$name"; done
}

# The environment each suite runs in: the deployment suites (DAGs, manifests, terraform) share
# the Airflow one, which already has PyYAML and pytest.
suite_environment() {
  case "$1" in
    airflow-dags | k8s | terraform) echo airflow ;;
    notebooks) echo notebooks ;;
    *) die "unknown test suite '$1' (known: airflow-dags, k8s, terraform, notebooks)" ;;
  esac
}

# run_tests SUITE [PYTEST_ARGS...]: pytest in SUITE/tests, exit status of pytest.
run_tests() {
  local suite=$1 environment
  shift
  # Explicit returns: callers may run this under `if`, where set -e does not stop a failure.
  environment=$(suite_environment "$suite") || return 2
  install_environment "$environment" || return 2
  ensure_state_dirs
  (
    cd "$SCS_ROOT"
    # Airflow writes its config and SQLite database under AIRFLOW_HOME: keep it in .scs/, not ~/airflow.
    export AIRFLOW_HOME="$SCS_STATE/airflow"
    export AIRFLOW__CORE__LOAD_EXAMPLES=False
    export AIRFLOW__CORE__DAGS_FOLDER="$SCS_ROOT/airflow-dags"
    "$(venv_dir "$environment")/bin/python" -m pytest -p no:cacheprovider "$suite/tests" "$@"
  )
}

run_dag_tests() { run_tests airflow-dags "$@"; }

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  command=${1:-}
  [ $# -gt 0 ] && shift
  case "$command" in
    install | run_dag_tests | run_tests) "$command" "$@" ;;
    *) die "usage: bash stack/python-tools.sh install [airflow|notebooks] | run_dag_tests | run_tests SUITE" ;;
  esac
fi
