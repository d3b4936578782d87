"""The refusal notice: how an applicant refused by the Ontario Works or ODSP intake unit learns
it, why, and how to ask for the decision to be reviewed, in their language (French or English).

Issued in the refusal's transaction (``refuse_ow_application``, ``refuse_odsp_application``),
and in the transaction that records the Disability Adjudication Unit's "not eligible" answer
(``record_adjudication``: the disability was not confirmed, 004 Q13; the notice says so, not a
reason of intake's list, with the same review rights):

- the file has an e-mail address (and the person did not ask for letters,
  ``correspondence.ContactPreference``): a background task sends the notice as a PDF attached
  to an e-mail (``email_refusal_notice``; sends once, whatever the number of runs);
- otherwise it is a **letter to mail**: the unit prints it (the same PDF) and marks it as mailed
  (``mark_notice_mailed``, through ``ontario.mailing`` like the Disability Determination
  Package), to the file's address, which must be complete.

A person who applied by phone (004: ODSP by phone through ServiceOntario) often has no e-mail:
staff are told to phone them as well, so that the refusal does not wait for the post.

Each step is a timeline event saying what was sent, to where and when, with the SHA-256 of the
PDF as it left (kept on the notice).

Review rights. Seed 004 does not cover them; the notice says only what the two Acts set: a
decision can be looked at again by an internal review, asked for first, then appealed to the
Social Benefits Tribunal (Ontario Works Act, 1997, ss. 26-27; Ontario Disability Support
Program Act, 1997, ss. 21-22). The 30 days to ask for each are those of their regulations
(O. Reg. 134/98 and O. Reg. 222/98), to confirm with the program before production like every
figure the seeds do not give.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from sentier.accounts.models import User
from sentier.core import pdf as core_pdf
from sentier.correspondence.channels import chosen_channel
from sentier.correspondence.models import Channel
from sentier.ontario import states
from sentier.ontario.models import (
    NoticeStatus,
    ODSPApplication,
    OWApplication,
    RefusalGrounds,
    RefusalNotice,
)
from sentier.ontario.package import HELP_PHONE, HELP_TTY, participant_address
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.actions import add_event

if TYPE_CHECKING:
    from weasyprint.document import Document

#: Days to ask for an internal review after the notice, then to appeal to the Social Benefits
#: Tribunal after the internal review's decision (O. Reg. 134/98; O. Reg. 222/98).
REVIEW_REQUEST_DAYS = 30
APPEAL_DAYS = 30


def notice_language(language: str) -> str:
    """The notice is in French or in English: French for a French speaker, else English."""
    return "fr-ca" if (language or "").startswith("fr") else "en-ca"


def issue_refusal_notice(
    *,
    actor: User,
    reason_names: dict[str, str],
    at: dt.datetime,
    ow: OWApplication | None = None,
    odsp: ODSPApplication | None = None,
    grounds: str = RefusalGrounds.INTAKE,
    decided_on: dt.date | None = None,
) -> RefusalNotice:
    """Called by the refusal actions, in their transaction (they have checked permission and
    moved the application): the notice to e-mail or to mail, and its timeline event.
    ``grounds``: the intake unit's refusal (``reason_names``: the reason of its list) or the
    Disability Adjudication Unit's (ODSP only; ``decided_on``: the day of its decision)."""
    application = ow or odsp
    assert application is not None
    assert (ow is None) != (odsp is None)
    assert grounds == RefusalGrounds.INTAKE or odsp is not None
    participant = application.participant
    # By e-mail when the file has an address, unless the person asked for letters (issue 19).
    by_email = bool(participant.email) and chosen_channel(participant) != Channel.LETTER
    notice = RefusalNotice(
        participant=participant,
        ow_application=ow,
        odsp_application=odsp,
        language=notice_language(participant.preferred_language),
        channel=application.channel,
        reason_names=reason_names,
        grounds=grounds,
        decided_on=decided_on or timezone.localdate(at),
        issued_at=at,
        status=NoticeStatus.TO_EMAIL if by_email else NoticeStatus.TO_MAIL,
        email=participant.email if by_email else "",
    )
    notice.save(force_insert=True)
    states.REFUSAL_NOTICE.start(notice, side=states.NOTICE_STAFF, actor=actor, at=at)
    add_event(
        participant=participant,
        kind=OntarioEventKind.REFUSAL_NOTICE,
        actor=actor,
        data={
            "notice": str(notice.uuid),
            "step": "issued",
            "program": notice.program,
            **({"grounds": notice.grounds} if notice.disability_not_confirmed else {}),
            "by": "email" if notice.status == NoticeStatus.TO_EMAIL else "mail",
            "language": notice.language,
            "by_phone": notice.by_phone,
        },
        occurred_at=at,
    )
    if notice.status == NoticeStatus.TO_EMAIL:
        # Database backend: the task exists only if the refusal commits.
        email_refusal_notice.enqueue(str(notice.uuid))
    return notice


# ---------------------------------------------------------------- what the notice says


def notice_context(notice: RefusalNotice, *, address_lines: list[str]) -> dict[str, Any]:
    """What the notice says (call inside ``translation.override(notice.language)``)."""
    participant = notice.participant
    return {
        "notice": notice,
        "participant": participant,
        "program": notice.program,
        "disability_not_confirmed": notice.disability_not_confirmed,
        "language": notice.language,
        "reason": notice.reason_names.get(notice.language)
        or next(iter(notice.reason_names.values()), ""),
        "issued_on": timezone.localdate(notice.issued_at),
        "address_lines": address_lines,
        "review_days": REVIEW_REQUEST_DAYS,
        "appeal_days": APPEAL_DAYS,
        "help_phone": HELP_PHONE,
        "help_tty": HELP_TTY,
    }


def file_address_lines(notice: RefusalNotice) -> list[str]:
    """The address on the file now (a notice not yet sent goes there)."""
    return RefusalNotice(**participant_address(notice.participant)).address_lines


def file_address_complete(notice: RefusalNotice) -> bool:
    return RefusalNotice(**participant_address(notice.participant)).address_complete


def notice_html(notice: RefusalNotice, *, address_lines: list[str] | None = None) -> str:
    """The notice as HTML in its language (sent: the address it went to; else the file's)."""
    if address_lines is None:
        address_lines = notice.address_lines if notice.sent_at else file_address_lines(notice)
    with translation.override(notice.language):
        return render_to_string(
            "ontario/refusal_notice_pdf.html", notice_context(notice, address_lines=address_lines)
        )


def notice_document(notice: RefusalNotice, *, address_lines: list[str] | None = None) -> Document:
    """The laid-out notice (for a batch to print, and for tests reading what it shows)."""
    return core_pdf.render(notice_html(notice, address_lines=address_lines))


def notice_pdf(notice: RefusalNotice, *, address_lines: list[str] | None = None) -> bytes:
    """The notice as a tagged PDF (PDF/UA-1): as sent once sent, else as it would be now."""
    if notice.sent_at and notice.pdf:
        return bytes(notice.pdf)
    return core_pdf.tagged_pdf(notice_html(notice, address_lines=address_lines))


def notice_filename(notice: RefusalNotice) -> str:
    return f"refusal-notice-{notice.participant.file_number}.pdf"


# ---------------------------------------------------------------- sending


def lock_notice(*, actor: User | None, notice: RefusalNotice) -> RefusalNotice:
    """The notice locked, with its application; PermissionDenied for someone who does not work
    the unit that refused it."""
    locked = (
        RefusalNotice.objects.select_for_update(of=("self",))
        .select_related("participant", "ow_application__participant", "odsp_application")
        .get(pk=notice.pk)
    )
    if actor is not None and states.REFUSAL_NOTICE.side_of(actor, locked) != states.NOTICE_STAFF:
        raise PermissionDenied
    return locked


def record_mailed(notice: RefusalNotice, *, actor: User, at: dt.datetime) -> None:
    """Mark one locked notice as mailed to the file's address (``ontario.mailing`` checks the
    batch): the PDF as printed for that address is kept, and the timeline says so."""
    address = participant_address(notice.participant)
    for field, value in address.items():
        setattr(notice, field, value)
    if not notice.address_complete:  # ``mailing`` said so by name before: a guard
        raise ValidationError(_("Complete the mailing address on the file first."))
    states.REFUSAL_NOTICE.apply(
        notice, NoticeStatus.MAILED, side=states.NOTICE_STAFF, actor=actor, at=at
    )
    pdf = notice_pdf(notice, address_lines=notice.address_lines)
    notice.pdf = pdf
    notice.sha256 = core_pdf.sha256_hex(pdf)
    notice.sent_at = at
    notice.sent_by = actor
    notice.save()
    add_event(
        participant=notice.participant,
        kind=OntarioEventKind.REFUSAL_NOTICE,
        actor=actor,
        data={
            "notice": str(notice.uuid),
            "step": "mailed",
            "program": notice.program,
            "language": notice.language,
            "address": notice.address_lines,
            "sha256": notice.sha256,
        },
        occurred_at=at,
    )


@task()
def email_refusal_notice(notice_uuid: str) -> bool:
    """E-mail the notice (PDF attached) once: a run after it was sent, or a second run of the
    same task, sends nothing. The row stays locked while the message goes, so two workers
    never both send it."""
    with transaction.atomic():
        notice = (
            RefusalNotice.objects.select_for_update(of=("self",))
            .select_related("participant")
            .filter(uuid=notice_uuid)
            .first()
        )
        if notice is None or notice.status != NoticeStatus.TO_EMAIL or not notice.email:
            return False
        at = timezone.now()
        pdf = notice_pdf(notice)
        with translation.override(notice.language):
            subject = (
                _("Your Ontario Works application: decision")
                if notice.program == "OW"
                else _("Your ODSP application: decision")
            )
            body = render_to_string(
                "ontario/refusal_notice_email.txt",
                notice_context(notice, address_lines=[]),
            )
        message = EmailMessage(" ".join(subject.split()), body, None, [notice.email])
        message.attach(notice_filename(notice), pdf, "application/pdf")
        message.send()
        states.REFUSAL_NOTICE.apply(
            notice,
            NoticeStatus.EMAILED,
            side=states.SCHEDULE,
            actor_label="sentier task",
            at=at,
        )
        notice.pdf = pdf
        notice.sha256 = core_pdf.sha256_hex(pdf)
        notice.sent_at = at
        notice.save()
        add_event(
            participant=notice.participant,
            kind=OntarioEventKind.REFUSAL_NOTICE,
            actor=None,
            data={
                "notice": str(notice.uuid),
                "step": "emailed",
                "program": notice.program,
                "language": notice.language,
                "email": notice.email,
                "sha256": notice.sha256,
            },
            occurred_at=at,
        )
    return True


def notice_panel(user: User, notice: RefusalNotice | None) -> dict[str, Any]:
    """What the refused application's page shows of its notice (``_refusal_notice.html``)."""
    if notice is None:
        return {"notice": None}
    return {
        "notice": notice,
        "notice_moves": states.REFUSAL_NOTICE.open_moves(user, notice),
        "notice_address": notice.address_lines if notice.sent_at else file_address_lines(notice),
        "notice_address_complete": notice.sent_at is not None or file_address_complete(notice),
        "notice_language": "English" if notice.language == "en-ca" else "Français",
    }
