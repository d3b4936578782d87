"""The points of service of a directory listing, worded in the reader's language.

The RSSMO directory publishes them in French ("Vallée-Jonction et 6 points de services",
"Courcelette et Sainte-Foy", "Alma et autres points de services"); the listing keeps that text as
published. A French reader sees it as published; any other reader sees the same facts (the places
named, how many more points of service, or that there are others) worded from its structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import get_language, gettext, ngettext

# "<places> et <n> point(s) de services" or "<places> et autres points de services".
_MORE = re.compile(
    r"^(?P<places>.+?)\s+et\s+(?:(?P<count>\d+)\s+points?|(?P<others>autres)\s+points)"
    r"\s+de\s+services?$"
)


@dataclass(frozen=True)
class PublishedPlaces:
    """What the published text says: the places it names, and how many more points of service
    (``None``: "others", number not stated)."""

    places: tuple[str, ...]
    more: int | None


@dataclass(frozen=True)
class PointsOfService:
    """The text to show and its language (``lang`` is empty when it is the page's language)."""

    text: str
    lang: str = ""


def parse_published(text: str) -> PublishedPlaces | None:
    """Read the published French text; ``None`` when there is none."""
    text = " ".join(text.split())
    if not text:
        return None
    match = _MORE.match(text)
    if match is None:
        return PublishedPlaces(tuple(text.split(" et ")), 0)
    places = tuple(match["places"].split(" et "))
    return PublishedPlaces(places, None if match["others"] else int(match["count"]))


def _join(places: tuple[str, ...]) -> str:
    if len(places) == 1:
        return places[0]
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(places[:-1]), "last": places[-1]}


def word_places(published: PublishedPlaces) -> str:
    """The places and the count in the active language."""
    places = _join(published.places)
    if published.more is None:
        return gettext("%(towns)s and other points of service") % {"towns": places}
    if published.more == 0:
        return places
    return ngettext(
        "%(towns)s and %(count)s other point of service",
        "%(towns)s and %(count)s other points of service",
        published.more,
    ) % {"towns": places, "count": published.more}


def points_of_service(text: str, city: str) -> PointsOfService | None:
    """What the directory shows for a listing's points of service (``None``: nothing more than
    its city)."""
    published = parse_published(text)
    if published is None or (published.more == 0 and published.places == (city,)):
        return None
    if (get_language() or "fr").startswith("fr"):
        return PointsOfService(text, lang="fr-CA")  # as published
    return PointsOfService(word_places(published))
