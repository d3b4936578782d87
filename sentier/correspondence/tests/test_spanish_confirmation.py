"""An applicant whose language of correspondence is Spanish is e-mailed, once the application is
sent, the file number and the link back to the application, on the Spanish pages (issue 19);
the correspondence notice of that event records the same e-mail without sending a second one."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.correspondence import actions
from sentier.correspondence.models import Channel, Notice, NoticeStatus, Subject
from sentier.correspondence.tests.test_notices import run_tasks
from sentier.intake.tests.test_confirmation_email import apply

pytestmark = pytest.mark.django_db

BASE = "https://sentier.example:8443"


def test_the_spanish_confirmation_carries_the_file_number_and_the_resume_link(
    client: Client, settings: Any
) -> None:
    settings.SENTIER_BASE_URL = BASE
    application = apply(client, email="rosa@example.org", language="es")
    participant = application.participant
    assert participant is not None
    assert participant.preferred_language == "es"

    run_tasks()
    [notice] = actions.plan_notices(now=timezone.now())
    run_tasks()

    [email] = mail.outbox  # one e-mail, whichever task ran first
    with translation.override("es"):
        path = reverse("intake:confirmation", args=[application.resume_key])
    assert path.startswith("/es/")
    assert f"{BASE}{path}" in email.body
    assert participant.file_number in email.subject
    assert f"Su número de expediente es {participant.file_number}." in email.body
    assert (notice.subject, notice.channel) == (Subject.APPLICATION_RECEIVED, Channel.EMAIL)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT
    assert f"{BASE}{path}" in notice.text
    assert Notice.objects.count() == 1
