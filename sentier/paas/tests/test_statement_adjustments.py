"""Corrections after approval become adjustment lines on a later statement; totals reconcile."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from sentier.paas import actions
from sentier.paas.models import LineKind, Statement, StatementLine, StatementStatus
from sentier.paas.statements.actions import approve_statement
from sentier.paas.statements.computation import month_figures, statement_totals
from sentier.paas.tests.statement_factories import (
    approved_claim,
    generate,
    grant,
    lines,
    months_ago,
    opex,
    place,
    prorated,
)


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def approved_first_month(personas: dict[str, Any], laval_participant: Any) -> Statement:
    """Julie at OPEX’82 since the first of two months ago; that month's statement approved."""
    grant(personas, opex(personas))
    place(personas, laval_participant, opex(personas), months_ago(2))
    statement = generate(personas, opex(personas), months_ago(2))
    assert lines(statement) == [(LineKind.ALLOWANCE, 17300), (LineKind.ORGANIZATION_PAYMENT, 20000)]
    return approve_statement(actor=personas["admin"], statement=statement)


def test_a_late_end_and_a_late_claim_are_adjusted_next_month(
    personas: dict[str, Any], approved_first_month: Statement
) -> None:
    first = months_ago(2)
    placement = approved_first_month.lines.get(kind=LineKind.ALLOWANCE).placement
    assert placement is not None
    # Reported late: Julie left on the 10th; her transport for that month is approved after.
    actions.end_placement(
        actor=personas["caseworker_laval"],
        placement=placement,
        end_date=first.replace(day=10),
        outcome="left",
    )
    claim = approved_claim(personas, placement, first, amount_cents=4250)

    later = generate(personas, opex(personas), months_ago(1))
    allowance_line = approved_first_month.lines.get(kind=LineKind.ALLOWANCE)
    adjustments = list(later.lines.filter(kind=LineKind.ADJUSTMENT).order_by("id"))
    assert [(a.amount_cents, a.for_month, a.adjusts, a.claim) for a in adjustments] == [
        (prorated(10, first) - 17300, first, allowance_line, None),
        (4250, first, None, claim),
    ]
    # Nobody left at OPEX’82 last month: its payment is 0 $ and no allowance.
    assert [k for k, _ in lines(later) if k != LineKind.ADJUSTMENT] == [
        LineKind.ORGANIZATION_PAYMENT
    ]
    # The approved statement itself did not change.
    assert lines(Statement.objects.get(pk=approved_first_month.pk)) == [
        (LineKind.ALLOWANCE, 17300),
        (LineKind.ORGANIZATION_PAYMENT, 20000),
    ]


def test_an_adjustment_is_paid_once(
    personas: dict[str, Any], approved_first_month: Statement
) -> None:
    placement = approved_first_month.lines.get(kind=LineKind.ALLOWANCE).placement
    approved_claim(personas, placement, months_ago(2), amount_cents=1000)  # type: ignore[arg-type]
    later = generate(personas, opex(personas), months_ago(1))
    approve_statement(actor=personas["admin"], statement=later)
    current = generate(personas, opex(personas), months_ago(0))
    assert not current.lines.filter(kind=LineKind.ADJUSTMENT).exists()


def test_totals_reconcile_per_statement_and_across_months(
    personas: dict[str, Any], approved_first_month: Statement
) -> None:
    first, second = months_ago(2), months_ago(1)
    placement = approved_first_month.lines.get(kind=LineKind.ALLOWANCE).placement
    assert placement is not None
    approved_claim(personas, placement, second, amount_cents=3000, kind="childcare")
    statement_two = approve_statement(
        actor=personas["admin"], statement=generate(personas, opex(personas), second)
    )
    actions.end_placement(
        actor=personas["caseworker_laval"],
        placement=placement,
        end_date=second.replace(day=20),
        outcome="completed",
    )
    approved_claim(personas, placement, first, amount_cents=4250)
    statement_three = approve_statement(
        actor=personas["admin"], statement=generate(personas, opex(personas), months_ago(0))
    )

    # Per statement: the totals shown are the sums of the lines.
    for statement in (approved_first_month, statement_two, statement_three):
        all_lines = list(statement.lines.all())
        totals = statement_totals(all_lines)
        assert totals.total == sum(line.amount_cents for line in all_lines)
        assert totals.adjustments == sum(
            line.amount_cents for line in all_lines if line.kind == LineKind.ADJUSTMENT
        )

    # Across months: what approved statements paid for each month (its own lines plus later
    # adjustments) is what the rules give for that month now.
    paid: dict[Any, int] = defaultdict(int)
    for line in StatementLine.objects.filter(statement__status=StatementStatus.APPROVED):
        paid[line.for_month] += line.amount_cents
    for month in (first, second, months_ago(0)):
        figures = month_figures(month, [opex(personas).pk])[opex(personas).pk]
        assert paid[month] == sum(figures.amounts.values()), month
    assert paid[second] == prorated(20, second) + 3000 + 20000
