"""The plan page, the portal and the worklist cost the same number of queries whatever the size
of the plan (100 objectives and actions, 500 timeline events): all the content is shown, the
timeline is capped."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from sentier.participants.actions import open_participant_file
from sentier.plans.selectors import TIMELINE_CAP
from sentier.plans.tests.factories import big_plan, grow_plan
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def _count(client: Any, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_plan_page_queries_do_not_grow_with_the_plan(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    small = active_plan(personas, laval_participant)
    grow_plan(small, objectives=1, actions=2, follow_ups=1, events=3)
    other = open_participant_file(
        actor=personas["caseworker_laval"],
        first_name="Nadia",
        last_name="Roy",
        region=laval_participant.region,
        program=laval_participant.program,
        caseworker=personas["caseworker_laval"],
    )
    large = big_plan(personas, other, objectives=100, actions=100, follow_ups=30, events=500)
    client = client_for("caseworker_laval")
    client.get(reverse("plans:detail", args=[small.uuid]))  # warm caches (session, sites)
    small_count, _ = _count(client, reverse("plans:detail", args=[small.uuid]))
    large_count, page = _count(client, reverse("plans:detail", args=[large.uuid]))
    assert large_count == small_count
    assert "Objective 100" in page  # all the content
    assert "Action 100" in page
    assert page.count('class="sentier-timeline-when"') == TIMELINE_CAP  # the timeline is capped


def test_portal_and_worklist_queries_do_not_grow(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    # Ending soon: the worklist names the person before the plan grows too (one access-log
    # INSERT on both sides of the comparison).
    ending = timezone.localdate() + dt.timedelta(days=7)
    plan = active_plan(personas, laval_participant, planned_end_on=ending)
    participant = client_for("participant")
    caseworker = client_for("caseworker_laval")
    participant.get(reverse("plans:my_plan"))
    caseworker.get(reverse("plans:worklist"))
    portal_before, _ = _count(participant, reverse("plans:my_plan"))
    worklist_before, _ = _count(caseworker, reverse("plans:worklist"))
    grow_plan(plan, objectives=50, actions=80, follow_ups=40, events=100)
    portal_after, _ = _count(participant, reverse("plans:my_plan"))
    worklist_after, page = _count(caseworker, reverse("plans:worklist"))
    assert portal_after == portal_before
    assert worklist_after == worklist_before
    assert "Julie" in page
