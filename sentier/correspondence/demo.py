"""Demo data for sentier.correspondence (idempotent; called by ``sentier load_demo``).

The participant persona asked for letters (she reads her post more than her e-mail): her
recent offer of a place is a letter in the day's mailing and a call on the Laval caseworker's
worklist, her follow-ups coming up are reminded by letter.

What the daily job would have done over the demo's last days: each recent event that asks
something of the person is planned a few minutes after it happened (``sentier.core.clock``), so
that /correspondence/, the day's mailing and the caseworkers' calls show something; then the
reminders due today (a follow-up coming up, in Ontario an action plan review coming up, a consent
about to end), each at its own minute, so that no file gets a crowded minute. E-mails wait for
the worker, as they would. The Ontario demo calls it too, after its applications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from sentier.consent.actions import announce_expiring_consents
from sentier.core.clock import acting_at
from sentier.core.jurisdiction import app_enabled
from sentier.correspondence import registry
from sentier.correspondence.actions import plan_notices_for, watched_events
from sentier.correspondence.models import Channel, ContactPreference, Notice
from sentier.participants.models import Participant, TimelineEvent
from sentier.plans.reminders import remind_participants_of_follow_ups

#: How long after an event the demo's planning runs (the job's hourly pass).
AFTER = dt.timedelta(minutes=7)


def load_demo() -> list[Notice]:
    """Plan the notices of the demo's recent events and today's reminders; returns them."""
    now = timezone.now()
    julie = Participant.objects.filter(user__email="participant@sentier.demo").first()
    if julie is not None:
        ContactPreference.objects.get_or_create(
            participant=julie,
            defaults={
                "channel": Channel.LETTER,
                "recorded_at": now - dt.timedelta(days=60),
                "recorded_by": julie.caseworker,
            },
        )
    latest = now - dt.timedelta(minutes=1)
    created: list[Notice] = []
    for event in list(watched_events(now=now)):
        at = min(event.occurred_at + AFTER, latest)
        with acting_at(at):
            created.extend(plan_notices_for(event, now=at))
    # Follow-ups (Québec's support plans, the jurisdiction's own: Ontario's action plan
    # reviews) and consents at their own minutes: a person with both gets two quiet lines.
    writers: list[tuple[Callable[..., list[TimelineEvent]], int]] = []
    if app_enabled("plans"):
        writers.append((remind_participants_of_follow_ups, 40))
    writers.extend((writer, 30) for writer in registry.reminder_writers())
    writers.append((announce_expiring_consents, 20))
    for write, minutes in writers:
        at = now - dt.timedelta(minutes=minutes)
        with acting_at(at):
            for event in write(now=at):
                created.extend(plan_notices_for(event, now=at))
    return created
