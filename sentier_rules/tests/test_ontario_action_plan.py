"""Ontario action plan reviews: 30 days after, then every 3 months (dated parameters)."""

from __future__ import annotations

import datetime as dt

from sentier_rules.ontario import action_plan_schedule, add_months, first_review_on, next_review_on


def test_the_schedule_in_force_since_directive_2_5() -> None:
    assert action_plan_schedule(dt.date(2026, 11, 23)) == {
        "first_review_days": 30,
        "review_interval_months": 3,
    }


def test_first_review_is_30_days_after_the_plan() -> None:
    assert first_review_on(dt.date(2026, 1, 31)) == dt.date(2026, 3, 2)


def test_next_review_is_three_months_later_on_the_same_day_or_the_months_last() -> None:
    assert next_review_on(dt.date(2026, 3, 2)) == dt.date(2026, 6, 2)
    assert next_review_on(dt.date(2026, 11, 30)) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 11, 30), 3) == dt.date(2028, 2, 29)
