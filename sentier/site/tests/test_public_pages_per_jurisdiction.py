"""The privacy and accessibility pages are each jurisdiction's own (issue 21): Ontario's name
its laws (FIPPA, MFIPPA, the Ontario Works and ODSP Acts, the AODA and WCAG 2.0 AA) and its
contacts, never Québec's phone numbers or standard; Québec's stay as they were."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

QUEBEC_ONLY = ("514 873-4000", "1 877 767-8773", "Québec", "Quebec", "Loi 25", "Law 25")


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_ontario_privacy_page_names_ontario_laws(
    client: Client, settings: Any, language: str
) -> None:
    settings.SENTIER_JURISDICTION = "on"
    page = client.get(f"/{language}/privacy/").content.decode()
    for word in QUEBEC_ONLY:
        assert word not in page
    assert "FIPPA" in page or "LAIPVP" in page
    assert "MFIPPA" in page or "LAIMPVP" in page
    assert "1997" in page
    assert "ServiceOntario" in page


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_ontario_accessibility_page_cites_the_aoda(
    client: Client, settings: Any, language: str
) -> None:
    settings.SENTIER_JURISDICTION = "on"
    page = client.get(f"/{language}/accessibility/").content.decode()
    for word in QUEBEC_ONLY:
        assert word not in page
    assert "AODA" in page or "LAPHO" in page
    assert "WCAG) 2.0" in page
    assert "191/11" in page


def test_quebec_pages_keep_quebec_contacts(client: Client) -> None:
    assert "514 873-4000" in client.get("/fr-ca/privacy/").content.decode()
    assert "1 877 767-8773" in client.get("/fr-ca/accessibility/").content.decode()


def test_root_redirects_to_english_in_ontario(client: Client, settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    assert client.get("/")["Location"] == "/en-ca/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr")["Location"] == "/fr-ca/"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-CA")["Location"] == "/fr-ca/"


def test_root_still_redirects_to_french_in_quebec(client: Client) -> None:
    assert client.get("/")["Location"] == "/fr-ca/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/fr-ca/"
