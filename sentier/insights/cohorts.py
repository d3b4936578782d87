"""Cohort outcomes at 3, 6 and 12 months (issue 17, "Outcomes over time").

A cohort is everyone who entered a measure in one month. For each cohort and each horizon, the
share who reached the measure's outcome within that many months of their own entry. Only what
the files record is measured, and each definition says which fact it reads:

- personalized support plan: entered when the person agreed to the plan; outcome "plan
  completed", the plan ended with its objectives attained;
- PAAS Action: entered at the placement's start; outcome "moved on to employment or training",
  the placement ended with the exit outcome employment measure or training.

Whether the person is still on assistance, or came back to it, is not held (Sentier does not
receive the benefit payments): the catalogue's ``not_held`` list says so on the same page.

A horizon that has not yet passed for the whole cohort (the last entrant of the month has not
been followed that long by today) is "not yet observable", never 0 %. Every rate goes through
:func:`sentier.insights.disclosure.protect_rate`; the cohort's size is shown only where no rate
of its row hides its numerator (a visible size and a visible rate would give that small
numerator back).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sentier.insights.disclosure import THRESHOLD, Cell, protect_rate
from sentier.insights.indicators import Period
from sentier.insights.milestones import Kind, Milestone

#: The horizons, in months.
HORIZONS = (3, 6, 12)


@dataclass(frozen=True)
class Measure:
    """An entry milestone, and the end milestone that counts as the outcome."""

    id: str
    label: object
    outcome: object
    definition: object
    entry_kind: str
    end_kind: str
    outcomes: frozenset[str]
    outcome_key: str


MEASURES = (
    Measure(
        id="support_plan_completed",
        label=_("Personalized support plans: plan completed"),
        outcome=pgettext_lazy("cohort outcome", "Plan completed"),
        definition=_(
            "People who agreed to a personalized support plan in the month (the cohort); "
            "share whose plan ended with its objectives attained within 3, 6 and 12 months of "
            "their agreement. Read from the plan’s end and its reason, as the caseworker "
            "recorded them."
        ),
        entry_kind=Kind.SUPPORT_PLAN_AGREED,
        end_kind=Kind.SUPPORT_PLAN_ENDED,
        outcomes=frozenset({"objectives_attained"}),
        outcome_key="end_reason",
    ),
    Measure(
        id="paas_employment_or_training",
        label=_("PAAS Action: moved on to employment or training"),
        outcome=pgettext_lazy("cohort outcome", "Employment or training"),
        definition=_(
            "People whose PAAS Action placement started in the month (the cohort); share whose "
            "placement ended with a move to an employment measure or to training within 3, 6 "
            "and 12 months of its start. Read from the placement’s exit outcome."
        ),
        entry_kind=Kind.PAAS_STARTED,
        end_kind=Kind.PAAS_ENDED,
        outcomes=frozenset({"employment_measure", "training"}),
        outcome_key="outcome",
    ),
)

NOT_YET_OBSERVABLE = "not_yet_observable"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    following = dt.date(year + (month == 11), (month + 1) % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month + 1, min(day.day, last))


def month_last_day(month: str) -> dt.date:
    year, number = (int(part) for part in month.split("-"))
    following = dt.date(year + (number == 12), number % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@dataclass(frozen=True)
class CohortRow:
    """One cohort: its month, its size (or suppressed), and one cell per horizon. A cell whose
    group holds ``"status": "not_yet_observable"`` has not been followed long enough."""

    month: str
    size: Cell
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class CohortTable:
    measure: Measure
    rows: tuple[CohortRow, ...]


def cohort_table(
    measure: Measure,
    milestones: Sequence[Milestone],
    period: Period,
    today: dt.date,
    *,
    threshold: int = THRESHOLD,
) -> CohortTable:
    """The cohorts entering ``measure`` in each month of ``period``, followed to ``today``."""
    entries: dict[str, dt.date] = {}
    reached: dict[str, dt.date] = {}
    for m in milestones:
        if m.kind == measure.entry_kind and period.contains(m.day):
            entries[m.case] = min(m.day, entries.get(m.case, m.day))
        elif m.kind == measure.end_kind and m.dims.get(measure.outcome_key) in measure.outcomes:
            reached[m.case] = min(m.day, reached.get(m.case, m.day))
    by_month: dict[str, list[str]] = defaultdict(list)
    for case, day in entries.items():
        by_month[day.strftime("%Y-%m")].append(case)
    rows = []
    for month in period.months():
        cases = by_month.get(month, [])
        last_entry = month_last_day(month)
        cells = []
        for horizon in HORIZONS:
            group = {"month": month, "horizon": str(horizon)}
            if add_months(last_entry, horizon) > today:
                cells.append(Cell(group={**group, "status": NOT_YET_OBSERVABLE}, value=None))
                continue
            yes = sum(
                1
                for case in cases
                if case in reached
                and entries[case] <= reached[case] <= add_months(entries[case], horizon)
            )
            cells.append(protect_rate(yes, len(cases), threshold=threshold, group=group))
        rows.append(CohortRow(month, _size(month, cases, cells, threshold), tuple(cells)))
    return CohortTable(measure, tuple(rows))


def _size(month: str, cases: Sequence[str], cells: Sequence[Cell], threshold: int) -> Cell:
    group = {"month": month, "horizon": "size"}
    observed = [cell for cell in cells if cell.group.get("status") != NOT_YET_OBSERVABLE]
    small = len(cases) < threshold
    hides_a_part = any(not cell.suppressed and cell.numerator is None for cell in observed)
    if small or hides_a_part:
        return Cell(group=group, value=None, suppressed=True)
    return Cell(group=group, value=len(cases))


def is_not_yet_observable(cell: Cell) -> bool:
    return cell.group.get("status") == NOT_YET_OBSERVABLE


def cohort_tables(
    milestones: Sequence[Milestone],
    period: Period,
    today: dt.date,
    *,
    kinds: Sequence[str] | None = None,
    threshold: int = THRESHOLD,
) -> list[CohortTable]:
    """Every measure whose entry kind occurs among ``kinds`` (all when None)."""
    return [
        cohort_table(measure, milestones, period, today, threshold=threshold)
        for measure in MEASURES
        if kinds is None or measure.entry_kind in kinds
    ]
