"""Reminders of follow-ups: what is due, grouped by caseworker, queued as background tasks."""

from __future__ import annotations

import datetime as dt

from sentier.plans.selectors import follow_ups_to_remind
from sentier.plans.tasks import send_follow_up_reminders


def queue_reminders(*, now: dt.datetime, ahead: dt.timedelta) -> dict[int, list[int]]:
    """Queue one e-mail task per caseworker; returns ``{caseworker id: [follow-up ids]}``."""
    grouped: dict[int, list[int]] = {}
    for follow_up in follow_ups_to_remind(now, ahead):
        grouped.setdefault(follow_up.plan.caseworker_id, []).append(follow_up.pk)
    for caseworker_id, ids in grouped.items():
        send_follow_up_reminders.enqueue(caseworker_id, ids, now.isoformat())
    return grouped
