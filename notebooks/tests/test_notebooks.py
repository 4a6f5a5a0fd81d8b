"""The notebook runs headless over a lake in the documented layout and shows what it promises."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import nbformat
import pytest
from make_sample_lake import make_sample_lake

NOTEBOOK = Path(__file__).resolve().parents[1] / "score_distribution.ipynb"
JUPYTER = Path(sys.executable).parent / "jupyter"


def execute(lake: Path, output_folder: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """Runs the notebook the way a person would headless; returns the process and the result."""
    environment = dict(os.environ, SCS_LAKE=str(lake), MPLCONFIGDIR=str(output_folder / "matplotlib"))
    process = subprocess.run(
        [JUPYTER, "nbconvert", "--to", "notebook", "--execute", NOTEBOOK, "--output-dir", output_folder],
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return process, output_folder / NOTEBOOK.name


def outputs_of(notebook_file: Path, tag: str) -> list:
    notebook = nbformat.read(notebook_file, as_version=4)
    (cell,) = [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]
    return cell.outputs


def table_shown(notebook_file: Path, tag: str) -> list[dict]:
    """The rows of the last DataFrame a cell displayed, read back from its text form."""
    (*_, shown) = [o for o in outputs_of(notebook_file, tag) if "text/plain" in o.get("data", {})]
    header, *lines = shown.data["text/plain"].splitlines()
    names = header.split()
    return [dict(zip(names, line.split()[1:])) for line in lines]


def printed(notebook_file: Path, tag: str) -> str:
    return "".join(o.text for o in outputs_of(notebook_file, tag) if o.output_type == "stream")


def scores_of(lake: Path, run_id: str) -> dict[str, tuple[float, str]]:
    rows = duckdb.execute(
        f"SELECT citizen_id, score::DOUBLE, tier FROM read_parquet('{lake}/scores/run_id={run_id}/*.parquet')"
    ).fetchall()
    return {citizen: (score, tier) for citizen, score, tier in rows}


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("two-runs")
    run_ids = make_sample_lake(folder / "lake", runs=2)
    process, result = execute(folder / "lake", folder)
    assert process.returncode == 0, process.stderr
    return folder / "lake", run_ids, result


def test_notebook_runs_headless_and_counts_the_tiers_of_the_latest_run(two_runs):
    lake, (_, latest), result = two_runs
    expected = Counter(tier for _, tier in scores_of(lake, latest).values())

    shown = {row["tier"]: int(row["citizens"]) for row in table_shown(result, "tier-counts")}

    assert shown == expected


def test_histogram_is_plotted_and_covers_every_citizen_of_the_latest_run(two_runs):
    lake, (_, latest), result = two_runs

    images = [o for o in outputs_of(result, "score-histogram") if "image/png" in o.get("data", {})]
    buckets = table_shown(result, "score-histogram")

    assert len(images) == 1
    assert sum(int(row["citizens"]) for row in buckets) == len(scores_of(lake, latest))


def test_top_mover_is_the_citizen_whose_score_changed_most_between_the_two_runs(two_runs):
    lake, (previous, latest), result = two_runs
    before, after = scores_of(lake, previous), scores_of(lake, latest)
    changes = {citizen: after[citizen][0] - before.get(citizen, (1000.0, None))[0] for citizen in after}
    expected_top = max(sorted(changes), key=lambda citizen: abs(changes[citizen]))

    movers = table_shown(result, "top-movers")

    assert f"from run {previous} to run {latest}" in printed(result, "top-movers")
    assert movers[0]["citizen_id"] == expected_top
    assert float(movers[0]["change"]) == pytest.approx(changes[expected_top], abs=0.01)


def test_rule_hits_count_every_firing_in_the_latest_ledger(two_runs):
    lake, (_, latest), result = two_runs
    (firings,) = duckdb.execute(
        f"SELECT count(*) FROM read_parquet('{lake}/ledger/run_id={latest}/*.parquet')"
    ).fetchone()

    hits = table_shown(result, "rule-hits")

    assert sum(int(row["hits"]) for row in hits) == firings
    assert {row["rule_id"] for row in hits} >= {"payment-late", "volunteer-shift"}


def test_a_lake_with_a_single_run_has_no_movers_to_show(tmp_path):
    (run_id,) = make_sample_lake(tmp_path / "lake", runs=1)

    process, result = execute(tmp_path / "lake", tmp_path)

    assert process.returncode == 0, process.stderr
    assert f"only one run ({run_id})" in printed(result, "top-movers")


def test_a_missing_lake_fails_and_says_how_to_get_one(tmp_path):
    process, _ = execute(tmp_path / "no-lake", tmp_path)

    assert process.returncode != 0
    assert "make_sample_lake.py" in process.stderr


def test_the_committed_notebook_carries_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]

    assert code_cells
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code_cells)
