"""Demo monthly statements for the PAAS spending against budget: for the indicators' demo
organization, one approved statement a month from October 2025 to last month, with the support
allowance of every placement under way that month and, for some, a transport or childcare
reimbursement (idempotent: a month that has its statement is left as it is)."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from sentier.insights.demo import ORGANIZATION_SLUG, START
from sentier.network.models import Organization
from sentier.paas.models import LineKind, Placement, Statement, StatementLine, StatementStatus

ALLOWANCE_CENTS = 17_300  # 002: 173 $ a month


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def load_demo_statements(seed: int = 17) -> int:
    """The demo statements; returns how many were created."""
    organization = Organization.objects.filter(slug=ORGANIZATION_SLUG).first()
    if organization is None:
        return 0
    rng = random.Random(seed)
    this_month = timezone.localdate().replace(day=1)
    placements = list(
        Placement.objects.filter(organization=organization).values_list(
            "id", "start_date", "end_date"
        )
    )
    done = set(Statement.objects.filter(organization=organization).values_list("month", flat=True))
    created = 0
    with transaction.atomic():
        month = START
        while month < this_month:
            following = _next_month(month)
            if month not in done:
                statement = Statement.objects.create(
                    organization=organization,
                    month=month,
                    status=StatementStatus.APPROVED,
                    rules_version="demo",
                    approved_at=timezone.make_aware(dt.datetime.combine(following, dt.time(10))),
                )
                lines = []
                for placement, start, end in placements:
                    if start >= following or (end is not None and end < month):
                        continue
                    lines.append(
                        StatementLine(
                            statement=statement,
                            kind=LineKind.ALLOWANCE,
                            placement_id=placement,
                            amount_cents=ALLOWANCE_CENTS,
                            for_month=month,
                        )
                    )
                    if rng.random() < 0.3:
                        lines.append(
                            StatementLine(
                                statement=statement,
                                kind=rng.choice([LineKind.TRANSPORT, LineKind.CHILDCARE]),
                                placement_id=placement,
                                amount_cents=rng.randint(15, 60) * 100,
                                for_month=month,
                            )
                        )
                StatementLine.objects.bulk_create(lines)
                created += 1
            month = following
    return created
