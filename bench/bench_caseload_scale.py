"""Benchmark of the caseload at provincial scale on PostgreSQL: a region's list in French order,
far down its pages, and a name search, on the demo and then on a database grown to a province's
size, with and without the indexes that serve them.

Run against a throw-away PostgreSQL cluster (``make bench`` does this)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_caseload_scale.py            # --participants N --requests N
    scripts/pg_test_cluster.sh stop

The demo is loaded, then grown by SQL to ``--participants`` files (default 300,000, the size of
the probe in shared/findings): each demo file is copied with a new number and a varied surname,
in its own region, so Laval holds about a fifth of them. Each page is the whole Django request
through the test client, signed in as Laval's caseworker looking at the whole region
(``scope=all``): page 50 of the list, and a search on a surname. The same pages are then timed
inside a transaction that drops the indexes of participants migration 0010 and is rolled back,
which is what the pages cost before them. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SENTIER_DB_CONN_MAX_AGE", "60")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import User  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402

#: The indexes this benchmark is about (participants migration 0010).
INDEXES = (
    "participant_region_name_idx",
    "participant_last_name_trgm",
    "participant_first_name_trgm",
)
CASEWORKER = "caseworker.laval@sentier.demo"


def grow(participants: int) -> None:
    """Copy the demo's files until there are ``participants`` of them, in one statement."""
    demo = Participant.objects.count()
    copies = max(0, participants - demo) // max(demo, 1)
    columns = [
        field.column
        for field in Participant._meta.concrete_fields
        if field.column not in {"id", "uuid", "file_number", "last_name", "user_id"}
    ]
    listed, copied = ", ".join(columns), ", ".join(f"p.{column}" for column in columns)
    # The column names come from the model, the number of copies is a parameter.
    sql = (
        f"INSERT INTO participants_participant (uuid, file_number, last_name, user_id, {listed}) "  # noqa: S608
        "SELECT gen_random_uuid(), 'B' || g || '-' || p.id, "
        # One copy in seven keeps the surname: searches find namesakes, as in a province.
        "p.last_name || CASE WHEN g %% 7 = 0 THEN '' ELSE chr(65 + g %% 26) || (g %% 100) END, "
        f"NULL, {copied} FROM participants_participant p, generate_series(1, %s) g"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [copies])
        cursor.execute("ANALYZE participants_participant")


def timed(client: Client, url: str, requests: int) -> list[float]:
    for _ in range(3):
        client.get(url)  # warm-up: templates, caches, connection
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return times


def measure(client: Client, urls: dict[str, str], requests: int) -> dict[str, float]:
    return {name: statistics.median(timed(client, url, requests)) for name, url in urls.items()}


def without_indexes(client: Client, urls: dict[str, str], requests: int) -> dict[str, float]:
    """The same pages with the indexes dropped inside a transaction that is rolled back."""
    found: dict[str, float] = {}
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                for index in INDEXES:
                    cursor.execute(f"DROP INDEX {index}")
            found = measure(client, urls, requests)
            raise _Rollback
    except _Rollback:
        pass
    return found


class _Rollback(Exception):
    pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=300_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark runs on PostgreSQL: set DATABASE_URL (see the module docstring).")
        return 2
    call_command("migrate", verbosity=0)
    if not User.objects.filter(email=CASEWORKER).exists():
        call_command("load_reference", verbosity=0)
        call_command("load_demo", verbosity=0)
    caseworker = User.objects.get(email=CASEWORKER)
    client = Client()
    client.force_login(caseworker)
    caseload = reverse("participants:caseload")
    surname = (
        Participant.objects.filter(region=caseworker.region).values_list("last_name", flat=True)
    )[0]
    urls = {
        "page 50 of the region's list": f"{caseload}?scope=all&page=50",
        f'search "{surname}" in the region': f"{caseload}?scope=all&q={surname}",
    }
    demo_size = Participant.objects.count()
    demo = measure(client, urls, args.requests)
    start = time.perf_counter()
    grow(args.participants)
    grown_seconds = time.perf_counter() - start
    size = Participant.objects.count()
    region_size = Participant.objects.filter(region=caseworker.region).count()
    grown = measure(client, urls, args.requests)
    before = without_indexes(client, urls, args.requests)
    rows: list[str] = []
    for name in urls:
        rows.append(
            f"| {name} | {demo[name]:.1f} | {before[name]:.1f} | **{grown[name]:.1f}** | "
            f"{grown[name] / demo[name]:.1f}x | {before[name] / grown[name]:.1f}x |"
        )
    lines = [
        "## Caseload at provincial scale (`bench/bench_caseload_scale.py`, PostgreSQL 15)",
        "",
        f"Machine: {machine_description()}",
        "",
        f"The demo ({demo_size:,} files) grown by SQL to {size:,} files in {grown_seconds:.0f} s; "
        f"Laval holds {region_size:,} of them. Median of {args.requests} requests per page, "
        "the whole Django request in the process, signed in as Laval's caseworker looking at the "
        'whole region. "Without the indexes": the same database, the indexes of participants '
        "migration 0010 dropped in a transaction that is then rolled back.",
        "",
        "| page | demo ms | grown, without the indexes ms | grown ms | grown / demo | "
        "gain of the indexes |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
    ]
    report = "\n".join(lines)
    print(report)
    write_section("caseload_scale", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
