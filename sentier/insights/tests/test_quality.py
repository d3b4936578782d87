"""Data-quality panels: each check counts what it says, by region, through the disclosure
layer, with its definition; coordinators see their region only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sentier.insights.disclosure import TOTAL
from sentier.insights.milestones import Scope
from sentier.insights.models import DashboardView
from sentier.insights.quality import checks_here, quality_measures
from sentier.participants.models import Participant
from sentier.plans.models import SupportPlan
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def _value(measures: Any, check: str, region: str) -> Any:
    measure = next(m for m in measures if m.id == check)
    cell = measure.cell(region)
    assert cell is not None
    return cell.value


def test_each_check_counts_its_rows(personas: dict[str, Any], laval_participant: Any) -> None:
    scope = Scope(regions=frozenset({"13"}))
    before, _ = quality_measures(scope, threshold=0)
    plan = active_plan(personas, laval_participant)
    plan.objectives.all().delete()
    SupportPlan.objects.filter(pk=plan.pk).update(
        planned_end_on=timezone.localdate() - dt.timedelta(days=1)
    )
    Participant.objects.filter(pk=laval_participant.pk).update(birth_date=None)
    after, regions = quality_measures(scope, threshold=0)
    assert regions == ["13"]
    for check in ("plan_without_objective", "plan_past_planned_end"):
        assert _value(after, check, "13") == _value(before, check, "13") + 1
    assert _value(after, "no_birth_date", "13") >= 1
    assert _value(after, "files", TOTAL) == _value(after, "files", "13")


def test_every_check_has_a_definition() -> None:
    for check in checks_here():
        assert str(check.label)
        assert len(str(check.definition)) > 40


def test_no_visible_count_under_the_threshold(client_for: Any) -> None:
    measures, _ = quality_measures(Scope(regions=None))
    for measure in measures:
        for cell in measure.cells:
            assert cell.suppressed or (cell.value or 0) >= 10


def test_quality_page_and_exports(client_for: Any) -> None:
    client = client_for("analyst")
    page = client.get(reverse("insights:quality"))
    assert page.status_code == 200
    assert 'data-panel="quality"' in page.content.decode()
    assert client.get(reverse("insights:quality_csv")).status_code == 200
    xlsx = client.get(reverse("insights:quality_xlsx"))
    assert xlsx.content[:2] == b"PK"
    assert DashboardView.objects.filter(indicator="data_quality").count() == 3


def test_coordinator_sees_their_region_only(client_for: Any) -> None:
    text = client_for("coordinator").get(reverse("insights:quality")).content.decode()
    assert "13 Laval" in text
    assert "06 Montréal" not in text
