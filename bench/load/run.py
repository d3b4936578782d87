"""Run the load scenario against the production-like stack and write the figures.

    .venv/bin/python bench/load/stack.py prepare --participants 100000   # once (about 5 min)
    .venv/bin/python bench/load/run.py --duration 90 --users 165         # the issue's mix
    .venv/bin/python bench/load/run.py --duration 600 --users 165        # the full 10 minutes

    # An existing database (the 1,000,000 files of `sentier synth`), used as it is:
    .venv/bin/python bench/load/run.py --duration 600 --users 165 \
        --database-url "$(cat /work/notes/pg1m.url)"

    # The stress pace (the runs before session 17), and how many users the machine holds:
    .venv/bin/python bench/load/run.py --pace stress --duration 600 --users 165 --database-url …
    .venv/bin/python bench/load/run.py --pace stress --duration 180 --users 40,80,120 …

Two paces (``--pace``; think times in ``bench/load/stack.py``, ``PACES``): ``working``, people at
work at their keyboards (the issue's run, section ``load``), and ``stress``, the earlier runs'
pace (section ``load_stress``). Several ``--users`` counts make a capacity run: one run each,
the stack restarted between them, one line each in the section ``load_capacity_<pace>``.

It starts gunicorn, the db_worker and the outbox loop (``bench/load/stack.py``), prepares fresh
sessions and API keys, resets ``pg_stat_statements``, runs locust headless for ``--duration``
seconds, stops the processes, and writes to docs/benchmarks.md (section ``load``): p50, p95 and
p99 per page, requests a second, errors, the CPU used by the application's processes and by
PostgreSQL, the whole machine's CPU and load average (sampled every 2 s), the database's
transactions, rows read and written, cache hits, active backends, and the slowest statements
by total time.

With ``--database-url`` no data is prepared: the database must hold the demo's staff
(``load_demo``) and its files. The run first does what a deployment does (``migrate``,
``createcachetable``, ``collectstatic``: a database made before the last migrations, or without
the production settings' cache table, answered 500 on every page that reads them). It adds
sessions, one API key per partner organization, and the writes of the load (notes,
applications, acceptances, attendance). The PostgreSQL server must run on this machine (its
CPU is read from its processes) and the role may reset ``pg_stat_statements`` (without the
extension, the slowest statements are left out).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil  # type: ignore[import-untyped]  # no stubs in the dev dependencies

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench._report import machine_description, write_section
from bench.load import stack

READS_TARGET_MS, WRITES_TARGET_MS = 300, 500


def postmaster() -> int:
    """PostgreSQL's main process: the parent of its checkpointer (which lives as long as it)."""
    sql = "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"
    return int(psutil.Process(int(stack.psql(sql).strip())).ppid())


def process_trees() -> dict[str, list[psutil.Process]]:
    """The stack's processes: each started process with its children, and PostgreSQL's
    postmaster with its backends."""
    roots = dict(stack.pids())
    roots["postgres"] = postmaster()
    trees = {}
    for name, pid in roots.items():
        try:
            root = psutil.Process(pid)
            trees[name] = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            trees[name] = []
    return trees


def cpu_seconds(trees: dict[str, list[psutil.Process]]) -> dict[str, float]:
    """CPU seconds (user + system) so far of each tree: each living process's own, and what
    its children that ended used (the kernel adds an ended child's time to its parent when the
    parent reaps it). So a backend that PostgreSQL started and ended during the run (a
    connection closed after ``SENTIER_DB_CONN_MAX_AGE``) counts, through the postmaster."""
    totals = {}
    for name, processes in trees.items():
        total = 0.0
        for process in processes:
            try:
                times = process.cpu_times()
            except psutil.NoSuchProcess:
                continue
            total += times.user + times.system + times.children_user + times.children_system
        totals[name] = total
    return totals


def reference_cpu_ms() -> float:
    """The CPU of a fixed piece of Python (a dictionary filled with strings), best of three, in
    ms. This machine is a virtual one whose speed moves with its host: the same work took 430 ms
    and 780 ms of CPU a few minutes apart on 2026-12-07. Read the web processes' CPU a request
    against this figure, taken before and after each run."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        table = {}
        for i in range(1_000_000):
            table[i % 5000] = str(i)
        best = min(best, time.process_time() - started)
    return best * 1000


#: What ``pg_stat_database`` counts for the database: commits, rollbacks, rows written, rows
#: read, blocks read from the OS, blocks found in shared buffers, temporary bytes, deadlocks.
COUNTERS = (
    "SELECT xact_commit, xact_rollback, tup_inserted + tup_updated + tup_deleted, "
    "tup_returned + tup_fetched, blks_read, blks_hit, temp_bytes, deadlocks "
    "FROM pg_stat_database WHERE datname = current_database()"
)


def database_counters() -> list[int]:
    return [int(value) for value in stack.psql(COUNTERS).split()]


class Sampler(threading.Thread):
    """Every 2 s during the run: the whole machine's CPU use (every process, the other
    engineers' too), its load average, and the database's backends running a statement."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.cpu: list[float] = []
        self.load: list[float] = []
        self.active: list[int] = []
        self.running = True

    def run(self) -> None:
        psutil.cpu_percent()  # the first call starts the measure
        while self.running:
            time.sleep(2)
            self.cpu.append(float(psutil.cpu_percent()))
            self.load.append(float(psutil.getloadavg()[0]))
            try:
                sql = "SELECT count(*) - 1 FROM pg_stat_activity WHERE state = 'active'"
                self.active.append(int(stack.psql(sql).strip()))
            except subprocess.CalledProcessError:
                continue  # the database restarting: no sample

    def summary(self) -> str:
        def mean(values: list[float] | list[int]) -> float:
            return sum(values) / len(values) if values else 0.0

        return (
            f"whole machine's CPU {mean(self.cpu):.0f} % busy on average (of its "
            f"{psutil.cpu_count()} cores), load average {min(self.load, default=0):.1f} to "
            f"{max(self.load, default=0):.1f}; backends running a statement: "
            f"{mean(self.active):.1f} on average, {max(self.active, default=0)} at most"
        )


def reset_statements() -> bool:
    """Reset ``pg_stat_statements``; False where the extension is not there."""
    try:
        stack.psql("SELECT pg_stat_statements_reset()")
    except subprocess.CalledProcessError:
        return False
    return True


def slow_statements(limit: int = 8) -> list[list[str]]:
    sql = (
        "SELECT calls, round(total_exec_time)::int, round(mean_exec_time::numeric, 2), "
        "regexp_replace(left(query, 160), '\\s+', ' ', 'g') FROM pg_stat_statements "
        "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        "AND query NOT LIKE '%pg_stat_statements%' "
        "ORDER BY total_exec_time DESC LIMIT "
    )
    out = stack.psql(sql + str(int(limit)))
    return [line.split("\t") for line in out.strip().splitlines()]


def run_locust(users: int, duration: int, prefix: Path, pace: str) -> float:
    """Run locust to its end; the CPU seconds it used (it shares the machine's cores with the
    stack it loads)."""
    locust = subprocess.Popen(
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
        cwd=stack.ROOT,
        env=stack.app_env(SENTIER_LOAD_PACE=pace),
    )
    _, status, usage = os.wait4(locust.pid, 0)
    locust.returncode = os.waitstatus_to_exitcode(status)
    return float(usage.ru_utime + usage.ru_stime)


@dataclass
class Pages:
    """Locust's figures of one run: a Markdown row per page, the totals, and the worst page."""

    rows: list[str]
    total: dict[str, str]
    worst_read_ms: float = 0.0
    worst_write_ms: float = 0.0
    met: int = 0


def table(prefix: Path) -> Pages:
    pages = Pages([], {})
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                pages.total = row
                continue
            write = row["Type"] == "POST"
            target = WRITES_TARGET_MS if write else READS_TARGET_MS
            p95 = float(row["95%"])
            if write:
                pages.worst_write_ms = max(pages.worst_write_ms, p95)
            else:
                pages.worst_read_ms = max(pages.worst_read_ms, p95)
            pages.met += p95 <= target
            pages.rows.append(
                f"| {row['Type']} {row['Name']} | {int(row['Request Count']):,} | "
                f"{row['Failure Count']} | {row['50%']} | **{row['95%']}** | {row['99%']} | "
                f"{'met' if p95 <= target else 'NOT met'} |"
            )
    return pages


@dataclass
class Run:
    """What one run measured."""

    users: int
    duration: int
    pace: str
    pages: Pages
    elapsed: float
    cpu: dict[str, float]
    per_request_ms: float
    reference_ms: tuple[float, float]
    load: tuple[float, float]
    sampler: Sampler
    database: list[int]
    statements: list[list[str]] = field(default_factory=list)
    statements_kept: bool = False

    @property
    def machine_busy(self) -> float:
        return sum(self.sampler.cpu) / len(self.sampler.cpu) if self.sampler.cpu else 0.0

    @property
    def errors(self) -> int:
        return int(self.pages.total.get("Failure Count", 0) or 0)

    @property
    def targets_met(self) -> bool:
        return (
            self.errors == 0
            and self.pages.worst_read_ms <= READS_TARGET_MS
            and self.pages.worst_write_ms <= WRITES_TARGET_MS
        )


def prepare(database_url: str | None) -> None:
    """Fresh sessions and API keys; on an existing database, what a deployment does first."""
    if database_url:
        stack.EXISTING_DATABASE_URL = os.environ["SENTIER_LOAD_DATABASE_URL"] = database_url
    stack.DIR.mkdir(parents=True, exist_ok=True)
    stack.down()
    subprocess.run(
        [stack.PYTHON, str(stack.ROOT / "bench" / "load" / "fixtures.py"), "--sessions"],
        check=True,
        env=stack.app_env(),
        cwd=stack.ROOT,
    )
    if database_url:  # what a deployment does before it serves
        stack.manage("migrate", "--verbosity", "0")
        stack.manage("createcachetable")
        stack.manage("collectstatic", "--noinput", "--verbosity", "0")


def measure(*, users: int, duration: int, pace: str, workers: int, threads: int) -> Run:
    """Start the stack, run locust ``duration`` seconds at ``pace``, stop the stack."""
    stack.up(workers, threads)
    statements_kept = reset_statements()
    reference_before = reference_cpu_ms()
    trees = process_trees()
    cpu_before, db_before = cpu_seconds(trees), database_counters()
    load_before = psutil.getloadavg()
    sampler = Sampler()
    sampler.start()
    started = time.monotonic()
    prefix = stack.DIR / "locust"
    try:
        locust_cpu = run_locust(users, duration, prefix, pace)
        elapsed = time.monotonic() - started
        sampler.running = False
        trees = process_trees()  # with the backends opened during the run
        cpu_after, db_after = cpu_seconds(trees), database_counters()
        load_after = psutil.getloadavg()
        statements = slow_statements() if statements_kept else []
    finally:
        sampler.running = False
        stack.down()
    reference_after = reference_cpu_ms()
    pages = table(prefix)
    cpu = {name: (cpu_after[name] - cpu_before.get(name, 0.0)) / elapsed for name in cpu_after}
    cpu["locust (the load generator)"] = locust_cpu / elapsed
    requests = max(1, int(pages.total.get("Request Count", 0) or 0))
    return Run(
        users=users,
        duration=duration,
        pace=pace,
        pages=pages,
        elapsed=elapsed,
        cpu=cpu,
        per_request_ms=cpu.get("gunicorn", 0.0) * elapsed / requests * 1000,
        reference_ms=(reference_before, reference_after),
        load=(load_before[0], load_after[0]),
        sampler=sampler,
        database=[b - a for a, b in zip(db_before, db_after, strict=True)],
        statements=statements,
        statements_kept=statements_kept,
    )


def think_times(pace: str) -> str:
    names = {"caseworker": "caseworkers", "partner": "partner staff", "applicant": "applicants"}
    names["api"] = "API clients"
    return ", ".join(
        f"{names[who]} {low}-{high} s" for who, (low, high) in stack.PACES[pace].items()
    )


def stack_line(run: Run, workers: int, threads: int, database: str) -> str:
    mix = "50 caseworkers : 10 partner staff : 100 applicants : 5 API clients (weights)"
    return (
        f"Stack on loopback: gunicorn ({workers} workers x {threads} threads, gthread), "
        "`task_worker`, `deliver_outbox --loop`, PostgreSQL 15 (fsync and synchronous commit on), "
        "settings `bench.load.settings` = `config.production` without "
        f"the TLS parts (HTTPS redirect, `Secure` cookies). Database: {database}. "
        f"**{run.users} users for {run.duration} s** ({mix}; the tasks of each are listed in "
        f"`bench/load/locustfile.py`), **{run.pace} pace**: think times {think_times(run.pace)} "
        "(`bench/load/stack.py`, `PACES`). The issue's run is 10 minutes over "
        "1,000,000 files at the working pace: `bench/load/run.py --duration 600 --users 165 "
        "--database-url <url>`."
    )


def report(run: Run, *, workers: int, threads: int, database: str) -> str:
    total = run.pages.total
    commits, rollbacks, written, read, blocks_read, blocks_hit, temp, deadlocks = run.database
    elapsed = run.elapsed
    hits = 100 * blocks_hit / max(1, blocks_hit + blocks_read)
    title = {"working": "", "stress": ", stress pace"}[run.pace]
    lines = [
        f"## Load (`bench/load/run.py`, locust, PostgreSQL 15{title})",
        "",
        f"Machine: {machine_description()}. "
        + (
            "**Other work ran on the machine before the load began** (not a quiet machine): "
            if run.load[0] >= 1.0
            else "Nearly quiet before the load began: "
        )
        + f"load average {run.load[0]:.1f} before, "
        f"{run.load[1]:.1f} at the end; {run.sampler.summary()}.",
        "",
        stack_line(run, workers, threads, database),
        "",
        f"Total: {int(total.get('Request Count', 0)):,} requests, "
        f"**{float(total.get('Requests/s', 0)):.1f} requests a second**, "
        f"**{total.get('Failure Count', '?')} errors**; p50 {total.get('50%')} ms, "
        f"p95 {total.get('95%')} ms, p99 {total.get('99%')} ms. "
        + (
            "**Every page within its target.**"
            if run.targets_met
            else f"{run.pages.met} of {len(run.pages.rows)} pages within their target."
        ),
        "",
        "| page | requests | errors | p50 ms | p95 ms | p99 ms | target (reads 300, writes 500) |",
        "|---|---:|---:|---:|---:|---:|---|",
        *run.pages.rows,
        "",
        "CPU (cores used on average over the run, processes that ended during it included; "
        f"the machine has {psutil.cpu_count()}): "
        + ", ".join(f"{name} {value:.2f}" for name, value in run.cpu.items())
        + f"; the web processes spent {run.per_request_ms:.1f} ms of CPU per request (a fixed "
        f"piece of Python, `reference_cpu_ms`, took {run.reference_ms[0]:.0f} ms of CPU just "
        f"before the run and {run.reference_ms[1]:.0f} ms just after: the machine's speed at "
        f"the time). Database: {commits / elapsed:.0f} commits/s, {rollbacks} rollbacks, "
        f"{written / elapsed:.0f} rows written/s, {read / elapsed:,.0f} rows read/s, "
        f"{hits:.2f} % of blocks found in shared buffers ({blocks_read / elapsed:.0f} read "
        f"from the OS a second), {temp / 2**20:.0f} MiB of temporary files, {deadlocks} "
        "deadlocks.",
        "",
        *(
            [
                "Slowest statements by total time (`pg_stat_statements`, over the run):",
                "",
                "| calls | total ms | mean ms | statement |",
                "|---:|---:|---:|---|",
                *[
                    f"| {c} | {t} | {m} | `{q.replace('|', '/')}` |"
                    for c, t, m, q in (s for s in run.statements if len(s) == 4)
                ],
            ]
            if run.statements_kept
            else ["(No `pg_stat_statements` in this database: slowest statements not measured.)"]
        ),
    ]
    return "\n".join(lines)


def capacity_report(runs: list[Run], *, workers: int, threads: int, database: str) -> str:
    """One line a run: how the same mix answers as more users come."""
    pace = runs[0].pace
    lines = [
        f"## Load: how many users one machine holds ({pace} pace, `bench/load/run.py "
        f"--pace {pace} --users {','.join(str(r.users) for r in runs)}`)",
        "",
        f"Machine: {machine_description()}. {stack_line(runs[0], workers, threads, database)} "
        "Each line is its own run of the same length, the stack started again between them.",
        "",
        "| users | requests/s | errors | p50 ms | p95 ms | worst read p95 ms (target 300) | "
        "worst write p95 ms (target 500) | pages within target | web CPU a request | "
        "machine busy | targets |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        total = run.pages.total
        lines.append(
            f"| {run.users} | {float(total.get('Requests/s', 0)):.1f} | {run.errors} | "
            f"{total.get('50%')} | {total.get('95%')} | {run.pages.worst_read_ms:.0f} | "
            f"{run.pages.worst_write_ms:.0f} | {run.pages.met} of {len(run.pages.rows)} | "
            f"{run.per_request_ms:.1f} ms | {run.machine_busy:.0f} % | "
            f"{'**met**' if run.targets_met else 'not met'} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=90, help="Seconds of load.")
    parser.add_argument(
        "--users",
        default="165",
        help="Users at once; several, comma-separated, for a capacity run (one run each).",
    )
    parser.add_argument("--pace", choices=sorted(stack.PACES), default="working")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--database-url",
        help="An existing database to run against as it is (nothing prepared), e.g. the "
        "1,000,000 files of `sentier synth`; default: this directory's cluster.",
    )
    parser.add_argument("--no-write", action="store_true", help="Print, do not write the docs.")
    args = parser.parse_args()
    counts = [int(n) for n in str(args.users).split(",") if n.strip()]
    prepare(args.database_url)
    participants = int(stack.psql("SELECT count(*) FROM participants_participant").strip())
    database = (
        f"an existing database of {participants:,} files, used as it is (`--database-url`)"
        if args.database_url
        else f"this directory's cluster, {participants:,} files (`bench/load/stack.py prepare "
        "--participants N`: the demo, then `sentier synth`)"
    )
    shape = {"workers": args.workers, "threads": args.threads, "database": database}
    runs = []
    for users in counts:
        run = measure(
            users=users,
            duration=args.duration,
            pace=args.pace,
            workers=args.workers,
            threads=args.threads,
        )
        runs.append(run)
        print(report(run, **shape), flush=True)
    if len(runs) == 1:
        section = {"working": "load", "stress": "load_stress"}[args.pace]
        text = report(runs[0], **shape)
    else:
        section = f"load_capacity_{args.pace}"
        text = capacity_report(runs, **shape)
        print(text)
    if not args.no_write:
        write_section(section, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
