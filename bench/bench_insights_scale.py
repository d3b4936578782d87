"""Benchmark of the indicators at scale (issue 17, "Performance"): the analyst's dashboard, a full
recomputation of the indicators, the scheduled refresh of every default view, and what an
incremental refresh would cost, each against a plain ``COUNT(*) … GROUP BY`` over the same rows
in the same run.

Run on a PostgreSQL database filled by ``sentier load_demo`` and ``sentier synth``, migrated (the
figures are kept in ``insights_computedfigures``)::

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_insights_scale.py \
        --database-url postgres://… --label 1M

How figures are computed (``sentier.insights.figures``): never inside a page at scale. A page
shows the last figures computed for its question, with their time, or says they are being
prepared and queues a refresh (django-tasks); ``sentier refresh_indicators`` (hourly, in
``sentier scheduled``) computes every scope's default view, reading the milestones once. Timed
here:

- the full recomputation of the analyst's default question (``figures.compute``), in its three
  parts: milestones read (``load_milestones``), indicators computed and protected, pilots'
  estimates;
- the scheduled refresh of every default view (every region, and each region alone), unless
  ``--skip-scopes``;
- the dashboard cold: no figures computed for the question: the page that says they are being
  prepared (the refresh it queues goes to django-tasks' dummy backend here: nothing runs), and
  the rows of applications, plans, referrals and placements it read (none);
- the dashboard warm: ``--pages`` views of the page with the figures computed; p50 and p95.

The flows and rates are counted in the database (``sentier.insights.counts``, timed apart
from the milestones read one by one). The incremental refresh (``sentier.insights.ledger``):

- the ledger built in full (what the first scheduled refresh of a day does before its full
  recomputation);
- a day's changes written, inside a transaction rolled back at the end of the measure: every
  participant, application, support plan and referral whose ``updated_at`` falls in the last
  day of the data is saved again as the actions save it (its history stamped now), one
  participant in twenty moving to another region and one application in ten changing channel;
- then timed: the ledger refreshed with those rows, and the analyst's question's flows and rates
  counted again from it and protected (``figures.recount``: its other indicators and pilots'
  estimates are kept from the full recomputation); and the same for every default view stored.

The rows of a day (the timeline events of the last 24 hours of the data, and the participants
they touch) are counted too. The load average (``uptime``) is printed beside each figure.

The baseline: ``SELECT date_trunc('month', occurred_at), count(*) FROM
participants_timelineevent GROUP BY 1`` (every event, by month) and the same for the files by
region: the database alone, no Python, best of three.

It writes nothing to participants' data (the day's changes are rolled back): it writes
``insights_computedfigures`` rows (the figures computed), one ``DashboardView`` row per page view
(every showing of the dashboard is logged) and the ledger's tables; with ``--rollback``, all in
one transaction rolled back at the end (a database shared with others is left as it was). It
prints its figures, the load average before and after, and writes the ``insights_scale``
section of docs/benchmarks.md (with ``--label``: ``insights_scale_<label>``).
It asserts nothing about time.

``--warm-only``: the warm dashboard alone, over the figures already stored for the analyst's
question (none: it says so and stops), its page views' log rows and sessions rolled back; it
prints its p50 and p95 with the load and leaves docs/benchmarks.md as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
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


def _database_url_first() -> None:
    """``--database-url`` sets ``DATABASE_URL`` before Django reads its settings."""
    for index, argument in enumerate(sys.argv):
        if argument == "--database-url" and index + 1 < len(sys.argv):
            os.environ["DATABASE_URL"] = sys.argv[index + 1]
        elif argument.startswith("--database-url="):
            os.environ["DATABASE_URL"] = argument.split("=", 1)[1]


_database_url_first()

import django  # noqa: E402

django.setup()  # the models below need the app registry: imports follow it

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import User  # noqa: E402
from sentier.insights import figures, ledger  # noqa: E402
from sentier.insights.catalogue import current  # noqa: E402
from sentier.insights.counts import in_regions  # noqa: E402
from sentier.insights.disclosure import THRESHOLD  # noqa: E402
from sentier.insights.forms import ReportForm  # noqa: E402
from sentier.insights.milestones import Scope  # noqa: E402
from sentier.insights.models import ComputedFigures, LedgerEntry  # noqa: E402
from sentier.insights.report import default_period  # noqa: E402
from sentier.intake.models import Application, Channel  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402
from sentier.plans.models import SupportPlan  # noqa: E402
from sentier.reference.models import Region  # noqa: E402
from sentier.reference.selectors import current_jurisdiction  # noqa: E402
from sentier.referrals.models import Referral  # noqa: E402

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
ROWS = ("intake_application", "plans_supportplan", "referrals_referral", "paas_placement")
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
    "applications by region and month": (
        "SELECT p.region_id, date_trunc('month', a.submitted_at), count(*) "
        "FROM intake_application a JOIN participants_participant p ON p.id = a.participant_id "
        "GROUP BY 1, 2"
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
    """Time the parts of a recomputation (``figures.compute``): milestones read, indicators
    computed and protected, pilots' estimates."""
    parts: dict[str, float] = defaultdict(float)
    names = (
        "load_milestones",
        "compute_indicator",
        "pilot_estimates",
        "in_scope",
        "count_milestones",
        "compute_counted",
    )
    originals = {name: getattr(figures, name) for name in names}

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
        ("compute_indicator", "indicators"),
        ("pilot_estimates", "pilots"),
        ("in_scope", "milestones"),
        ("count_milestones", "counted"),
        ("compute_counted", "indicators"),
    ):
        setattr(figures, name, wrap(name, part))
    try:
        yield parts
    finally:
        for name, function in originals.items():
            setattr(figures, name, function)


def analyst_question() -> figures.Question:
    form = ReportForm(None, all_regions=True, ontario=False)
    by = tuple(form.default_view.split(","))
    return figures.Question.of(Scope(regions=None), default_period(), by, None, THRESHOLD)


def analyst_client() -> tuple[Client, str]:
    client = Client()
    client.force_login(User.objects.get(email="analyst@sentier.demo"))
    with translation.override("fr-ca"):
        url = reverse("insights:dashboard")
    return client, url


def cold_page() -> tuple[float, int, bool]:
    """The page with no figures computed for its question (its row removed first): seconds,
    rows of applications, plans, referrals and placements read, whether it said "prepared"."""
    ComputedFigures.objects.filter(key=analyst_question().key).delete()
    client, url = analyst_client()
    cache.clear()
    with CaptureQueriesContext(connection) as seen:
        start = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    read = sum(1 for q in seen.captured_queries if any(t in q["sql"] for t in ROWS))
    return seconds, read, b"data-preparing" in response.content


def warm_pages(pages: int) -> list[float]:
    """``pages`` views of the page with its figures computed (seconds each)."""
    client, url = analyst_client()
    warm = []
    for _ in range(pages):
        start = time.perf_counter()
        response = client.get(url)
        warm.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
        assert b"data-preparing" not in response.content
    return warm


def a_days_changes(last: int) -> dict[str, int]:
    """Save again, as the actions save them (history stamped now), the participants,
    applications, support plans and referrals last saved in the last day of the data; one
    participant in twenty moves region, one application in ten changes channel. The caller
    rolls them back."""
    end = dt.datetime.fromtimestamp(last, tz=dt.UTC)
    start = end - dt.timedelta(days=1)
    rng = random.Random(17)
    regions = list(Region.objects.filter(jurisdiction=current_jurisdiction()))
    saved: dict[str, int] = {}
    for model in (Participant, Application, SupportPlan, Referral):
        n = 0
        rows = model.objects.filter(updated_at__gt=start, updated_at__lte=end).order_by()
        for row in rows.iterator(chunk_size=2000):
            if isinstance(row, Participant) and rng.random() < 0.05:
                row.region = rng.choice(regions)
            if isinstance(row, Application) and rng.random() < 0.1:
                row.channel = rng.choice(Channel.values)
            row.save()
            n += 1
        saved[model._meta.db_table] = n
    return saved


def recount_stored(questions: list[figures.Question]) -> int:
    """Each question's stored figures with its flows and rates counted again from the ledger
    (counted once per period); how many."""
    now = timezone.now()
    rows = {
        row.key: row for row in ComputedFigures.objects.filter(key__in=[q.key for q in questions])
    }
    done = 0
    for period in {q.period for q in questions}:
        kept = [q for q in questions if q.period == period and q.key in rows]
        kinds = set().union(*(figures.reads(q).counted for q in kept))
        counted = ledger.counted(period, kinds)
        for q in kept:
            figures.recount(q, rows[q.key], in_regions(counted, q.scope.regions), now)
            done += 1
    return done


def incremental(last: int) -> dict[str, Any]:
    """The ledger built in full, then a day's changes and the incremental refresh, timed, in a
    transaction rolled back (the changes are not kept)."""
    found: dict[str, Any] = {}
    start = time.perf_counter()
    ledger.build()
    found["build"] = time.perf_counter() - start
    found["build_load"] = load()
    found["entries"] = LedgerEntry.objects.count()
    print("ledger built", found, flush=True)
    question = analyst_question()
    with transaction.atomic():
        start = time.perf_counter()
        found["saved"] = a_days_changes(last)
        found["writing"] = time.perf_counter() - start
        print("a day's changes written", found["saved"], found["writing"], load(), flush=True)
        start = time.perf_counter()
        refreshed = ledger.refresh()
        found["ledger"] = time.perf_counter() - start
        assert refreshed is not None
        found["read"] = sum(refreshed.read.values())
        found["moved"] = sum(refreshed.moved.values())
        start = time.perf_counter()
        recount_stored([question])
        found["analyst"] = time.perf_counter() - start
        found["load"] = load()
        print("incremental", found, flush=True)
        start = time.perf_counter()
        found["views"] = recount_stored(figures.default_questions(timezone.localdate()))
        found["every_view"] = time.perf_counter() - start
        found["every_view_load"] = load()
        print("every view recounted", found["views"], found["every_view"], load(), flush=True)
        transaction.set_rollback(True)
    return found


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="the database (else DATABASE_URL)")
    parser.add_argument("--pages", type=int, default=40, help="warm page views (p95 over them)")
    parser.add_argument("--label", default="", help="names the section (e.g. 1M)")
    parser.add_argument(
        "--skip-scopes", action="store_true", help="do not time the refresh of every default view"
    )
    parser.add_argument(
        "--warm-only",
        action="store_true",
        help="only the warm dashboard, over the figures already stored, rolled back; printed, "
        "docs/benchmarks.md left as it is",
    )
    parser.add_argument(
        "--rollback",
        action="store_true",
        help="run in one transaction rolled back at the end (leaves the database as it was)",
    )
    args = parser.parse_args()
    tables = connection.introspection.table_names()
    if "insights_computedfigures" not in tables or "insights_ledgerentry" not in tables:
        sys.exit("insights' tables are missing: run `manage.py migrate insights` first.")
    with transaction.atomic():
        if args.warm_only:
            warm_only(args.pages)
            transaction.set_rollback(True)
            return
        run(args)
        if args.rollback:
            transaction.set_rollback(True)


def warm_only(pages: int) -> None:
    """The warm dashboard alone (the page views' log rows and sessions rolled back): its p50
    and p95, with the load before and after."""
    if not ComputedFigures.objects.filter(
        key=analyst_question().key, computed_at__isnull=False
    ).exists():
        sys.exit("no figures stored for the analyst's question: run the whole benchmark first.")
    before = load()
    with (
        override_settings(CACHES=LOCMEM, TASKS=DUMMY_TASKS),
        override_settings(SENTIER_STATISTICS_SECONDS=24 * 3600),
    ):
        warm = warm_pages(pages)
    print(
        f"dashboard, warm, p95 of {len(warm)}: {p95(warm) * 1000:.0f} ms "
        f"(p50 {statistics.median(warm) * 1000:.0f} ms); load {before} before, {load()} after"
    )


def run(args: argparse.Namespace) -> None:
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
    question = analyst_question()
    with override_settings(CACHES=LOCMEM, TASKS=DUMMY_TASKS):
        cold, cold_reads, preparing = cold_page()
        print("cold page", cold, cold_reads, preparing, flush=True)
        with timed_parts() as full:
            start = time.perf_counter()
            figures.compute_and_store(question)
            full_total = time.perf_counter() - start
        print("full", dict(full), full_total, flush=True)
        # The figures stay fresh through the warm views, however long the run.
        with override_settings(SENTIER_STATISTICS_SECONDS=24 * 3600):
            warm = warm_pages(args.pages)
        scopes: dict[str, float] = {}
        if not args.skip_scopes:
            ComputedFigures.objects.filter(
                key__in=[q.key for q in figures.default_questions(timezone.localdate())]
            ).delete()
            with timed_parts() as scopes:
                start = time.perf_counter()
                refreshed = figures.refresh_due()
                scopes["total"] = time.perf_counter() - start
                scopes["questions"] = len(refreshed)
            print("every scope", dict(scopes), flush=True)
        inc = incremental(last)
    rss_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
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
    by = ",".join(question.by)
    lines += [
        f"| full recomputation: flows and rates counted in the database (`GROUP BY`) | | "
        f"{full['counted']:.1f} s | {ratio(full['counted'])} |",
        f"| full recomputation: milestones read one by one ({int(full['count']):,}) | | "
        f"{full['milestones']:.1f} s | {ratio(full['milestones'])} |",
        f"| full recomputation: {len(current())} indicators computed and protected "
        f"(by {by}) | | {full['indicators']:.1f} s | {ratio(full['indicators'])} |",
        f"| full recomputation: pilot estimates | | {full['pilots']:.1f} s | "
        f"{ratio(full['pilots'])} |",
        f"| **full recomputation, total** (in the background) | ≤ 60 s | **{full_total:.1f} s** "
        f"| {ratio(full_total)} |",
    ]
    if scopes:
        lines.append(
            f"| scheduled refresh of every default view ({int(scopes['questions'])} questions: "
            f"every region and each alone, and those asked in the last week; milestones read "
            f"once, {scopes['milestones']:.1f} s; "
            f"counted once, {scopes['counted']:.1f} s; pilots once, {scopes['pilots']:.1f} s) "
            f"| | {scopes['total']:.1f} s | {ratio(scopes['total'])} |"
        )
    saved = ", ".join(f"{n:,} {name}" for name, n in inc["saved"].items())
    refresh_total = inc["ledger"] + inc["analyst"]
    lines += [
        f"| ledger built in full ({inc['entries']:,} rows counted; first refresh of a day, "
        f"load {inc['build_load']}) | | {inc['build']:.1f} s | {ratio(inc['build'])} |",
        f"| a day's changes written, then rolled back ({saved}; not part of the refresh) | | "
        f"{inc['writing']:.1f} s | |",
        f"| incremental refresh: the ledger ({inc['read']:,} rows read again, {inc['moved']:,} "
        f"moved) | | {inc['ledger']:.2f} s | {ratio(inc['ledger'])} |",
        f"| incremental refresh: the analyst's flows and rates counted again and protected | | "
        f"{inc['analyst']:.2f} s | {ratio(inc['analyst'])} |",
        f"| **incremental refresh after a day's events** (flows and rates; the indicators read "
        f"one by one and the pilots' estimates kept from the last full recomputation; load "
        f"{inc['load']}) | ≤ 5 s | **{refresh_total:.2f} s** | {ratio(refresh_total)} |",
        f"| incremental refresh of every default view stored ({inc['views']} questions, after "
        f"the ledger's; load {inc['every_view_load']}) | | {inc['every_view']:.1f} s | "
        f"{ratio(inc['every_view'])} |",
        f"| dashboard, cold (nothing computed: {'“being prepared”' if preparing else 'figures'}"
        f", {cold_reads} rows of capabilities read) | | {cold * 1000:.0f} ms | {ratio(cold)} |",
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
