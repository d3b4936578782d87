"""``sentier task_worker``: django-tasks' ``db_worker`` that outlives a database restart.

``db_worker`` stops at the first database error outside a task: a PostgreSQL restart (``pg_ctl
restart``, a fail-over) would leave background work undone until someone starts it again.
This command runs the same worker with the same options and, on a database error, closes the
connections, waits ``--interval`` (at least a second) and starts it again. SIGTERM and Ctrl-C
stop it as they stop ``db_worker`` (after the task in hand).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

log = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = "Run background tasks (django-tasks db_worker), surviving database restarts."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            try:
                super().handle(*args, **options)
            except DatabaseError:
                log.exception("The task worker lost the database; starting again")
                connections.close_all()
                time.sleep(max(float(options["interval"]), 1.0))
                continue
            return
