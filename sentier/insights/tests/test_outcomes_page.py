"""The outcomes page: cohorts at 3, 6 and 12 months and PAAS Action spending against budget, for
analysts (every region) and coordinators (their own), never a shown amount or count behind fewer
people than the threshold, every showing logged, and bad input answered without a 500."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from sentier.insights.budget import budget_report, budgets
from sentier.insights.disclosure import TOTAL, Cell, protect_counts
from sentier.insights.models import DashboardView
from sentier.insights.tests.journeys import load_journeys_and_statements
from sentier.paas.models import LineKind, Statement, StatementLine

pytestmark = pytest.mark.django_db

URL = "/fr-ca/insights/outcomes/"
ALL = [f"{n:02d}" for n in range(1, 18)]


@pytest.fixture
def journeys(personas: dict[str, Any]) -> None:
    load_journeys_and_statements()


def test_the_budget_file_reads_as_exact_cents() -> None:
    plan = budgets()
    assert plan.first_month == 4
    assert plan.monthly_cents[2026]["06"] == 540_000
    assert "Demo" in plan.source
    assert plan.year_of(dt.date(2026, 3, 31)) == 2025
    assert plan.year_of(dt.date(2026, 4, 1)) == 2026


def test_spending_shown_only_where_enough_people_were_paid(journeys: None) -> None:
    today = timezone.localdate()
    year = budgets().year_of(today)
    report = budget_report(year, ALL, today)
    # The same protection, redone from the statements: a shown amount's count is shown.
    lines = StatementLine.objects.filter(kind=LineKind.ALLOWANCE).values_list(
        "placement_id", "for_month", "placement__participant__region__code"
    )
    months = [m.strftime("%Y-%m") for m in budgets().months(year)][: report.elapsed]
    paid: dict[tuple[str, str], set[int]] = {}
    for placement, month, region in lines:
        assert month is not None
        paid.setdefault((region, month.strftime("%Y-%m")), set()).add(placement)
    cells = [
        Cell(group={"region": r, "month": m}, value=len(paid.get((r, m), ())))
        for r in ALL
        for m in months
    ]
    protected = {
        (c.group["region"], c.group["month"]): c
        for c in protect_counts(cells, margins=("region", "month"))
    }
    for line in report.regions:
        assert (line.spent_cents is None) == protected[(line.key, TOTAL)].suppressed
    assert any(line.spent_cents is None for line in report.regions)  # small regions
    assert any(line.spent_cents is not None for line in report.regions)
    if report.total.spent_cents is not None and report.elapsed:
        assert report.total.projected_cents == report.total.spent_cents * 12 // report.elapsed
        assert (
            report.total.share_used == Decimal(report.total.spent_cents) / report.total.budget_cents
        )


def test_a_draft_statement_is_not_spent(journeys: None, personas: dict[str, Any]) -> None:
    today = timezone.localdate()
    year = budgets().year_of(today)
    before = budget_report(year, ALL, today).total.spent_cents
    statement = Statement.objects.order_by("-month").first()
    assert statement is not None
    Statement.objects.filter(pk=statement.pk).update(status="draft")
    after = budget_report(year, ALL, today).total.spent_cents
    assert before is None or after is None or after < before


def test_analyst_sees_cohorts_and_budget_and_the_view_is_logged(
    journeys: None, client_for: Any
) -> None:
    response = client_for("analyst").get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-cohort="support_plan_completed"' in page
    assert 'data-cohort="paas_employment_or_training"' in page
    assert "pas encore observable" in page or "not yet observable" in page
    assert 'data-budget="regions"' in page
    assert "\xa0$" in page  # money formatted by Babel in French: 1 234,56 $
    view = DashboardView.objects.latest("id")
    assert (view.indicator, view.channel, view.regions) == ("outcomes", "page", "")


def test_coordinator_sees_only_their_region(journeys: None, client_for: Any) -> None:
    page = client_for("coordinator").get(URL).content.decode()
    regions = re.findall(r'<th scope="row">(\d\d) ', page)
    assert set(regions) <= {"13"}
    assert DashboardView.objects.latest("id").regions == "13"


def test_a_bad_year_is_answered_without_a_500(journeys: None, client_for: Any) -> None:
    client = client_for("analyst")
    before = DashboardView.objects.count()
    for year in ["1999", "abc", "2026-2027"]:
        response = client.get(URL + f"?year={year}")
        assert response.status_code == 200
    assert DashboardView.objects.count() == before + 3


def test_refused_to_a_caseworker(personas: dict[str, Any], client_for: Any) -> None:
    assert client_for("caseworker_montreal").get(URL).status_code == 403
