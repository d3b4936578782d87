"""Correcting a file's details: validation keeps what was typed and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.participants.models import EventKind, Participant, TimelineEvent

pytestmark = pytest.mark.django_db


def url(participant: Any) -> str:
    return reverse("participants:edit", kwargs={"participant_uuid": participant.uuid})


def form_data(participant: Participant, **overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": participant.first_name,
        "last_name": participant.last_name,
        "birth_date": participant.birth_date.isoformat() if participant.birth_date else "",
        "email": participant.email,
        "phone": participant.phone,
        "address": participant.address,
        "city": participant.city,
        "postal_code": participant.postal_code,
        "preferred_language": participant.preferred_language,
        "claim_booklet": participant.claim_booklet,
        "household_type": participant.household_type,
        "adults": participant.adults,
        "children": participant.children,
        "status": participant.status,
    }
    data.update(overrides)
    return data


def test_caseworker_corrects_the_phone(client_for: Any, laval_participant: Any) -> None:
    response = client_for("caseworker_laval").post(
        url(laval_participant), form_data(laval_participant, phone="450 555-0199")
    )
    assert response.status_code == 302
    laval_participant.refresh_from_db()
    assert laval_participant.phone == "450 555-0199"
    event = TimelineEvent.objects.filter(
        participant=laval_participant, kind=EventKind.DETAILS_UPDATED
    ).get()
    assert event.data == {"fields": ["phone"]}
    assert laval_participant.history.first().history_user is not None


def test_bad_postal_code_keeps_typed_values_and_changes_nothing(
    client_for: Any, laval_participant: Any
) -> None:
    before = Participant.objects.values().get(pk=laval_participant.pk)
    response = client_for("caseworker_laval").post(
        url(laval_participant),
        form_data(laval_participant, postal_code="12345", city="Ville typée"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Entrez un code postal canadien" in content
    assert 'value="Ville typée"' in content
    assert 'value="12345"' in content
    assert Participant.objects.values().get(pk=laval_participant.pk) == before


def test_impossible_household_is_explained(client_for: Any, laval_participant: Any) -> None:
    response = client_for("caseworker_laval").post(
        url(laval_participant), form_data(laval_participant, household_type="single", children=2)
    )
    assert response.status_code == 200
    assert "Parent seul" in response.content.decode()


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_opex", "analyst"])
def test_others_get_404_and_nothing_changes(
    client_for: Any, laval_participant: Any, persona: str
) -> None:
    before = Participant.objects.values().get(pk=laval_participant.pk)
    response = client_for(persona).post(
        url(laval_participant), form_data(laval_participant, phone="450 555-0000")
    )
    assert response.status_code == 404
    assert Participant.objects.values().get(pk=laval_participant.pk) == before


def test_participant_cannot_edit_own_file(client_for: Any, laval_participant: Any) -> None:
    before = Participant.objects.values().get(pk=laval_participant.pk)
    response = client_for("participant").post(
        url(laval_participant), form_data(laval_participant, phone="450 555-0000")
    )
    assert response.status_code == 403
    assert Participant.objects.values().get(pk=laval_participant.pk) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("birth_date", "9999-12-31"),
        ("birth_date", "0001-01-01"),
        ("adults", str(2**63)),
        ("adults", "21"),
        ("children", "-1"),
        ("children", "1e308"),
    ],
)
def test_absurd_dates_and_numbers_are_field_errors_and_nothing_changes(
    client_for: Any, laval_participant: Any, field: str, value: str
) -> None:
    before = Participant.objects.values().get(pk=laval_participant.pk)
    response = client_for("caseworker_laval").post(
        url(laval_participant), form_data(laval_participant, **{field: value})
    )
    assert response.status_code == 200  # the form again, with the error next to the field
    assert response.context["form"].errors[field]
    assert Participant.objects.values().get(pk=laval_participant.pk) == before
