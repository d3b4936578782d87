"""An allowance change gives the cost the statement rules compute for the same month."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sentier.paas.models import LineKind
from sentier.paas.statements import computation
from sentier.paas.tests.statement_factories import grant, laval_file, months_ago, opex, place
from sentier.simulations import compute
from sentier.simulations.changes import parse_change
from sentier_rules import paas_statement

pytestmark = pytest.mark.django_db


def _statement_totals(month: Any) -> tuple[int, int]:
    figures = computation.month_figures(month)
    allowance = payment = 0
    for organization in figures.values():
        for (kind, _placement, _claim), amount in organization.amounts.items():
            if kind == LineKind.ALLOWANCE:
                allowance += amount
            elif kind == LineKind.ORGANIZATION_PAYMENT:
                payment += amount
    return allowance, payment


def _cents(text: str) -> int:
    whole, _, fraction = text.partition(".")
    return int(whole) * 100 + int(fraction)


@pytest.fixture
def month(personas: dict[str, Any]) -> dt.date:
    """Last month: one placement all month, one from its tenth day (prorated), two places."""
    organization = opex(personas)
    grant(personas, organization, places=2)
    last_month = months_ago(1)
    place(personas, laval_file(personas, "Jeanne"), organization, months_ago(3))
    place(personas, laval_file(personas, "Léa"), organization, last_month + dt.timedelta(days=9))
    return last_month


def test_allowance_change_costs_what_the_statements_would_pay(
    monkeypatch: pytest.MonkeyPatch, month: dt.date
) -> None:
    change = parse_change("paas_action.monthly_allowance", month, "200")
    baseline_allowance, baseline_payment = _statement_totals(month)

    results = compute.simulate([change], month, threshold=0)

    reform = compute.reform_engine([change])
    monkeypatch.setattr(paas_statement, "tax_benefit_system", lambda: reform.system)
    reform_allowance, reform_payment = _statement_totals(month)
    costs = {cost["item"]: cost for cost in results["costs"]}
    allowance = costs["paas_allowance"]
    assert allowance["period"] == month.strftime("%Y-%m")
    assert _cents(allowance["baseline"]) == baseline_allowance
    assert _cents(allowance["reform"]) == reform_allowance
    assert reform_allowance > baseline_allowance > 0
    payment = costs["paas_organization_payment"]
    assert _cents(payment["baseline"]) == _cents(payment["reform"]) == baseline_payment
    assert reform_payment == baseline_payment
    assert sum(_cents(row["reform"]) for row in allowance["by_region"]) == reform_allowance


def test_payment_per_place_change_moves_the_organization_payments(month: dt.date) -> None:
    change = parse_change("paas_action.monthly_payment_per_place", month, "250")

    results = compute.simulate([change], month, threshold=0)

    costs = {cost["item"]: cost for cost in results["costs"]}
    payment = costs["paas_organization_payment"]
    assert _cents(payment["reform"]) * 200 == _cents(payment["baseline"]) * 250
    places = results["places"]
    assert places
    assert all(row["needed"] == row["occupied"] for row in places)
