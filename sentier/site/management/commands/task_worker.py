"""``sentier task_worker``: django-tasks' ``db_worker`` that outlives a database restart and
holds a lease on the task it runs.

``db_worker`` stops at the first database error outside a task: a PostgreSQL restart (``pg_ctl
restart``, a fail-over) would leave background work undone until someone starts it again.
This command runs the same worker with the same options and, on a database error, closes the
connections, waits ``--interval`` (at least a second) and starts it again. SIGTERM and Ctrl-C
stop it as they stop ``db_worker`` (after the task in hand).

A worker that is SIGKILLed leaves its task ``RUNNING``: this one holds a lease on the task it
runs, renewed in the background, and puts back the tasks whose worker stopped renewing theirs
(``sentier.site.leases``; ``SENTIER_TASK_LEASE_SECONDS``, ``SENTIER_TASK_MAX_ATTEMPTS``).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from sentier.site.leases import LeaseKeeper, end_lease, requeue_expired, start_lease

log = logging.getLogger(__name__)


class LeasedWorker(Worker):
    """``db_worker``'s worker, with a lease on the task in hand (``keeper`` renews it)."""

    def __init__(self, *, keeper: LeaseKeeper, **options: Any) -> None:
        super().__init__(**options)
        self.keeper = keeper

    def run(self) -> None:
        # Started again after a crash: the tasks left RUNNING by dead workers first (those
        # whose lease has expired; the keeper keeps looking every third of the lease).
        requeue_expired()
        super().run()

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        start_lease(db_task_result.pk, self.worker_id)
        self.keeper.current = db_task_result.pk
        try:
            super().run_task(db_task_result)
        finally:
            self.keeper.current = None
            end_lease(db_task_result.pk, self.worker_id)


class Command(DbWorkerCommand):
    help = (
        "Run background tasks (django-tasks db_worker), surviving database restarts; a task "
        "whose worker died is run again."
    )
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        keeper = LeaseKeeper(options["worker_id"])
        keeper.start()
        try:
            while True:
                try:
                    self.run_worker(keeper, options)
                except DatabaseError:
                    log.exception("The task worker lost the database; starting again")
                    connections.close_all()
                    time.sleep(max(float(options["interval"]), 1.0))
                    continue
                return
        finally:
            keeper.stop()

    def run_worker(self, keeper: LeaseKeeper, options: dict[str, Any]) -> None:
        """``db_worker``'s ``handle`` without the autoreloader (not for production either)."""
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        worker = LeasedWorker(
            keeper=keeper,
            queue_names=queue_names,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        worker.configure_signals()
        worker.run()
