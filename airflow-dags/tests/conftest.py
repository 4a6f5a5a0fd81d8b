"""Airflow reads its settings when first imported: point it at throwaway places before that."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

DAGS_FOLDER = Path(__file__).resolve().parents[1]
REPOSITORY = DAGS_FOLDER.parent

# stack/python-tools.sh sets AIRFLOW_HOME under .scs/; a bare `pytest` must not write ~/airflow either.
os.environ.setdefault("AIRFLOW_HOME", str(REPOSITORY / ".scs" / "airflow"))
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS_FOLDER)
# Each session gets its own metadata database, so a developer's local Airflow is never touched.
_DATABASE_FOLDER = tempfile.mkdtemp(prefix="scs-airflow-tests-")
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = f"sqlite:///{_DATABASE_FOLDER}/airflow.db"


@pytest.fixture(scope="session")
def metadata_database():
    """An empty, migrated metadata database for the tests that run tasks or read Variables."""
    from airflow.utils import db

    db.initdb(load_connections=False)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_DATABASE_FOLDER, ignore_errors=True)


@pytest.fixture(scope="session")
def dag_bag():
    from airflow.models import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER), include_examples=False)
