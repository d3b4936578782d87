"""Benchmark of the support plan page on PostgreSQL: a plan with 100 objectives, 100 actions and
500 timeline events renders in at most 150 ms server time (p95), with as many queries as a
small plan.

Run against a throw-away PostgreSQL cluster (``make bench`` does this)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_plan_page.py            # --requests N
    scripts/pg_test_cluster.sh stop

Server time is the whole Django request through the test client (middleware, session, selectors,
access-log row, template rendering), measured in the process: no network or browser. The same run
times a small plan (3 objectives) so the ratio shows what the size costs. The page shows all the
plan's content and the latest 50 events of its timeline (the whole story is on the file).
Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# Persistent connections, as a production server runs (SENTIER_DB_CONN_MAX_AGE).
os.environ.setdefault("SENTIER_DB_CONN_MAX_AGE", "60")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.participants.actions import open_participant_file  # noqa: E402
from sentier.participants.demo import ensure_personas  # noqa: E402
from sentier.plans.difficulties import ensure_difficulties  # noqa: E402
from sentier.plans.models import SupportPlan  # noqa: E402
from sentier.plans.tests.factories import grow_plan  # noqa: E402
from sentier.plans.tests.helpers import active_plan  # noqa: E402

TARGET_MS = 150.0
Timings = tuple[list[float], list[float]]  # wall-clock ms, CPU ms of this process


def _participant(users: dict[str, Any], last_name: str) -> Any:
    caseworker = users["caseworker_laval"]
    participant = open_participant_file(
        actor=caseworker,
        first_name="Banc",
        last_name=last_name,
        region=caseworker.region,
        program=users["participant"].participant.program,
        caseworker=caseworker,
    )
    return participant


def make_plans(users: dict[str, Any]) -> tuple[SupportPlan, SupportPlan]:
    caseworker = users["caseworker_laval"]
    small = active_plan(users, _participant(users, "Petit"), objectives=["A", "B", "C"])
    grow_plan(small, objectives=0, actions=3, follow_ups=2, events=5, actor=caseworker)
    # The agreement needs an objective: 1 + 99 grown = 100.
    large = active_plan(users, _participant(users, "Grand"), objectives=["Objective 0"])
    grow_plan(large, objectives=99, actions=100, follow_ups=30, events=500, actor=caseworker)
    return small, large


def query_count(client: Client, url: str) -> tuple[int, int]:
    """The queries of one request for ``url``, and the page's size."""
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries), len(response.content)


def measure(client: Client, urls: dict[str, str], requests: int) -> dict[str, Timings]:
    """Wall-clock and CPU milliseconds per request for each page, the pages taken in turn so
    that the load of a shared machine weighs on all of them alike."""
    for url in urls.values():
        for _ in range(5):
            client.get(url)  # warm-up: templates, caches, connection
    timings: dict[str, Timings] = {name: ([], []) for name in urls}
    for _ in range(requests):
        for name, url in urls.items():
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            timings[name][0].append((time.perf_counter() - wall) * 1000)
            timings[name][1].append((time.process_time() - cpu) * 1000)
            assert response.status_code == 200
    return timings


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark runs on PostgreSQL: set DATABASE_URL (see the module docstring).")
        return 2
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    ensure_difficulties()
    users = ensure_personas()
    small, large = make_plans(users)
    client = Client()
    client.force_login(users["caseworker_laval"])
    urls = {
        "small": reverse("plans:detail", args=[small.uuid]),
        "large": reverse("plans:detail", args=[large.uuid]),
        "home": reverse("core:home"),
    }
    labels = {
        "small": "small plan: 3 objectives, 3 actions, 5 events",
        "large": "**large plan: 100 objectives, 100 actions, 30 follow-ups, 500 events**",
        "home": "for scale: the caseworker's home page (same page frame, no plan)",
    }
    timings = measure(client, urls, args.requests)
    counts = {name: query_count(client, url) for name, url in urls.items()}
    rows = []
    for name in urls:
        wall, cpu = timings[name]
        queries, size = counts[name]
        rows.append(
            f"| {labels[name]} | {args.requests} | {statistics.median(wall):.1f} | "
            f"**{p95(wall):.1f}** | {p95(cpu):.1f} | {queries} | {size / 1024:.0f} KiB |"
        )
    large_p95 = p95(timings["large"][0])
    same_queries = counts["large"][0] == counts["small"][0]
    lines = [
        "## Support plan page (`bench/bench_plan_page.py`, PostgreSQL 15)",
        "",
        f"Machine: {machine_description()}",
        "",
        f"Database connections kept open (CONN_MAX_AGE={os.environ['SENTIER_DB_CONN_MAX_AGE']}), "
        "as in production. Server time is the whole Django request in the process (middleware, "
        "session, selectors, access-log row, rendering); the pages are requested in turn. The "
        "machine was shared with other work while this ran: wall-clock figures are an upper "
        "bound, the CPU column is this process's own time.",
        "",
        "| page | requests | median ms | p95 ms | p95 CPU ms | queries | size |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Target p95 <= {TARGET_MS:.0f} ms for the large plan: "
        f"{'met' if large_p95 <= TARGET_MS else 'NOT met'} ({large_p95:.1f} ms); the large plan "
        f"costs {large_p95 / p95(timings['small'][0]):.1f}x the small one at p95. Queries "
        f"{'do not grow' if same_queries else 'GROW'} with the plan's size "
        "(`sentier/plans/tests/test_plan_page_queries.py` asserts it). The page shows all the "
        "objectives, actions and follow-ups and the latest 50 events of the plan's timeline.",
    ]
    report = "\n".join(lines)
    print(report)
    write_section("plan_page", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
