"""What a referral to Employment Ontario carries (004 Q10): one list, read three ways.

The application's consent page asks to share exactly these items; the exchange's message is
built from them, field by field, for the categories the person consented to; and what staff
read as "information sent" is read back from that message with the same labels. Nothing else
leaves: a field not listed here is never sent, whatever the referral's own payload holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from sentier.consent.models import InformationCategory


@dataclass(frozen=True)
class SharedItem:
    category: str
    fields: tuple[str, ...]
    label: Any


EO_SHARED: tuple[SharedItem, ...] = (
    SharedItem(
        InformationCategory.IDENTITY,
        ("first_name", "last_name", "preferred_language", "phone", "email", "city", "postal_code"),
        _("Name, language and contact details"),
    ),
    SharedItem(
        InformationCategory.PROGRAM, ("program", "file_number"), _("Program and file number")
    ),
    SharedItem(
        InformationCategory.EMPLOYMENT, ("employment_ready",), _("The answer about starting a job")
    ),
)

#: The consent categories the list covers (recorded on the application's consent).
EO_CATEGORIES: tuple[str, ...] = tuple(item.category for item in EO_SHARED)


def eo_message_payload(
    *,
    referral_uuid: str,
    need: str,
    consented: list[str],
    sections: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    """The exchange's message: the referral, the need, then only the listed fields of the
    consented categories (``sections``: category -> the values at hand)."""
    sent = [item for item in EO_SHARED if item.category in consented]
    payload: dict[str, Any] = {
        "referral": referral_uuid,
        "need": need,
        "categories": [item.category for item in sent],
    }
    for item in sent:
        values = sections.get(item.category) or {}
        payload[item.category] = {name: values.get(name) for name in item.fields}
    return payload


def describe_eo_message(payload: Mapping[str, Any]) -> list[str]:
    """What a message carries, in words: the labels of the items it holds."""
    return [
        str(item.label)
        for item in EO_SHARED
        if item.category in (payload.get("categories") or []) and item.category in payload
    ]
