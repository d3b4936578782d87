"""Demo files carry a history spread over weeks, each step at its date, not the loading minute."""

from __future__ import annotations

import collections
import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from sentier.participants.models import Participant, TimelineEvent
from sentier.site.demo import load_demo

pytestmark = pytest.mark.django_db


def _minutes(events: list[TimelineEvent]) -> collections.Counter[str]:
    return collections.Counter(
        timezone.localtime(e.occurred_at).strftime("%Y-%m-%d %H:%M") for e in events
    )


def test_the_participant_personas_history_spreads_over_weeks(personas: Any) -> None:
    load_demo(count=60)
    now = timezone.now()
    julie = Participant.objects.get(user=personas["participant"])
    events = list(julie.events.order_by("occurred_at", "id"))
    assert len(events) >= 30
    assert all(e.occurred_at < now for e in events)
    assert events[0].kind == "file_opened"
    assert max(_minutes(events).values()) <= 2  # an action and the decision it asked for
    assert now - events[0].occurred_at > dt.timedelta(weeks=12)
    assert len({timezone.localtime(e.occurred_at).date() for e in events}) >= 12
    kinds = [e.kind for e in events]
    # The story in its order: the plan proposed, then agreed, then followed up.
    assert kinds.index("support_plan_proposed") < kinds.index("support_plan_agreed")
    assert kinds.index("support_plan_agreed") < kinds.index("follow_up")
    assert kinds.index("service_plan_requested") < kinds.index("service_plan_decided")


def test_no_demo_file_has_a_crowded_minute_or_a_future_event(personas: Any) -> None:
    load_demo(count=60)
    now = timezone.now()
    for participant in Participant.objects.filter(events__isnull=False).distinct():
        events = list(participant.events.order_by("occurred_at", "id"))
        assert events[-1].occurred_at < now, participant.file_number
        assert max(_minutes(events).values()) <= 3, participant.file_number
