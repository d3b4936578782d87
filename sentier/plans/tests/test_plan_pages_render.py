"""Every plan page renders for the people who may see it (both languages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from sentier.plans import actions
from sentier.plans.models import FollowUpMode
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_caseworker_pages_render(
    personas: dict[str, Any], laval_participant: Any, client_for: Any, language: str
) -> None:
    plan = active_plan(personas, laval_participant)
    caseworker = personas["caseworker_laval"]
    objective = plan.objectives.first()
    assert objective is not None
    action = actions.add_action(
        actor=caseworker, plan=plan, what="Call the ACEF", who="participant", objective=objective
    )
    follow_up = actions.schedule_follow_up(
        actor=caseworker,
        plan=plan,
        scheduled_for=timezone.now() + dt.timedelta(days=2),
        mode=FollowUpMode.PHONE,
    )
    extension = actions.request_extension(
        actor=personas["participant"], plan=plan, why="Not done yet"
    )
    client = client_for("caseworker_laval")
    urls = [
        reverse("plans:detail", args=[plan.uuid]),
        reverse("plans:edit", args=[plan.uuid]),
        reverse("plans:add_objective", args=[plan.uuid]),
        reverse("plans:add_action", args=[plan.uuid]) + f"?objective={objective.uuid}",
        reverse("plans:schedule_follow_up", args=[plan.uuid]),
        reverse("plans:edit_objective", args=[objective.uuid]),
        reverse("plans:edit_action", args=[action.uuid]),
        reverse("plans:record_follow_up", args=[follow_up.uuid]),
        reverse("plans:decide_extension", args=[extension.uuid]),
        reverse("plans:end", args=[plan.uuid]),
        reverse("plans:worklist"),
        reverse("plans:calendar"),
        reverse("plans:propose", args=[laval_participant.uuid]),
        reverse("plans:request", args=[laval_participant.uuid]),
        reverse("participants:file", args=[laval_participant.uuid]),
        "/",
    ]
    for url in urls:
        url = url.replace("/fr-ca/", f"/{language}/")
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    participant = client_for("participant")
    for name in ("plans:my_plan", "plans:my_extension", "plans:my_end"):
        response = participant.get(reverse(name))
        assert response.status_code in (200, 302), name
    assert participant.get(reverse("participants:my_file")).status_code == 200
