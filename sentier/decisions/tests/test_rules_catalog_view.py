"""The rules page: this jurisdiction's parameters with their values in words, labels and source
documents by title, for staff only."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier_rules.catalog import describe, parameter_catalog

pytestmark = pytest.mark.django_db


def test_analyst_reads_the_rules_in_french_and_english(client_for: Any) -> None:
    client = client_for("analyst")
    french = client.get(reverse("decisions:rules")).content.decode()
    english = client.get("/en-ca/decisions/rules/").content.decode()

    assert "Plan d&#x27;accompagnement personnalisé" in french
    assert "Personalized support plan" in english
    # Sources by title, not by file name.
    assert "MESS, fiche d&#x27;information « Plan d&#x27;accompagnement personnalisé »" in french
    assert "MESS brochure “PAAS Action”" in english
    assert "001_415f001b499895c5.txt" not in french + english


def test_values_are_in_words_not_raw(client_for: Any) -> None:
    client = client_for("analyst")
    french = client.get(reverse("decisions:rules")).content.decode()
    english = client.get("/en-ca/decisions/rules/").content.decode()

    for raw in ("[&#x27;", "False", "True", "prorated_by_day", "occupied_and_granted"):
        assert raw not in french
        assert raw not in english
    assert "Programme d&#x27;aide sociale; Programme de solidarité sociale" in french
    assert "173\u00a0$" in french
    assert "$173" in english
    assert "Prorated by day of participation" in english


def test_the_quebec_page_shows_no_ontario_rule(client_for: Any) -> None:
    page = client_for("analyst").get("/en-ca/decisions/rules/").content.decode()

    assert "Ontario Works" not in page
    assert "Employment Ontario" not in page
    assert "MCCSS" not in page


def test_every_parameter_applies_somewhere() -> None:
    everywhere = {entry["path"] for entry in parameter_catalog()}
    quebec = {entry["path"] for entry in parameter_catalog(jurisdiction="QC")}
    ontario = {entry["path"] for entry in parameter_catalog(jurisdiction="ON")}

    assert quebec | ontario == everywhere
    assert "paas_action.monthly_allowance" in quebec - ontario
    assert "employment_fast_track.programs" in ontario - quebec


def test_values_in_words() -> None:
    assert describe(True) == ("Oui", "Yes")
    assert describe([]) == ("Aucun", "None")
    assert describe(1234, unit="currency-CAD") == ("1\u00a0234\u00a0$", "$1,234")
    assert describe(12.5, unit="currency-CAD") == ("12,50\u00a0$", "$12.50")
    assert describe(30, unit="day") == ("30\u00a0jours", "30 days")


def test_participants_cannot_open_the_rules_page(client_for: Any) -> None:
    assert client_for("participant").get(reverse("decisions:rules")).status_code == 403
