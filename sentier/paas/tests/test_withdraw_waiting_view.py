"""Taking a person off a waiting list; an ineligible person is not placed and sees why."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.paas.models import Placement, WaitingEntry
from sentier.paas.tests.placement_helpers import grant, laval_file, opex, place, placed, start_date
from sentier.participants.actions import open_participant_file
from sentier.reference.models import Program, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(personas: Any, laval_participant: Any) -> WaitingEntry:
    grant(personas, opex(personas), "13", places=1)
    placed(personas, laval_file(personas, "Marc"), opex(personas))
    outcome = place(personas, laval_participant, opex(personas))
    assert outcome.waiting is not None
    return outcome.waiting


def url(entry: WaitingEntry) -> str:
    with translation.override("en-ca"):
        return reverse("paas:withdraw_waiting", kwargs={"entry_uuid": entry.uuid})


def test_the_caseworker_withdraws_the_person(client_for: Any, waiting: WaitingEntry) -> None:
    response = client_for("caseworker_laval").post(url(waiting))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.cancelled_at is not None


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_opex", "coordinator"])
def test_others_get_404_and_nothing_changes(
    client_for: Any, waiting: WaitingEntry, persona: str
) -> None:
    assert client_for(persona).post(url(waiting)).status_code == 404
    waiting.refresh_from_db()
    assert waiting.cancelled_at is None


def test_an_ineligible_person_sees_the_reasons_and_is_not_placed(
    client_for: Any, personas: Any
) -> None:
    grant(personas, opex(personas), "13")
    person = open_participant_file(
        actor=personas["admin"],
        first_name="Ann",
        last_name="Smith",
        region=Region.objects.get(code="13"),
        # A program PAAS Action does not serve (Ontario's, absent from a Québec database).
        program=Program.objects.create(code="OW", name="Ontario Works", jurisdiction="ON"),
        caseworker=personas["caseworker_laval"],
    )
    with translation.override("en-ca"):
        address = reverse("paas:place_participant", kwargs={"participant_uuid": person.uuid})
        response = client_for("caseworker_laval").post(
            address,
            {
                "organization": opex(personas).pk,
                "start_date": start_date().isoformat(),
                "step_1_hours": 6,
            },
        )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Your program (Ontario Works) is not one of them." in page
    assert not Placement.objects.filter(participant=person).exists()
    assert not WaitingEntry.objects.filter(participant=person).exists()
