"""What each notice says, in the person's language, and the version of that text.

One text per subject, the same for the e-mail, the letter and the caseworker's call (what to
say): a title and a few paragraphs, built from the event's parameters. A notice keeps the
version of the text it was sent with (``TEXT_VERSION``): change a sentence, change the version.

Languages: French, English, and Spanish, Arabic and Haitian Creole where their catalog has the
sentence; a sentence missing from a catalog falls back to French (``LANGUAGE_CODE``), as Django
does (``docs/architecture.md``).

Whom to call and the return address are settings (``SENTIER_CORRESPONDENCE_PHONE``,
``SENTIER_CORRESPONDENCE_RETURN_ADDRESS``), else the jurisdiction's own (Ontario: the person's
office, ``ontario.correspondence``); the defaults are the numbers the seeds give for the
personalized support plan in Québec (001: Montréal 514 873-4000, elsewhere 1 877 767-8773) and
Ontario's ODSP help line (``sentier.ontario.package.HELP_PHONE``, 004), with placeholder
addresses to replace before production.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sentier.consent.models import Purpose, RecipientKind
from sentier.core.formatting import clock, long_date
from sentier.core.languages import CORRESPONDENCE_CHOICES, PARTICIPANT_ONLY_LANGUAGES
from sentier.correspondence import registry
from sentier.correspondence.models import Subject
from sentier.participants.events import label_of
from sentier.participants.models import Participant
from sentier.plans.models import FollowUpMode

#: The version of every text below; kept on each notice sent.
TEXT_VERSION = "2026-12-06"

_LANGUAGES = {code for code, _name in CORRESPONDENCE_CHOICES}

_DEFAULT_PHONE = {
    "qc": "514 873-4000 (Montréal), 1 877 767-8773",
    "on": "1-888-999-1142",
}
_DEFAULT_RETURN_ADDRESS = {
    "qc": ["Services Québec", "Case postale 0000, succursale A", "Québec QC  G1K 0A0"],
    "on": ["Sentier — Ontario", "PO Box 0000, Station A", "Toronto ON  M5W 0A0"],
}


def correspondence_language(code: str) -> str:
    """The language a notice is written in: the file's language of correspondence when Sentier
    writes it (and the jurisdiction writes in it, ``registry.Wording.language``), else French."""
    own = registry.wording()
    if own is not None and own.language is not None:
        return own.language(code)
    return code if code in _LANGUAGES else "fr-ca"


def help_phone(participant: Participant | None = None) -> str:
    """Whom to call: the setting, else the jurisdiction's own for ``participant`` (their
    office's number, ``registry.Wording.phone``), else the default."""
    configured: str = getattr(settings, "SENTIER_CORRESPONDENCE_PHONE", "")
    if configured:
        return configured
    own = registry.wording()
    found = own.phone(participant) if own is not None and own.phone is not None else ""
    return found or _DEFAULT_PHONE.get(settings.SENTIER_JURISDICTION, _DEFAULT_PHONE["qc"])


def return_address(participant: Participant | None = None) -> list[str]:
    """The sender's address on a letter or e-mail: the setting, else the jurisdiction's own
    (``registry.Wording.return_address``, for ``participant``), else the default."""
    configured: list[str] = getattr(settings, "SENTIER_CORRESPONDENCE_RETURN_ADDRESS", [])
    if configured:
        return configured
    own = registry.wording()
    if own is not None:
        return own.return_address(participant)
    return _DEFAULT_RETURN_ADDRESS.get(settings.SENTIER_JURISDICTION, _DEFAULT_RETURN_ADDRESS["qc"])


@dataclass(frozen=True)
class Message:
    """A notice's words in one language."""

    language: str
    title: str
    paragraphs: tuple[str, ...]
    version: str = TEXT_VERSION

    @property
    def text(self) -> str:
        return "\n\n".join((self.title, *self.paragraphs))

    @property
    def unreviewed(self) -> bool:
        """Spanish, Arabic and Haitian Creole: the translation is not yet reviewed by a qualified
        translator, and the letter or e-mail says so in one line."""
        return self.language in PARTICIPANT_ONLY_LANGUAGES


def compose(
    subject: str,
    *,
    language: str,
    data: dict[str, Any],
    first_name: str,
    file_number: str,
    caseworker: str = "",
    respond_by: dt.datetime | None = None,
    phone: str = "",
) -> Message:
    """The notice about ``subject`` in ``language``; ``data`` are the event's parameters;
    ``phone``: whom to call (default: ``help_phone()``)."""
    language = correspondence_language(language)
    with translation.override(language):
        names = {
            "service": data.get("service_name", ""),
            "organization": data.get("organization_name", ""),
            "file": file_number,
        }
        own = registry.wording()
        found = own.body(subject, data, names, respond_by) if own is not None else None
        title, body = found if found is not None else _body(subject, data, names, respond_by)
        phone = phone or help_phone()
        call = (
            _("Questions? Call your caseworker, %(name)s, or %(phone)s. Say your file number.")
            % {"name": caseworker, "phone": phone}
            if caseworker
            else _("Questions? Call %(phone)s. Say your file number.") % {"phone": phone}
        )
        paragraphs = (
            _("Hello %(name)s,") % {"name": first_name},
            *body,
            call,
            _("Your file number: %(file)s") % names,
        )
        return Message(language=language, title=title, paragraphs=paragraphs)


def _body(
    subject: str, data: dict[str, Any], names: dict[str, str], respond_by: dt.datetime | None
) -> tuple[str, list[str]]:
    if subject == Subject.PLACE_OFFERED:
        date = long_date(timezone.localtime(respond_by)) if respond_by else ""
        return _("A place is offered to you"), [
            _("A place is free for you in %(service)s (%(organization)s).") % names,
            _(
                "Please answer by %(date)s: tell your caseworker, call us, or answer in Sentier "
                "under “My file”. After that date, the place goes to the next person and you "
                "stay on the list."
            )
            % {"date": date},
        ]
    if subject == Subject.APPLICATION_RECEIVED:
        return _("We received your application"), [
            _("We received your application. Your file number is %(file)s.") % names,
            _("A caseworker will contact you. Keep this number: it helps us find your file."),
        ]
    if subject == Subject.RECOMMENDATION_DECIDED:
        return _("Your application has been reviewed"), [
            _(
                "A caseworker has reviewed your application and chosen the support to offer you. "
                "Your caseworker will contact you to talk about it."
            ),
        ]
    if subject == Subject.PLAN_AGREED:
        return _("Your support plan is agreed"), [
            _(
                "Your personalized support plan is agreed. You can read it in Sentier under "
                "“My plan”, or ask your caseworker for a copy."
            ),
        ]
    if subject == Subject.PLAN_EXTENDED:
        if data.get("status") == "granted":
            return _("Your support plan is extended"), [
                _("Your request to extend your support plan is granted."),
            ]
        return _("Your request to extend your support plan"), [
            _(
                "Your request to extend your support plan is not granted. Your caseworker will "
                "explain why and what else can help."
            ),
        ]
    if subject == Subject.PLAN_ENDED:
        return _("Your support plan has ended"), [
            _("Your support plan has ended. This does not change your financial assistance."),
            _("You can ask for support again at any time."),
        ]
    if subject == Subject.REFERRAL_ANSWERED:
        if data.get("to") == "accepted":
            return _("Your referral is accepted"), [
                _("%(organization)s accepted your referral. They will contact you.") % names,
            ]
        return _("Your referral was not accepted"), [
            _(
                "%(organization)s cannot take your referral. Your caseworker will look for "
                "another service with you."
            )
            % names,
        ]
    if subject == Subject.FOLLOW_UP_REMINDER:
        return _follow_up_reminder(data)
    if subject == Subject.CONSENT_EXPIRING:
        return _consent_expiring(data, names)
    raise ValueError(f"unknown subject {subject!r}")


def _follow_up_reminder(data: dict[str, Any]) -> tuple[str, list[str]]:
    at = timezone.localtime(dt.datetime.fromisoformat(str(data["scheduled_for"])))
    when = {
        "date": long_date(at),
        "time": clock(at),
        "mode": str(label_of(FollowUpMode, data.get("mode")) or "").lower(),
    }
    return _("Reminder: a meeting with your caseworker"), [
        _(
            "You have a follow-up meeting about your support plan on %(date)s at %(time)s "
            "(%(mode)s)."
        )
        % when,
        _("If you cannot make it, tell your caseworker before that day to choose another time."),
    ]


def _consent_expiring(data: dict[str, Any], names: dict[str, str]) -> tuple[str, list[str]]:
    recipient = names["organization"] or str(
        label_of(RecipientKind, data.get("recipient_kind")) or ""
    )
    facts = {
        "recipient": recipient,
        "purpose": str(label_of(Purpose, data.get("purpose")) or ""),
        "date": long_date(dt.date.fromisoformat(str(data["expires_on"]))),
    }
    return _("Your consent to share ends soon"), [
        _(
            "You agreed that your information may be shared with %(recipient)s, for: "
            "%(purpose)s. This consent ends on %(date)s."
        )
        % facts,
        _(
            "After that date, nothing more is shared. To keep sharing, give your consent again "
            "in Sentier under “My file”, or tell your caseworker. If you want it to end, you "
            "have nothing to do."
        ),
    ]
