"""A name longer than the file holds is refused with its limit, never cut without a word: no
``maxlength`` on the inputs (a browser would cut a pasted name silently), a clear field error,
and nothing changed."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import translation

from sentier.intake.steps import IdentityForm
from sentier.participants.models import Participant
from sentier.participants.tests.test_edit_participant_view import form_data, url

pytestmark = pytest.mark.django_db


def test_the_file_form_refuses_a_long_name_and_changes_nothing(
    client_for: Any, laval_participant: Any
) -> None:
    client = client_for("caseworker_laval")
    assert "maxlength" not in client.get(url(laval_participant)).content.decode()
    before = Participant.objects.values().get(pk=laval_participant.pk)
    with translation.override("en-ca"):
        response = client.post(
            url(laval_participant), form_data(laval_participant, last_name="O" * 130)
        )
    assert response.status_code == 200
    assert "at most 120 characters (it has 130)" in response.content.decode()
    assert Participant.objects.values().get(pk=laval_participant.pk) == before


def test_the_application_refuses_a_long_name_instead_of_cutting_it() -> None:
    form = IdentityForm(
        data={
            "first_name": "A" * 121,
            "last_name": "Doe",
            "birth_date": "1985-03-14",
            "preferred_language": "fr-ca",
        }
    )
    assert "maxlength" not in str(form["first_name"])
    assert not form.is_valid()
    assert "120" in form.errors["first_name"][0]
