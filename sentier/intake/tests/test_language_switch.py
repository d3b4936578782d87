"""Switching language during the application keeps what was typed on the current step: the
header's switch is a submit button of the step's form, which saves the step as a draft and then
opens the same step in the other language."""

from __future__ import annotations

import pytest
from django.test import Client

from sentier.intake.models import Application
from sentier.intake.tests.helpers import GOOD, fill, start_online, step_url

pytestmark = pytest.mark.django_db


def test_the_header_switch_is_a_button_of_the_step_form(client: Client) -> None:
    application = start_online(client)
    page = client.get(step_url(application, "identity")).content.decode()
    assert '<form method="post" novalidate id="sentier-step-form">' in page
    assert (
        '<button type="submit" form="sentier-step-form" name="switch_language" value="en-ca"'
        in page
    )
    assert 'hreflang="en-ca"' not in page  # no plain link that would leave the typing behind


def test_switching_language_halfway_through_a_step_keeps_what_was_typed(client: Client) -> None:
    application = start_online(client)
    response = client.post(
        step_url(application, "identity"),
        {"first_name": "Awa", "last_name": "Diallo", "switch_language": "en-ca"},
    )
    assert response.status_code == 302
    assert response["Location"] == step_url(application, "identity", "en-ca")
    page = client.get(response["Location"]).content.decode()
    assert "Step 1 of 6" in page
    assert 'value="Awa"' in page
    assert 'value="Diallo"' in page
    # Not judged yet: nothing is said about the questions not answered yet.
    assert "This field is required" not in page
    assert 'name="switch_language" value="fr-ca"' in page
    application.refresh_from_db()
    assert "identity" not in application.answers
    # Sending the step checks it, in the new language.
    checked = client.post(
        step_url(application, "identity", "en-ca"), {"first_name": "Awa", "last_name": "Diallo"}
    )
    assert checked.status_code == 400
    assert "This field is required" in checked.content.decode()


def test_a_valid_step_is_saved_and_stays_on_the_same_step(client: Client) -> None:
    application = start_online(client)
    response = client.post(
        step_url(application, "identity"), {**GOOD["identity"], "switch_language": "en-ca"}
    )
    assert response["Location"] == step_url(application, "identity", "en-ca")
    application.refresh_from_db()
    assert application.answers["identity"]["last_name"] == "Diallo"
    assert "switch_language" not in application.answers["_typed"]["identity"]
    page = client.get(response["Location"]).content.decode()
    assert 'value="Diallo"' in page


def test_a_change_to_a_finished_step_is_kept_over_the_saved_answers(client: Client) -> None:
    application = start_online(client)
    fill(client, application)
    client.post(
        step_url(application, "contact", "en-ca"),
        {
            **GOOD["contact"],
            "city": "Ville tapée",
            "postal_code": "99999",
            "switch_language": "fr-ca",
        },
    )
    page = client.get(step_url(application, "contact")).content.decode()
    assert 'value="Ville tapée"' in page
    assert 'value="99999"' in page
    assert "Entrez un code postal canadien" not in page
    application.refresh_from_db()
    assert application.answers["contact"]["city"] == "Laval"  # the checked answers stay


def test_the_switch_on_a_sent_application_changes_nothing(client: Client) -> None:
    application = start_online(client)
    fill(client, application)
    client.post(step_url(application, "identity").replace("identity/", "summary/"))
    application = Application.objects.get(pk=application.pk)
    answers = application.answers
    response = client.post(
        step_url(application, "identity"), {"first_name": "Autre", "switch_language": "en-ca"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers == answers
