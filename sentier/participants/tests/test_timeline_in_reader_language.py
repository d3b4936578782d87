"""Timeline events are worded in the reader's language (issue 12): after a fresh demo load, no
French sentence that used to be stored at write time shows on English pages, and the French
pages still read in French."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from sentier.participants.models import Participant, TimelineEvent

pytestmark = pytest.mark.django_db

# Sentences the actions used to store in French, whatever the reader's language.
FRENCH_STORED = (
    "En personne",
    "Le Ministère l’amorce",
    "Approuvé(e)",
    "Approuvée",
    "Par téléphone",
    "En ligne",
    "Programme d’aide sociale",
    "Plan d’accompagnement",
    "Demande",
    "Acceptée",
    "Refusée",
    "Soumise",
)


def _details(language: str) -> dict[int, str]:
    with translation.override(language):
        return {
            event.pk: f"{event.get_kind_display()} {event.detail}"
            for event in TimelineEvent.objects.all()
        }


def test_a_fresh_demo_reads_in_the_readers_language(
    personas: dict[str, Any], client_for: Any, laval_participant: Participant
) -> None:
    call_command("load_demo", participants=40, quiet_logins=True, verbosity=0)
    english, french = _details("en-ca"), _details("fr-ca")
    assert english

    # No event of the demo reads in French on English pages...
    assert {pk: text for pk, text in english.items() if any(p in text for p in FRENCH_STORED)} == {}
    # ... and those worded from codes still read in French on French pages.
    worded = {"application_submitted", "recommendation", "decision", "service_plan_requested"}
    kinds = dict(TimelineEvent.objects.values_list("pk", "kind"))
    assert worded <= set(kinds.values())
    for pk, kind in kinds.items():
        if kind in worded:
            assert french[pk] != english[pk], (kind, french[pk])

    # The participant file's timeline, page by page.
    client: Client = client_for("caseworker_laval")
    pages = {
        language: client.get(f"/{language}/participants/{laval_participant.uuid}/")
        .content.decode()
        .split('class="sentier-timeline"', 1)[1]
        for language in ("en-ca", "fr-ca")
    }
    for phrase in FRENCH_STORED:
        assert phrase not in pages["en-ca"]
    with translation.override("fr-ca"):
        worded_here = [e.detail for e in laval_participant.events.filter(kind__in=worded)]
    assert worded_here
    for detail in worded_here:
        assert detail in pages["fr-ca"].replace("&#x27;", "'")


def test_a_row_written_before_codes_shows_its_stored_text(laval_participant: Participant) -> None:
    old = TimelineEvent.objects.create(
        participant=laval_participant,
        kind="application_submitted",
        summary="En personne, saisie par une personne intervenante",
        data={"application": "x"},  # no channel: written before the codes were stored
        occurred_at=laval_participant.created_at,
    )
    with translation.override("en-ca"):
        assert old.detail == "En personne, saisie par une personne intervenante"
