"""Every write to consents: check permission, record, then a timeline event.

A consent is given by the person online, or recorded on their behalf by a caseworker who heard it
(by phone, in person, on a signed paper form). It is never edited; it is withdrawn, and the
withdrawal runs the handlers other capabilities registered (stop queued deliveries, tell
recipients).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.consent import hooks
from sentier.consent.models import (
    Channel,
    Consent,
    InformationCategory,
    Purpose,
    RecipientKind,
)
from sentier.consent.texts import TEXT_VERSION, consent_text
from sentier.consent.timeline_kinds import ConsentEventKind
from sentier.core import formatting
from sentier.network.models import Organization
from sentier.participants.actions import add_event
from sentier.participants.models import Participant, TimelineEvent


class NoValidConsent(Exception):
    """Raised when an exchange has no active consent covering its recipient, purpose and data."""


def _require_can_record(actor: User, participant: Participant, channel: str) -> None:
    if participant.user_id is not None and participant.user_id == actor.pk:
        if channel != Channel.ONLINE:
            raise PermissionDenied
        return
    if channel == Channel.ONLINE:
        # "Online, by the person" is only ever the person.
        raise PermissionDenied
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied


def _recipient(consent: Consent) -> dict[str, str]:
    """What the timeline renders the consent with: purpose and recipient as codes, or the
    receiving organization's name."""
    organization = consent.recipient_organization
    return {
        "purpose": consent.purpose,
        "recipient_kind": consent.recipient_kind,
        **({"organization_name": organization.name} if organization is not None else {}),
    }


@transaction.atomic
def record_consent(
    *,
    actor: User,
    participant: Participant,
    purpose: str,
    recipient_kind: str,
    categories: Iterable[str],
    channel: str,
    recipient_organization: Organization | None = None,
    language: str | None = None,
    expires_on: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Consent:
    """Record one consent. Raises ``PermissionDenied`` or ``ValidationError`` (nothing saved)."""
    _require_can_record(actor, participant, channel)
    return _record(
        recorded_by=actor,
        participant=participant,
        purpose=purpose,
        recipient_kind=recipient_kind,
        categories=categories,
        channel=channel,
        recipient_organization=recipient_organization,
        language=language,
        expires_on=expires_on,
        at=at,
    )


@transaction.atomic
def record_consent_from_application(
    *,
    participant: Participant,
    entered_by: User | None,
    purpose: str,
    recipient_kind: str,
    categories: Iterable[str],
    channel: str,
    recipient_organization: Organization | None = None,
    at: dt.datetime | None = None,
) -> Consent:
    """The person's "yes" on a consent page of the application they sent: part of the sending.

    Called by the sending itself, which already established who may send this application: the
    person online (with or without an account: ``entered_by`` is None then) or the staff member
    who entered it by phone or in person and heard the answer (``entered_by``, whatever their
    area). Same validation, text, record and event as ``record_consent``.
    """
    return _record(
        recorded_by=entered_by,
        participant=participant,
        purpose=purpose,
        recipient_kind=recipient_kind,
        categories=categories,
        channel=channel,
        recipient_organization=recipient_organization,
        language=None,
        expires_on=None,
        at=at,
    )


def _record(
    *,
    recorded_by: User | None,
    participant: Participant,
    purpose: str,
    recipient_kind: str,
    categories: Iterable[str],
    channel: str,
    recipient_organization: Organization | None,
    language: str | None,
    expires_on: dt.date | None,
    at: dt.datetime | None,
) -> Consent:
    at = at or timezone.now()
    chosen = list(dict.fromkeys(categories))
    errors: dict[str, str] = {}
    if purpose not in Purpose.values:
        errors["purpose"] = _("Choose a purpose.")
    if recipient_kind not in RecipientKind.values:
        errors["recipient_kind"] = _("Choose who receives the information.")
    elif (recipient_kind == RecipientKind.ORGANIZATION) != (recipient_organization is not None):
        errors["recipient_organization"] = _("Name the organization that receives it.")
    if not chosen:
        errors["categories"] = _("Choose at least one kind of information.")
    elif any(c not in InformationCategory.values for c in chosen):
        errors["categories"] = _("One of the kinds of information is not known.")
    today = timezone.localdate(at)
    longest = today + dt.timedelta(days=settings.SENTIER_CONSENT_DAYS)
    expires_on = expires_on or longest
    if expires_on <= today:
        errors["expires_on"] = _("The end date must be after today.")
    elif expires_on > longest:
        errors["expires_on"] = _("A consent lasts at most %(days)d days.") % {
            "days": settings.SENTIER_CONSENT_DAYS
        }
    if errors:
        raise ValidationError(errors)
    language = language or participant.preferred_language
    recipient = (
        recipient_organization.name
        if recipient_organization is not None
        else str(dict(RecipientKind.choices)[recipient_kind])
    )
    text = consent_text(
        purpose=purpose,
        recipient=recipient,
        categories=chosen,
        language=language,
        expires=formatting.long_date(expires_on, language),
    )
    consent = Consent.objects.create(
        participant=participant,
        purpose=purpose,
        recipient_kind=recipient_kind,
        recipient_organization=recipient_organization,
        categories=chosen,
        text_version=TEXT_VERSION,
        text_shown=text,
        language=language,
        channel=channel,
        recorded_by=recorded_by,
        given_at=at,
        expires_on=expires_on,
    )
    add_event(
        participant=participant,
        kind=ConsentEventKind.CONSENT_GIVEN,
        actor=recorded_by,
        data={
            "consent": str(consent.uuid),
            "categories": chosen,
            "channel": channel,
            **_recipient(consent),
        },
        occurred_at=at,
    )
    return consent


@transaction.atomic
def withdraw_consent(
    *, actor: User, consent: Consent, channel: str, at: dt.datetime | None = None
) -> Consent:
    """Withdraw a consent; queued sharing stops and recipients are told (registered handlers)."""
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    _require_can_record(actor, consent.participant, channel)
    if consent.withdrawn_at is not None:
        return consent
    at = at or timezone.now()
    consent.withdrawn_at = at
    consent.withdrawn_by = actor
    consent.withdrawal_channel = channel
    consent.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_channel"])
    hooks.run_withdrawal_handlers(consent, actor)
    add_event(
        participant=consent.participant,
        kind=ConsentEventKind.CONSENT_WITHDRAWN,
        actor=actor,
        data={"consent": str(consent.uuid), "channel": channel, **_recipient(consent)},
        occurred_at=at,
    )
    return consent


def expiry_notice_days() -> int:
    """Days before a consent ends the person is told, so that they can give it again."""
    return int(getattr(settings, "SENTIER_CONSENT_EXPIRY_NOTICE_DAYS", 30))


def _renewed(consent: Consent) -> bool:
    """A later consent, in force, for the same purpose and recipient: nothing is about to end."""
    return (
        Consent.objects.filter(
            participant_id=consent.participant_id,
            purpose=consent.purpose,
            recipient_kind=consent.recipient_kind,
            recipient_organization_id=consent.recipient_organization_id,
            withdrawn_at=None,
            expires_on__gt=consent.expires_on,
        )
        .exclude(pk=consent.pk)
        .exists()
    )


def announce_expiring_consents(*, now: dt.datetime) -> list[TimelineEvent]:
    """Write "consent about to expire" on the file of each person whose consent in force ends
    within the notice days and was not given again: once per consent, so running this twice, or
    two runs at once, writes nothing more. Returns the events this call wrote (correspondence
    tells the person, issue 19)."""
    today = timezone.localdate(now)
    candidates = list(
        Consent.objects.filter(
            withdrawn_at=None,
            given_at__lte=now,
            expires_on__gte=today,
            expires_on__lte=today + dt.timedelta(days=expiry_notice_days()),
        )
        .select_related("participant", "recipient_organization")
        .order_by("expires_on", "pk")
    )
    if not candidates:
        return []
    done = set(
        TimelineEvent.objects.filter(
            kind=ConsentEventKind.CONSENT_EXPIRING,
            data__consent__in=[str(c.uuid) for c in candidates],
        ).values_list("data__consent", flat=True)
    )
    written = []
    for candidate in candidates:
        if str(candidate.uuid) in done or _renewed(candidate):
            continue
        with transaction.atomic():
            # The row locked, then checked again: a run that was quicker has written it.
            consent = Consent.objects.select_for_update().get(pk=candidate.pk)
            if (
                consent.withdrawn_at is not None
                or TimelineEvent.objects.filter(
                    kind=ConsentEventKind.CONSENT_EXPIRING, data__consent=str(consent.uuid)
                ).exists()
            ):
                continue
            written.append(
                add_event(
                    participant=candidate.participant,
                    kind=ConsentEventKind.CONSENT_EXPIRING,
                    actor=None,
                    data={
                        "consent": str(consent.uuid),
                        "expires_on": consent.expires_on.isoformat(),
                        **_recipient(candidate),
                    },
                    occurred_at=now,
                )
            )
    return written
