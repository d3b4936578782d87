"""The two counts of issue 18's load run, before and after: the review queue's override counts
and the caseload's count of files, on a database grown by ``sentier synth``.

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_reference
    .venv/bin/python manage.py load_demo && .venv/bin/python manage.py synth --participants 50000
    .venv/bin/python bench/bench_list_counts.py

Each query is run under ``EXPLAIN (ANALYZE)`` (the database's execution time, median of
``--runs``), as the pages run it for the demo's Laval caseworker (their region) and the
administrator (every file). "Before" is the former query, rebuilt here; "after" is the page's
query now. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.db import connection  # noqa: E402
from django.db.models import Count, Q, QuerySet  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import User  # noqa: E402
from sentier.core.pagination import BoundedPaginator  # noqa: E402
from sentier.intake import selectors as intake_selectors  # noqa: E402
from sentier.intake.models import ReviewStatus  # noqa: E402
from sentier.participants import selectors as participant_selectors  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402
from sentier.participants.views import COUNT_BOUND, PAGE_SIZE  # noqa: E402

EXECUTION = re.compile(r"Execution Time: ([\d.]+) ms")


def explained_ms(run: Any, runs: int) -> tuple[float, str]:
    """The median execution time of the one query ``run()`` sends, and its plan's top line."""
    with CaptureQueriesContext(connection) as captured:
        run()
    [query] = [q["sql"] for q in captured.captured_queries if "COUNT" in q["sql"].upper()]
    times, top = [], ""
    with connection.cursor() as cursor:
        for _ in range(runs):
            cursor.execute(f"EXPLAIN (ANALYZE) {query}")
            lines = [row[0] for row in cursor.fetchall()]
            top = lines[0].split("  (")[0].strip()
            times.append(float(EXECUTION.search("\n".join(lines)).group(1)))  # type: ignore[union-attr]
    return statistics.median(times), top


def old_override_counts(user: User) -> dict[str, int]:
    """The review queue's former query: every recommendation of the queue, with its file."""
    counts = intake_selectors.review_queue_for_user(user).aggregate(
        reviewed=Count("id", filter=~Q(status=ReviewStatus.PENDING)),
        overridden=Count("id", filter=Q(status=ReviewStatus.OVERRIDDEN)),
    )
    return {"reviewed": counts["reviewed"], "overridden": counts["overridden"]}


def caseload(user: User) -> QuerySet[Participant]:
    return participant_selectors.caseload_filters(user, {"scope": "all"})


def bounded(queryset: QuerySet[Participant]) -> int:
    """The caseload page's count now (its first page)."""
    return BoundedPaginator(queryset, PAGE_SIZE, bound=COUNT_BOUND).count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Run it on PostgreSQL grown by sentier synth (DATABASE_URL).")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE intake_recommendation")
        cursor.execute("VACUUM ANALYZE participants_participant")
    caseworker = User.objects.get(email="caseworker.laval@sentier.demo")
    admin = User.objects.get(email="admin@sentier.demo")
    files = Participant.objects.count()
    region_files = Participant.objects.filter(region=caseworker.region).count()
    reviewed = intake_selectors.override_counts(caseworker)
    assert reviewed == old_override_counts(caseworker), "the new counts differ from the old"
    rows = []
    for label, before, after in (
        (
            "review queue: override counts (Laval caseworker)",
            lambda: old_override_counts(caseworker),
            lambda: intake_selectors.override_counts(caseworker),
        ),
        (
            "review queue: override counts (administrator, every region)",
            lambda: old_override_counts(admin),
            lambda: intake_selectors.override_counts(admin),
        ),
        (
            "caseload, whole region: count (Laval caseworker)",
            lambda: caseload(caseworker).count(),
            lambda: bounded(caseload(caseworker)),
        ),
        (
            "caseload, every file: count (administrator)",
            lambda: caseload(admin).count(),
            lambda: bounded(caseload(admin)),
        ),
    ):
        before_ms, before_plan = explained_ms(before, args.runs)
        after_ms, after_plan = explained_ms(after, args.runs)
        rows.append(
            f"| {label} | {before_ms:.1f} | `{before_plan}` | **{after_ms:.1f}** | `{after_plan}` |"
        )
    table = "\n".join(rows)
    report = f"""
## Counts on long lists (`bench/bench_list_counts.py`, PostgreSQL 15)

Machine: {machine_description()}; shared with other work (read the ratios). The demo plus
`sentier synth`: {files:,} files, {region_files:,} in Laval; {reviewed["reviewed"]:,} reviewed
recommendations in Laval. Database execution time (`EXPLAIN ANALYZE`, median of {args.runs}).

| query | before ms | before plan | after ms | after plan |
|---|---:|---|---:|---|
{table}

The override counts are now one `GROUP BY status` over the reviewed rows of the queue (the
(region, status, created_at) index), with no join to the files outside Ontario; the caseload
counts at most {COUNT_BOUND:,} files ({COUNT_BOUND // PAGE_SIZE} pages), further only when a
later page is asked for, and says "more than {COUNT_BOUND:,}" past it.
"""
    print(report)
    if not args.no_write:
        write_section("list_counts", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
