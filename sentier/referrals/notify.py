"""Telling each side what happened: in-app notices, e-mails sent by a background task, signed links.

A notice row is written in the action's transaction; the e-mail is a django-tasks task queued in
the same transaction (database backend: it exists only if the action committed). E-mails carry
no personal information: they say which organization, what happened and where to look. An
organization without an account gets a signed, single-use, expiring link instead of a portal
address (:func:`issue_link`, :func:`sign_link`, :func:`check_link`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from sentier.accounts.permissions import partner_staff_of
from sentier.core.formatting import long_date
from sentier.network.models import Organization
from sentier.referrals import states
from sentier.referrals.models import (
    Audience,
    NoticeKind,
    Referral,
    ReferralLink,
    ReferralNotice,
)

LINK_SALT = "sentier.referrals.link"


def has_accounts(organization: Organization) -> bool:
    """Whether someone of the organization can sign in to the partner portal."""
    return partner_staff_of(organization).exists()


def issue_link(referral: Referral, *, at: dt.datetime) -> ReferralLink:
    """A new single-use link for ``referral``, valid ``SENTIER_REFERRAL_LINK_DAYS`` days (never
    past the referral's own expiry)."""
    expires_at = at + dt.timedelta(days=settings.SENTIER_REFERRAL_LINK_DAYS)
    if referral.expires_at is not None:
        expires_at = min(expires_at, referral.expires_at)
    return ReferralLink.objects.create(referral=referral, created_at=at, expires_at=expires_at)


def sign_link(link: ReferralLink) -> str:
    """The token of the link's address: the row's uuid, signed and timestamped."""
    return signing.dumps(str(link.uuid), salt=LINK_SALT, compress=False)


class LinkProblem(Exception):
    """The link cannot be used; ``kind`` is "invalid", "expired", "used" or "answered"."""

    def __init__(self, kind: str, link: ReferralLink | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.link = link


def check_link(token: str, *, now: dt.datetime | None = None) -> ReferralLink:
    """The link behind ``token`` if it may still be used, else :class:`LinkProblem`."""
    now = now or timezone.now()
    try:
        value = signing.loads(
            token,
            salt=LINK_SALT,
            max_age=dt.timedelta(days=settings.SENTIER_REFERRAL_LINK_DAYS + 1),
        )
        key = uuid.UUID(str(value))
    except signing.SignatureExpired as exc:
        raise LinkProblem("expired") from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise LinkProblem("invalid") from exc
    link = (
        ReferralLink.objects.select_related(
            "referral__participant", "referral__organization", "referral__service"
        )
        .filter(uuid=key)
        .first()
    )
    if link is None:
        raise LinkProblem("invalid")
    if link.used_at is not None:
        raise LinkProblem("used", link)
    if link.expires_at <= now:
        raise LinkProblem("expired", link)
    if link.referral.status not in states.PENDING:
        raise LinkProblem("answered", link)
    return link


def add_notice(
    referral: Referral,
    *,
    audience: str,
    kind: str,
    at: dt.datetime,
    link: ReferralLink | None = None,
) -> ReferralNotice:
    """Write the notice and queue its e-mail (same transaction)."""
    notice = ReferralNotice.objects.create(
        referral=referral, audience=audience, kind=kind, created_at=at, link=link
    )
    email_notice.enqueue(str(notice.uuid))
    return notice


def notify_receiver(referral: Referral, *, kind: str, at: dt.datetime) -> ReferralNotice:
    """A notice to the receiving organization; with a fresh signed link when it has no account
    and the referral awaits its answer."""
    link = None
    if referral.status in states.PENDING and not has_accounts(referral.organization):
        link = issue_link(referral, at=at)
    return add_notice(referral, audience=Audience.RECEIVER, kind=kind, at=at, link=link)


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    body: str


def _absolute(path: str) -> str:
    return f"{settings.SENTIER_BASE_URL}{path}"


#: The sender's e-mail when the organization answers: subject, then first paragraph. The reason
#: or outcome the organization wrote stays in Sentier (it may describe the person).
ANSWER_TEXTS: dict[str, tuple[Any, Any]] = {
    NoticeKind.ACCEPTED: (
        gettext_lazy("%(org)s accepted your referral %(reference)s"),
        gettext_lazy("%(org)s accepted the referral %(reference)s."),
    ),
    NoticeKind.DECLINED: (
        gettext_lazy("%(org)s declined your referral %(reference)s"),
        gettext_lazy(
            "%(org)s declined the referral %(reference)s. Its reason is on the referral; you may "
            "refer the person elsewhere."
        ),
    ),
    NoticeKind.COMPLETED: (
        gettext_lazy("%(org)s completed your referral %(reference)s"),
        gettext_lazy(
            "%(org)s completed the referral %(reference)s. The outcome is on the referral."
        ),
    ),
    NoticeKind.FAILED: (
        gettext_lazy("Your referral %(reference)s to %(org)s did not work out"),
        gettext_lazy(
            "%(org)s closed the referral %(reference)s: it did not work out. Its reason is on the "
            "referral."
        ),
    ),
}


def compose(notice: ReferralNotice) -> Email | None:
    """The e-mail of a notice in the recipient's language, or None when there is nobody to
    write to (no e-mail address known)."""
    referral = notice.referral
    organization = referral.organization
    if notice.audience == Audience.RECEIVER:
        to = organization.email
        language = organization.language or settings.LANGUAGE_CODE
    else:
        to = referral.sender.email if referral.sender else ""
        language = getattr(referral.sender, "preferred_language", "") or settings.LANGUAGE_CODE
    if not to:
        return None
    with translation.override(language):
        reference = str(referral.uuid)[:8]
        facts = {
            "org": organization.name,
            "reference": reference,
            "expires": long_date(referral.expires_at) if referral.expires_at else "",
        }
        if notice.audience == Audience.RECEIVER:
            if notice.link is not None:
                where = _(
                    "Accept or decline it with this link. It works once, until %(until)s: %(url)s"
                ) % {
                    "until": long_date(notice.link.expires_at),
                    "url": _absolute(
                        reverse("referrals:link", kwargs={"token": sign_link(notice.link)})
                    ),
                }
            else:
                where = _("Open it in the partner portal: %(url)s") % {
                    "url": _absolute(reverse("referrals:inbox_detail", args=[referral.uuid]))
                }
        else:
            where = _("See it in your referrals: %(url)s") % {
                "url": _absolute(reverse("referrals:detail", args=[referral.uuid]))
            }
        if notice.kind == NoticeKind.NEW:
            subject = _("A new referral for %(org)s") % facts
            lead = (
                _(
                    "A caseworker of the Ministry referred a person to %(org)s (reference "
                    "%(reference)s). Please answer by %(expires)s."
                )
                % facts
            )
        elif notice.kind == NoticeKind.REMINDER:
            subject = _("Reminder: a referral awaits the answer of %(org)s") % facts
            lead = (
                _(
                    "The referral %(reference)s to %(org)s still awaits your answer. Without an "
                    "answer it expires on %(expires)s."
                )
                % facts
            )
        elif notice.kind == NoticeKind.EXPIRED:
            subject = _("Your referral to %(org)s expired") % facts
            lead = (
                _(
                    "%(org)s did not answer the referral %(reference)s in time: it expired. "
                    "You may refer the person elsewhere."
                )
                % facts
            )
        elif notice.kind in ANSWER_TEXTS:
            subject, lead = (str(text) % facts for text in ANSWER_TEXTS[notice.kind])
        else:
            subject = _("A person withdrew their consent: referral %(reference)s") % facts
            lead = (
                _(
                    "The person withdrew their consent to share their information with %(org)s "
                    "(referral %(reference)s). Stop using the information received for it. If the "
                    "referral still awaited your answer, it is cancelled."
                )
                % facts
            )
            where = (
                _("Details in the partner portal: %(url)s")
                % {"url": _absolute(reverse("referrals:inbox"))}
                if has_accounts(organization)
                else ""
            )
        body = "\n\n".join(
            part
            for part in (
                lead,
                where,
                _("This message contains no personal information. — Sentier"),
            )
            if part
        )
    return Email(to=to, subject=f"Sentier – {subject}", body=body)


@task()
def email_notice(notice_uuid: str) -> bool:
    """Send a notice's e-mail once (a retried task does not send it twice)."""
    notice = (
        ReferralNotice.objects.select_related("referral__organization", "referral__sender", "link")
        .filter(uuid=notice_uuid)
        .first()
    )
    if notice is None or notice.emailed_at is not None:
        return False
    email = compose(notice)
    if email is None:
        return False
    send_mail(email.subject, email.body, None, [email.to])
    ReferralNotice.objects.filter(pk=notice.pk).update(
        emailed_to=email.to, emailed_at=timezone.now()
    )
    return True
