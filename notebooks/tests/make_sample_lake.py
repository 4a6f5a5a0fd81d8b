"""Writes a tiny synthetic Parquet lake in the layout of schemas/parquet/layout.md.

Until the batch layer writes the lake, this is what the notebooks are tested against:

    python notebooks/tests/make_sample_lake.py /tmp/lake [--runs 2]

Twelve synthetic citizens, three days of events, and one batch run per night with its ledger,
scores, daily aggregates and graph metrics. Scores follow the scoring contract's decay formula
and tier table, computed in SQL: close to what the batch layer writes, not canonical.
DuckDB writes millisecond timestamps without Parquet's UTC flag; their values are UTC.
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import duckdb

CITIZENS = [f"c-{number:03d}" for number in range(1, 13)]
REGIONS = ["north", "south", "east", "west"]
# event type -> (rule_id, rule_version, delta): one rule per type keeps the ledger readable.
RULES = {
    "payment.on_time": ("payment-on-time", 1, 5),
    "payment.late": ("payment-late", 2, -20),
    "loan.default": ("loan-default", 1, -250),
    "traffic.violation": ("traffic-violation", 1, -40),
    "volunteer.shift": ("volunteer-shift", 1, 40),
    "donation.made": ("donation-made", 1, 10),
}
HALF_LIFE_MS = 180 * 24 * 3600 * 1000  # the contract's default half life, P180D
FIRST_EVENT = datetime(2026, 2, 26, 2, 0, tzinfo=timezone.utc)
# The scoring contract's tiers (section 6): the tier with the greatest min <= score.
TIER_CASE = """CASE WHEN score >= 1150 THEN 'exemplary' WHEN score >= 1050 THEN 'trusted'
    WHEN score >= 950 THEN 'standard' WHEN score >= 850 THEN 'watch' ELSE 'restricted' END"""


def run_id(as_of: datetime) -> str:
    return as_of.strftime("%Y%m%dT%H%M%SZ")


def synthetic_events(seed: int = 7) -> list[tuple]:
    """(event_id, citizen_id, type, occurred_at, source, payload_json), each citizen with a habit."""
    rng = random.Random(seed)
    types = list(RULES)
    events = []
    for index, citizen in enumerate(CITIZENS):
        # Each citizen leans towards one type, so that scores spread over several tiers.
        habit = types[index % len(types)]
        for _ in range(rng.randint(3, 8)):
            kind = habit if rng.random() < 0.6 else rng.choice(types)
            occurred_at = FIRST_EVENT + timedelta(minutes=rng.randrange(3 * 24 * 60))
            payload = f'{{"region": "{REGIONS[index % len(REGIONS)]}"}}'
            events.append(
                (f"e-{len(events) + 1:04d}", citizen, kind, occurred_at, "sample", payload)
            )
    return events


def make_sample_lake(root: Path, runs: int = 2) -> list[str]:
    """Writes the lake under root (which must not exist yet); returns the run ids, oldest first."""
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; the sample lake is only written to a new folder")
    root.mkdir(parents=True, exist_ok=True)
    watermarks = [FIRST_EVENT + timedelta(days=3 - runs + 1 + night) for night in range(runs)]
    database = duckdb.connect()
    database.execute("SET TimeZone = 'UTC'")
    database.execute(
        "CREATE TABLE events (event_id VARCHAR, citizen_id VARCHAR, type VARCHAR,"
        " occurred_at TIMESTAMPTZ, source VARCHAR, payload_json VARCHAR)"
    )
    database.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)", synthetic_events())
    database.execute(
        "CREATE TABLE rules (type VARCHAR, rule_id VARCHAR, rule_version INTEGER, delta INTEGER)"
    )
    database.executemany(
        "INSERT INTO rules VALUES (?, ?, ?, ?)",
        [(kind, *rule) for kind, rule in RULES.items()],
    )
    database.execute("CREATE TABLE runs (run_id VARCHAR, as_of TIMESTAMPTZ)")
    database.executemany("INSERT INTO runs VALUES (?, ?)", [(run_id(w), w) for w in watermarks])

    # A run's ledger holds the firings of the events before its watermark.
    database.execute(f"""
        CREATE TABLE ledger AS
        SELECT runs.run_id, runs.as_of, e.event_id, e.citizen_id, r.rule_id, r.rule_version,
               e.occurred_at, r.delta::DECIMAL(18,2) AS delta,
               {HALF_LIFE_MS}::BIGINT AS half_life_ms
        FROM events e JOIN rules r USING (type) JOIN runs ON e.occurred_at < runs.as_of""")
    copy(database, root / "events", "date", """
        SELECT event_id, citizen_id, type, occurred_at::TIMESTAMP_MS AS occurred_at, source,
               payload_json, strftime(occurred_at, '%Y-%m-%d') AS date
        FROM events""")
    copy(database, root / "ledger", "run_id", """
        SELECT event_id, citizen_id, rule_id, rule_version, occurred_at::TIMESTAMP_MS AS occurred_at,
               delta, half_life_ms, run_id FROM ledger""")
    # Decay: a firing of delta d at t counts d * 2^(-(T - t) / H) as of T (contract section 5).
    copy(database, root / "scores", "run_id", f"""
        WITH raw AS (
          SELECT run_id, citizen_id, as_of, count(*) AS firings,
                 sum(delta::DOUBLE * pow(2, -(epoch_ms(as_of) - epoch_ms(occurred_at))
                     / half_life_ms)) AS raw
          FROM ledger GROUP BY ALL),
        scored AS (
          SELECT *, round(least(greatest(1000 + raw, 0), 2000), 2)::DECIMAL(18,2) AS score FROM raw)
        SELECT citizen_id, raw, score, {TIER_CASE} AS tier, firings,
               as_of::TIMESTAMP_MS AS as_of, run_id
        FROM scored""")
    copy(database, root / "aggregates" / "daily", "run_id", """
        SELECT e.occurred_at::DATE AS date, e.payload_json::JSON->>'region' AS region, e.type,
               count(*) AS events, sum(l.delta)::DECIMAL(18,2) AS points, l.run_id
        FROM ledger l JOIN events e USING (event_id) GROUP BY ALL""")
    copy(database, root / "graph", "run_id", f"""
        SELECT citizen_id, degree, degree / sum(degree) OVER (PARTITION BY run_id) AS pagerank,
               run_id
        FROM (SELECT run_id, citizen_id, (hash(citizen_id) % 5)::BIGINT + 1 AS degree
              FROM runs CROSS JOIN (SELECT unnest({CITIZENS}) AS citizen_id))""")
    return [run_id(w) for w in watermarks]


def copy(database: duckdb.DuckDBPyConnection, folder: Path, partition: str, query: str) -> None:
    """Hive-style partitions, as the batch layer writes them: folder/partition=value/*.parquet."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    database.execute(f"COPY ({query}) TO '{folder}' (FORMAT PARQUET, PARTITION_BY ({partition}))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lake", type=Path, help="folder to create, e.g. /tmp/scs-lake")
    parser.add_argument("--runs", type=int, choices=(1, 2, 3), default=2, help="batch runs to write")
    arguments = parser.parse_args()
    run_ids = make_sample_lake(arguments.lake, arguments.runs)
    print(f"sample lake in {arguments.lake}: runs {', '.join(run_ids)}")


if __name__ == "__main__":
    main()
