"""Phone and in-person applications ask how the person wants to be told, with the contact data
that way needs; the answer becomes their choice when the application is sent. Online
applications do not ask (the person chooses on their file)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.correspondence.models import Channel, ContactPreference
from sentier.intake.models import Application
from sentier.intake.tests.helpers import GOOD, fill, start_online, step_url

pytestmark = pytest.mark.django_db


def assisted(client: Any, channel: str = "phone") -> Application:
    assert client.post(reverse("intake:assisted_start"), {"channel": channel}).status_code == 302
    return Application.objects.latest("created_at")


def post_contact(client: Any, application: Application, **changes: str) -> Any:
    return client.post(step_url(application, "contact", "en-ca"), {**GOOD["contact"], **changes})


def test_the_choice_asked_on_the_phone_is_recorded_when_sent(
    client_for: Any, personas: Any
) -> None:
    client = client_for("caseworker_laval")
    application = assisted(client)
    page = client.get(step_url(application, "contact", "en-ca")).content.decode()
    assert "How does the person want to be told about their file?" in page

    fill(client, application, contact={"told_by": "phone"})
    client.post(reverse("intake:summary", args=[application.resume_key]))

    application.refresh_from_db()
    preference = ContactPreference.objects.get(participant=application.participant)
    assert preference.channel == Channel.PHONE
    assert preference.recorded_by == personas["caseworker_laval"]


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        ({"told_by": "email", "email": ""}, {"email": "An e-mail needs an address"}),
        (
            {"told_by": "letter", "address": "", "postal_code": ""},
            {"address": "street address", "postal_code": "postal code"},
        ),
        ({"told_by": "phone", "phone": "", "email": "a@example.org"}, {"phone": "needs a number"}),
        ({"told_by": ""}, {"told_by": "Choose how the person wants to be told."}),
        ({"told_by": "pigeon"}, {"told_by": "Choose how the person wants to be told."}),
    ],
)
def test_a_way_without_its_contact_data_is_a_field_error_and_nothing_is_kept(
    client_for: Any, changes: dict[str, str], errors: dict[str, str]
) -> None:
    client = client_for("caseworker_laval")
    application = assisted(client, "in_person")

    response = post_contact(client, application, **changes)

    assert response.status_code == 400
    form = response.context["form"]
    for field, words in errors.items():
        assert words in " ".join(form.errors[field]), (field, form.errors)
    application.refresh_from_db()
    assert "contact" not in application.answers


def test_an_online_application_does_not_ask(client: Any) -> None:
    application = start_online(client)
    page = client.get(step_url(application, "contact", "en-ca")).content.decode()
    assert "How does the person want to be told" not in page
    fill(client, application)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    application.refresh_from_db()
    assert application.participant is not None
    assert not ContactPreference.objects.filter(participant=application.participant).exists()
