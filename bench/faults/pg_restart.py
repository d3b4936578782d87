"""PostgreSQL restarts in the middle of the load test: ``pg_ctl restart -m fast``, then
``-m immediate`` (a crash: recovery from the WAL), gunicorn and the workers left running.

    .venv/bin/python bench/load/stack.py prepare      # once
    .venv/bin/python bench/faults/pg_restart.py --duration 90 --users 60

Measured: how long until ``/healthz`` answers again after each restart (target 10 s, without
restarting gunicorn); what a signed-in caseworker's page answers during the outage (polled
every 0.1 s: 503 "try again" pages, anything else); and afterwards every write the load saw
acknowledged, against the database: 0 lost, 0 duplicated. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.faults import acks, under_load
from bench.load import stack


def restart(mode: str) -> tuple[float, float]:
    """Restart PostgreSQL in ``mode``; seconds the restart took, and from its start until
    ``/healthz`` answered 200 again."""
    start = time.monotonic()
    stack.pg_ctl(stack.DATA, "-m", mode, "-w", "stop")
    stack.start_cluster()
    restarted = time.monotonic() - start
    stack.wait_http(timeout=60)
    return restarted, time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=90)
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--no-write", action="store_true", help="Print; do not update the docs.")
    args = parser.parse_args()
    pids = under_load.start_stack()
    fixtures = under_load.fixtures()
    prober = under_load.Prober(fixtures["caseworkers"][0]["session"], fixtures["session_cookie"])
    run = f"pg{int(time.time())}"
    load = under_load.Load(users=args.users, duration=args.duration, run=run)
    results = {}
    try:
        time.sleep(args.duration * 0.25)
        prober.start()
        results["fast"] = restart("fast")
        time.sleep(args.duration * 0.3)
        results["immediate"] = restart("immediate")
        time.sleep(3)
        prober.stop()
        load.wait()
        alive = {name: stack.alive(pid) for name, pid in pids.items()}
    finally:
        prober.stop()
        load.stop()
        stack.down()
    verdicts = acks.check(run)
    total = load.totals()
    lines = [
        "## Fault: PostgreSQL restarts under load (`bench/faults/pg_restart.py`)",
        "",
        f"Machine: {machine_description()}; shared with other work. Stack of `bench/load/` "
        f"({args.users} users, {args.duration} s; full length: `--duration 600`). "
        "`pg_ctl stop -m fast` then start at a quarter of the run, `stop -m immediate` (no "
        "shutdown checkpoint: crash recovery from the WAL) then start a third later; gunicorn, "
        "the db_worker and the outbox loop are never restarted.",
        "",
        "| restart | PostgreSQL down and up again | until `/healthz` answers 200 | target 10 s |",
        "|---|---:|---:|---|",
        *[
            f"| `-m {mode}` | {took:.1f} s | **{back:.1f} s** | "
            f"{'met' if back <= 10 else 'NOT met'} |"
            for mode, (took, back) in results.items()
        ],
        "",
        "Processes still running afterwards: "
        + ", ".join(f"{name} {'yes' if up else 'NO'}" for name, up in alive.items())
        + ".",
        "",
        f"A caseworker's caseload page polled every 0.1 s from before the first restart to after "
        f"the second: {dict(prober.statuses)}; of the 503s, {prober.try_again_pages} were the "
        f'translated "try again" page; {prober.tracebacks} tracebacks.',
        "",
        f"Load: {int(total['Request Count']):,} requests, {total['Failure Count']} failed "
        "(requests in flight when the server went away, and the 503s while it was down).",
        "",
        *under_load.acks_table(verdicts),
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("faults_pg_restart", text)
    return 0 if all(v.ok for v in verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
