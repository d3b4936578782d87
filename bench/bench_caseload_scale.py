"""Benchmark of the pages at provincial scale on PostgreSQL: every page of the scale probe
(shared/findings/scale-probe-2026-12-06.md), timed on the demo, then on the demo plus a
synthetic province made by ``sentier synth``, with the plan of each page's slowest query.

Run against a throw-away PostgreSQL cluster and an empty database (``make bench`` does this)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_caseload_scale.py            # --participants N --requests N
    scripts/pg_test_cluster.sh stop

The demo is loaded; its participant persona's file is given 10,000 access-log rows (who viewed
my file). The pages are timed (median of ``--requests`` whole Django requests through the test
client, after a warm-up), then ``sentier synth --participants N`` runs, timed, beside a plain
``COPY`` of as many rows into a table without indexes, and the pages are timed again. For each
page, the slowest SQL query of one request is run again under ``EXPLAIN ANALYZE``. Figures go to
docs/benchmarks.md.
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
os.environ.setdefault("SENTIER_DB_CONN_MAX_AGE", "60")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import User  # noqa: E402
from sentier.audit.models import AccessLog  # noqa: E402
from sentier.audit.selectors import page_of_access_for_participant  # noqa: E402
from sentier.exchange.actions import create_api_key  # noqa: E402
from sentier.participants.models import Participant, TimelineEvent  # noqa: E402
from sentier.site.statistics import forget_file_counts  # noqa: E402
from sentier.site.synth import synthesize  # noqa: E402

CASEWORKER = "caseworker.laval@sentier.demo"
SHOWINGS = 10_000


def timed(client: Client, url: str, requests: int, headers: dict[str, Any]) -> list[float]:
    for _ in range(3):
        client.get(url, **headers)  # warm-up: templates, caches, connection
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url, **headers)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def slowest_query(client: Client, url: str, headers: dict[str, Any]) -> tuple[float, str]:
    """The slowest read of one request, run again under EXPLAIN ANALYZE: (ms, plan's top)."""
    forget_file_counts()  # the statistics are timed as counted, not as kept
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **headers)
    reads = [q for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")]
    slowest = max(reads, key=lambda q: float(q["time"]))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT TEXT) " + slowest["sql"])
        plan = [row[0] for row in cursor.fetchall()]
    execution = next((line for line in plan if line.startswith("Execution Time")), "")
    ms = float(execution.split(":")[1].split()[0]) if execution else 0.0
    top = plan[0].split("  (cost")[0].strip()
    return ms, top


def pages(participant: Participant) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """page → (persona email, url, headers); the API page's key is made in :func:`prepare_pages`."""
    caseload = reverse("participants:caseload")
    return {
        "caseload, own files": (CASEWORKER, caseload, {}),
        "caseload, whole region, page 50": (CASEWORKER, f"{caseload}?scope=all&page=50", {}),
        "caseload, whole region, `q=Tremblay`": (
            CASEWORKER,
            f"{caseload}?scope=all&q=Tremblay",
            {},
        ),
        "participant file": (
            CASEWORKER,
            reverse("participants:file", kwargs={"participant_uuid": participant.uuid}),
            {},
        ),
        "review queue": (CASEWORKER, reverse("intake:review_queue"), {}),
        "caseworker home": (CASEWORKER, "/fr-ca/", {}),
        "analyst statistics": ("analyst@sentier.demo", reverse("core:statistics"), {}),
        "analyst home": ("analyst@sentier.demo", "/fr-ca/", {}),
        f"who viewed my file ({SHOWINGS:,} rows), first page": (
            "participant@sentier.demo",
            reverse("participants:my_access_log"),
            {},
        ),
    }


def measure(
    urls: dict[str, tuple[str, str, dict[str, Any]]], requests: int
) -> dict[str, tuple[float, float, str]]:
    found = {}
    for name, (email, url, headers) in urls.items():
        client = Client(secure=url.startswith("/api/"))
        if email:
            client.force_login(User.objects.get(email=email))
        median = statistics.median(timed(client, url, requests, headers))
        ms, top = slowest_query(client, url, headers)
        found[name] = (median, ms, top)
    return found


def last_access_page(urls: dict[str, tuple[str, str, dict[str, Any]]]) -> None:
    """Who viewed my file, its last page: found by walking the cursors once."""
    persona = Participant.objects.get(user__email="participant@sentier.demo")
    url = reverse("participants:my_access_log")
    query = ""
    while True:
        page = page_of_access_for_participant(persona, older=query.removeprefix("?older="))
        if not page.older:
            break
        query = f"?older={page.older}"
    urls[f"who viewed my file ({SHOWINGS:,} rows), last page"] = (
        "participant@sentier.demo",
        url + query,
        {},
    )


def prepare_pages() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """The pages to time, after giving the persona's file its 10,000 showings (who viewed my
    file) and making an API key: the only rows written besides the province."""
    persona = Participant.objects.get(user__email="participant@sentier.demo")
    caseworker = User.objects.get(email=CASEWORKER)
    missing = SHOWINGS - persona.access_log.count()
    if missing > 0:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO audit_accesslog (accessed_at, user_id, visitor, participant_id,"
                " kind, what, affiliation, channel, path) SELECT now() - g * interval '1 hour',"
                " %s, '', %s, 'file', '', '', 'page', '' FROM generate_series(1, %s) g",
                [caseworker.pk, persona.pk, missing],
            )
    partner = User.objects.get(email="partner.opex@sentier.demo")
    assert partner.organization is not None
    key = create_api_key(
        actor=partner, organization=partner.organization, name=f"bench {time.time():.0f}"
    ).raw
    urls = pages(persona)
    urls["API referrals list"] = ("", "/api/v1/referrals", {"HTTP_X_API_KEY": key})
    last_access_page(urls)
    return urls


def plain_copy(rows: int) -> float:
    """COPY ``rows`` rows of a timeline event's shape into a table without indexes: seconds."""
    now = timezone.now()
    row = (1, "note", now, None, "", '{"text": "Rencontre au bureau."}')
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE plain_copy (participant_id int, kind text, occurred_at timestamptz,"
            " actor_id int, summary text, data jsonb)"
        )
        with cursor.cursor.copy(
            "COPY plain_copy (participant_id, kind, occurred_at, actor_id, summary, data) "
            "FROM STDIN"
        ) as copy:
            for _ in range(rows):
                copy.write_row(row)
        cursor.execute("DROP TABLE plain_copy")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark runs on PostgreSQL: set DATABASE_URL (see the module docstring).")
        return 2
    call_command("migrate", verbosity=0)
    if Participant.objects.filter(file_number__startswith="S-").exists():
        print("Run this on an empty database or the demo alone: it times the demo first.")
        return 2
    if not User.objects.filter(email=CASEWORKER).exists():
        call_command("load_reference", verbosity=0)
        call_command("load_demo", verbosity=0)
    urls = prepare_pages()
    caseworker = User.objects.get(email=CASEWORKER)
    demo_size = Participant.objects.count()
    demo = measure(urls, args.requests)

    start = time.perf_counter()
    counts = synthesize(participants=args.participants, seed=args.seed)
    synth_seconds = time.perf_counter() - start
    total_rows = sum(counts.values())
    copy_seconds = plain_copy(total_rows)
    size = Participant.objects.count()
    events = TimelineEvent.objects.count()
    showings = AccessLog.objects.count()
    own = Participant.objects.filter(caseworker=caseworker).count()
    region = Participant.objects.filter(region=caseworker.region).count()
    grown = measure(urls, args.requests)

    rows = []
    for name in urls:
        before, after = demo[name], grown[name]
        rows.append(
            f"| {name} | {before[0]:.1f} | **{after[0]:.1f}** | {after[0] / before[0]:.1f}× | "
            f"{after[1]:.1f} | `{after[2]}` |"
        )
    biggest = sorted(counts.items(), key=lambda item: -item[1])[:6]
    lines = [
        "## Pages at provincial scale (`bench/bench_caseload_scale.py`, PostgreSQL 15)",
        "",
        f"Machine: {machine_description()}",
        "",
        f"**`sentier synth --participants {args.participants:,}`: {synth_seconds:.0f} s** "
        f"for {total_rows:,} rows ({total_rows / synth_seconds:,.0f} rows/s); a plain `COPY` of "
        f"as many rows of a timeline event's shape into a table without indexes: "
        f"{copy_seconds:.0f} s ({synth_seconds / copy_seconds:.1f}× less). Largest tables: "
        + ", ".join(f"{table} {rows_:,}" for table, rows_ in biggest)
        + ".",
        "",
        f"The demo ({demo_size:,} files) and then {size:,} files, {events:,} timeline events, "
        f"{showings:,} access-log rows. Laval's caseworker holds {own:,} files, Laval "
        f"{region:,}. Median of {args.requests} whole Django requests per page (test client, "
        "in the process, warm). Last two columns: the slowest query of one request at scale, "
        "again under `EXPLAIN ANALYZE` (the statistics counted, not read from the cache).",
        "",
        "| page | demo ms | scale ms | scale / demo | slowest query ms | its plan's top |",
        "|---|---:|---:|---:|---:|---|",
        *rows,
    ]
    report = "\n".join(lines)
    print(report)
    write_section("caseload_scale", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
