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
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.faults import acks
from bench.load import stack


class Prober(threading.Thread):
    """A caseworker's caseload page, every 0.1 s: the statuses seen and whether a page that was
    not 200 was the translated "try again" page (and never a traceback)."""

    def __init__(self, session: str, cookie: str) -> None:
        super().__init__(daemon=True)
        self.session, self.cookie = session, cookie
        self.statuses: Counter[str] = Counter()
        self.try_again_pages = 0
        self.tracebacks = 0
        self.running = True

    def run(self) -> None:
        url = f"{stack.BASE_URL}/fr-ca/participants/"
        while self.running:
            cookie = {"Cookie": f"{self.cookie}={self.session}"}
            request = urllib.request.Request(url, headers=cookie)  # noqa: S310 - our http URL
            try:
                with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - http
                    self.statuses[str(response.status)] += 1
            except urllib.error.HTTPError as error:
                body = error.read().decode("utf-8", "replace")
                self.statuses[str(error.code)] += 1
                if error.code == 503 and "Réessayer" in body:
                    self.try_again_pages += 1
                if "Traceback" in body:
                    self.tracebacks += 1
            except OSError as error:
                self.statuses[type(error).__name__] += 1
            time.sleep(0.1)


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
    args = parser.parse_args()
    stack.down()
    subprocess.run(
        [stack.PYTHON, str(stack.ROOT / "bench" / "load" / "fixtures.py"), "--sessions"],
        check=True,
        env=stack.app_env(),
        cwd=stack.ROOT,
    )
    acks.clear()
    pids = stack.up(3, 4)
    fixtures = json.loads((stack.DIR / "fixtures.json").read_text())
    prober = Prober(fixtures["caseworkers"][0]["session"], fixtures["session_cookie"])
    run = f"pg{int(time.time())}"
    env = stack.app_env(SENTIER_LOAD_MIX="50,10,100,5", SENTIER_LOAD_RUN=run)
    locust = subprocess.Popen(
        [
            str(stack.ROOT / ".venv" / "bin" / "locust"),
            "-f",
            "bench/load/locustfile.py",
            "--host",
            stack.BASE_URL,
            "--headless",
            "-u",
            str(args.users),
            "-r",
            "10",
            "-t",
            f"{args.duration}s",
            "--only-summary",
            "--csv",
            str(stack.DIR / "faults"),
        ],
        cwd=stack.ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results = {}
    try:
        time.sleep(args.duration * 0.25)
        prober.start()
        results["fast"] = restart("fast")
        time.sleep(args.duration * 0.3)
        results["immediate"] = restart("immediate")
        time.sleep(3)
        prober.running = False
        locust.wait(timeout=args.duration + 60)
        alive = {name: _alive(pid) for name, pid in pids.items()}
    finally:
        prober.running = False
        stack.down()
    verdicts = acks.check(run)
    with open(stack.DIR / "faults_stats.csv", encoding="utf-8") as handle:
        import csv

        total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
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
        "| acknowledged writes | acknowledged | lost | duplicated | written, client saw an error |",
        "|---|---:|---:|---:|---:|",
        *[
            f"| {kind} | {v.acknowledged} | **{v.lost}** | **{v.duplicated}** | "
            f"{v.unacknowledged_in_db} |"
            for kind, v in verdicts.items()
        ],
    ]
    text = "\n".join(lines)
    print(text)
    write_section("faults_pg_restart", text)
    return 0 if all(v.ok for v in verdicts.values()) else 1


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
