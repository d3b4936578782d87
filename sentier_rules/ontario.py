"""Ontario configuration parameters the application reads (seed 004).

Action plans (the local office's common assessment, 004 Q3) are reviewed a number of days after
they are put in place, then every few months: both are dated parameters in
``parameters/ontario_action_plan/``. This module only reads them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from sentier_rules.engine import Engine


def _node(system: Any = None) -> Any:
    engine = Engine(system) if system is not None else Engine.shared()
    return engine.system.parameters.ontario_action_plan


def action_plan_schedule(date: dt.date, *, system: Any = None) -> dict[str, int]:
    """``{"first_review_days": 30, "review_interval_months": 3}`` in force on ``date``."""
    node = _node(system)
    at = date.isoformat()
    return {
        "first_review_days": int(node.first_review_days(at)),
        "review_interval_months": int(node.review_interval_months(at)),
    }


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def first_review_on(put_in_place: dt.date, *, system: Any = None) -> dt.date:
    """When a plan put in place on ``put_in_place`` is first reviewed."""
    days = action_plan_schedule(put_in_place, system=system)["first_review_days"]
    return put_in_place + dt.timedelta(days=days)


def next_review_on(reviewed: dt.date, *, system: Any = None) -> dt.date:
    """When a plan reviewed on ``reviewed`` is reviewed next."""
    months = action_plan_schedule(reviewed, system=system)["review_interval_months"]
    return add_months(reviewed, months)


__all__ = ["action_plan_schedule", "add_months", "first_review_on", "next_review_on"]
