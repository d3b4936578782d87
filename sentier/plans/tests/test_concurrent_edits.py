"""Two caseworkers save the same plan: no update is lost; the second gets the conflict screen
with both versions and can apply theirs again."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse

from sentier.accounts.models import Role, User
from sentier.plans import actions
from sentier.plans.models import Objective
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_caseworker(personas: dict[str, Any]) -> User:
    return User.objects.create(
        email="marc.gagnon@laval.example",
        first_name="Marc",
        last_name="Gagnon",
        role=Role.CASEWORKER,
        region=personas["caseworker_laval"].region,
        password=make_password("x"),
    )


def test_second_save_of_an_objective_gets_both_versions_and_can_reapply(
    personas: dict[str, Any], laval_participant: Any, client_for: Any, second_caseworker: User
) -> None:
    from django.test import Client

    plan = active_plan(personas, laval_participant)
    objective = plan.objectives.first()
    assert objective is not None
    url = reverse("plans:edit_objective", args=[objective.uuid])
    first = client_for("caseworker_laval")
    second = Client()
    second.force_login(second_caseworker)
    # Both open the form at version 1.
    assert first.get(url).status_code == 200
    assert second.get(url).status_code == 200
    saved = first.post(url, {"version": 1, "text": "Make a monthly budget", "status": "open"})
    assert saved.status_code == 302

    conflict = second.post(url, {"version": 1, "text": "Make a budget with ACEF", "status": "open"})
    assert conflict.status_code == 409
    page = conflict.content.decode()
    assert "Make a monthly budget" in page  # the saved version
    assert "Make a budget with ACEF" in page  # theirs, not lost
    objective.refresh_from_db()
    assert objective.text == "Make a monthly budget"
    assert objective.version == 2
    assert conflict.context["form"]["version"].value() == "2"

    again = second.post(url, {"version": 2, "text": "Make a budget with ACEF", "status": "open"})
    assert again.status_code == 302
    objective.refresh_from_db()
    assert objective.text == "Make a budget with ACEF"
    assert objective.version == 3


def test_conflict_on_the_plan_itself_writes_nothing(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    caseworker = personas["caseworker_laval"]
    stale = plan.version
    actions.update_plan(
        actor=caseworker,
        plan=plan,
        expected_version=stale,
        difficulties=[],
        other_difficulty="Housing",
        purpose="First",
        planned_end_on=plan.planned_end_on,
    )
    events = laval_participant.events.count()
    with pytest.raises(actions.EditConflict) as conflict:
        actions.update_plan(
            actor=caseworker,
            plan=plan,
            expected_version=stale,
            difficulties=[],
            other_difficulty="Debt",
            purpose="Second",
            planned_end_on=plan.planned_end_on,
        )
    assert getattr(conflict.value.saved, "purpose") == "First"  # noqa: B009
    plan.refresh_from_db()
    assert plan.purpose == "First"
    assert laval_participant.events.count() == events


def test_plan_edit_conflict_screen_through_the_page(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    assert plan.planned_end_on is not None
    url = reverse("plans:edit", args=[plan.uuid])
    client = client_for("caseworker_laval")
    data = {
        "version": plan.version,
        "other_difficulty": "Housing",
        "purpose": "Mine",
        "planned_end_on": plan.planned_end_on.isoformat(),
    }
    assert client.post(url, data).status_code == 302
    conflict = client.post(url, data | {"purpose": "Theirs"})
    assert conflict.status_code == 409
    assert "Theirs" in conflict.content.decode()
    assert "Mine" in conflict.content.decode()


def test_objectives_added_at_the_same_time_are_both_kept(
    personas: dict[str, Any], laval_participant: Any, second_caseworker: User
) -> None:
    plan = active_plan(personas, laval_participant)
    actions.add_objective(actor=personas["caseworker_laval"], plan=plan, text="A")
    actions.add_objective(actor=second_caseworker, plan=plan, text="B")
    assert list(Objective.objects.filter(plan=plan).values_list("text", flat=True))[-2:] == [
        "A",
        "B",
    ]
