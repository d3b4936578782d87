"""generate_statements: lines from the rules, harmless when run twice, Ministry only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from sentier.paas.models import LineKind, Statement, StatementLine, StatementStatus
from sentier.paas.statements.actions import StatementRefused, generate_statements
from sentier.paas.tests.statement_factories import (
    approved_claim,
    days_in,
    generate,
    grant,
    laval_file,
    lines,
    months_ago,
    next_month,
    opex,
    place,
    prorated,
    sorif,
)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def setup(personas: dict[str, Any], laval_participant: Any) -> dict[str, Any]:
    """Two OPEX’82 placements: Julie since two months ago, Jeanne from the 16th of last month."""
    grant(personas, opex(personas), places=2)
    julie = place(personas, laval_participant, opex(personas), months_ago(2))
    jeanne = place(personas, laval_file(personas), opex(personas), months_ago(1).replace(day=16))
    return {"julie": julie, "jeanne": jeanne}


def test_lines_are_allowances_claims_and_the_organization_payment(
    personas: dict[str, Any], setup: dict[str, Any]
) -> None:
    month = months_ago(1)
    claim = approved_claim(personas, setup["julie"], month, amount_cents=4250)
    statement = generate(personas, opex(personas), month)
    assert statement.status == StatementStatus.DRAFT
    assert statement.rules_version
    jeanne_days = days_in(month) - 15
    assert lines(statement) == [
        (LineKind.ALLOWANCE, 17300),
        (LineKind.ALLOWANCE, prorated(jeanne_days, month)),
        (LineKind.TRANSPORT, 4250),
        (LineKind.ORGANIZATION_PAYMENT, 40000),  # 2 places occupied of 2 granted
    ]
    transport = statement.lines.get(kind=LineKind.TRANSPORT)
    assert transport.claim == claim
    assert transport.for_month == month
    assert statement.lines.get(kind=LineKind.ALLOWANCE, placement=setup["julie"]).amount_cents


def test_generating_twice_changes_nothing(personas: dict[str, Any], setup: Any) -> None:
    first = generate(personas, opex(personas), months_ago(1))
    before = list(StatementLine.objects.order_by("id").values())
    again = generate(personas, opex(personas), months_ago(1))
    assert again.pk == first.pk
    assert list(StatementLine.objects.order_by("id").values()) == before
    assert Statement.objects.count() == 1


def test_a_draft_is_regenerated_with_the_new_facts(personas: dict[str, Any], setup: Any) -> None:
    month = months_ago(1)
    generate(personas, opex(personas), month)
    approved_claim(personas, setup["jeanne"], month, amount_cents=999, kind="childcare")
    statement = generate(personas, opex(personas), month)
    assert (LineKind.CHILDCARE, 999) in lines(statement)
    assert Statement.objects.count() == 1


def test_all_organizations_of_the_month(personas: dict[str, Any], setup: Any) -> None:
    grant(personas, sorif(personas), places=3)
    result = generate_statements(actor=personas["admin"], month=months_ago(1))
    by_org = {s.organization_id: s for s in result.created}
    assert set(by_org) == {opex(personas).pk, sorif(personas).pk}
    # SORIF has places but nobody in them: its payment line is 0 $.
    assert lines(by_org[sorif(personas).pk]) == [(LineKind.ORGANIZATION_PAYMENT, 0)]


def test_the_laval_coordinator_generates_for_organizations_with_laval_places(
    personas: dict[str, Any], setup: Any
) -> None:
    grant(personas, sorif(personas), code="06", places=3)
    result = generate_statements(actor=personas["coordinator"], month=months_ago(1))
    assert [s.organization_id for s in result.statements] == [opex(personas).pk]


@pytest.mark.parametrize("who", ["partner_opex", "caseworker_laval", "analyst", "participant"])
def test_others_cannot_generate(personas: dict[str, Any], setup: Any, who: str) -> None:
    with pytest.raises(PermissionDenied):
        generate_statements(actor=personas[who], month=months_ago(1))
    with pytest.raises(PermissionDenied):
        generate_statements(actor=personas[who], month=months_ago(1), organization=opex(personas))
    assert not Statement.objects.exists()


def test_a_coordinator_of_another_region_cannot_generate_for_opex(
    personas: dict[str, Any], setup: Any
) -> None:
    from sentier.reference.models import Region

    coordinator = personas["coordinator"]
    coordinator.region = Region.objects.get(code="06")
    coordinator.save()
    with pytest.raises(PermissionDenied):
        generate_statements(actor=coordinator, month=months_ago(1), organization=opex(personas))
    assert not Statement.objects.exists()


def test_a_month_not_begun_is_refused(personas: dict[str, Any], setup: Any) -> None:
    with pytest.raises(StatementRefused):
        generate_statements(actor=personas["admin"], month=next_month())
    assert not Statement.objects.exists()
