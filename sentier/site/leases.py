"""Leases on background tasks, so that a task whose worker died is run again.

django-tasks' database backend marks a claimed task ``RUNNING`` and nothing else: a worker that
is SIGKILLed (or runs out of memory, or loses its machine) leaves its task ``RUNNING`` forever.
``task_worker`` therefore holds a **lease** (:class:`~sentier.site.models.TaskLease`) on the task
it runs: written when it starts the task, renewed by a background thread every third of
``SENTIER_TASK_LEASE_SECONDS``, deleted when the task ends.

Every ``task_worker`` also looks, at the same pace, for ``RUNNING`` tasks whose lease was not
renewed within ``SENTIER_TASK_LEASE_SECONDS`` (or that have none and started longer ago than
that: the worker died between claiming and writing its lease). Each is put back ``READY`` to
run again, or marked ``FAILED`` (:class:`LeaseExpired`) once it has been claimed
``SENTIER_TASK_MAX_ATTEMPTS`` times, so that a task that kills its worker does not kill them all.

Running a task again is only safe for idempotent work: every Sentier task is (each e-mail is
keyed by its row and marked sent, imports skip a finished job, the scheduled passes act on what
is still due). An e-mail whose worker dies after the mail server took it and before the mark is
committed is sent again: at least once, never lost.

Functions take ``now`` so that tests set times in the past explicitly instead of waiting.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sentier.site.models import TaskLease

log = logging.getLogger(__name__)

RUNNING = "RUNNING"
READY = "READY"
FAILED = "FAILED"


class LeaseExpired(Exception):
    """The task's worker stopped renewing its lease too many times: it is not run again."""


def lease_seconds() -> float:
    return float(getattr(settings, "SENTIER_TASK_LEASE_SECONDS", 300))


def max_attempts() -> int:
    return int(getattr(settings, "SENTIER_TASK_MAX_ATTEMPTS", 3))


def start_lease(task_id: uuid.UUID, worker_id: str, *, now: dt.datetime | None = None) -> int:
    """The worker starts the task: its lease, and how many times the task was claimed."""
    now = now or timezone.now()
    with transaction.atomic():
        lease = TaskLease.objects.select_for_update().filter(task_id=task_id).first()
        if lease is None:
            TaskLease.objects.create(task_id=task_id, worker_id=worker_id, renewed_at=now)
            return 1
        lease.worker_id = worker_id
        lease.renewed_at = now
        lease.attempts += 1
        lease.save(update_fields=["worker_id", "renewed_at", "attempts"])
        return lease.attempts


def renew_lease(task_id: uuid.UUID, worker_id: str, *, now: dt.datetime | None = None) -> bool:
    """Still running: False if the lease is no longer this worker's (put back meanwhile)."""
    renewed = TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).update(
        renewed_at=now or timezone.now()
    )
    return renewed == 1


def end_lease(task_id: uuid.UUID, worker_id: str) -> None:
    TaskLease.objects.filter(task_id=task_id, worker_id=worker_id).delete()


def expired_tasks(*, now: dt.datetime | None = None) -> list[DBTaskResult[Any, Any]]:
    """``RUNNING`` tasks whose worker has not renewed its lease in time (locked, skipping rows
    another worker is putting back; call inside a transaction)."""
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=lease_seconds())
    return list(
        DBTaskResult.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(status=RUNNING)
        .filter(Q(lease__renewed_at__lt=cutoff) | Q(lease__isnull=True, started_at__lt=cutoff))
        .order_by("started_at")
    )


def requeue_expired(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Put back every task whose worker died, or fail it after too many attempts: (put back,
    failed)."""
    now = now or timezone.now()
    requeued = failed = 0
    with transaction.atomic():
        for task in expired_tasks(now=now):
            lease = TaskLease.objects.filter(task_id=task.pk).first()
            attempts = lease.attempts if lease else 1
            if attempts >= max_attempts():
                task.set_failed(
                    LeaseExpired(
                        f"Its worker stopped while running it {attempts} times "
                        f"(lease of {lease_seconds():g} s)."
                    )
                )
                TaskLease.objects.filter(task_id=task.pk).delete()
                failed += 1
                log.error(
                    "Task %s %s failed: its lease expired %s times",
                    task.pk,
                    task.task_path,
                    attempts,
                )
                continue
            task.status = READY
            task.started_at = None
            task.save(update_fields=["status", "started_at"])
            if lease is not None:
                # The dead worker's lease is no longer anyone's: the next claim takes it over.
                TaskLease.objects.filter(task_id=task.pk).update(worker_id="")
            requeued += 1
            log.warning(
                "Task %s %s put back: its worker stopped renewing its lease",
                task.pk,
                task.task_path,
            )
    return requeued, failed


class LeaseKeeper(threading.Thread):
    """The worker's background thread: every third of the lease time, renews the lease of the
    task in hand (if any) and puts back the tasks of dead workers."""

    def __init__(self, worker_id: str, *, clock: Callable[[], dt.datetime] = timezone.now) -> None:
        super().__init__(name="task-lease-keeper", daemon=True)
        self.worker_id = worker_id
        self.clock = clock
        self.current: uuid.UUID | None = None  # the task in hand (its id)
        self.stopping = threading.Event()

    def tick(self) -> None:
        """One round (what the thread does at each beat; tests call it directly)."""
        now = self.clock()
        current = self.current
        if current is not None:
            renew_lease(current, self.worker_id, now=now)
        requeue_expired(now=now)

    def run(self) -> None:
        try:
            while not self.stopping.wait(lease_seconds() / 3):
                try:
                    self.tick()
                except Exception:  # the database away (restart): try again at the next beat
                    log.exception("Task lease keeper: round failed")
                    connection.close()
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
