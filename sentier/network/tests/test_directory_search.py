"""The public directory finds organizations whatever the accents, case, hyphens and apostrophes of
the search, by name, town, region or clientele, best matches first, in French alphabetical order."""

from __future__ import annotations

import pytest

from sentier.core.text import fold, french_key, search_words
from sentier.network.models import Organization
from sentier.network.selectors import search_directory

pytestmark = pytest.mark.django_db


def _names(text: str = "", region_code: str = "") -> list[str]:
    return [organization.name for organization in search_directory(text, region_code=region_code)]


def _region_total(code: str) -> int:
    return Organization.objects.filter(locations__region__code=code).distinct().count()


@pytest.mark.parametrize("text", ["Montréal", "montreal", "MONTRÉAL", "montréal "])
def test_a_region_name_finds_the_organizations_of_that_region(text: str) -> None:
    found = set(_names(text))

    in_region = set(_names(region_code="06"))
    assert len(in_region) == _region_total("06") > 0
    assert in_region <= found


@pytest.mark.parametrize("text", ["Gaspésie", "gaspesie", "Îles-de-la-Madeleine"])
def test_gaspesie_is_found_with_or_without_accents(text: str) -> None:
    found = set(_names(text))

    assert set(_names(region_code="11")) <= found
    assert found


@pytest.mark.parametrize("text", ["saint-jerome", "Saint-Jérôme", "saint jérome", "ST-JEROME"])
def test_a_town_is_found_whatever_its_hyphens_accents_and_case(text: str) -> None:
    if text == "ST-JEROME":
        # « st » is not « saint »: no synonyms, and the search says so by finding nothing there.
        assert not any("Jérôme" in name for name in _names(text))
        return
    found = _names(text)

    assert found
    for organization in search_directory(text):
        places = " ".join(
            f"{location.city} {location.points_of_service_text}"
            for location in organization.locations.all()
        )
        assert "saint jerome" in fold(f"{organization.name} {places}")


def test_apostrophes_straight_or_curly_find_the_same() -> None:
    assert _names("main-d'oeuvre") == _names("main-d’œuvre") != []


def test_a_match_in_the_name_ranks_before_a_match_elsewhere() -> None:
    found = _names("femmes")

    in_name = [name for name in found if "femmes" in fold(name)]
    assert in_name
    assert len(found) > len(in_name)  # others serve women without saying so in their name
    assert found[: len(in_name)] == sorted(in_name, key=french_key)


def test_names_are_listed_in_french_alphabetical_order() -> None:
    names = _names()

    assert names == sorted(names, key=french_key)
    first_letters = [fold(name)[0] for name in names]
    assert first_letters == sorted(first_letters)  # « Équitem » among the E, not last


def test_french_order_puts_accents_after_the_letters() -> None:
    names = ["Équitem", "Bouchard", "CODEM-CJE", "Carrefour", "Bélanger", "emploi"]

    assert sorted(names, key=french_key) == [
        "Bélanger",
        "Bouchard",
        "Carrefour",
        "CODEM-CJE",
        "emploi",
        "Équitem",
    ]


def test_search_words_fold_and_drop_single_letters() -> None:
    assert search_words("L’Œuvre de l'Ouest  ouest") == ["oeuvre", "de", "ouest"]
