"""Adding a note to a file's timeline."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from sentier.participants.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db


def url(participant: Any) -> str:
    return reverse("participants:add_note", kwargs={"participant_uuid": participant.uuid})


def test_caseworker_adds_a_note(client_for: Any, laval_participant: Any, personas: Any) -> None:
    response = client_for("caseworker_laval").post(url(laval_participant), {"text": "Appel fait."})
    assert response.status_code == 302
    note = TimelineEvent.objects.filter(participant=laval_participant, kind=EventKind.NOTE).get()
    assert note.data == {"text": "Appel fait."}
    assert note.actor == personas["caseworker_laval"]


def test_empty_note_is_refused_with_a_message_and_nothing_added(
    client_for: Any, laval_participant: Any
) -> None:
    before = TimelineEvent.objects.count()
    response = client_for("caseworker_laval").post(url(laval_participant), {"text": ""})
    assert response.status_code == 400
    assert "Ce champ est obligatoire" in response.content.decode()
    assert TimelineEvent.objects.count() == before


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_sorif", "analyst"])
def test_others_cannot_add_a_note(client_for: Any, laval_participant: Any, persona: str) -> None:
    before = TimelineEvent.objects.count()
    response = client_for(persona).post(url(laval_participant), {"text": "x"})
    assert response.status_code == 404
    assert TimelineEvent.objects.count() == before


def test_coordinator_can_read_but_not_write(client_for: Any, laval_participant: Any) -> None:
    before = TimelineEvent.objects.count()
    response = client_for("coordinator").post(url(laval_participant), {"text": "x"})
    assert response.status_code == 403
    assert TimelineEvent.objects.count() == before


def test_a_refused_note_shows_the_file_with_the_same_sections(
    client_for: Any, laval_participant: Any
) -> None:
    """The error path renders the file page as a GET does: every panel (eligibility, PAAS
    Action, plans…) and the same actions, with the refused note in the form."""
    client = client_for("caseworker_laval")
    page = client.get(
        reverse("participants:file", kwargs={"participant_uuid": laval_participant.uuid})
    ).content.decode()
    refused = client.post(url(laval_participant), {"text": ""}).content.decode()

    def sections(html: str) -> list[str]:
        return re.findall(r'<section aria-labelledby="([^"]+)"', html)

    assert "eligibility-heading" in sections(page)
    assert "paas-heading" in sections(page)
    assert sections(refused) == sections(page)
    history = reverse("participants:history", kwargs={"participant_uuid": laval_participant.uuid})
    assert (history in refused) == (history in page)


def _key_of_the_form(html: str) -> str:
    found = re.search(r'name="key" value="([0-9a-f-]{36})"', html)
    assert found, "the note form carries its key"
    return found.group(1)


def test_the_same_form_sent_twice_adds_one_note(client_for: Any, laval_participant: Any) -> None:
    """A double click, or the form sent again after an answer lost on a poor connection."""
    client = client_for("caseworker_laval")
    page = reverse("participants:file", kwargs={"participant_uuid": laval_participant.uuid})
    key = _key_of_the_form(client.get(page).content.decode())
    for _ in range(2):
        response = client.post(url(laval_participant), {"text": "Appel fait.", "key": key})
        assert response.status_code == 302
    notes = TimelineEvent.objects.filter(participant=laval_participant, kind=EventKind.NOTE)
    assert [n.data for n in notes] == [{"text": "Appel fait.", "key": key}]
    # The page shown again has a new form: a second note is a second note.
    again = _key_of_the_form(client.get(page).content.decode())
    assert again != key
    client.post(url(laval_participant), {"text": "Rappel fait.", "key": again})
    assert notes.all().count() == 2


def test_a_refused_note_keeps_its_key(client_for: Any, laval_participant: Any) -> None:
    client = client_for("caseworker_laval")
    key = "0b8f4a52-8f1e-4c55-9a57-2d6f0f4b9c11"
    refused = client.post(url(laval_participant), {"text": "", "key": key})
    assert refused.status_code == 400
    assert _key_of_the_form(refused.content.decode()) == key


def test_a_key_that_is_not_one_is_a_field_error(client_for: Any, laval_participant: Any) -> None:
    before = TimelineEvent.objects.count()
    response = client_for("caseworker_laval").post(
        url(laval_participant), {"text": "x", "key": "not-a-key" * 100}
    )
    assert response.status_code == 400
    assert TimelineEvent.objects.count() == before
