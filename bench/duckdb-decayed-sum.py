"""The lower bound of the batch benchmarks: DuckDB's decayed sum per citizen over a Parquet ledger.

    duckdb-decayed-sum.py LEDGER_DIR AS_OF   (AS_OF an RFC 3339 instant ending in Z)

Prints "SECONDS CITIZENS": the best of three runs of the query, and the citizens it returned.
Used by bench/replay.sh and bench/batch-recompute.sh.
"""
import sys
import time

import duckdb

ledger, as_of = sys.argv[1], sys.argv[2]
con = duckdb.connect()
query = f"""
  SELECT citizen_id,
         sum(CAST(delta AS DOUBLE) * pow(2, -(epoch_ms(TIMESTAMP '{as_of[:-1]}') - epoch_ms(occurred_at)) / half_life_ms)) AS raw
  FROM read_parquet('{ledger}/*.parquet')
  WHERE occurred_at <= TIMESTAMP '{as_of[:-1]}'
  GROUP BY citizen_id"""
best = None
for _ in range(3):
    start = time.perf_counter()
    rows = con.execute(query).fetchall()
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.2f} {len(rows)}")
