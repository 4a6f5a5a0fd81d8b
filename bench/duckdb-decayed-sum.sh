#!/usr/bin/env bash
# DuckDB's decayed sum per citizen over a Parquet ledger: the lower bound the replay and batch
# benchmarks compare with. bench/duckdb-decayed-sum.sh LEDGER_DIR AS_OF  ->  "SECONDS CITIZENS"
# DuckDB for Python comes with the notebooks environment, installed here if missing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source stack/lib.sh
bash stack/python-tools.sh install notebooks >&2
python=$(ls -d "$SCS_CACHE"/venv/notebooks-* | tail -n 1)/bin/python
exec "$python" bench/duckdb-decayed-sum.py "$@"
