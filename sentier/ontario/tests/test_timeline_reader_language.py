"""Ontario timeline events are worded at read time in the reader's language: an event written
while the writer worked in French reads in English on an English page, and the other way round;
every Ontario event of the demo, ODSP included, has words (never an empty line or a code)."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client
from django.utils import translation

from sentier.accounts.models import User
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import Participant, TimelineEvent
from sentier.site.demo import load_ontario_demo

# Words of the French catalog that only a French timeline line holds, and the converse.
FRENCH = ("POSPH", "Demande", "assignée", "Transférée", "Ontario au travail", "Réception")
ENGLISH = ("assigned to", "Transferred", "Ontario Works", "intake", "Financial eligibility")


def _timeline(client: Client, participant: Participant, language: str) -> str:
    page = client.get(f"/{language}/participants/{participant.uuid}/").content.decode()
    return page.split('class="sentier-timeline"', 1)[1].split("</main>", 1)[0]


def _load_in(language: str) -> Client:
    with translation.override(language):
        load_ontario_demo()
    client = Client()
    client.force_login(User.objects.get(email="admin.ontario@sentier.demo"))
    return client


def _with_ontario_events() -> list[Participant]:
    kinds = list(OntarioEventKind.values)
    return list(Participant.objects.filter(events__kind__in=kinds).distinct())


def test_events_written_in_french_read_in_english(ontario: dict[str, Any]) -> None:
    client = _load_in("fr-ca")
    files = _with_ontario_events()
    assert files
    for participant in files:
        english = _timeline(client, participant, "en-ca")
        assert [w for w in FRENCH if w in english] == [], participant


def test_events_written_in_english_read_in_french(ontario: dict[str, Any]) -> None:
    client = _load_in("en-ca")
    files = _with_ontario_events()
    assert files
    for participant in files:
        french = html.unescape(_timeline(client, participant, "fr-ca"))
        assert [w for w in ENGLISH if w in french] == [], participant
        # Each line is the one its kind words in French now, whatever language it was written in.
        with translation.override("fr-ca"):
            for event in participant.events.filter(kind__in=OntarioEventKind.values):
                assert event.detail in french, (participant, event.detail)


def test_every_ontario_event_has_words_and_no_code(ontario: dict[str, Any]) -> None:
    load_ontario_demo()
    events = TimelineEvent.objects.filter(kind__in=OntarioEventKind.values)
    assert events.filter(kind=OntarioEventKind.ODSP_INTAKE, data__step="refused").exists()
    for language in ("en-ca", "fr-ca"):
        with translation.override(language):
            for event in events:
                detail = event.detail
                assert detail, (language, event.kind, event.data)
                assert not re.search(r"\b[a-z]+_[a-z_]+\b", detail), (language, detail)
