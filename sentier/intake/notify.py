"""The applicant's confirmation: once an application is sent, an e-mail in the applicant's
language with the file number and the link back to the application (background task).

The task is queued in the sending's transaction (database backend: it exists only if the sending
committed) and sends once: ``Application.confirmation_emailed_at`` says it was done.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from sentier.core.languages import PARTICIPANT_ONLY_LANGUAGES
from sentier.intake.models import Application, ApplicationStatus


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    body: str


def compose_confirmation(application: Application) -> Email | None:
    """The applicant's e-mail, or None when there is no address to write to."""
    participant = application.participant
    if application.status != ApplicationStatus.SUBMITTED or participant is None:
        return None
    if not participant.email:
        return None
    language = participant.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        path = reverse("intake:confirmation", kwargs={"resume_key": application.resume_key})
        context = {
            "file_number": participant.file_number,
            "sent_on": application.submitted_at,
            "url": f"{settings.SENTIER_BASE_URL}{path}",
            "jurisdiction": settings.SENTIER_JURISDICTION,
            # Not yet reviewed by a qualified translator: one line says so (issue 19).
            "unreviewed": language in PARTICIPANT_ONLY_LANGUAGES,
        }
        subject = render_to_string("intake/email/confirmation_subject.txt", context)
        body = render_to_string("intake/email/confirmation.txt", context)
    return Email(to=participant.email, subject=" ".join(subject.split()), body=body)


@task()
def email_confirmation(application_uuid: str) -> bool:
    """Send the applicant's confirmation once (a task run again does not send it twice)."""
    application = (
        Application.objects.select_related("participant").filter(uuid=application_uuid).first()
    )
    if application is None or application.confirmation_emailed_at is not None:
        return False
    email = compose_confirmation(application)
    if email is None:
        return False
    send_mail(email.subject, email.body, None, [email.to])
    Application.objects.filter(pk=application.pk).update(confirmation_emailed_at=timezone.now())
    return True
