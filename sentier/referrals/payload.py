"""What a referral carries: only the information categories the person consented to share.

Each category has one builder; a category without consent is simply absent from the payload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext_lazy as _

from sentier.consent.models import InformationCategory as C
from sentier.core import languages
from sentier.participants.models import Participant

Builder = Callable[[Participant], dict[str, Any]]


def _identity(p: Participant) -> dict[str, Any]:
    return {
        "first_name": p.first_name,
        "last_name": p.last_name,
        "preferred_language": p.preferred_language,
        # How to speak with the person: the languages they speak and the interpreter they need
        # (issue 19), with their identity, so only when they consented to share it.
        "languages_spoken": list(p.languages_spoken or []),
        "interpreter_language": p.interpreter_language,
        "phone": p.phone,
        "email": p.email,
        "city": p.city,
        "postal_code": p.postal_code,
    }


def _program(p: Participant) -> dict[str, Any]:
    return {"program": p.program.code, "file_number": p.file_number}


def _situation(p: Participant) -> dict[str, Any]:
    return {
        "household_type": p.household_type,
        "adults": p.adults,
        "children": p.children,
        "region": p.region.code,
    }


BUILDERS: dict[str, Builder] = {
    C.IDENTITY: _identity,
    C.PROGRAM: _program,
    C.SITUATION: _situation,
}


def register_builder(category: str, builder: Builder) -> None:
    """Let a capability that holds a category's data (plans, intake) supply its builder."""
    BUILDERS[category] = builder


def build_payload(participant: Participant, categories: Iterable[str], need: str) -> dict[str, Any]:
    """The data sent: the reason for the referral plus one section per consented category."""
    payload: dict[str, Any] = {"need": need, "categories": sorted(set(categories))}
    for category in sorted(set(categories)):
        builder = BUILDERS.get(category)
        payload[category] = builder(participant) if builder else {}
    return payload


FIELD_LABELS: dict[str, Any] = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "preferred_language": _("Language"),
    "languages_spoken": _("Languages spoken"),
    "interpreter_language": _("Interpreter needed"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "city": _("City"),
    "postal_code": _("Postal code"),
    "program": _("Program"),
    "file_number": _("File number"),
    "household_type": _("Household"),
    "adults": _("Adults"),
    "children": _("Children"),
    "region": _("Region"),
}


LANGUAGES = {"fr-ca": "Français", "en-ca": "English", "fr": "Français", "en": "English"}


def _readable(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "preferred_language":
        return LANGUAGES.get(str(value)) or languages.language_name(str(value))
    if key == "languages_spoken":
        return ", ".join(languages.language_name(str(code)) for code in value or [])
    if key == "interpreter_language":
        return languages.language_name(str(value)) if value else str(_("No"))
    return str(value)


def payload_sections(payload: dict[str, Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """What was sent, for reading: one section per category, one labelled line per field."""
    labels = dict(C.choices)
    sections: list[tuple[str, list[tuple[str, str]]]] = []
    for category in payload.get("categories", []):
        data = payload.get(category) or {}
        rows = [
            (str(FIELD_LABELS.get(key, key)), _readable(key, value))
            for key, value in (data.items() if isinstance(data, dict) else [])
        ]
        sections.append((str(labels.get(category, category)), rows))
    return sections
