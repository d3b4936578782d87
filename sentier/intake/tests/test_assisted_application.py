"""Applications given by phone or in person, entered by a caseworker, with the channel recorded."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.intake.models import Application, Channel
from sentier.intake.tests.helpers import GOOD, fill, step_url

pytestmark = pytest.mark.django_db


def test_caseworker_enters_a_phone_application(client_for: Any, personas: Any) -> None:
    client = client_for("caseworker_laval")
    response = client.post(reverse("intake:assisted_start"), {"channel": "phone"})
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.channel == Channel.PHONE
    assert application.entered_by == personas["caseworker_laval"]
    page = client.get(step_url(application, "contact")).content.decode()
    assert "Par téléphone" in page  # the channel is shown on every step
    fill(client, application)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    application.refresh_from_db()
    assert application.participant is not None
    event = application.participant.events.get(kind="application_submitted")
    assert event.data["channel"] == "phone"
    assert event.actor == personas["caseworker_laval"]


@pytest.mark.parametrize("persona", ["partner_opex", "participant", "analyst", "coordinator"])
def test_only_caseworkers_enter_applications(client_for: Any, persona: str) -> None:
    response = client_for(persona).post(reverse("intake:assisted_start"), {"channel": "phone"})
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_an_assisted_draft_is_not_open_to_anyone_with_the_link(client_for: Any) -> None:
    client_for("caseworker_laval").post(reverse("intake:assisted_start"), {"channel": "in_person"})
    application = Application.objects.get()
    assert Client().get(step_url(application, "identity")).status_code == 403


def test_caseworker_session_ends_while_typing_nothing_is_lost(client_for: Any) -> None:
    client_for("caseworker_laval").post(reverse("intake:assisted_start"), {"channel": "phone"})
    application = Application.objects.get()
    expired = Client()
    response = expired.post(step_url(application, "identity"), GOOD["identity"])
    assert "/accounts/login/" in response["Location"]
    application.refresh_from_db()
    assert application.answers["_typed"]["identity"]["last_name"] == ["Diallo"]
    page = client_for("caseworker_laval").get(step_url(application, "identity")).content.decode()
    assert 'value="Diallo"' in page
