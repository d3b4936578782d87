"""The monthly region panel, from the data: local months, the pilot's jurisdiction only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from sentier.insights.pilots import PanelRow, build_panel, trends
from sentier.intake.models import Application, ApplicationStatus
from sentier.participants.actions import open_participant_file
from sentier.plans.models import Origin, SupportPlan
from sentier.reference.models import Program, Region
from sentier_rules.pilots import get_pilot


def _local(day: str, hour: int, minute: int = 0) -> dt.datetime:
    naive = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute))
    return timezone.make_aware(naive)


def test_applications_and_plans_fall_in_their_local_month(personas: dict[str, Any]) -> None:
    laval = open_participant_file(
        actor=personas["admin"],
        first_name="Ana",
        last_name="Lima",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PAS"),
        caseworker=personas["caseworker_laval"],
    )
    # 23:30 on 31 March local is already April in UTC: it counts in March.
    for moment in (_local("2026-03-31", 23, 30), _local("2026-04-01", 0, 30)):
        Application.objects.create(
            channel="online",
            status=ApplicationStatus.SUBMITTED,
            submitted_at=moment,
            participant=laval,
        )
    SupportPlan.objects.create(
        participant=laval,
        caseworker=personas["caseworker_laval"],
        origin=Origin.REQUESTED,
        started_on=dt.date(2026, 4, 20),
    )
    pilot = get_pilot("support_plan_2026")
    panel = build_panel(pilot, "support_plans_per_1000_applications", until=dt.date(2026, 4, 30))
    assert panel == [
        PanelRow("13", dt.date(2026, 3, 1), 0, 1),
        PanelRow("13", dt.date(2026, 4, 1), 1, 1),
    ]
    # Until the end of March, April is not there.
    assert build_panel(
        pilot, "support_plans_per_1000_applications", until=dt.date(2026, 3, 31)
    ) == [PanelRow("13", dt.date(2026, 3, 1), 0, 1)]


def test_trends_never_show_a_rate_on_too_few_applications() -> None:
    pilot = get_pilot("support_plan_2026")
    rows = [
        PanelRow("13", dt.date(2026, 4, 1), 2, 9),
        PanelRow("06", dt.date(2026, 4, 1), 3, 40),
        PanelRow("13", dt.date(2026, 5, 1), 5, 30),
        PanelRow("02", dt.date(2026, 5, 1), 0, 12),
        PanelRow("06", dt.date(2026, 5, 1), 0, 12),
    ]
    points, groups = trends(pilot, rows, threshold=10)
    assert groups == ["pilot", "others"]
    shown = {(p.month.month, p.group): p.value for p in points}
    assert shown == {
        (4, "pilot"): None,  # 9 applications
        (4, "others"): 75.0,
        (5, "pilot"): 119.0,  # 5 of 42
        (5, "others"): None,  # 0 % on 12: a small group
    }
    coordinator, groups = trends(pilot, rows, focus="13", threshold=10)
    assert groups == ["13", "others"]
    assert {(p.month.month, p.group): p.value for p in coordinator}[(5, "13")] == 166.7
