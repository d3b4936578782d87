"""Start (or stop) a streaming replica of the load test's primary, and show the router use it.

    .venv/bin/python bench/load/replica.py start    # pg_basebackup -R, then a hot standby
    .venv/bin/python bench/load/replica.py check    # lag, and a write on the primary seen there
    .venv/bin/python bench/load/replica.py stop

The replica runs on ``$SENTIER_LOAD_REPLICA_PORT`` (54406) from ``$SENTIER_LOAD_DIR/replica``,
copied with ``pg_basebackup -R`` (which writes ``standby.signal`` and ``primary_conninfo``). Point
the application at it with::

    DATABASE_REPLICA_URL=postgres://postgres@/sentier?host=/tmp/pg-ops18/socket&port=54406

and the statistics page and the partner API's referral polling read from it while it is at most
``SENTIER_REPLICA_MAX_LAG_SECONDS`` behind (``sentier.core.replica``; docs/deployment.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.load import stack

PORT = int(os.environ.get("SENTIER_LOAD_REPLICA_PORT", "54406"))
DATA = stack.DIR / "replica"


def replica_url() -> str:
    return stack.database_url(port=PORT)


def start() -> None:
    if (DATA / "postmaster.pid").exists():
        stack.pg_ctl(DATA, "-m", "fast", "-w", "stop")
    subprocess.run(["rm", "-rf", str(DATA)], check=True)
    started = time.monotonic()
    source = ["-h", str(stack.SOCKET), "-p", str(stack.PG_PORT), "-U", "postgres"]
    copy = ["-D", str(DATA), "-R", "-X", "stream", "-c", "fast"]
    stack.as_postgres([str(stack.PGBIN / "pg_basebackup"), *source, *copy])
    copied = time.monotonic() - started
    stack.start_cluster(DATA, PORT)
    print(f"replica on port {PORT}: copied in {copied:.1f} s; DATABASE_REPLICA_URL={replica_url()}")


def check() -> None:
    recovery = stack.psql("SELECT pg_is_in_recovery()", port=PORT).strip()
    marker = uuid.uuid4().hex  # hexadecimal: safe inside the SQL below
    probe = "CREATE TABLE IF NOT EXISTS replica_probe (v text); INSERT INTO replica_probe VALUES "
    stack.psql(probe + f"('{marker}')")
    count = "SELECT count(*) FROM replica_probe WHERE v = "
    started = time.monotonic()
    while time.monotonic() - started < 30:
        try:
            seen = stack.psql(count + f"'{marker}'", port=PORT)
        except subprocess.CalledProcessError:
            seen = ""  # the table itself has not arrived yet
        if seen.strip() == "1":
            break
        time.sleep(0.01)
    visible = time.monotonic() - started
    state = stack.psql(
        "SELECT application_name, state, sync_state, "
        "coalesce(replay_lag, '0'::interval) FROM pg_stat_replication"
    ).strip()
    stack.psql("DROP TABLE replica_probe")
    # The router, in the application's settings, with the replica configured.
    router = (
        subprocess.run(
            [stack.PYTHON, "manage.py", "shell", "-c", ROUTER_CHECK],
            check=True,
            cwd=stack.ROOT,
            env=stack.app_env(DATABASE_REPLICA_URL=replica_url()),
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    text = "\n".join(
        [
            "## Streaming replica (`bench/load/replica.py`)",
            "",
            f"Machine: {machine_description()}; shared with other work. A hot standby of the "
            "load test's primary, made with `pg_basebackup -R -X stream`, on the same machine.",
            "",
            f"- Standby in recovery: {recovery}; `pg_stat_replication`: "
            f"`{state.replace(chr(9), ' ')}` (name, state, mode, replay lag).",
            f"- A row inserted on the primary was readable on the replica after "
            f"**{visible * 1000:.0f} ms** (polled every 10 ms).",
            f"- {router}.",
        ]
    )
    print(text)
    write_section("replica", text)


ROUTER_CHECK = """
from django.db import connections
from django.test.utils import CaptureQueriesContext
from sentier.core.replica import replica_reads
from sentier.participants.models import Participant
with CaptureQueriesContext(connections["replica"]) as on_replica:
    with CaptureQueriesContext(connections["default"]) as on_primary:
        with replica_reads():
            inside = Participant.objects.count()
        outside = Participant.objects.count()
print(f"router: inside replica_reads() {len(on_replica)} queries on the replica (lag check "
      f"included), outside {len(on_primary)} on the primary; {inside:,} = {outside:,} files")
"""


def stop() -> None:
    if (DATA / "postmaster.pid").exists():
        stack.pg_ctl(DATA, "-m", "fast", "-w", "stop")


if __name__ == "__main__":
    {"start": start, "check": check, "stop": stop}[sys.argv[1] if len(sys.argv) > 1 else "start"]()
