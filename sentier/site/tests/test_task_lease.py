"""A background task whose worker died (SIGKILL) is run again: the lease (``site.leases``).

No test waits for a lease to run out: the times are set in the past explicitly, or the keeper's
clock is a fake one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from django_tasks import task
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from sentier.site import leases
from sentier.site.management.commands.task_worker import LeasedWorker
from sentier.site.models import TaskLease

pytestmark = pytest.mark.django_db

LEASE = 60.0
#: What the probe task did: (its argument, whether its lease existed while it ran).
DONE: list[tuple[str, bool]] = []


@task()
def probe(key: str) -> str:
    """Records that it ran, idempotently: a key done before is not done again."""
    if all(done != key for done, _held in DONE):
        DONE.append((key, TaskLease.objects.filter(task__args_kwargs__args=[key]).exists()))
    return key


@pytest.fixture(autouse=True)
def _keep_the_test_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker closes old connections as it wakes, and the command closes every connection
    before starting again. Inside a test's transaction PostgreSQL's connection counts as old (not
    in autocommit): closed, it ends the test's transaction, every later query fails and the
    command loops (SQLite's in-memory test database is never closed)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(connections, "close_all", lambda: None)


@pytest.fixture(autouse=True)
def _lease(settings: Any) -> Any:
    settings.SENTIER_TASK_LEASE_SECONDS = LEASE
    settings.SENTIER_TASK_MAX_ATTEMPTS = 3
    DONE.clear()
    yield
    DONE.clear()


def claimed(
    key: str, *, started: dt.datetime, renewed: dt.datetime | None
) -> DBTaskResult[Any, Any]:
    """A task a worker claimed at ``started`` and whose lease it last renewed at ``renewed``
    (None: it died before writing its lease), as a SIGKILLed worker leaves it."""
    result = DBTaskResult.objects.get(id=probe.enqueue(key).id)
    result.claim("dead-worker")
    DBTaskResult.objects.filter(pk=result.pk).update(started_at=started)
    if renewed is not None:
        leases.start_lease(result.pk, "dead-worker", now=renewed)
    result.refresh_from_db()
    return result


def worker() -> LeasedWorker:
    return LeasedWorker(
        keeper=leases.LeaseKeeper("new-worker"),
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="new-worker",
        excluded_queue_names=[],
    )


def test_a_task_whose_lease_ran_out_is_put_back_then_done_once() -> None:
    now = timezone.now()
    old = now - dt.timedelta(seconds=LEASE + 1)
    result = claimed("a", started=old, renewed=old)
    assert leases.requeue_expired(now=now) == (1, 0)
    result.refresh_from_db()
    assert (result.status, result.started_at) == ("READY", None)
    # A worker started again runs it: done once, with its lease held while it ran, then gone.
    worker().run()
    result.refresh_from_db()
    assert result.status == "SUCCESSFUL"
    assert result.worker_ids == ["dead-worker", "new-worker"]
    assert DONE == [("a", True)]
    assert not TaskLease.objects.exists()


def test_a_task_whose_worker_renews_its_lease_is_left_alone() -> None:
    now = timezone.now()
    result = claimed(
        "b", started=now - dt.timedelta(hours=2), renewed=now - dt.timedelta(seconds=LEASE - 1)
    )
    assert leases.requeue_expired(now=now) == (0, 0)
    result.refresh_from_db()
    assert result.status == "RUNNING"
    worker().run()  # nothing ready: a running task is never run a second time beside itself
    assert DONE == []


def test_a_worker_that_died_before_writing_its_lease_is_judged_by_the_start() -> None:
    now = timezone.now()
    recent = claimed("c", started=now - dt.timedelta(seconds=LEASE - 1), renewed=None)
    old = claimed("d", started=now - dt.timedelta(seconds=LEASE + 1), renewed=None)
    assert leases.requeue_expired(now=now) == (1, 0)
    recent.refresh_from_db()
    old.refresh_from_db()
    assert (recent.status, old.status) == ("RUNNING", "READY")


def test_a_task_that_kills_every_worker_fails_after_the_last_attempt() -> None:
    now = timezone.now()
    old = now - dt.timedelta(seconds=LEASE + 1)
    result = claimed("e", started=old, renewed=old)
    for attempt in (2, 3):
        assert leases.requeue_expired(now=now) == (1, 0)
        result.refresh_from_db()
        result.claim("another-dead-worker")
        assert leases.start_lease(result.pk, "another-dead-worker", now=old) == attempt
        DBTaskResult.objects.filter(pk=result.pk).update(started_at=old)
    assert leases.requeue_expired(now=now) == (0, 1)
    result.refresh_from_db()
    assert result.status == "FAILED"
    assert result.exception_class_path == "sentier.site.leases.LeaseExpired"
    assert not TaskLease.objects.exists()
    assert DONE == []


def test_the_keeper_renews_the_lease_in_hand_and_puts_back_the_dead_ones() -> None:
    now = timezone.now()
    mine = claimed("f", started=now, renewed=now)
    TaskLease.objects.filter(task=mine).update(worker_id="new-worker")
    dead = claimed("g", started=now, renewed=now)
    later = now + dt.timedelta(seconds=LEASE + 5)
    keeper = leases.LeaseKeeper("new-worker", clock=lambda: later)
    keeper.current = mine.pk
    keeper.tick()
    mine.refresh_from_db()
    dead.refresh_from_db()
    assert (mine.status, dead.status) == ("RUNNING", "READY")
    assert TaskLease.objects.get(task=mine).renewed_at == later


def test_a_lease_put_back_is_no_longer_the_dead_workers() -> None:
    now = timezone.now()
    old = now - dt.timedelta(seconds=LEASE + 1)
    result = claimed("h", started=old, renewed=old)
    leases.requeue_expired(now=now)
    # The dead worker, were it only slow, can no longer renew it.
    assert leases.renew_lease(result.pk, "dead-worker", now=now) is False


def test_the_task_worker_command_puts_back_then_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LeasedWorker, "configure_signals", lambda worker: None)
    old = timezone.now() - dt.timedelta(seconds=LEASE + 1)
    result = claimed("i", started=old, renewed=old)
    call_command("task_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
    result.refresh_from_db()
    assert result.status == "SUCCESSFUL"
    assert DONE == [("i", True)]


def test_a_finished_import_run_again_is_left_as_it_is(personas: dict[str, Any]) -> None:
    """The directory import task is idempotent: run again after its worker died, a finished
    job is not applied a second time."""
    from sentier.network.models import ImportJob, ImportStatus
    from sentier.network.tasks import run_service_import

    job = ImportJob.objects.create(
        content="not a CSV",
        file_name="services.csv",
        dry_run=False,
        created_by=personas["admin"],
        created_at=timezone.now(),
        status=ImportStatus.DONE,
    )
    assert run_service_import.call(str(job.uuid)) == "done"
    job.refresh_from_db()
    assert (job.status, job.processed_rows) == ("done", 0)
