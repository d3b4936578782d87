"""The timeline event kinds of the participant file itself (registered in
``ParticipantsConfig.ready``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from sentier.participants.events import register_event_kinds
from sentier.participants.models import EventKind


def _note(data: Mapping[str, Any], summary: str) -> str:
    return str(data["text"])


def _changed(data: Mapping[str, Any], summary: str) -> str:
    fields = ", ".join(str(name) for name in data["fields"])
    return _("Changed: %(fields)s") % {"fields": fields}


register_event_kinds(
    EventKind, {EventKind.NOTE: _note, EventKind.DETAILS_UPDATED: _changed}
)  # "assigned": the summary holds the caseworker's name
