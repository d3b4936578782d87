"""Cohort outcomes at 3, 6 and 12 months on hand-built milestones: the share of a month's
entrants who reached the outcome within each horizon, "not yet observable" for a horizon that
has not passed, and the disclosure rules on rates and on the cohort's size."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sentier.insights.cohorts import (
    MEASURES,
    add_months,
    cohort_table,
    is_not_yet_observable,
)
from sentier.insights.indicators import Period
from sentier.insights.milestones import Kind, Milestone

PLAN = MEASURES[0]
PAAS = MEASURES[1]
PERIOD = Period(dt.date(2025, 10, 1), dt.date(2026, 12, 6))
TODAY = dt.date(2026, 12, 6)
T = 3


def at(day: str) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12)))


def m(kind: str, day: str, case: str, **dims: str) -> Milestone:
    return Milestone(kind, at(day), case, 1, {"region": "13", **dims})


def row(table, month: str):  # type: ignore[no-untyped-def]
    return next(r for r in table.rows if r.month == month)


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2025, 11, 30), 3) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 10, 15), 12) == dt.date(2026, 10, 15)


def test_shares_within_each_horizon_and_not_yet_observable() -> None:
    milestones = []
    # Ten plans agreed in October 2025: 2 completed within 3 months, 3 more by 6, 1 more by 12,
    # one ended for another reason (not counted), three still open.
    ends = {0: "2025-11-20", 1: "2026-01-10", 2: "2026-03-01", 3: "2026-04-01", 4: "2026-04-10"}
    ends |= {5: "2026-09-30"}
    for i in range(10):
        milestones.append(m(Kind.SUPPORT_PLAN_AGREED, "2025-10-10", f"support_plan:{i}"))
        if i in ends:
            milestones.append(
                m(
                    Kind.SUPPORT_PLAN_ENDED,
                    ends[i],
                    f"support_plan:{i}",
                    end_reason="objectives_attained",
                )
            )
    milestones.append(
        m(Kind.SUPPORT_PLAN_ENDED, "2025-12-01", "support_plan:9", end_reason="caseworker")
    )
    # Every numerator (2, 5, 6) and complement is at least the threshold of 2: all shown.
    table = cohort_table(PLAN, milestones, PERIOD, TODAY, threshold=2)
    october = row(table, "2025-10")
    assert [cell.value for cell in october.cells] == [0.2, 0.5, 0.6]
    assert october.size.value == 10
    # A cohort of October 2026 is not yet observable at 3 months on 2026-12-06.
    late = row(table, "2026-10")
    assert all(is_not_yet_observable(cell) for cell in late.cells)
    # June 2026: 3 and (on 2026-12-06, 2026-06-30 + 6 months is not past) 6 months.
    june = row(table, "2026-06")
    assert [is_not_yet_observable(c) for c in june.cells] == [False, True, True]


def test_an_outcome_before_the_entry_or_after_the_horizon_is_not_counted() -> None:
    milestones = [m(Kind.PAAS_STARTED, "2025-11-05", f"paas:{i}") for i in range(12)] + [
        m(Kind.PAAS_ENDED, "2026-02-05", "paas:0", outcome="employment_measure"),  # 3 months
        m(Kind.PAAS_ENDED, "2026-02-06", "paas:1", outcome="training"),  # a day too late for 3
        m(Kind.PAAS_ENDED, "2026-01-01", "paas:2", outcome="left"),  # another outcome
    ]
    table = cohort_table(PAAS, milestones, PERIOD, TODAY, threshold=T)
    november = row(table, "2025-11")
    assert [round(float(c.value or 0), 4) for c in november.cells] == [
        round(1 / 12, 4),
        round(2 / 12, 4),
        round(2 / 12, 4),
    ]
    # The numerators (1 and 2) are under the threshold: the rates are shown without them, and
    # the cohort's size is suppressed so that it cannot give them back.
    assert all(c.numerator is None for c in november.cells)
    assert november.size.suppressed
    assert november.size.value is None


def test_small_cohorts_and_zero_on_small_groups_are_suppressed() -> None:
    milestones = [m(Kind.PAAS_STARTED, "2025-12-05", f"paas:{i}") for i in range(2)]
    milestones += [m(Kind.PAAS_STARTED, "2026-01-05", f"paas:x{i}") for i in range(4)]
    table = cohort_table(PAAS, milestones, PERIOD, TODAY, threshold=T)
    december = row(table, "2025-12")
    observed = [c for c in december.cells if not is_not_yet_observable(c)]
    assert len(observed) == 2  # 3 and 6 months (12 months is not yet observable)
    assert all(c.suppressed and c.value is None for c in observed)
    assert december.size.suppressed
    # Four people, none reached the outcome: 0 % on a group under twice the threshold.
    january = row(table, "2026-01")
    assert all(c.suppressed for c in january.cells if not is_not_yet_observable(c))
    # An empty month is suppressed, never "0 %".
    assert all(c.suppressed for c in row(table, "2026-02").cells if not is_not_yet_observable(c))
