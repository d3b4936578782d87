"""A production-like Sentier stack on loopback, for the load test and the fault scripts.

    .venv/bin/python bench/load/stack.py prepare --participants N  # cluster, schema, demo, growth
    .venv/bin/python bench/load/stack.py up      # gunicorn + db_worker + outbox loop
    .venv/bin/python bench/load/stack.py down    # the processes (the cluster too with --all)

PostgreSQL 15 runs in ``$SENTIER_LOAD_DIR`` (default /tmp/pg-ops18) on port
``$SENTIER_LOAD_PG_PORT`` (54405), unix socket only, with ``pg_stat_statements`` and production
durability (fsync and synchronous commit on). As root, PostgreSQL runs as the ``postgres`` user
(initdb refuses root), as ``scripts/pg_test_cluster.sh`` does.

The application runs with ``bench.load.settings`` (``config.production``; only the TLS parts are
off on plain-HTTP loopback: the HTTPS redirect and the ``Secure`` flag of the cookies). Processes:
gunicorn (``--workers``, gthread), ``manage.py task_worker`` (django-tasks' ``db_worker``) and
``manage.py deliver_outbox --loop``.
Their pids are in ``$SENTIER_LOAD_DIR/pids.json``; logs beside them.

An existing database (the 1,000,000-file one, prepared by ``sentier synth``) is used as it is
when ``$SENTIER_LOAD_DATABASE_URL`` is set (``bench/load/run.py --database-url``): nothing is
prepared, the processes connect there, and ``psql`` too.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))
DIR = Path(os.environ.get("SENTIER_LOAD_DIR", "/tmp/pg-ops18"))  # noqa: S108 - throw-away
PG_PORT = int(os.environ.get("SENTIER_LOAD_PG_PORT", "54405"))
HTTP_PORT = int(os.environ.get("SENTIER_LOAD_HTTP_PORT", "18418"))
DATA = DIR / "primary"
SOCKET = DIR / "socket"
PIDS = DIR / "pids.json"
BASE_URL = f"http://127.0.0.1:{HTTP_PORT}"


#: How long each kind of user thinks before its next request, in seconds (low, high; drawn
#: uniformly), at two paces (``bench/load/locustfile.py``, ``SENTIER_LOAD_PACE``):
#:
#: - ``working``, the issue's run: people at work at their keyboards. A caseworker or a partner
#:   reads each page before the next (5-20 s, inside a task too: the worklist before a plan, a
#:   file before its note), an applicant fills in each step of the form (10-40 s; a simple form
#:   takes 10-30 s, and the applicants have little digital experience), a partner's system polls
#:   every 10-30 s (it also gets webhooks). After a save the browser follows the redirect.
#: - ``stress``: the pace of the runs before session 17, kept to compare with them and for the
#:   fault scripts (more writes a second to lose): 2-6 s between a caseworker's tasks and none
#:   between the pages of one task, an applicant's step every 5-15 s, a poll every 1-3 s.
PACES: dict[str, dict[str, tuple[int, int]]] = {
    "working": {"caseworker": (5, 20), "partner": (5, 20), "applicant": (10, 40), "api": (10, 30)},
    "stress": {"caseworker": (2, 6), "partner": (3, 8), "applicant": (5, 15), "api": (1, 3)},
}
#: The longest a load user thinks between two requests. Gunicorn keeps an idle connection open
#: longer than that (``KEEP_ALIVE_SECONDS``): with its default 2 s it closed the connection a
#: user was about to reuse, and a request sent as it closed got no answer (20 "status 0" in 10
#: minutes).
LONGEST_THINK_SECONDS = max(high for pace in PACES.values() for _, high in pace.values())
KEEP_ALIVE_SECONDS = LONGEST_THINK_SECONDS + 15

#: An existing database to run against instead of this directory's cluster (None: ours).
EXISTING_DATABASE_URL = os.environ.get("SENTIER_LOAD_DATABASE_URL") or None


def database_url(port: int = PG_PORT, socket: Path = SOCKET) -> str:
    if EXISTING_DATABASE_URL and port == PG_PORT and socket == SOCKET:
        return EXISTING_DATABASE_URL
    return f"postgres://postgres@/sentier?host={socket}&port={port}"


def app_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.load.settings",
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": database_url(),
            "SENTIER_SECRET_KEY": "load-test-only-" + "x" * 50,
            "SENTIER_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SENTIER_DB_CONN_MAX_AGE": "60",
            "SENTIER_VAR_DIR": str(DIR / "var"),
            "SENTIER_REQUIRE_MFA": "0",
            "SENTIER_BASE_URL": BASE_URL,
            "SENTIER_API_KEY_RATE": "100000/minute",
            "SENTIER_WEBHOOK_BACKOFF_SECONDS": "1",
            "SENTIER_LOG_LEVEL": "WARNING",
        }
    )
    env.update(extra)
    return env


def as_postgres(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a PostgreSQL server command as its owner (``postgres`` when we are root)."""
    if os.getuid() == 0:
        command = ["su", "postgres", "-s", "/bin/bash", "-c", " ".join(command)]
    return subprocess.run(command, check=True, text=True, **kwargs)


def pg_ctl(data: Path, *args: str) -> None:
    as_postgres([str(PGBIN / "pg_ctl"), "-D", str(data), *args], stdout=subprocess.DEVNULL)


def start_cluster(data: Path = DATA, port: int = PG_PORT) -> None:
    options = f"-p {port} -k {SOCKET} -c listen_addresses=''"
    pg_ctl(data, "-l", str(data.parent / f"{data.name}.log"), "-w", "-o", f'"{options}"', "start")


def init_cluster() -> None:
    if (DATA / "postmaster.pid").exists():
        pg_ctl(DATA, "-m", "immediate", "stop")
    subprocess.run(["rm", "-rf", str(DIR)], check=True)
    for path in (DATA, SOCKET, DIR / "var"):
        path.mkdir(parents=True)
    if os.getuid() == 0:
        subprocess.run(["chown", "-R", "postgres:postgres", str(DIR)], check=True)
    initdb = [str(PGBIN / "initdb"), "-D", str(DATA), "-U", "postgres", "--auth=trust"]
    as_postgres([*initdb, "-E", "UTF8", "--locale=C.UTF-8"], stdout=subprocess.DEVNULL)
    with open(DATA / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write(
            "\n# bench/load/stack.py\n"
            "shared_preload_libraries = 'pg_stat_statements'\n"
            "pg_stat_statements.track = all\n"
            "max_connections = 200\n"
            "shared_buffers = 256MB\n"
            "wal_level = replica\n"
            "max_wal_senders = 5\n"
            "hot_standby_feedback = on\n"
            # After a crash, PostgreSQL first syncs its data directory: file by file (the
            # default) took 10 s here under load; syncfs does it in one call per file system.
            "recovery_init_sync_method = syncfs\n"
        )
    with open(DATA / "pg_hba.conf", "a", encoding="utf-8") as hba:
        hba.write("local replication all trust\n")
    start_cluster()
    psql("CREATE DATABASE sentier", database="postgres")
    psql("CREATE EXTENSION pg_stat_statements")


def psql(sql: str, *, database: str = "sentier", port: int = PG_PORT) -> str:
    """Run SQL with psql as the postgres role (or as the existing database's URL says);
    tab-separated rows without headers."""
    if EXISTING_DATABASE_URL and database == "sentier" and port == PG_PORT:
        client = [str(PGBIN / "psql"), "-d", EXISTING_DATABASE_URL]  # libpq reads URLs
    else:
        client = [str(PGBIN / "psql"), "-h", str(SOCKET), "-p", str(port), "-U", "postgres"]
        client += ["-d", database]
    options = ["-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1"]
    result = subprocess.run(
        [*client, *options, "-c", sql],
        check=True,
        text=True,
        capture_output=True,
    )
    return result.stdout


def manage(*args: str) -> None:
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], check=True, env=app_env(), cwd=ROOT)


def prepare(participants: int) -> None:
    init_cluster()
    manage("migrate", "--verbosity", "0")
    manage("createcachetable")
    manage("collectstatic", "--noinput", "--verbosity", "0")
    manage("load_reference", "--verbosity", "0")
    manage("load_demo", "--verbosity", "0")
    subprocess.run(
        [PYTHON, str(ROOT / "bench" / "load" / "fixtures.py"), "--participants", str(participants)],
        check=True,
        env=app_env(),
        cwd=ROOT,
    )
    psql("VACUUM ANALYZE")


def commands(workers: int, threads: int) -> dict[str, list[str]]:
    """The stack's processes by name: what ``up`` starts (and a fault script starts again)."""
    return {
        "gunicorn": [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "config.wsgi",
            f"--bind=127.0.0.1:{HTTP_PORT}",
            f"--workers={workers}",
            f"--threads={threads}",
            "--worker-class=gthread",
            "--timeout=60",
            "--graceful-timeout=5",
            f"--keep-alive={KEEP_ALIVE_SECONDS}",
            f"--pid={DIR / 'gunicorn.pid'}",
            f"--control-socket={DIR / 'gunicorn.ctl'}",
            "--preload",  # Django is imported once, then the workers fork
        ],
        # db_worker that starts again after a database restart (sentier/site).
        "db_worker": [PYTHON, "manage.py", "task_worker", "--interval", "0.5"],
        "outbox": [PYTHON, "manage.py", "deliver_outbox", "--loop", "--interval", "0.5"],
    }


#: The processes this Python process started, by pid (waited for when they end: no zombies).
STARTED: dict[int, subprocess.Popen[bytes]] = {}


def start(name: str, command: list[str]) -> int:
    """Start one of the stack's processes (its log in ``logs/<name>.log``) and record its pid."""
    logs = DIR / "logs"
    logs.mkdir(exist_ok=True)
    with open(logs / f"{name}.log", "ab") as log:
        process = subprocess.Popen(
            command, env=app_env(), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )
    STARTED[process.pid] = process
    PIDS.write_text(json.dumps({**pids(), name: process.pid}))
    return process.pid


def ready_app() -> None:
    """What the processes need beside the database: the var directory and collected static
    files (``config.production`` serves them from a manifest), made once."""
    (DIR / "var").mkdir(parents=True, exist_ok=True)
    if not (DIR / "var" / "static" / "staticfiles.json").exists():
        manage("collectstatic", "--noinput", "--verbosity", "0")


def up(workers: int, threads: int) -> dict[str, int]:
    ready_app()
    PIDS.unlink(missing_ok=True)
    for name, command in commands(workers, threads).items():
        start(name, command)
    wait_http(timeout=180)
    return pids()


def wait_http(timeout: float = 60.0) -> float:
    """Seconds until ``/healthz`` answers 200 (it reads the database)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            with urllib.request.urlopen(f"{BASE_URL}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{BASE_URL}/healthz did not answer within {timeout} s")


def pids() -> dict[str, int]:
    return json.loads(PIDS.read_text()) if PIDS.exists() else {}


def alive(pid: int) -> bool:
    """Whether the process runs (one this process started and that ended is reaped first)."""
    if pid in STARTED:
        return STARTED[pid].poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def down(*, cluster: bool = False) -> None:
    for pid in pids().values():
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
        for _ in range(100):
            if not alive(pid):
                break
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            if pid in STARTED:
                STARTED[pid].wait(timeout=30)
    PIDS.unlink(missing_ok=True)
    if cluster and (DATA / "postmaster.pid").exists():
        pg_ctl(DATA, "-m", "fast", "-w", "stop")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    prep = sub.add_parser("prepare")
    prep.add_argument("--participants", type=int, default=100_000)
    start = sub.add_parser("up")
    start.add_argument("--workers", type=int, default=3)
    start.add_argument("--threads", type=int, default=4)
    stop = sub.add_parser("down")
    stop.add_argument("--all", action="store_true", help="Stop PostgreSQL too.")
    sub.add_parser("start-db")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.participants)
    elif args.command == "up":
        print(json.dumps(up(args.workers, args.threads)))
    elif args.command == "down":
        down(cluster=args.all)
    elif args.command == "start-db":
        start_cluster()
    return 0


if __name__ == "__main__":
    sys.exit(main())
