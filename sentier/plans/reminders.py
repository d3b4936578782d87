"""Reminders of follow-ups: to caseworkers, what is due, grouped by caseworker, queued as
background tasks; to the person, one "follow-up reminder" on their file a few days before each
follow-up (``SENTIER_FOLLOW_UP_NOTICE_DAYS``), which correspondence turns into an e-mail, a letter
or a call in their language (issue 19)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction

from sentier.participants.actions import add_event
from sentier.participants.models import TimelineEvent
from sentier.plans import states
from sentier.plans.models import FollowUp, FollowUpStatus
from sentier.plans.selectors import follow_ups_to_remind
from sentier.plans.tasks import send_follow_up_reminders
from sentier.plans.timeline_kinds import SupportPlanEventKind


def queue_reminders(*, now: dt.datetime, ahead: dt.timedelta) -> dict[int, list[int]]:
    """Queue one e-mail task per caseworker; returns ``{caseworker id: [follow-up ids]}``."""
    grouped: dict[int, list[int]] = {}
    for follow_up in follow_ups_to_remind(now, ahead):
        grouped.setdefault(follow_up.plan.caseworker_id, []).append(follow_up.pk)
    for caseworker_id, ids in grouped.items():
        send_follow_up_reminders.enqueue(caseworker_id, ids, now.isoformat())
    return grouped


def participant_notice_days() -> int:
    """Days before a follow-up the person is reminded of it: time for a letter to arrive."""
    return int(getattr(settings, "SENTIER_FOLLOW_UP_NOTICE_DAYS", 7))


def _reminder_key(follow_up_uuid: object, scheduled_for: object) -> tuple[str, str]:
    return (str(follow_up_uuid), str(scheduled_for))


def remind_participants_of_follow_ups(*, now: dt.datetime) -> list[TimelineEvent]:
    """Write a "follow-up reminder" on the file of each person whose follow-up comes within the
    notice days: once per follow-up and date (a follow-up moved to another date is reminded
    again), so running this twice, or two runs at once, writes nothing more. Returns the events
    this call wrote."""
    coming = (
        FollowUp.objects.filter(
            status=FollowUpStatus.SCHEDULED,
            scheduled_for__gt=now,
            scheduled_for__lte=now + dt.timedelta(days=participant_notice_days()),
            plan__status__in=states.EDITABLE,
        )
        .select_related("plan__participant")
        .order_by("scheduled_for", "pk")
    )
    candidates = list(coming)
    if not candidates:
        return []
    done = {
        _reminder_key(follow_up, day)
        for follow_up, day in TimelineEvent.objects.filter(
            kind=SupportPlanEventKind.FOLLOW_UP_REMINDER,
            data__follow_up__in=[str(f.uuid) for f in candidates],
        ).values_list("data__follow_up", "data__scheduled_for")
    }
    written = []
    for follow_up in candidates:
        key = _reminder_key(follow_up.uuid, follow_up.scheduled_for.isoformat())
        if key in done:
            continue
        with transaction.atomic():
            # The row locked, then checked again: a run that was quicker has written it.
            locked = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
            if locked.status != FollowUpStatus.SCHEDULED or locked.scheduled_for != (
                follow_up.scheduled_for
            ):
                continue
            if TimelineEvent.objects.filter(
                kind=SupportPlanEventKind.FOLLOW_UP_REMINDER,
                data__follow_up=key[0],
                data__scheduled_for=key[1],
            ).exists():
                continue
            written.append(
                add_event(
                    participant=follow_up.plan.participant,
                    kind=SupportPlanEventKind.FOLLOW_UP_REMINDER,
                    actor=None,
                    data={
                        "follow_up": key[0],
                        "plan": str(follow_up.plan.uuid),
                        "scheduled_for": key[1],
                        "mode": follow_up.mode,
                    },
                    occurred_at=now,
                )
            )
    return written
