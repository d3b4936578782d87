"""An applicant who gave an e-mail address gets, once the application is sent, an e-mail in their
language with the file number and the link back to it, built on ``SENTIER_BASE_URL``."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from sentier.intake import notify
from sentier.intake.models import Application
from sentier.intake.tests.helpers import fill, start_online

pytestmark = pytest.mark.django_db

ADDRESS = "awa.diallo@example.org"
BASE = "https://sentier.example:8443"


def run_tasks() -> int:
    """Run the queued background tasks, as the worker would; how many ran."""
    count = 0
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()
        count += 1
    return count


def apply(client: Client, *, email: str, language: str) -> Application:
    application = start_online(client)
    fill(
        client,
        application,
        identity={"preferred_language": language},
        contact={"email": email},
    )
    client.post(reverse("intake:summary", args=[application.resume_key]))
    application.refresh_from_db()
    return application


def test_the_applicant_is_sent_the_file_number_and_the_link_in_their_language(
    client: Client, settings: Any
) -> None:
    settings.SENTIER_BASE_URL = BASE
    application = apply(client, email=ADDRESS, language="en-ca")
    assert application.participant is not None
    number = application.participant.file_number
    assert not mail.outbox  # sent by the background task, not during the request
    assert run_tasks() == 1
    [email] = mail.outbox
    assert email.to == [ADDRESS]
    assert number in email.subject
    assert "your application was sent" in email.subject
    with translation.override("en-ca"):
        path = reverse("intake:confirmation", args=[application.resume_key])
    assert path.startswith("/en-ca/")
    assert f"{BASE}{path}" in email.body
    assert f"Your file number is {number}." in email.body
    assert "Do not share this link" in email.body
    application.refresh_from_db()
    assert application.confirmation_emailed_at is not None
    # The link opens the application's page, with its number, for whoever holds it.
    page = Client().get(path)
    assert page.status_code == 200
    assert number in page.content.decode()


def test_a_french_applicant_reads_it_in_french(client: Client) -> None:
    application = apply(client, email=ADDRESS, language="fr-ca")
    run_tasks()
    [email] = mail.outbox
    assert application.participant is not None
    assert f"Votre numéro de dossier est {application.participant.file_number}" in email.body
    assert "/fr-ca/apply/" in email.body


def test_without_an_address_nothing_is_queued_or_sent(client: Client) -> None:
    application = apply(client, email="", language="fr-ca")
    assert application.participant is not None
    assert run_tasks() == 0
    assert not mail.outbox
    assert application.confirmation_emailed_at is None


def test_sending_twice_and_running_the_task_twice_sends_one_email(client: Client) -> None:
    application = apply(client, email=ADDRESS, language="fr-ca")
    client.post(reverse("intake:summary", args=[application.resume_key]))  # a second "Send"
    assert run_tasks() == 1
    notify.email_confirmation.call(str(application.uuid))  # a task run again
    assert len(mail.outbox) == 1
