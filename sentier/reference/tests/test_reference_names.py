"""Reference rows' names in the page's language (issue 19, ``sentier.core.reference_names``):
French and English pages show the rows' columns, byte for byte as before; Spanish, Arabic and
Haitian Creole pages show the catalog's translation of the English name; a name the catalogs do
not know (an administrator's) shows in French, isolated so that it reads left to right."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import pgettext

from sentier.core.reference_names import REFERENCE_NAME, reference_name
from sentier.network.loading import clientele_names
from sentier.network.models import Clientele
from sentier.plans.difficulties import difficulty_names
from sentier.plans.models import Difficulty
from sentier.reference.loading import program_names
from sentier.reference.models import FirstNationsSite, Jurisdiction, Program, Region
from sentier.reference.names import NAMES

pytestmark = pytest.mark.django_db

PARTICIPANT_ONLY = ("es", "ar", "ht")
ISOLATE, POP = "\u2068", "\u2069"


def _column(row: object, language: str) -> str:
    """The row's modeltranslation column (a field the type checker cannot see)."""
    return str(getattr(row, f"name_{language.replace('-', '_')}"))


def _catalog(english: str, language: str) -> str:
    with translation.override(language):
        return pgettext(REFERENCE_NAME, english)


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_french_and_english_pages_show_the_columns_as_before(language: str) -> None:
    program = Program.objects.get(code="PAS")
    clientele = Clientele.objects.get(code="justice_involved")
    difficulty = Difficulty.objects.get(code="debt")
    with translation.override(language):
        assert str(program) == f"PAS – {_column(program, language)}"
        assert program.local_name == _column(program, language)
        assert str(clientele) == clientele.local_name == _column(clientele, language)
        assert difficulty.name_in(language) == (
            difficulty.name_en if language == "en-ca" else difficulty.name_fr
        )
    assert _column(program, "fr-ca") == "Programme d’aide sociale"


@pytest.mark.parametrize("language", PARTICIPANT_ONLY)
def test_other_languages_show_the_catalogs_translation(language: str) -> None:
    program = Program.objects.get(code="PAS")
    clientele = Clientele.objects.get(code="justice_involved")
    difficulty = Difficulty.objects.get(code="debt")
    with translation.override(language):
        shown = (program.local_name, clientele.local_name, difficulty.name_in(None))
        assert str(program) == f"PAS – {program.local_name}"
    assert shown == (
        _catalog("Social Assistance Program", language),
        _catalog("Justice-involved people", language),
        _catalog("Excessive debt", language),
    )
    assert difficulty.name_in(language) == shown[2]
    french = (_column(program, "fr-ca"), _column(clientele, "fr-ca"), difficulty.name_fr)
    for name, in_french in zip(shown, french, strict=True):
        assert name != in_french
        assert ISOLATE not in name


@pytest.mark.parametrize("language", PARTICIPANT_ONLY)
def test_every_shipped_name_is_translated(language: str) -> None:
    for english in [*program_names(), *clientele_names(), *difficulty_names()]:
        shown = reference_name("(French)", english, language)
        assert shown != "(French)", (language, english)
        assert ISOLATE not in shown, (language, english)
        assert shown == _catalog(english, language)


def test_the_names_module_lists_exactly_the_shipped_names() -> None:
    with translation.override(None):
        listed = sorted(str(name) for name in NAMES)
    assert listed == sorted({*program_names(), *clientele_names(), *difficulty_names()})


@pytest.mark.parametrize("language", PARTICIPANT_ONLY)
def test_a_name_no_catalog_knows_falls_back_to_french_isolated(language: str) -> None:
    clientele = Clientele.objects.create(
        code="night_workers", name_fr_ca="Travailleurs de nuit", name_en_ca="Night workers"
    )
    with translation.override(language):
        assert clientele.local_name == f"{ISOLATE}Travailleurs de nuit{POP}"
    with translation.override("fr-ca"):
        assert clientele.local_name == "Travailleurs de nuit"
    with translation.override("en-ca"):
        assert clientele.local_name == "Night workers"


def test_a_renamed_english_name_falls_back_too() -> None:
    """The msgid is the English name: an administrator who rewrites it gets French until the
    next catalog round, never a stale translation of another name."""
    difficulty = Difficulty.objects.get(code="debt")
    difficulty.name_en = "Heavy debt"
    assert difficulty.name_in("es") == f"{ISOLATE}{difficulty.name_fr}{POP}"


def test_my_file_names_the_program_in_spanish(client_for: Any, laval_participant: Any) -> None:
    client: Client = client_for("participant")
    french = client.get("/fr-ca/participants/me/").content.decode()
    spanish = client.get("/es/participants/me/").content.decode()
    assert "PAS – Programme d’aide sociale" in french
    assert "Programme d’aide sociale" not in spanish
    assert f"PAS – {_catalog('Social Assistance Program', 'es')}" in spanish


@pytest.mark.parametrize("language", ["fr-ca", "en-ca", *PARTICIPANT_ONLY])
def test_places_keep_the_name_they_go_by(language: str) -> None:
    """An Ontario service area and site are named in English on a Spanish, Arabic or Haitian
    Creole page ("City of Brantford", never "Ville de Brantford"), isolated; French and English
    pages, and Québec's regions everywhere, are as before."""
    area = Region.objects.create(
        code="ON99",
        name_fr_ca="Ville de Brantfort",
        name_en_ca="City of Brantfort",
        jurisdiction=Jurisdiction.ONTARIO,
    )
    site = FirstNationsSite.objects.create(
        code="site-test", name_fr_ca="Site de la Première Nation", name_en_ca="First Nation site"
    )
    laval = Region.objects.get(code="13")
    with translation.override(language):
        if language in PARTICIPANT_ONLY:
            assert str(area) == f"ON99 {ISOLATE}City of Brantfort{POP}"
            assert str(site) == f"{ISOLATE}First Nation site{POP}"
        else:
            assert str(area) == f"ON99 {_column(area, language)}"
            assert str(site) == _column(site, language)
        assert str(laval) == f"13 {_column(laval, 'fr-ca')}" == "13 Laval"
