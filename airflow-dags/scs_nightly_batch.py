"""The nightly batch run of the batch layer. Orchestration only: the job is the batch layer's jar."""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.decorators import task
from airflow.exceptions import AirflowFailException
from airflow.models import Variable
from airflow.operators.bash import BashOperator
from airflow.providers.cncf.kubernetes.operators.spark_kubernetes import SparkKubernetesOperator

# Relative to this folder, which is the DAG's template search path.
SPARK_APPLICATION = "spark/scs-batch-run.yaml"

KUBERNETES_MODE = "kubernetes"
LOCAL_MODE = "local"

DOC = """
### SCS nightly batch

Replays the event archive in canonical order up to a watermark and publishes the batch view, the
ledger, the Parquet lake, the MongoDB reconciliation and the Dgraph graph metrics: the batch
layer of the Lambda architecture, whose code is the repository's `batch-layer/` module.

* **Watermark**: the end of the run's data interval (`data_interval_end`), 02:00 UTC of the run
  day. Rerunning an interval replays the same events and publishes the same view.
* **Where it runs**, chosen by `choose_batch_mode` at run time:
  * `kubernetes` (default): `run_batch_on_kubernetes` submits `spark/scs-batch-run.yaml`
    (a SparkApplication) to the Spark operator and waits for the driver to finish.
  * `local`: `run_batch_locally` runs `./scs batch run --watermark ...` in the checkout named
    by the environment variable `SCS_HOME`.

  The Airflow Variable `scs_batch_mode` decides; without it, the environment variable
  `SCS_BATCH_MODE`; without either, `kubernetes`.
* **Params**: `image` and `jar_path` (the batch layer's container image and its shaded jar),
  `namespace` (where the SparkApplication runs; the stores' settings live in its ConfigMap
  `scs-batch-layer`, see `k8s/`), `speed_layer_wait` (ISO-8601 duration, setting
  `batch.speed-layer-wait`).
* **Hand-over with the speed layer** (`batch-layer/README.md`): before it reads the archive, the
  run waits until the speed layer has committed every event ingested before the watermark, up to
  `speed_layer_wait` (default `PT10M`). The run starts just after its watermark, so a running
  speed layer commits through it within a micro-batch or an idle heartbeat (about 10 s); a stopped
  one fails the run (exit code 4, one line), and the retries wait for it again: about 50 minutes
  in all before the run fails.
  Never `--no-wait` here: that is for archives no speed layer writes (a backfill, a test).
* **Failure**: two retries, ten minutes apart; one run at a time, no catch-up of missed nights
  (the next run's watermark covers them).
"""


@task.branch(task_id="choose_batch_mode")
def choose_batch_mode() -> str:
    """Read at run time, so that parsing the DAG file never touches the metadata database."""
    mode = Variable.get("scs_batch_mode", default_var=None) or os.environ.get(
        "SCS_BATCH_MODE", KUBERNETES_MODE
    )
    tasks_by_mode = {KUBERNETES_MODE: "run_batch_on_kubernetes", LOCAL_MODE: "run_batch_locally"}
    if mode not in tasks_by_mode:
        raise AirflowFailException(
            f"unknown batch mode {mode!r} (Variable scs_batch_mode or env SCS_BATCH_MODE);"
            f" use one of {sorted(tasks_by_mode)}"
        )
    return tasks_by_mode[mode]


with DAG(
    dag_id="scs_nightly_batch",
    description="Nightly canonical replay of the event archive by the batch layer (Spark)",
    doc_md=DOC,
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(hours=6),
    default_args={
        "owner": "scs-data-platform",
        "retries": 2,
        "retry_delay": timedelta(minutes=10),
    },
    params={
        "image": "scs-batch-layer:0.1.0-SNAPSHOT",
        "jar_path": "/opt/scs/scs-batch-layer-0.1.0-SNAPSHOT-shaded.jar",
        "namespace": "scs",
        "speed_layer_wait": "PT10M",
    },
    tags=["scs", "batch-layer", "spark"],
) as dag:
    run_batch_on_kubernetes = SparkKubernetesOperator(
        task_id="run_batch_on_kubernetes",
        namespace="{{ params.namespace }}",
        # A .yaml path: Airflow reads the file and renders it with Jinja before submitting.
        application_file=SPARK_APPLICATION,
        kubernetes_conn_id="kubernetes_default",
    )

    run_batch_locally = BashOperator(
        task_id="run_batch_locally",
        # ${SCS_HOME:?} fails the task with a message naming the variable instead of running
        # ./scs from whatever folder the worker happens to be in.
        bash_command=(
            'cd "${SCS_HOME:?set SCS_HOME to the scs checkout}" && '
            'SCS_JAVA_OPTS="${SCS_JAVA_OPTS:-} -Dbatch.speed-layer-wait={{ params.speed_layer_wait }}" '
            "./scs batch run --watermark {{ data_interval_end.isoformat() }}"
        ),
    )

    choose_batch_mode() >> [run_batch_on_kubernetes, run_batch_locally]
