"""Run the load scenario against the production-like stack and write the figures.

    .venv/bin/python bench/load/stack.py prepare --participants 100000   # once (about 5 min)
    .venv/bin/python bench/load/run.py --duration 90 --users 165         # the issue's mix
    .venv/bin/python bench/load/run.py --duration 600 --users 165        # the full 10 minutes

It starts gunicorn, the db_worker and the outbox loop (``bench/load/stack.py``), prepares fresh
sessions and API keys, resets ``pg_stat_statements``, runs locust headless for ``--duration``
seconds, stops the processes, and writes to docs/benchmarks.md (section ``load``): p50, p95 and
p99 per page, requests a second, errors, the CPU used by the application's processes and by
PostgreSQL, the database's transactions, and the slowest statements by total time.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path

import psutil  # type: ignore[import-untyped]  # no stubs in the dev dependencies

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.load import stack

READS_TARGET_MS, WRITES_TARGET_MS = 300, 500


def process_trees() -> dict[str, list[psutil.Process]]:
    """The stack's processes: each started process with its children, and PostgreSQL's
    postmaster (first line of postmaster.pid) with its backends."""
    roots = dict(stack.pids())
    roots["postgres"] = int((stack.DATA / "postmaster.pid").read_text().split()[0])
    trees = {}
    for name, pid in roots.items():
        try:
            root = psutil.Process(pid)
            trees[name] = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            trees[name] = []
    return trees


def cpu_seconds(trees: dict[str, list[psutil.Process]]) -> dict[str, float]:
    """CPU seconds (user + system) so far of each tree; backends that came and went since the
    trees were listed are counted by listing them again at the end."""
    totals = {}
    for name, processes in trees.items():
        total = 0.0
        for process in processes:
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system
        totals[name] = total
    return totals


def database_counters() -> tuple[int, int, int]:
    row = stack.psql(
        "SELECT xact_commit, xact_rollback, tup_inserted + tup_updated + tup_deleted "
        "FROM pg_stat_database WHERE datname = 'sentier'"
    ).split()
    return int(row[0]), int(row[1]), int(row[2])


def slow_statements(limit: int = 8) -> list[list[str]]:
    sql = (
        "SELECT calls, round(total_exec_time)::int, round(mean_exec_time::numeric, 2), "
        "regexp_replace(left(query, 160), '\\s+', ' ', 'g') FROM pg_stat_statements "
        "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'sentier') "
        "ORDER BY total_exec_time DESC LIMIT "
    )
    out = stack.psql(sql + str(int(limit)))
    return [line.split("\t") for line in out.strip().splitlines()]


def run_locust(users: int, duration: int, prefix: Path) -> None:
    subprocess.run(
        [
            str(stack.ROOT / ".venv" / "bin" / "locust"),
            "-f",
            str(stack.ROOT / "bench" / "load" / "locustfile.py"),
            "--host",
            stack.BASE_URL,
            "--headless",
            "-u",
            str(users),
            "-r",
            str(max(1, users // 20)),
            "-t",
            f"{duration}s",
            "--csv",
            str(prefix),
            "--only-summary",
            "--stop-timeout",
            "10",
        ],
        check=False,
        cwd=stack.ROOT,
        env=stack.app_env(),
    )


def table(prefix: Path) -> tuple[list[str], dict[str, str]]:
    rows, total = [], {}
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                total = row
                continue
            write = row["Type"] == "POST"
            target = WRITES_TARGET_MS if write else READS_TARGET_MS
            p95 = float(row["95%"])
            rows.append(
                f"| {row['Type']} {row['Name']} | {int(row['Request Count']):,} | "
                f"{row['Failure Count']} | {row['50%']} | **{row['95%']}** | {row['99%']} | "
                f"{'met' if p95 <= target else 'NOT met'} |"
            )
    return rows, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=90, help="Seconds of load.")
    parser.add_argument("--users", type=int, default=165)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--no-write", action="store_true", help="Print, do not write the docs.")
    args = parser.parse_args()
    stack.down()
    subprocess.run(
        [stack.PYTHON, str(stack.ROOT / "bench" / "load" / "fixtures.py"), "--sessions"],
        check=True,
        env=stack.app_env(),
        cwd=stack.ROOT,
    )
    stack.up(args.workers, args.threads)
    participants = stack.psql("SELECT count(*) FROM participants_participant").strip()
    stack.psql("SELECT pg_stat_statements_reset()")
    trees = process_trees()
    cpu_before, db_before = cpu_seconds(trees), database_counters()
    load_before = psutil.getloadavg()
    started = time.monotonic()
    prefix = stack.DIR / "locust"
    try:
        run_locust(args.users, args.duration, prefix)
        elapsed = time.monotonic() - started
        trees = process_trees()  # with the backends opened during the run
        cpu_after, db_after = cpu_seconds(trees), database_counters()
        load_after = psutil.getloadavg()
        statements = slow_statements()
    finally:
        stack.down()
    rows, total = table(prefix)
    commits, rollbacks, tuples = (b - a for a, b in zip(db_before, db_after, strict=True))
    cpu = {name: (cpu_after[name] - cpu_before.get(name, 0.0)) / elapsed for name in cpu_after}
    requests = max(1, int(total.get("Request Count", 0) or 0))
    per_request = cpu.get("gunicorn", 0.0) * elapsed / requests * 1000
    mix = "50 caseworkers : 10 partner staff : 100 applicants : 5 API clients (weights)"
    lines = [
        "## Load (`bench/load/run.py`, locust, PostgreSQL 15)",
        "",
        f"Machine: {machine_description()}. **Shared with five other engineers' work while it "
        f"ran**: load average {load_before[0]:.1f} before, {load_after[0]:.1f} at the end.",
        "",
        f"Stack on loopback: gunicorn ({args.workers} workers x {args.threads} threads, gthread), "
        "`task_worker`, `deliver_outbox --loop`, PostgreSQL 15 (fsync and synchronous commit on, "
        "`pg_stat_statements`), settings `bench.load.settings` = `config.production` without "
        "the TLS parts (HTTPS redirect, `Secure` cookies). Database: the demo grown by SQL to "
        f"{int(participants):,} files (`bench/load/stack.py prepare`; `sentier synth` will "
        f"replace it). **{args.users} users for {args.duration} s** ({mix}), think times 2-15 s; "
        "the issue's run is 10 minutes: `bench/load/run.py --duration 600`.",
        "",
        f"Total: {int(total.get('Request Count', 0)):,} requests, "
        f"**{float(total.get('Requests/s', 0)):.1f} requests a second**, "
        f"**{total.get('Failure Count', '?')} errors**; p50 {total.get('50%')} ms, "
        f"p95 {total.get('95%')} ms, p99 {total.get('99%')} ms.",
        "",
        "| page | requests | errors | p50 ms | p95 ms | p99 ms | target (reads 300, writes 500) |",
        "|---|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
        "CPU (cores used on average over the run, of 2; a backend that ended during the run "
        "is not counted): "
        + ", ".join(f"{name} {value:.2f}" for name, value in cpu.items())
        + f"; the web processes spent {per_request:.1f} ms of CPU per request"
        + f". Database: {commits / elapsed:.0f} commits/s, {rollbacks} rollbacks, "
        f"{tuples / elapsed:.0f} rows written/s.",
        "",
        "Slowest statements by total time (`pg_stat_statements`, over the run):",
        "",
        "| calls | total ms | mean ms | statement |",
        "|---:|---:|---:|---|",
        *[
            f"| {c} | {t} | {m} | `{q.replace('|', '/')}` |"
            for c, t, m, q in (s for s in statements if len(s) == 4)
        ],
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_section("load", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
