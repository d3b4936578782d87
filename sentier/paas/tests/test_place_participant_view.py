"""The caseworker's placement form, from the participant's file."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.paas.models import Placement, WaitingEntry
from sentier.paas.tests.placement_helpers import grant, laval_file, opex, placed, start_date

pytestmark = pytest.mark.django_db


def url(participant: Any) -> str:
    with translation.override("en-ca"):
        return reverse("paas:place_participant", kwargs={"participant_uuid": participant.uuid})


def form(personas: Any, hours: int = 6, **extra: Any) -> dict[str, Any]:
    start = start_date()
    return {
        "organization": opex(personas).pk,
        "start_date": start.isoformat(),
        "step_1_hours": hours,
        "step_2_from": (start + dt.timedelta(weeks=3)).isoformat(),
        "step_2_hours": 12,
        "objectives": "Arriver à l’heure\nApprendre le traitement de texte",
        "activities": ["basic_skills", "social_recreational"],
        **extra,
    }


def test_the_file_offers_to_place(client_for: Any, laval_participant: Any) -> None:
    with translation.override("en-ca"):
        page = client_for("caseworker_laval").get(
            reverse("participants:file", kwargs={"participant_uuid": laval_participant.uuid})
        )
    assert url(laval_participant) in page.content.decode()


def test_caseworker_places_through_the_form(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13")
    response = client_for("caseworker_laval").get(url(laval_participant))
    assert opex(personas).name in response.content.decode()
    response = client_for("caseworker_laval").post(url(laval_participant), form(personas))
    placement = Placement.objects.get(participant=laval_participant)
    assert response.status_code == 302
    assert [s.weekly_hours for s in placement.hours_plan.all()] == [6, 12]
    assert placement.objectives.count() == 2


def test_21_hours_are_shown_next_to_the_plan_and_nothing_is_written(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13")
    response = client_for("caseworker_laval").post(url(laval_participant), form(personas, hours=21))
    assert response.status_code == 400
    assert "Each step is between 1 and 20 hours a week (21 given)." in response.content.decode()
    assert not Placement.objects.exists()


def test_when_full_the_form_puts_the_person_on_the_waiting_list(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    grant(personas, opex(personas), "13", places=1)
    placed(personas, laval_file(personas, "Marc"), opex(personas))
    response = client_for("caseworker_laval").post(
        url(laval_participant), form(personas), follow=True
    )
    assert "is on its waiting list" in response.content.decode()
    assert WaitingEntry.objects.filter(participant=laval_participant).exists()
    assert not Placement.objects.filter(participant=laval_participant).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("caseworker_montreal", 404), ("partner_opex", 404), ("coordinator", 403)],
)
def test_others_cannot_place(
    client_for: Any, personas: Any, laval_participant: Any, persona: str, status: int
) -> None:
    grant(personas, opex(personas), "13")
    response = client_for(persona).post(url(laval_participant), form(personas))
    assert response.status_code == status
    assert not Placement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start_date", "0001-01-01"),
        ("start_date", "9999-12-31"),
        ("step_2_from", "9999-12-31"),
        ("step_2_from", "0001-01-03"),
    ],
)
def test_a_far_date_is_a_field_error_and_nothing_is_written(
    client_for: Any, personas: Any, laval_participant: Any, field: str, value: str
) -> None:
    grant(personas, opex(personas), "13")
    response = client_for("caseworker_laval").post(
        url(laval_participant), {**form(personas), field: value}
    )
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Placement.objects.exists()
