"""The task the SIGKILL fault (``bench/faults/task_sigkill.py``) runs: importable by the
worker it starts, as every task must be.

``record`` sleeps, records its effect once (``INSERT … ON CONFLICT DO NOTHING``: the idempotent
shape every Sentier task has), sleeps again, and returns. Each start is logged, so that the
script sees how many times a task began and how many effects it left.
"""

from __future__ import annotations

import os
import time

from django.db import connection
from django_tasks import task

SCHEMA = """
CREATE TABLE IF NOT EXISTS bench_task_start (key text, pid int, at timestamptz DEFAULT now());
CREATE TABLE IF NOT EXISTS bench_task_effect (key text PRIMARY KEY, pid int, at timestamptz);
"""


@task()
def record(key: str, before: float, after: float) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_task_start (key, pid) VALUES (%s, %s)", [key, os.getpid()]
        )
    time.sleep(before)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_task_effect (key, pid, at) VALUES (%s, %s, now()) "
            "ON CONFLICT (key) DO NOTHING",
            [key, os.getpid()],
        )
    time.sleep(after)
    return key
