"""The task worker starts again after a database error instead of stopping."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db import OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker

pytestmark = pytest.mark.django_db


def test_a_database_error_restarts_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[int] = []

    def run(worker: Any) -> None:
        runs.append(1)
        if len(runs) < 3:
            raise OperationalError("the database system is shutting down")

    monkeypatch.setattr(Worker, "run", run)
    monkeypatch.setattr(Worker, "configure_signals", lambda worker: None)
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    # The worker closes its connections before starting again; in a test that would end the
    # test's own transaction (on PostgreSQL every later query then fails, and it loops).
    monkeypatch.setattr(connections, "close_all", lambda: None)
    call_command("task_worker", "--batch", "--interval", "0")
    assert len(runs) == 3


def test_other_errors_still_stop_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def run(worker: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Worker, "run", run)
    monkeypatch.setattr(Worker, "configure_signals", lambda worker: None)
    with pytest.raises(RuntimeError):
        call_command("task_worker", "--batch", "--interval", "0")
