"""Deciding for a participant stores a record that explains itself and replays identically."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sentier.decisions.actions import DecisionInputError, decide_for_participant, replay_decision
from sentier.decisions.models import Decision
from sentier.decisions.timeline_kinds import DecisionEventKind

pytestmark = pytest.mark.django_db
MAY = dt.date(2026, 5, 1)


def test_laval_pas_participant_is_eligible_to_a_support_plan(
    personas: Any, laval_participant: Any
) -> None:
    decision = decide_for_participant(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        measure="support_plan",
        date=MAY,
    )
    assert decision.eligible is True
    assert decision.reasons
    assert all({"code", "fr", "en", "source"} <= set(r) for r in decision.reasons)
    assert decision.amounts == {}
    assert decision.inputs["person"]["region"] == "13"
    assert decision.rules_version
    assert laval_participant.events.filter(kind=DecisionEventKind.DECISION).count() == 1
    replay = replay_decision(decision)
    assert replay["same_outcome"]
    assert replay["same_rules_version"]


def test_before_the_start_date_is_not_eligible(personas: Any, laval_participant: Any) -> None:
    decision = decide_for_participant(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        measure="support_plan",
        date=dt.date(2026, 3, 31),
    )
    assert decision.eligible is False


def test_paas_action_pays_173_and_200(personas: Any, laval_participant: Any) -> None:
    decision = decide_for_participant(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        measure="paas_action",
        date=MAY,
        weekly_hours=12,
    )
    assert decision.eligible is True
    assert decision.amounts == {
        "monthly_allowance": "173.00",
        "monthly_payment_per_place": "200.00",
    }


def test_21_hours_is_an_input_error_and_nothing_is_stored(
    personas: Any, laval_participant: Any
) -> None:
    with pytest.raises(DecisionInputError) as raised:
        decide_for_participant(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            measure="paas_action",
            date=MAY,
            weekly_hours=21,
        )
    assert raised.value.error["field"]
    assert not Decision.objects.exists()


@pytest.mark.parametrize("persona", ["caseworker_montreal", "coordinator", "partner_opex"])
def test_others_cannot_decide(personas: Any, laval_participant: Any, persona: str) -> None:
    with pytest.raises(PermissionDenied):
        decide_for_participant(
            actor=personas[persona],
            participant=laval_participant,
            measure="support_plan",
            date=MAY,
        )
    assert not Decision.objects.exists()


def test_decision_pages(client_for: Any, laval_participant: Any) -> None:
    client = client_for("caseworker_laval")
    new = reverse("decisions:new", kwargs={"participant_uuid": laval_participant.uuid})
    assert client.get(new).status_code == 200
    response = client.post(new, {"measure": "support_plan", "date": "2026-05-01"})
    assert response.status_code == 302
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    assert "admissible" in detail.content.decode()
    file_page = client.get(
        reverse("participants:file", kwargs={"participant_uuid": laval_participant.uuid})
    )
    assert "Plan d’accompagnement personnalisé" in file_page.content.decode()
    other = client_for("caseworker_montreal").get(response["Location"])
    assert other.status_code == 404


def test_bad_input_on_the_form_is_explained_and_nothing_stored(
    client_for: Any, laval_participant: Any
) -> None:
    new = reverse("decisions:new", kwargs={"participant_uuid": laval_participant.uuid})
    response = client_for("caseworker_laval").post(
        new, {"measure": "paas_action", "date": "2026-05-01", "weekly_hours": "21"}
    )
    assert response.status_code == 400
    assert 'value="21"' in response.content.decode()
    assert not Decision.objects.exists()
    response = client_for("caseworker_laval").post(new, {"measure": "x", "date": "tomorrow"})
    assert response.status_code == 400


def test_participant_sees_the_plain_language_version(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    decide_for_participant(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        measure="support_plan",
        date=MAY,
    )
    content = client_for("participant").get(reverse("participants:my_file")).content.decode()
    assert "volontaire" in content


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1999-12-31"])
def test_a_date_the_rules_do_not_answer_for_is_a_field_error(
    client_for: Any, laval_participant: Any, date: str
) -> None:
    new = reverse("decisions:new", kwargs={"participant_uuid": laval_participant.uuid})
    response = client_for("caseworker_laval").post(new, {"measure": "support_plan", "date": date})
    assert response.status_code == 400
    assert response.context["form"].errors["date"]
    assert not Decision.objects.exists()
