"""A scope and a pilot's panel filter by the regions' ids, read first (``Scope.region_ids``,
``pilots._region_codes``), instead of joining the regions for their jurisdiction and codes (a
plan PostgreSQL misjudges at scale): on a hand-built set with another jurisdiction's region,
the rows are those of the join, and the panel is the one the join counted."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import pytest
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from sentier.insights.milestones import Scope
from sentier.insights.pilots import PanelRow, build_panel
from sentier.intake.models import Application, ApplicationStatus
from sentier.network.models import Organization
from sentier.participants.actions import open_participant_file
from sentier.participants.models import Participant
from sentier.plans.models import Origin, SupportPlan
from sentier.reference.models import Jurisdiction, Program, Region
from sentier.reference.selectors import current_jurisdiction
from sentier.referrals.models import Referral, ReferralStatus
from sentier_rules.pilots import get_pilot

pytestmark = pytest.mark.django_db


def _local(day: str, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


@pytest.fixture
def files(personas: dict[str, Any]) -> list[Participant]:
    """Two Québec regions' files and one of an Ontario service area, each with applications
    (one at 23:30 local on the last day of a month), a support plan and a sent referral."""
    elsewhere = Region.objects.create(
        code="ON9", name="Ailleurs", jurisdiction=Jurisdiction.ONTARIO
    )
    organization = Organization.objects.create(
        name="Maison Ana", slug="maison-ana", non_profit=True
    )
    found = []
    for region in (Region.objects.get(code="13"), Region.objects.get(code="06"), elsewhere):
        person = open_participant_file(
            actor=personas["admin"],
            first_name="Ana",
            last_name=f"Lima {region.code}",
            region=region,
            program=Program.objects.get(code="PAS"),
            caseworker=personas["caseworker_laval"],
        )
        for moment in (_local("2026-03-31", 23), _local("2026-04-02", 10)):
            Application.objects.create(
                channel="online",
                status=ApplicationStatus.SUBMITTED,
                submitted_at=moment,
                participant=person,
            )
        SupportPlan.objects.create(
            participant=person,
            caseworker=personas["caseworker_laval"],
            origin=Origin.REQUESTED,
            started_on=dt.date(2026, 4, 20),
        )
        Referral.objects.create(
            participant=person,
            organization=organization,
            purpose="referral",
            need="Logement",
            status=ReferralStatus.REQUESTED,
            sender=personas["caseworker_laval"],
            created_at=_local("2026-04-03", 9),
            sent_at=_local("2026-04-03", 9),
        )
        found.append(person)
    return found


def joined(via: str, scope: Scope) -> Q:
    """The scope as a join of the regions (the reading before the ids)."""
    here = Q(**{f"{via}region__jurisdiction": current_jurisdiction()})
    if scope.regions is not None:
        here &= Q(**{f"{via}region__code__in": sorted(scope.regions)})
    return here


SCOPES = (
    Scope(),
    Scope(regions=frozenset({"13"})),
    Scope(regions=frozenset({"13", "06"})),
    Scope(regions=frozenset({"ON9"})),
    Scope(regions=frozenset()),
)


@pytest.mark.parametrize(
    "scope", SCOPES, ids=lambda s: "all" if s.regions is None else ",".join(sorted(s.regions))
)
def test_a_scope_holds_the_rows_the_join_held(files: list[Participant], scope: Scope) -> None:
    def ids(rows: QuerySet[Any]) -> list[int]:
        return sorted(rows.values_list("pk", flat=True))

    people = ids(Participant.objects.filter(scope.q("")))
    assert people == ids(Participant.objects.filter(joined("", scope)))
    applications = ids(Application.objects.filter(scope.q("participant__")))
    assert applications == ids(Application.objects.filter(joined("participant__", scope)))
    if scope.regions is None:
        # Québec's files, not Ontario's.
        assert {files[0].pk, files[1].pk} <= set(people)
        assert files[2].pk not in people


def test_the_regions_ids_follow_the_jurisdiction(files: list[Participant]) -> None:
    quebec = set(
        Region.objects.filter(jurisdiction=Jurisdiction.QUEBEC).values_list("pk", flat=True)
    )
    assert set(Scope().region_ids()) == quebec
    assert Scope(regions=frozenset({"ON9", "13"})).region_ids() == [
        Region.objects.get(code="13").pk
    ]
    assert Scope(regions=frozenset()).region_ids() == []


def joined_panel(
    rows: QuerySet[Any], moment: str, until: dt.date
) -> dict[tuple[str, dt.date], int]:
    """The panel's counts as the join of the regions counted them."""
    counts: dict[tuple[str, dt.date], int] = defaultdict(int)
    grouped = (
        rows.filter(participant__region__jurisdiction=Jurisdiction.QUEBEC)
        .annotate(month=TruncMonth(moment))
        .order_by()
        .values_list("participant__region__code", "month")
        .annotate(n=Count("id"))
    )
    for code, month, n in grouped:
        local = timezone.localtime(month).date() if isinstance(month, dt.datetime) else month
        if local.replace(day=1) <= until:
            counts[(code, local.replace(day=1))] += n
    return counts


@pytest.mark.parametrize(
    ("outcome", "numerator", "moment"),
    [
        ("support_plans_per_1000_applications", SupportPlan.objects.all, "started_on"),
        ("referrals_per_1000_applications", Referral.objects.all, "sent_at"),
    ],
)
def test_the_panel_counts_what_the_join_counted(
    files: list[Participant], outcome: str, numerator: Any, moment: str
) -> None:
    until = dt.date(2026, 4, 1)
    panel = build_panel(get_pilot("support_plan_2026"), outcome, until=dt.date(2026, 4, 30))
    applications = joined_panel(
        Application.objects.filter(submitted_at__isnull=False), "submitted_at", until
    )
    numerators = joined_panel(numerator().filter(**{f"{moment}__isnull": False}), moment, until)
    assert panel == [
        PanelRow(region, month, numerators.get((region, month), 0), n)
        for (region, month), n in sorted(applications.items())
    ]
    # Ontario's file is not in a Québec pilot's panel; the 23:30 application is March's.
    assert panel == [
        PanelRow("06", dt.date(2026, 3, 1), 0, 1),
        PanelRow("06", dt.date(2026, 4, 1), 1, 1),
        PanelRow("13", dt.date(2026, 3, 1), 0, 1),
        PanelRow("13", dt.date(2026, 4, 1), 1, 1),
    ]
