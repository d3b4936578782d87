"""Benchmark of the indicators at scale (issue 17, "Performance"): the analyst's dashboard, a full
recomputation of the indicators, and what an incremental refresh would cost, each against a plain
``COUNT(*) … GROUP BY`` over the same rows in the same run.

Run on a PostgreSQL database filled by ``sentier load_demo`` and ``sentier synth``::

    export DATABASE_URL=postgres://…
    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_insights_scale.py --label "1M"

What "full recomputation" means in the code as it is: the dashboard keeps its protected cells in
the cache for ``SENTIER_STATISTICS_SECONDS`` (``sentier.insights.report.build_report``); a miss
reads every milestone of the scope from the capabilities' rows (``load_milestones``: milestones
are derived, never stored), computes and protects every indicator of the catalogue, and runs the
pilots' estimates. That is timed here with the cache off, in its three parts. There is no
incremental path in the code: a refresh after a day's events is that same full recomputation.
The rows of a day (the timeline events of the last 24 hours of the data, and the participants
they touch) are counted, to say what an incremental path would have to read.

The dashboard: the analyst persona's ``GET /insights/`` through Django's test client (middleware,
template and the view log included), once cold (cache empty: a full recomputation, timed in its
parts inside that request, and a page),
then ``--pages`` times warm (the cache of one process, ``locmem``); p50 and p95 of the warm ones.

The baseline: ``SELECT date_trunc('month', occurred_at), count(*) FROM
participants_timelineevent GROUP BY 1`` (every event, by month) and the same for the files by
region: the database alone, no Python, best of three.

It writes nothing to participants' data. The page views write one ``DashboardView`` row each
(every showing of the dashboard is logged: an insights table). It prints its figures, the load
average before and after, and writes the ``insights_scale`` section of docs/benchmarks.md (with
``--label``: ``insights_scale_<label>``). It asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# Run as a plain script from any directory: make the repository importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import User  # noqa: E402
from sentier.insights import report  # noqa: E402
from sentier.insights.catalogue import current  # noqa: E402

BY = ("area", "month")  # the analyst's default view in Québec
LOCMEM = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bench-insights-scale",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}
BASELINES = {
    "timeline events by month": (
        "SELECT date_trunc('month', occurred_at), count(*) FROM participants_timelineevent "
        "GROUP BY 1"
    ),
    "files by region": (
        "SELECT region_id, count(*) FROM participants_participant GROUP BY region_id"
    ),
}


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def scalar(sql: str, params: tuple[int, ...] = ()) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def baseline(sql: str, repeat: int = 3) -> float:
    best = float("inf")
    with connection.cursor() as cursor:
        for _ in range(repeat):
            start = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            best = min(best, time.perf_counter() - start)
    return best


@contextmanager
def timed_parts() -> Iterator[dict[str, float]]:
    """Time the parts of the dashboard's miss (``build_report``): milestones read, indicators
    computed and protected, pilots' estimates. One recomputation, measured inside the page."""
    parts: dict[str, float] = defaultdict(float)
    originals = {name: getattr(report, name) for name in ("load_milestones", "compute")}
    originals["pilot_estimates"] = getattr(report, "pilot_estimates")  # noqa: B009

    def wrap(name: str, part: str) -> Callable[..., Any]:
        function = originals[name]

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                value = function(*args, **kwargs)
            finally:
                parts[part] += time.perf_counter() - start
            if name == "load_milestones":
                parts["count"] += len(value)
            return value

        return timed

    for name, part in (
        ("load_milestones", "milestones"),
        ("compute", "indicators"),
        ("pilot_estimates", "pilots"),
    ):
        setattr(report, name, wrap(name, part))
    try:
        yield parts
    finally:
        for name, function in originals.items():
            setattr(report, name, function)


def dashboard(pages: int) -> tuple[float, list[float]]:
    """The analyst's page: once cold, then ``pages`` times warm (seconds)."""
    analyst = User.objects.get(email="analyst@sentier.demo")
    client = Client()
    client.force_login(analyst)
    with translation.override("fr-ca"):
        url = reverse("insights:dashboard")
    cache.clear()
    start = time.perf_counter()
    response = client.get(url)
    cold = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    warm = []
    for _ in range(pages):
        start = time.perf_counter()
        response = client.get(url)
        warm.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return cold, warm


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=40, help="warm page views (p95 over them)")
    parser.add_argument("--label", default="", help="names the section (e.g. 1M)")
    args = parser.parse_args()
    load_before = load()
    sizes = {
        "participants": scalar("SELECT count(*) FROM participants_participant"),
        "timeline events": scalar("SELECT count(*) FROM participants_timelineevent"),
    }
    last = scalar(
        "SELECT extract(epoch FROM max(occurred_at))::bigint FROM participants_timelineevent"
    )
    day = {
        "events": scalar(
            "SELECT count(*) FROM participants_timelineevent "
            "WHERE occurred_at > to_timestamp(%s) - interval '1 day'",
            (last,),
        ),
        "participants": scalar(
            "SELECT count(DISTINCT participant_id) FROM participants_timelineevent "
            "WHERE occurred_at > to_timestamp(%s) - interval '1 day'",
            (last,),
        ),
    }
    base = {name: baseline(sql) for name, sql in BASELINES.items()}
    print("baselines", base, flush=True)
    with override_settings(CACHES=LOCMEM), timed_parts() as full:
        cold, warm = dashboard(args.pages)
    rss_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    full_total = full["milestones"] + full["indicators"] + full["pilots"]
    print("full", dict(full), "cold", cold, flush=True)
    load_after = load()
    events_base = base["timeline events by month"]
    warm_p95, warm_p50 = p95(warm), statistics.median(warm)

    def ratio(seconds: float) -> str:
        if events_base <= 0:
            return "n/a"
        times = seconds / events_base
        return f"{times:,.0f} ×" if times >= 10 else f"{times:.2f} ×"

    lines = [
        "## Indicators at scale (`bench/bench_insights_scale.py`"
        + (f", {args.label}" if args.label else "")
        + ")",
        "",
        f"Machine: {machine_description()}; shared with other work, load average (1 / 5 / 15 "
        f"min) {load_before} before, {load_after} after. Database: PostgreSQL "
        f"{getattr(connection, 'pg_version', '?')}, "
        f"{sizes['participants']:,} participants, {sizes['timeline events']:,} timeline events; "
        f"the last day of the data holds {day['events']:,} events of "
        f"{day['participants']:,} participants. Peak memory of the process: {rss_gib:.1f} GiB.",
        "",
        "| measure | target | time | against the plain COUNT … GROUP BY |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in base.items():
        lines.append(f"| plain `COUNT(*) … GROUP BY`: {name} (best of 3) | | {seconds:.3f} s | |")
    lines += [
        f"| full recomputation: milestones read ({int(full['count']):,}) | | "
        f"{full['milestones']:.1f} s | {ratio(full['milestones'])} |",
        f"| full recomputation: {len(current())} indicators computed and protected "
        f"(by {','.join(BY)}) | | {full['indicators']:.1f} s | {ratio(full['indicators'])} |",
        f"| full recomputation: pilot estimates | | {full['pilots']:.1f} s | "
        f"{ratio(full['pilots'])} |",
        f"| **full recomputation, total** | ≤ 60 s | **{full_total:.1f} s** | "
        f"{ratio(full_total)} |",
        "| incremental refresh after a day's events | ≤ 5 s | none in the code: a refresh is "
        f"the full recomputation ({full_total:.1f} s) | {ratio(full_total)} |",
        f"| dashboard, cold (cache empty: recomputation and page) | | {cold:.1f} s | "
        f"{ratio(cold)} |",
        f"| **dashboard, warm, p95** of {len(warm)} (p50 {warm_p50 * 1000:.0f} ms) | ≤ 500 ms | "
        f"**{warm_p95 * 1000:.0f} ms** | {ratio(warm_p95)} |",
    ]
    text = "\n".join(lines)
    print(text)
    stamp = timezone.now().isoformat(timespec="seconds")
    print(f"({stamp}) {len(warm) + 1} DashboardView rows written by the page views.")
    write_section("insights_scale" + (f"_{args.label}" if args.label else ""), text)


if __name__ == "__main__":
    main()
