"""Plug-in points for a jurisdiction's own correspondence (filled in its ``AppConfig.ready``).

Correspondence knows the events of the capabilities below it (``actions.WATCHED``). A
jurisdiction whose capability sits above it (``sentier.ontario``) registers here:

- :func:`register_watch`: its own events that ask something of the person, with the subject of
  their notices (and, where a written notice already goes by another way, the only channels
  correspondence adds: a refusal's call, for instance);
- :func:`register_reminders`: what writes its own reminders on the people's files (the
  ``sentier correspondence`` job runs it before planning: Ontario's action plan reviews);
- :func:`register_wording`: its own texts (a subject's title and paragraphs, in place of the
  shared one), its return address, the number to call, the languages it writes in, and who
  calls a person without a caseworker.

Only the registrations of the configured jurisdiction (``SENTIER_JURISDICTION``) apply: with none
registered for it (Québec), correspondence says and plans exactly what it always did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q

from sentier.accounts.models import User
from sentier.participants.models import Participant, TimelineEvent

#: ``body(subject, data, names, respond_by)``: the title and paragraphs, or None for the shared.
Body = Callable[
    [str, Mapping[str, Any], Mapping[str, str], dt.datetime | None],
    tuple[str, list[str]] | None,
]


@dataclass(frozen=True)
class Watch:
    """Events of ``kind`` whose data satisfy ``matches`` make notices about ``subject``."""

    subject: str
    kind: str
    condition: Q
    matches: Callable[[Mapping[str, Any]], bool]
    #: Only these channels (None: whatever the person chose).
    only_channels: frozenset[str] | None = None


@dataclass(frozen=True)
class Wording:
    body: Body
    return_address: Callable[[Participant | None], list[str]]
    #: Who calls the person when their file has no caseworker (e.g. the intake officer who
    #: decided), from the event.
    caller: Callable[[TimelineEvent], User | None]
    #: The number the person calls about their file (their office's), "" for the default.
    phone: Callable[[Participant | None], str] | None = None
    #: The language a notice is written in, from the file's language of correspondence (the
    #: jurisdiction's own languages: Ontario writes in English or French). None: the shared rule.
    language: Callable[[str], str] | None = None


#: ``writer(now=…)``: writes the reminders due, each once, and returns the events it wrote.
ReminderWriter = Callable[..., list[TimelineEvent]]

_WATCHES: dict[str, list[Watch]] = {}
_WORDING: dict[str, Wording] = {}
_REMINDERS: dict[str, list[ReminderWriter]] = {}


def register_watch(jurisdiction: str, watch: Watch) -> None:
    watches = _WATCHES.setdefault(jurisdiction, [])
    if watch not in watches:
        watches.append(watch)


def register_reminders(jurisdiction: str, writer: ReminderWriter) -> None:
    writers = _REMINDERS.setdefault(jurisdiction, [])
    if writer not in writers:
        writers.append(writer)


def reminder_writers() -> list[ReminderWriter]:
    return _REMINDERS.get(settings.SENTIER_JURISDICTION, [])


def register_wording(jurisdiction: str, wording: Wording) -> None:
    _WORDING[jurisdiction] = wording


def watches() -> list[Watch]:
    return _WATCHES.get(settings.SENTIER_JURISDICTION, [])


def wording() -> Wording | None:
    return _WORDING.get(settings.SENTIER_JURISDICTION)


def watch_for(event: TimelineEvent) -> Watch | None:
    """The registered watch an event answers to, here."""
    data = event.data or {}
    for watch in watches():
        if watch.kind == event.kind and watch.matches(data):
            return watch
    return None
