"""The directory's points of service read in the reader's language (issue 12): French readers
see them as the RSSMO published them, English readers the same facts in English."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.test import Client
from django.utils import translation

from sentier.network.places import PublishedPlaces, parse_published, points_of_service

DATA = Path(__file__).resolve().parents[1] / "data" / "rssmo_members.yaml"


def _listings() -> list[tuple[str, str, int | None]]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return [
        (m["points_of_service_text"] or "", m["city"] or "", m["points_of_service"])
        for block in data["regions"]
        for m in block["members"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vallée-Jonction et 6 points de services", PublishedPlaces(("Vallée-Jonction",), 6)),
        ("Rimouski et 1 point de services", PublishedPlaces(("Rimouski",), 1)),
        ("Alma et autres points de services", PublishedPlaces(("Alma",), None)),
        ("Courcelette et Sainte-Foy", PublishedPlaces(("Courcelette", "Sainte-Foy"), 0)),
        ("Gatineau (Hull)", PublishedPlaces(("Gatineau (Hull)",), 0)),
        ("", None),
    ],
)
def test_the_published_text_is_read_into_places_and_a_count(
    text: str, expected: PublishedPlaces | None
) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (
            "Vallée-Jonction et 6 points de services",
            "Vallée-Jonction and 6 other points of service",
        ),
        ("Rimouski et 1 point de services", "Rimouski and 1 other point of service"),
        ("Alma et autres points de services", "Alma and other points of service"),
        ("Shawinigan et Sainte-Thècle", "Shawinigan and Sainte-Thècle"),
    ],
)
def test_english_readers_read_english(text: str, english: str) -> None:
    with translation.override("en-ca"):
        shown = points_of_service(text, text.split(" ")[0])
    assert shown is not None
    assert (shown.text, shown.lang) == (english, "")


def test_every_listing_reads_as_published_in_french_and_in_english_otherwise() -> None:
    for text, city, count in _listings():
        with translation.override("fr-ca"):
            french = points_of_service(text, city)
        with translation.override("en-ca"):
            english = points_of_service(text, city)
        if french is None:
            assert english is None
            assert text in ("", city)
            continue
        assert (french.text, french.lang) == (text, "fr-CA")
        assert english is not None
        assert " et " not in english.text
        assert "de services" not in english.text
        published = parse_published(text)
        assert published is not None
        # The count the loader stored agrees with what the words say.
        if published.more is None:
            assert count is None
        else:
            assert count == len(published.places) + published.more


@pytest.mark.django_db
def test_the_directory_pages_in_each_language(client: Client) -> None:
    english = client.get("/en-ca/directory/", {"q": "Vallée-Jonction"}).content.decode()
    french = client.get("/fr-ca/directory/", {"q": "Vallée-Jonction"}).content.decode()

    assert "Vallée-Jonction and 6 other points of service" in english
    assert "points de services" not in english
    assert '<span lang="fr-CA">Vallée-Jonction et 6 points de services</span>' in french
