"""Benchmark of PAAS Action monthly statements: 20,000 placements, every organization, one month.

Run against a throw-away PostgreSQL cluster::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_paas_statements.py          # --placements N, --organizations N
    scripts/pg_test_cluster.sh stop

It migrates the database, bulk-creates synthetic organizations, places, participants, placements
and approved claims, approves the previous month's statements, then makes late corrections (end
dates moved into the previous month, claims approved late) so that the timed run also computes
adjustments. It times ``generate_statements`` for all organizations of the month (target: at most
10 s on PostgreSQL), then the same call again (nothing changes), prints the figures and writes
them into the ``paas_statements`` section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import numpy as np

# Run as a plain script from any directory: make the repository importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import Role, User  # noqa: E402
from sentier.decisions.models import Decision  # noqa: E402
from sentier.network.models import Organization  # noqa: E402
from sentier.paas.models import (  # noqa: E402
    ClaimStatus,
    ExpenseClaim,
    PlaceAllocation,
    Placement,
    Statement,
    StatementLine,
    StatementStatus,
)
from sentier.paas.statements import actions as statement_actions  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402
from sentier.reference.models import Program, Region  # noqa: E402

PREFIX = "bench-paas"


def previous_month(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


def build(placements: int, organizations: int, month: dt.date, seed: int = 2026) -> User:
    """Synthetic data, bulk-created; returns the administrator who generates."""
    rng = np.random.default_rng(seed)
    admin = User.objects.create_user(
        email=f"{PREFIX}-admin@sentier.demo", role=Role.ADMINISTRATOR, first_name="Bench"
    )
    regions = list(Region.objects.order_by("code"))
    program = Program.objects.get(code="PAS")
    orgs = Organization.objects.bulk_create(
        [
            Organization(
                slug=f"{PREFIX}-{i:04d}",
                name=f"Organisme {i:04d}",
                language="fr-ca" if i % 4 else "en-ca",
            )
            for i in range(organizations)
        ]
    )
    first = previous_month(previous_month(month))
    last = (month + dt.timedelta(days=95)).replace(day=1) - dt.timedelta(days=1)
    per_org = placements // organizations
    allocations = PlaceAllocation.objects.bulk_create(
        [
            PlaceAllocation(
                organization=org,
                region=regions[i % len(regions)],
                period_start=first,
                period_end=last,
                # Some organizations have more people than places: the payment is capped.
                places=max(1, int(per_org * rng.uniform(0.8, 1.1))),
                budget_cents=10**9,
                granted_by=admin,
            )
            for i, org in enumerate(orgs)
        ]
    )
    org_of = np.arange(placements) % organizations
    people = Participant.objects.bulk_create(
        [
            Participant(
                file_number=f"B-{i:07d}",
                first_name="Personne",
                last_name=f"{i:07d}",
                region=allocations[org_of[i]].region,
                program=program,
            )
            for i in range(placements)
        ],
        batch_size=5000,
    )
    decisions = Decision.objects.bulk_create(
        [
            Decision(
                participant=person,
                measure="paas_action",
                effective_date=first,
                inputs={},
                eligible=True,
                rules_version="bench",
            )
            for person in people
        ],
        batch_size=5000,
    )
    # Starts: 75 % before the previous month, the rest spread over the two months; 12 % end in
    # the month (a partial month), the others are still going.
    before = first + dt.timedelta(days=1)
    spread = (month - previous_month(month)).days + 27
    starts = [
        before if rng.random() < 0.75 else previous_month(month) + dt.timedelta(days=int(d))
        for d in rng.integers(0, spread, placements)
    ]
    ends: list[dt.date | None] = [
        max(start, month + dt.timedelta(days=int(rng.integers(0, 27))))
        if rng.random() < 0.12
        else None
        for start in starts
    ]
    rows = Placement.objects.bulk_create(
        [
            Placement(
                participant=people[i],
                allocation=allocations[org_of[i]],
                organization=orgs[org_of[i]],
                decision=decisions[i],
                start_date=starts[i],
                end_date=ends[i],
                status="ended" if ends[i] else "active",
                placed_by=admin,
            )
            for i in range(placements)
        ],
        batch_size=5000,
    )
    now = timezone.now()
    claim_rows = rng.choice(placements, size=placements // 10, replace=False)
    ExpenseClaim.objects.bulk_create(
        [
            ExpenseClaim(
                placement=rows[i],
                month=month if starts[i] <= month else previous_month(month),
                kind="transport" if i % 3 else "childcare",
                amount_cents=int(rng.integers(500, 15000)),
                receipt=f"{PREFIX}/receipt.pdf",
                status=ClaimStatus.APPROVED,
                submitted_by=admin,
                decided_by=admin,
                decided_at=now,
            )
            for i in claim_rows
            if starts[i] < month + dt.timedelta(days=27)
        ],
        batch_size=5000,
    )
    return admin


def late_corrections(month: dt.date, count: int, seed: int = 7) -> None:
    """After the previous month was approved: end dates moved into it, claims approved late."""
    rng = np.random.default_rng(seed)
    before = previous_month(month)
    ids = list(
        Placement.objects.filter(start_date__lt=before, end_date__isnull=True).values_list(
            "id", flat=True
        )[: count * 4]
    )
    chosen = rng.choice(ids, size=min(count, len(ids)), replace=False).tolist()
    Placement.objects.filter(id__in=chosen).update(
        end_date=before + dt.timedelta(days=14), status="ended"
    )
    admin = User.objects.get(email=f"{PREFIX}-admin@sentier.demo")
    now = timezone.now()
    ExpenseClaim.objects.bulk_create(
        [
            ExpenseClaim(
                placement_id=pk,
                month=before,
                kind="transport",
                amount_cents=2500,
                receipt=f"{PREFIX}/receipt.pdf",
                status=ClaimStatus.APPROVED,
                submitted_by=admin,
                decided_by=admin,
                decided_at=now,
            )
            for pk in chosen[: count // 2]
        ]
    )


def server_version() -> str:
    number = connection.cursor().connection.info.server_version  # e.g. 150018
    return f"{number // 10000}.{number % 10000}"


def timed(admin: User, month: dt.date) -> tuple[float, int, statement_actions.GenerationResult]:
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = statement_actions.generate_statements(actor=admin, month=month)
        seconds = time.perf_counter() - started
    return seconds, len(queries), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--placements", type=int, default=20_000)
    parser.add_argument("--organizations", type=int, default=200)
    parser.add_argument("--corrections", type=int, default=400)
    parser.add_argument("--no-write", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Run on PostgreSQL: see the module docstring.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    if Organization.objects.filter(slug__startswith=PREFIX).exists():
        print("The database already holds benchmark data: use a fresh cluster.", file=sys.stderr)
        return 2
    call_command("load_reference", verbosity=0)
    migrated = time.perf_counter() - started
    month = previous_month(timezone.localdate().replace(day=1))

    started = time.perf_counter()
    admin = build(args.placements, args.organizations, month)
    built = time.perf_counter() - started

    # The previous month, generated and approved; then corrections reported late.
    statement_actions.generate_statements(actor=admin, month=previous_month(month))
    Statement.objects.filter(month=previous_month(month)).update(
        status=StatementStatus.APPROVED, approved_by=admin, approved_at=timezone.now()
    )
    late_corrections(month, args.corrections)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    first_seconds, first_queries, first = timed(admin, month)
    again_seconds, again_queries, again = timed(admin, month)
    lines = StatementLine.objects.filter(statement__month=month)
    line_count = lines.count()
    adjustments = lines.filter(kind="adjustment").count()
    last = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    active = Placement.objects.filter(start_date__lte=last).exclude(end_date__lt=month).count()

    figures = [
        f"Month {month:%Y-%m}: {args.placements:,} placements ({active:,} active in the month), "
        f"{args.organizations} organizations, {line_count:,} lines of which "
        f"{adjustments:,} adjustments for {args.corrections} late corrections.",
        f"Set-up: migrate + reference data {migrated:.1f} s; bulk data {built:.1f} s.",
        f"generate_statements (all organizations, first run): {first_seconds:.2f} s, "
        f"{first_queries} queries, {len(first.created)} statements created.",
        f"generate_statements again (nothing changed): {again_seconds:.2f} s, {again_queries} "
        f"queries, {len(again.unchanged)} unchanged, {len(again.regenerated)} rewritten.",
    ]
    for line in figures:
        print(line)
    verdict = "within" if first_seconds <= 10 else "OVER"
    print(f"Target <= 10 s for the first run: {verdict}.")
    if not args.no_write:
        write_section(
            "paas_statements",
            "## PAAS Action monthly statements (`bench/bench_paas_statements.py`)\n\n"
            f"{machine_description()}; PostgreSQL {server_version()}.\n\n"
            + "\n".join(f"- {line}" for line in figures)
            + f"\n- Target: at most 10 s for the first run ({verdict} target).\n",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
