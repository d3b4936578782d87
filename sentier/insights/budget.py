"""PAAS Action spending against budget (issue 17: "allowance and organization spending against
budget"), per Québec region and month of a fiscal year (April to March).

Spent: the participants' support allowances and reimbursements (transport, childcare), with the
adjustments that correct them, on approved or exported monthly statements (:mod:`sentier.paas`;
a draft is not spent yet), for the month each amount is for, in the region of the participant's
file. The payments to organizations are not in it. Budget: ``data/paas_budget.yaml`` (demo
values, with their source). Money is integer cents until it is formatted.

An amount tells about the few people behind it (the allowance is the same for everyone), so it
goes through the disclosure layer as the number of placements paid: the region × month table of
those counts is protected with its totals, and an amount is shown only where its count is. The
page shows each region's year to date and the province month by month: totals of that table.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from sentier.insights.disclosure import THRESHOLD, TOTAL, Cell, protect_counts
from sentier.paas.models import LineKind, StatementLine, StatementStatus

BUDGET_FILE = Path(__file__).with_name("data") / "paas_budget.yaml"

#: The statement lines that are participants' money (not the payments to organizations).
PARTICIPANT_KINDS = (LineKind.ALLOWANCE, LineKind.TRANSPORT, LineKind.CHILDCARE)
SPENT_STATUSES = (StatementStatus.APPROVED, StatementStatus.EXPORTED)


@dataclass(frozen=True)
class Budgets:
    source: str
    first_month: int
    monthly_cents: dict[int, dict[str, int]]  # fiscal year → region → cents a month

    def year_of(self, day: dt.date) -> int:
        return day.year if day.month >= self.first_month else day.year - 1

    def months(self, year: int) -> list[dt.date]:
        first = dt.date(year, self.first_month, 1)
        return [_add_months(first, n) for n in range(12)]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _cents(text: object) -> int:
    return int((Decimal(str(text)) * 100).to_integral_value())


@cache
def budgets() -> Budgets:
    data = yaml.safe_load(BUDGET_FILE.read_text(encoding="utf-8"))
    return Budgets(
        source=str(data["source"]),
        first_month=int(data["fiscal_year_starts_month"]),
        monthly_cents={
            int(year): {str(code): _cents(amount) for code, amount in regions.items()}
            for year, regions in data["years"].items()
        },
    )


@dataclass(frozen=True)
class Line:
    """A region's (or the province's) spending over a span, against its budget."""

    key: str  # a region code, a month (YYYY-MM), or TOTAL
    budget_cents: int
    spent_cents: int | None  # None: suppressed
    months_elapsed: int
    months_in_year: int = 12

    @property
    def share_used(self) -> Decimal | None:
        if self.spent_cents is None or self.budget_cents <= 0:
            return None
        return Decimal(self.spent_cents) / Decimal(self.budget_cents)

    @property
    def projected_cents(self) -> int | None:
        """The year-end spending if the months to come spend as the months so far did."""
        if self.spent_cents is None or self.months_elapsed <= 0:
            return None
        return self.spent_cents * self.months_in_year // self.months_elapsed


@dataclass(frozen=True)
class BudgetReport:
    year: int
    months: list[dt.date]
    elapsed: int  # months of the year whose statements are due (before the current month)
    regions: list[Line]  # each region's year to date against its budget for the year
    by_month: list[Line]  # the province's month against its monthly budget
    total: Line
    source: str


def spending(
    year: int, regions: Sequence[str]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], set[int]]]:
    """Cents spent and placements paid, per (region, YYYY-MM) of the fiscal year."""
    months = budgets().months(year)
    first, after = months[0], _add_months(months[-1], 1)
    rows = (
        StatementLine.objects.filter(
            statement__status__in=SPENT_STATUSES,
            placement__participant__region__code__in=list(regions),
        )
        .filter(
            # Participants' own lines, and the adjustments that correct one of them.
            kind__in=[*PARTICIPANT_KINDS, LineKind.ADJUSTMENT],
        )
        .exclude(kind=LineKind.ADJUSTMENT, adjusts__kind=LineKind.ORGANIZATION_PAYMENT)
        .values_list(
            "amount_cents",
            "for_month",
            "statement__month",
            "placement_id",
            "placement__participant__region__code",
        )
    )
    cents: dict[tuple[str, str], int] = defaultdict(int)
    paid: dict[tuple[str, str], set[int]] = defaultdict(set)
    for amount, for_month, statement_month, placement, region in rows:
        month = (for_month or statement_month).replace(day=1)
        if not first <= month < after:
            continue
        key = (str(region), month.strftime("%Y-%m"))
        cents[key] += int(amount)
        paid[key].add(int(placement))
    return cents, paid


def budget_report(
    year: int, regions: Sequence[str], today: dt.date, *, threshold: int = THRESHOLD
) -> BudgetReport:
    plan = budgets()
    months = plan.months(year)
    labels = [m.strftime("%Y-%m") for m in months]
    this_month = today.replace(day=1)
    elapsed = sum(1 for m in months if m < this_month)
    shown = labels[:elapsed]
    cents, paid = spending(year, regions)
    monthly = plan.monthly_cents.get(year, {})
    counts = [
        Cell(group={"region": r, "month": m}, value=len(paid.get((r, m), ())))
        for r in regions
        for m in shown
    ]
    protected = {
        (c.group["region"], c.group["month"]): c
        for c in protect_counts(counts, threshold=threshold, margins=("region", "month"))
    }

    def spent(region: str, month: str) -> int | None:
        cell = protected.get((region, month))
        if cell is None or cell.suppressed:
            return None
        return sum(
            value
            for (r, m), value in cents.items()
            if (region == TOTAL or r == region) and (month == TOTAL or m == month)
        )

    region_lines = [
        Line(r, monthly.get(r, 0) * 12, spent(r, TOTAL) if shown else 0, elapsed) for r in regions
    ]
    province_monthly = sum(monthly.get(r, 0) for r in regions)
    month_lines = [Line(m, province_monthly, spent(TOTAL, m), 1, months_in_year=1) for m in shown]
    total = Line(TOTAL, province_monthly * 12, spent(TOTAL, TOTAL) if shown else 0, elapsed)
    return BudgetReport(year, months, elapsed, region_lines, month_lines, total, plan.source)
