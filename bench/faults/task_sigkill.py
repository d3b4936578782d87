"""The background worker SIGKILLed in the middle of a task: the task is run again once its
lease runs out, and its work is done exactly once (``sentier.site.leases``).

    export DATABASE_URL=$(SENTIER_PG_DIR=/tmp/pg-faults SENTIER_PG_PORT=5462 \\
        scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/faults/task_sigkill.py --tasks 20 --lease 6

Against an empty throw-away PostgreSQL database (migrated here). ``--tasks`` ordinary tasks
are queued with two victims ahead of them (``bench/faults/slow_task.py``: each sleeps, records
its effect once, sleeps again):

1. the ``task_worker`` is SIGKILLed while the first victim sleeps **before** its effect;
2. it is started again, and SIGKILLed again while the second victim sleeps **after** its
   effect (the work is done, the task not marked so);
3. it is started again and left to finish.

Measured: how long after each kill the victim is done (its lease, ``--lease`` seconds, must run
out first); afterwards every task is SUCCESSFUL once, none FAILED or still RUNNING, one effect
per task (0 lost, 0 twice), and how many times each victim started. Figures go to
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from bench.faults.slow_task import SCHEMA, record  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")


def rows(sql: str, params: list[str] | None = None) -> list[tuple[object, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params or [])
        return list(cursor.fetchall())


def wait_for(what: str, check: Callable[[], bool], timeout: float = 120.0) -> float:
    """Seconds until ``check()`` holds (polled every 0.05 s)."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise SystemExit(f"Timed out waiting for {what}")
        time.sleep(0.05)
    return time.monotonic() - start


def status_of(key: str) -> str:
    found = rows(
        "SELECT status FROM django_tasks_database_dbtaskresult WHERE args_kwargs->'args'->>0 = %s",
        [key],
    )
    return str(found[0][0]) if found else ""


def finished_at(key: str) -> float:
    """When the task was marked done (the database's clock, this machine's)."""
    found = rows(
        "SELECT extract(epoch FROM finished_at) FROM django_tasks_database_dbtaskresult "
        "WHERE args_kwargs->'args'->>0 = %s",
        [key],
    )
    return float(str(found[0][0]))


def started(key: str) -> int:
    return int(str(rows("SELECT count(*) FROM bench_task_start WHERE key = %s", [key])[0][0]))


def has_effect(key: str) -> bool:
    return bool(rows("SELECT count(*) FROM bench_task_effect WHERE key = %s", [key])[0][0])


#: Every worker this script started (stopped at the end, whatever happens).
STARTED: list[subprocess.Popen[bytes]] = []


def start_worker(lease: float, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SENTIER_TASK_LEASE_SECONDS": str(lease)}
    command = [PYTHON, "manage.py", "task_worker", "--no-startup-delay", "--interval", "0.1"]
    with log.open("ab") as output:
        worker = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    STARTED.append(worker)
    return worker


def kill(worker: subprocess.Popen[bytes]) -> None:
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=20)
    parser.add_argument("--lease", type=float, default=6.0)
    parser.add_argument("--no-write", action="store_true", help="Print; do not update the docs.")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Run it against a throw-away PostgreSQL database (DATABASE_URL).")
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(SCHEMA)
        cursor.execute("TRUNCATE bench_task_start, bench_task_effect")
    DBTaskResult.objects.all().delete()

    before_effect, after_effect = "victim-before-effect", "victim-after-effect"
    record.using(priority=10).enqueue(before_effect, 3.0, 0.0)
    record.using(priority=5).enqueue(after_effect, 0.0, 3.0)
    keys = [f"task-{n:03d}" for n in range(args.tasks)]
    for key in keys:
        record.enqueue(key, 0.05, 0.05)
    log = Path("/tmp") / "sentier-task-sigkill.log"  # noqa: S108 - a throw-away log
    log.unlink(missing_ok=True)

    worker = start_worker(args.lease, log)
    wait_for("the first victim to start", lambda: started(before_effect) == 1)
    time.sleep(0.5)  # inside its first sleep: no effect yet
    kill(worker)
    killed_first = time.time()
    first_state = (status_of(before_effect), has_effect(before_effect))

    worker = start_worker(args.lease, log)
    wait_for("the second victim's effect", lambda: has_effect(after_effect))
    time.sleep(0.5)  # inside its second sleep: done, not marked done
    kill(worker)
    killed_second = time.time()
    second_state = (status_of(after_effect), has_effect(after_effect))
    time.sleep(1.0)  # no worker: nothing may move
    idle_state = (status_of(before_effect), status_of(after_effect))
    worker = start_worker(args.lease, log)
    restarted = time.time()
    try:
        wait_for("the first victim", lambda: status_of(before_effect) == "SUCCESSFUL", 300)
        first_done = finished_at(before_effect) - killed_first
        wait_for("the second victim", lambda: status_of(after_effect) == "SUCCESSFUL", 300)
        second_done = finished_at(after_effect) - killed_second
        wait_for_done = wait_for(
            "every task",
            lambda: (
                rows(
                    "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                    "WHERE status <> 'SUCCESSFUL'"
                )[0][0]
                == 0
            ),
            300,
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    statuses = {
        str(status): int(str(count))
        for status, count in rows(
            "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
        )
    }
    effects, distinct = rows("SELECT count(*), count(DISTINCT key) FROM bench_task_effect")[0]
    every = [before_effect, after_effect, *keys]
    missing = [key for key in every if not has_effect(key)]
    starts = {key: started(key) for key in every}
    extra_starts = {key: n for key, n in starts.items() if n != 1}
    ok = (
        statuses == {"SUCCESSFUL": len(every)}
        and effects == distinct == len(every)
        and not missing
        and idle_state[1] == "RUNNING"
        and starts[before_effect] == 2
        and starts[after_effect] == 2
        and all(n == 1 for key, n in starts.items() if key in keys)
    )
    verdict = "each task done exactly once" if ok else "NOT exactly once"
    lines = [
        f"| while the victim sleeps **{when}** its effect | {state[0]}, effect recorded: "
        f"{state[1]} | **{done:.1f} s** |"
        for when, state, done in (
            ("before", first_state, first_done),
            ("after", second_state, second_done),
        )
    ]
    table = "\n".join(lines)
    report = f"""
## Fault: the background worker SIGKILLed in a task (`bench/faults/task_sigkill.py`)

Machine: {machine_description()}; shared with other work. PostgreSQL 15, `task_worker` with a
lease of {args.lease:g} s (`SENTIER_TASK_LEASE_SECONDS`, renewed every third of it), {len(every)}
tasks ({args.tasks} ordinary, two victims first).

| kill | task state just after the kill | done again after the kill |
|---|---|---:|
{table}

With no worker running, nothing moves: one second after the second kill the second victim is
still {idle_state[1]} (the first: {idle_state[0]}; under load the second worker's start can
take longer than the lease, and it then runs the first victim again before the second).
The worker started again {restarted - killed_second:.1f} s after the second kill; every task
was done {wait_for_done:.1f} s after the second victim. Afterwards: tasks {statuses}; effects
{effects} ({distinct} distinct, {len(missing)} missing): **{verdict}**. Starts other than one:
{extra_starts} (each victim began twice: the second run of the one killed after its effect
found it there and did not do it again).
"""
    print(report)
    if not args.no_write:
        write_section("faults_task_sigkill", report)
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        for started_worker in STARTED:
            if started_worker.poll() is None:
                started_worker.kill()
