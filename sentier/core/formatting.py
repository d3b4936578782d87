"""Money, date and time in the reader's language, with Babel (``fr-CA``, ``en-CA``; ``es``, ``ar``,
``ht`` on participant pages).

Money is always a :class:`~decimal.Decimal` or integer cents, never a float.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from babel.dates import format_time as babel_format_time
from babel.numbers import format_currency
from django.utils import timezone
from django.utils.translation import get_language, pgettext

#: Babel (CLDR) locales of the participant-only languages: Spanish and Arabic as CLDR writes them
#: by default (CLDR has no es_CA nor ar_CA), Haitian Creole (CLDR's ``ht`` borrows French formats).
BABEL_LOCALES = {"es": "es", "ar": "ar", "ht": "ht"}


def babel_locale(language: str | None = None) -> str:
    """Map a Django language code (``fr-ca``) to a Babel locale (``fr_CA``); a language with no
    locale of its own is formatted as French."""
    code = (language or get_language() or "fr-ca").lower()
    if code.startswith("en"):
        return "en_CA"
    return BABEL_LOCALES.get(code.split("-")[0], "fr_CA")


def money(amount: Decimal | int | str, language: str | None = None) -> str:
    """``Decimal("173")`` → ``173,00 $`` in French, ``$173.00`` in English."""
    if isinstance(amount, float):  # pragma: no cover - guarded by callers' types
        raise TypeError("Money must not be a float.")
    return format_currency(Decimal(amount), "CAD", locale=babel_locale(language))


def cents(amount_cents: int, language: str | None = None) -> str:
    """Integer cents → formatted money."""
    return money(Decimal(amount_cents) / 100, language)


def long_date(value: dt.date | dt.datetime, language: str | None = None) -> str:
    """``2026-04-01`` → ``1 avril 2026`` / ``April 1, 2026``."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    locale = babel_locale(language)
    text = babel_format_date(value, format="long", locale=locale)
    if locale == "fr_CA" and value.day == 1:
        # French writes the first day of a month as an ordinal: « 1er avril 2026 ».
        text = "1er" + text[1:]
    return text


def clock(value: dt.time | dt.datetime, language: str | None = None) -> str:
    """``14:30`` → ``14 h 30`` / ``2:30 p.m.``."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).time() if timezone.is_aware(value) else value.time()
    locale = babel_locale(language)
    if locale == "fr_CA":
        return babel_format_time(value, format="H 'h' mm", locale=locale)
    return babel_format_time(value, format="short", locale=locale)


# « de » before a name that starts with a vowel: « d’Amara Okafor », « d’Élise Cormier ». Only
# before a capital (a proper noun), where the elision is never wrong; « de Lucas » stays.
_DE_BEFORE_VOWEL = re.compile(r"\b([Dd])e (?=[AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ])")


def elide(text: str, language: str | None = None) -> str:
    """French text with « de » elided before a name that starts with a vowel (« de Amara
    Okafor » → « d’Amara Okafor »); other languages unchanged. For sentences that write
    « de {name} » (``{% filter elide %}`` in templates)."""
    if babel_locale(language) != "fr_CA":
        return text
    return _DE_BEFORE_VOWEL.sub(lambda found: f"{found.group(1)}’", text)


def of_name(name: str, language: str | None = None) -> str:
    """« de » and a name, elided when French asks for it: « d’Élise Cormier », « de Lucas »."""
    return elide(f"de {name}", language)


#: The catalog context of a proper name that has an official name in the other language (an
#: Ontario office or body). Such names are stored as written in English; a name with no entry
#: in that context (a Québec office, anything typed) is shown as stored.
PROPER_NAME = "proper name"


def proper_name(name: str) -> str:
    """An office's or public body's name in the reader's language, when the catalog gives its
    official name there (« Services d’emploi et services sociaux de Toronto »)."""
    return pgettext(PROPER_NAME, name) if name else ""
