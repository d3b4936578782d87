"""Show the rules' bilingual texts in the page's language."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language

from sentier.core import formatting
from sentier.decisions import reason_texts

register = template.Library()


@register.filter
def localized(item: dict[str, Any] | None) -> str:
    """``{{ reason|localized }}``: the text of a reason, factor or error of the rules in the
    page's language (``sentier.decisions.reason_texts``)."""
    return reason_texts.localized(item)


@register.filter
def staff_localized(item: dict[str, Any] | None) -> str:
    """``{{ factor|staff_localized }}``: the staff wording (``staff_fr``/``staff_en``) of a
    factor where the rules give one, else its text for the person."""
    if not item:
        return ""
    english = (get_language() or "fr-ca").startswith("en")
    staff = item.get("staff_en" if english else "staff_fr")
    return str(staff) if staff else localized(item)


@register.filter
def source_questions(source: str | None) -> str:
    """``"004_….txt — Q3, Q4"`` → ``"Q3, Q4"``: the questions a factor cites, for the person."""
    return str(source or "").rpartition(" — ")[2]


@register.filter
def amount(value: str | None) -> str:
    """A decimal string from the rules (``"173.00"``) as money in the page's language."""
    return "" if not value else formatting.money(Decimal(value))
