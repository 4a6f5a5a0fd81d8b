"""Every DAG loads and follows the house rules; the nightly batch DAG runs the batch job as specified."""

import re
import stat
from datetime import timedelta

import pendulum
import pytest
import yaml
from conftest import DAGS_FOLDER

NIGHTLY = "scs_nightly_batch"
# The scheduled run whose data interval is [2026-03-01 02:00, 2026-03-02 02:00) UTC.
LOGICAL_DATE = pendulum.datetime(2026, 3, 1, 2, tz="UTC")
WATERMARK = "2026-03-02T02:00:00+00:00"


def all_dags():
    from airflow.models import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER), include_examples=False).dags.values()


def test_every_dag_file_imports_without_errors(dag_bag):
    assert dag_bag.import_errors == {}
    assert NIGHTLY in dag_bag.dag_ids


@pytest.mark.parametrize("dag", all_dags(), ids=lambda dag: dag.dag_id)
def test_every_dag_has_tags_an_owner_and_retries(dag):
    assert dag.tags, f"{dag.dag_id} has no tags"
    for task in dag.tasks:
        assert task.owner and task.owner != "airflow", f"{task.task_id} has no owner of its own"
        assert task.retries >= 1, f"{task.task_id} is not retried"


def test_nightly_dag_runs_at_two_utc_one_run_at_a_time_without_catch_up(dag_bag):
    dag = dag_bag.dags[NIGHTLY]
    assert dag.schedule_interval == "0 2 * * *"
    assert dag.timezone.name == "UTC"
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.default_args["retry_delay"] >= timedelta(minutes=1)
    assert "watermark" in dag.doc_md.lower()
    # The scheduled run for 2026-03-01 starts after its interval ends, at 02:00 the next day.
    assert dag.infer_automated_data_interval(LOGICAL_DATE).end.isoformat() == WATERMARK


def test_nightly_dag_chooses_between_a_kubernetes_and_a_local_batch_run(dag_bag):
    dag = dag_bag.dags[NIGHTLY]
    assert set(dag.task_ids) == {
        "choose_batch_mode",
        "run_batch_on_kubernetes",
        "run_batch_locally",
    }
    assert dag.get_task("choose_batch_mode").downstream_task_ids == {
        "run_batch_on_kubernetes",
        "run_batch_locally",
    }


def test_spark_application_next_to_the_dag_runs_the_batch_main_class():
    application = yaml.safe_load((DAGS_FOLDER / "spark" / "scs-batch-run.yaml").read_text())
    assert application["apiVersion"] == "sparkoperator.k8s.io/v1beta2"
    assert application["kind"] == "SparkApplication"
    assert application["spec"]["mainClass"] == "dev.scs.batch.BatchLayerMain"
    assert application["spec"]["restartPolicy"]["type"] == "Never"


def test_kubernetes_run_submits_the_spark_application_with_the_interval_end_as_watermark(dag_bag):
    dag = dag_bag.dags[NIGHTLY]
    task = dag.get_task("run_batch_on_kubernetes")
    params = {name: dag.params[name] for name in dag.params}
    context = {"params": params, "data_interval_end": LOGICAL_DATE.add(days=1)}

    rendered = task.render_template(task.application_file, context, dag.get_template_env())
    task.application_file = rendered
    application = task.manage_template_specs()["spark"]

    assert application["spec"]["arguments"] == ["run", "--watermark", WATERMARK]
    assert application["spec"]["image"] == params["image"]
    assert application["spec"]["mainApplicationFile"] == "local://" + params["jar_path"]
    assert re.search(r"/scs-batch-layer-[^/]*-shaded\.jar$", params["jar_path"])
    assert application["metadata"]["namespace"] == params["namespace"]
    java_options = next(
        variable["value"]
        for variable in application["spec"]["driver"]["env"]
        if variable["name"] == "JDK_JAVA_OPTIONS"
    )
    assert "-Dbatch.speed-layer-wait=PT10M" in java_options.split()
    assert "--no-wait" not in application["spec"]["arguments"]


def choose(monkeypatch, variable=None, environment=None):
    from airflow.models import DagBag

    monkeypatch.delenv("AIRFLOW_VAR_SCS_BATCH_MODE", raising=False)
    monkeypatch.delenv("SCS_BATCH_MODE", raising=False)
    if variable:
        monkeypatch.setenv("AIRFLOW_VAR_SCS_BATCH_MODE", variable)
    if environment:
        monkeypatch.setenv("SCS_BATCH_MODE", environment)
    dag = DagBag(dag_folder=str(DAGS_FOLDER), include_examples=False).dags[NIGHTLY]
    return dag.get_task("choose_batch_mode").python_callable()


def test_batch_runs_on_kubernetes_unless_told_otherwise(monkeypatch, metadata_database):
    assert choose(monkeypatch) == "run_batch_on_kubernetes"


def test_environment_variable_selects_the_local_run(monkeypatch, metadata_database):
    assert choose(monkeypatch, environment="local") == "run_batch_locally"


def test_airflow_variable_wins_over_the_environment_variable(monkeypatch, metadata_database):
    assert choose(monkeypatch, variable="kubernetes", environment="local") == "run_batch_on_kubernetes"


def test_unknown_batch_mode_fails_and_names_the_known_ones(monkeypatch, metadata_database):
    from airflow.exceptions import AirflowFailException

    with pytest.raises(AirflowFailException, match=r"\['kubernetes', 'local'\]"):
        choose(monkeypatch, environment="yarn")


def test_local_run_calls_scs_batch_run_in_scs_home_with_the_interval_end(
    monkeypatch, tmp_path, dag_bag, metadata_database
):
    # A stand-in for the checkout's ./scs that records how it was called.
    calls = tmp_path / "calls.txt"
    scs = tmp_path / "scs"
    scs.write_text(
        f'#!/usr/bin/env bash\necho "$PWD $*" >> {calls}\necho "$SCS_JAVA_OPTS" >> {calls}\n'
    )
    scs.chmod(scs.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("SCS_HOME", str(tmp_path))
    monkeypatch.setenv("SCS_BATCH_MODE", "local")
    monkeypatch.delenv("SCS_JAVA_OPTS", raising=False)
    monkeypatch.delenv("AIRFLOW_VAR_SCS_BATCH_MODE", raising=False)

    # dag.test() makes a manual run, whose interval ends at its logical date.
    run = dag_bag.dags[NIGHTLY].test(execution_date=LOGICAL_DATE)

    assert run.state == "success"
    assert run.get_task_instance("run_batch_on_kubernetes").state == "skipped"
    watermark = run.data_interval_end.isoformat()
    # It waits for the speed layer as long as the DAG says, and never skips the wait.
    assert calls.read_text() == (
        f"{tmp_path} batch run --watermark {watermark}\n -Dbatch.speed-layer-wait=PT10M\n"
    )
