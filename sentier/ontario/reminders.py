"""Reminders on Ontario files (issue 19): a few days before an action plan's review is due
(``ActionPlan.next_review_on``: 30 days after it is put in place, then every 3 months, 004 Q3-Q4),
one "review coming" event on the person's file, which correspondence turns into an e-mail, a
letter or a call, in English or French (``ontario.correspondence``).

Registered with ``correspondence.registry.register_reminders``: the ``sentier correspondence``
job writes them, then plans their notices. Consents about to end are the consent app's, in
Ontario as in Québec (``consent.actions.announce_expiring_consents``). Ontario has no other
dated follow-up for the person: information asked by a date is told when it is asked.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sentier.ontario.models import ActionPlan
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.actions import add_event
from sentier.participants.models import FileStatus, TimelineEvent

#: The action plan event's step that reminds the person of the review.
REVIEW_COMING = "review_coming"


def notice_days() -> int:
    """Days before the review the person is reminded: time for a letter to arrive (the same
    setting as Québec's follow-ups)."""
    return int(getattr(settings, "SENTIER_FOLLOW_UP_NOTICE_DAYS", 7))


def _written(plan_uuids: list[str]) -> set[tuple[str, str]]:
    return set(
        TimelineEvent.objects.filter(
            kind=OntarioEventKind.ACTION_PLAN,
            data__step=REVIEW_COMING,
            data__action_plan__in=plan_uuids,
        ).values_list("data__action_plan", "data__next_review_on")
    )


def remind_of_action_plan_reviews(*, now: dt.datetime) -> list[TimelineEvent]:
    """Write "review coming" on the file of each person whose action plan's review is due within
    the notice days (``SENTIER_FOLLOW_UP_NOTICE_DAYS``), once per plan and due date (a review
    done sets the next date, reminded in its turn): running this twice, or two runs at once,
    writes nothing more. Returns the events this call wrote."""
    today = timezone.localdate(now)
    candidates = list(
        ActionPlan.objects.filter(
            next_review_on__gte=today,
            next_review_on__lte=today + dt.timedelta(days=notice_days()),
        )
        .exclude(participant__status=FileStatus.CLOSED)
        .select_related("participant")
        .order_by("next_review_on", "pk")
    )
    if not candidates:
        return []
    done = _written([str(plan.uuid) for plan in candidates])
    written = []
    for plan in candidates:
        key = (str(plan.uuid), plan.next_review_on.isoformat())
        if key in done:
            continue
        with transaction.atomic():
            # The row locked, then checked again: a run that was quicker has written it.
            locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
            if locked.next_review_on != plan.next_review_on or key in _written([key[0]]):
                continue
            written.append(
                add_event(
                    participant=plan.participant,
                    kind=OntarioEventKind.ACTION_PLAN,
                    actor=None,
                    data={"action_plan": key[0], "next_review_on": key[1], "step": REVIEW_COMING},
                    occurred_at=now,
                )
            )
    return written
