"""Ontario offices and bodies keep their English name in the data and show their official
French name on French pages (catalog context ``proper name``, ``sentier.ontario.offices``)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.utils import translation

from sentier.accounts.models import User
from sentier.core.formatting import proper_name
from sentier.ontario.demo import ONTARIO_PERSONAS
from sentier.ontario.odsp.demo import FIRST_NATIONS_STAFF, ODSP_COLLEAGUE
from sentier.ontario.offices import OFFICE_NAMES
from sentier.site.demo import load_ontario_demo


def test_every_ontario_demo_office_has_a_catalog_entry() -> None:
    with translation.override(None):
        listed = {str(name) for name in OFFICE_NAMES}
    offices = {p.office for p in (*ONTARIO_PERSONAS, ODSP_COLLEAGUE, FIRST_NATIONS_STAFF)}
    assert offices - {""} <= listed


def test_a_name_with_no_entry_is_shown_as_stored() -> None:
    with translation.override("fr-ca"):
        assert proper_name("Laval") == "Laval"
        assert proper_name("") == ""


def test_the_office_goes_through_the_catalog_on_the_home_pages(ontario: dict[str, Any]) -> None:
    load_ontario_demo()
    tara = User.objects.get(email="caseworker.toronto@sentier.demo")
    client = Client()
    client.force_login(tara)
    with translation.override("fr-ca"):
        french = proper_name(tara.office)
    page = client.get("/fr-ca/").content.decode().replace("&#x27;", "'").replace("&rsquo;", "’")
    assert french in page
