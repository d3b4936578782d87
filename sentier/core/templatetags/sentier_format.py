"""Template filters for money, dates and times in the page's language (built in everywhere)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

from sentier.core import formatting, languages
from sentier.core.jurisdiction import field_offered, templates_here

register = template.Library()


@register.filter
def money(value: Decimal | int | str | None) -> str:
    """``{{ amount|money }}`` → ``173,00 $``."""
    return "" if value is None or value == "" else formatting.money(value)


@register.filter
def cents(value: int | None) -> str:
    """``{{ amount_cents|cents }}`` → ``173,00 $``."""
    return "" if value is None else formatting.cents(value)


@register.filter
def longdate(value: dt.date | dt.datetime | None) -> str:
    """``{{ day|longdate }}`` → ``1 avril 2026``."""
    return "" if value is None else formatting.long_date(value)


@register.filter
def clock(value: dt.time | dt.datetime | None) -> str:
    """``{{ when|clock }}`` → ``14 h 30``."""
    return "" if value is None else formatting.clock(value)


@register.filter
def offered_here(field: str) -> bool:
    """``{% if "claim_booklet"|offered_here %}``: is this file fact kept in this jurisdiction
    (``sentier.core.jurisdiction.FIELD_JURISDICTION``)?"""
    return field_offered(field)


@register.filter(is_safe=True)
def elide(value: str) -> str:
    """``{% filter elide %}…de {{ name }}…{% endfilter %}`` → « …d’Amara Okafor… » in French."""
    return formatting.elide(str(value))


@register.filter
def of_name(value: str) -> str:
    """``{{ name|of_name }}`` → « d’Élise Cormier », « de Lucas Tremblay » (French)."""
    return formatting.of_name(str(value))


@register.filter
def proper_name(value: str | None) -> str:
    """``{{ user.office|proper_name }}``: an office's official name in the reader's language."""
    return formatting.proper_name(str(value or ""))


@register.filter
def here(name: str) -> list[str]:
    """``{% include "participants/_x.html"|here %}``: this jurisdiction's variant of a template
    if it has one (``_x_on.html``), else the shared one (``sentier.core.jurisdiction``)."""
    return templates_here(str(name))


@register.filter
def language_names(value: str | list[str] | None) -> str:
    """``{{ participant.languages_spoken|language_names }}`` → « espagnol, français »: language
    codes named in the reader's language (one code or a list)."""
    if not value:
        return ""
    codes = [value] if isinstance(value, str) else list(value)
    return ", ".join(languages.language_name(str(code)) for code in codes)
