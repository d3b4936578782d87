"""``reference_name`` alone, without rows: which name each language shows."""

from __future__ import annotations

import pytest

from sentier.core.reference_names import isolated, reference_name


@pytest.mark.parametrize("language", ["fr-ca", "en-ca", "fr", "en"])
def test_french_and_english_get_what_they_show_unchanged(language: str) -> None:
    assert reference_name("Femmes", "Women", language) == "Femmes"


@pytest.mark.parametrize("language", ["es", "ar", "ht"])
def test_an_unknown_name_shows_isolated(language: str) -> None:
    assert reference_name("Aînés", "Seniors of the north", language) == isolated("Aînés")


def test_no_english_name_shows_what_french_pages_show() -> None:
    assert reference_name("Aînés", "", "es") == "Aînés"


def test_isolated_text_reads_left_to_right_in_arabic() -> None:
    assert isolated("Laval") == "\u2068Laval\u2069"
    assert isolated("") == ""
