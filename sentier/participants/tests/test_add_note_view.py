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
