"""The application in the Ontario configuration: Ontario programs and service areas, Ontario
phone numbers, the Employment Ontario consent on its own page (one unticked choice)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from sentier.intake.models import Application
from sentier.ontario.tests.helpers import step_url


def start(client: Client) -> Application:
    assert client.post(reverse("intake:start")).status_code == 302
    return Application.objects.latest("created_at")


def test_the_start_page_gives_ontario_numbers_not_quebecs(ontario: dict[str, Any]) -> None:
    page = Client().get(reverse("intake:start")).content.decode()
    assert "888 999-1142" in page  # French writes 1 888 999-1142
    assert "211" in page
    assert "767-8773" not in page
    assert "Services Québec" not in page


def test_the_contact_step_lists_the_47_ontario_service_areas_by_name(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    application = start(client)
    page = client.get(step_url(application, "contact")).content.decode()
    assert page.count('<option value="ON') == 47
    assert "City of Toronto" in page or "Ville de Toronto" in page
    assert 'value="13"' not in page  # no Québec region
    assert 'name="first_nations_site"' in page


def test_the_program_step_offers_ontario_works_and_odsp_only(ontario: dict[str, Any]) -> None:
    client = Client()
    application = start(client)
    page = client.get(step_url(application, "program")).content.decode()
    assert 'value="OW"' in page
    assert 'value="ODSP"' in page
    assert 'value="PAS"' not in page
    assert "claim_booklet" not in page


def test_the_consent_page_is_its_own_step_with_one_unticked_choice(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    application = start(client)
    application.answers = {"program": {"program": "OW"}}
    application.save()
    response = client.get(step_url(application, "eo_consent"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('type="checkbox"') == 1
    assert "checked" not in page
    assert "6 sur 7" in page or "6 of 7" in page


def test_without_ontario_the_consent_step_does_not_exist(db: None) -> None:
    client = Client()
    application = start(client)
    application.answers = {"program": {"program": "PAS"}}
    application.save()
    response = client.get(step_url(application, "eo_consent"))
    assert response.status_code == 302
    assert response["Location"].endswith("/identity/")


def test_an_invalid_ontario_phone_gets_an_ontario_example(ontario: dict[str, Any]) -> None:
    client = Client()
    application = start(client)
    response = client.post(
        step_url(application, "contact"),
        {"phone": "12", "city": "Toronto", "region": "ON33", "postal_code": "zzz"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "416 555-0123" in page
    assert "M5V 2T6" in page
