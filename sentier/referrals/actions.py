"""Every write to referrals: check permission, change, log the transition, add a timeline event.

``send_referral`` refuses without a consent in force that covers the organization, the purpose
and every information category sent; the payload carries those categories only. Messages to
partner systems are written to the outbox in the same transaction (delivered later, see
``sentier.outbox.delivery``). It sends once per form (``send_key``: a second post raises
:class:`AlreadySent`) and, for a need of a known kind, not beside an open referral of the person to
the same organization for the same kind unless asked to (:class:`OpenReferralExists`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.consent.actions import NoValidConsent
from sentier.consent.models import Consent, Purpose, RecipientKind
from sentier.consent.selectors import find_consent
from sentier.core.lifecycle import ReasonRequired, Refused
from sentier.network.models import Location, Organization, Service
from sentier.outbox.actions import enqueue
from sentier.participants.actions import add_event
from sentier.participants.models import Participant
from sentier.referrals import notify, selectors, states
from sentier.referrals.exchanges import EXCHANGES
from sentier.referrals.models import (
    Audience,
    NoticeKind,
    Referral,
    ReferralLink,
    ReferralStatus,
    Side,
)
from sentier.referrals.payload import build_payload
from sentier.referrals.timeline_kinds import ReferralEventKind

# The move is not allowed from this status for this side: the lifecycle's refusal.
TransitionRefused = Refused


class AlreadySent(Exception):
    """The sending form was used already: ``referral`` is what it sent. Nothing new is written."""

    def __init__(self, referral: Referral) -> None:
        super().__init__(str(referral.uuid))
        self.referral = referral


class OpenReferralExists(Exception):
    """The person has an open referral to this organization for this kind of need
    (``referral``); nothing is written unless the sender sends anyway."""

    def __init__(self, referral: Referral) -> None:
        super().__init__(str(referral.uuid))
        self.referral = referral


def side_of(user: User | None, referral: Referral) -> str | None:
    """Which side ``user`` acts for on ``referral`` (None: neither)."""
    return states.REFERRAL.side_of(user, referral)


def _still_covers(
    consent: Consent | None,
    participant: Participant,
    purpose: str,
    organization: Organization,
    categories: list[str],
    at: dt.datetime,
) -> bool:
    return (
        consent is not None
        and consent.participant_id == participant.pk
        and consent.purpose == purpose
        and consent.recipient_kind == RecipientKind.ORGANIZATION
        and consent.recipient_organization_id == organization.pk
        and consent.is_active(at)
        and consent.covers(categories)
    )


@transaction.atomic
def send_referral(
    *,
    actor: User,
    participant: Participant,
    organization: Organization,
    need: str,
    categories: Iterable[str],
    purpose: str = Purpose.REFERRAL,
    service: Service | None = None,
    location: Location | None = None,
    at: dt.datetime | None = None,
    consent: Consent | None = None,
    kind: str = "",
    send_key: uuid.UUID | None = None,
    send_anyway: bool = False,
    exchange: str = "",
) -> Referral:
    """Send a referral now. ``PermissionDenied``, ``ValidationError``, ``NoValidConsent``,
    ``AlreadySent`` or ``OpenReferralExists`` leave nothing behind: no referral, no message
    queued.

    ``consent``: the covering consent when the caller already holds it (checked again here, in
    memory); otherwise the newest one in force is looked up. ``kind``: the kind of help asked
    (a ``ServiceKind``; the service's own kind when not given). ``send_key``: the sending form's
    one-time key; a second send with it raises ``AlreadySent`` with the first referral.
    ``send_anyway``: the sender saw the open referral for the same need and sends another.
    ``exchange``: the registered data exchange (``referrals.exchanges``) the caller delivers it
    through: it then follows the exchange's rules (no community expiry, no e-mail or link to
    the organization); the caller queues the exchange's message in the same transaction.
    """
    if exchange and exchange not in EXCHANGES:
        raise ValueError(f"Unknown exchange: {exchange}")
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    # One sending at a time per person: a form posted twice at once, or from two tabs, is
    # checked against what the first sending wrote.
    list(Participant.objects.select_for_update().filter(pk=participant.pk).values_list("pk"))
    if send_key is not None:
        used = Referral.objects.filter(send_key=send_key).first()
        if used is not None:
            if used.participant_id != participant.pk:
                raise ValidationError(_("This form was not made for this person. Start again."))
            raise AlreadySent(used)
    at = at or timezone.now()
    kind = kind or (service.kind if service is not None else "")
    chosen = sorted(set(categories))
    errors: dict[str, str] = {}
    if not need.strip():
        errors["need"] = _("Say what the person needs from this organization.")
    if not chosen:
        errors["categories"] = _("Choose the information to send.")
    if service is not None and service.organization_id != organization.pk:
        errors["service"] = _("This service belongs to another organization.")
    if location is not None and location.organization_id != organization.pk:
        errors["location"] = _("This point of service belongs to another organization.")
    if errors:
        raise ValidationError(errors)
    already_open = (
        selectors.find_open_referral(participant=participant, organization=organization, kind=kind)
        if kind
        else None
    )
    if already_open is not None and not send_anyway:
        raise OpenReferralExists(already_open)
    if not _still_covers(consent, participant, purpose, organization, chosen, at):
        consent = find_consent(
            participant=participant,
            purpose=purpose,
            organization=organization,
            categories=chosen,
            at=at,
        )
    if consent is None:
        raise NoValidConsent(
            _("The person has not agreed to share this information with this organization.")
        )
    referral = Referral.objects.create(
        participant=participant,
        organization=organization,
        service=service,
        location=location,
        purpose=purpose,
        kind=kind,
        need=need.strip(),
        consent=consent,
        categories=chosen,
        payload=build_payload(participant, chosen, need.strip()),
        status=ReferralStatus.REQUESTED,
        sender=actor,
        created_at=at,
        sent_at=at,
        expires_at=(
            None if exchange else at + dt.timedelta(days=settings.SENTIER_REFERRAL_EXPIRY_DAYS)
        ),
        send_key=send_key,
    )
    states.REFERRAL.start(
        referral, source=ReferralStatus.DRAFT, side=Side.SENDER, actor=actor, at=at
    )
    # What leaves is read like everything a recipient is shown: what the consents allow now.
    shared = selectors.shared_referral(referral, at)
    enqueue(
        topic="referral.requested",
        payload={"referral": str(referral.uuid), "status": referral.status, **shared.payload},
        referral=referral,
        at=at,
    )
    if not exchange:
        notify.notify_receiver(referral, kind=NoticeKind.NEW, at=at)
    add_event(
        participant=participant,
        kind=ReferralEventKind.REFERRAL_SENT,
        actor=actor,
        summary=organization.name,
        data={
            "referral": str(referral.uuid),
            "categories": chosen,
            # Sent knowingly beside an open referral for the same need: which one.
            **({"beside": str(already_open.uuid)} if already_open is not None else {}),
        },
        occurred_at=at,
    )
    return referral


#: What the organization's answers tell the sender (a notice on their lists, and an e-mail).
SENDER_NOTICES: dict[str, str] = {
    ReferralStatus.ACCEPTED: NoticeKind.ACCEPTED,
    ReferralStatus.REJECTED: NoticeKind.DECLINED,
    ReferralStatus.COMPLETED: NoticeKind.COMPLETED,
    ReferralStatus.FAILED: NoticeKind.FAILED,
}


@transaction.atomic
def transition_referral(
    *,
    referral: Referral,
    to_status: str,
    side: str,
    actor: User | None = None,
    actor_label: str = "",
    reason: str = "",
    outcome: str = "",
    at: dt.datetime | None = None,
) -> Referral:
    """Move a referral along the state machine for ``side``.

    Callers establish the side: ``side_of(user, referral)`` for people, ``Side.RECEIVER`` for a
    verified signed link or API key, ``Side.SYSTEM`` for scheduled tasks. Raises
    ``TransitionRefused`` or ``ValidationError`` (reason missing) and changes nothing then.
    """
    referral = (
        Referral.objects.select_for_update().select_related("participant").get(pk=referral.pk)
    )
    if actor is not None and side != Side.SYSTEM and side_of(actor, referral) != side:
        raise PermissionDenied
    at = at or timezone.now()
    from_status = referral.status
    try:
        states.REFERRAL.apply(
            referral,
            to_status,
            side=side,
            actor=actor,
            actor_label=actor_label,
            reason=reason.strip(),
            at=at,
        )
    except ReasonRequired as missing:
        raise ValidationError({"reason": str(missing)}) from None
    referral.status_reason = reason.strip()
    if outcome.strip():
        referral.outcome = outcome.strip()
    if from_status in states.PENDING:
        referral.answered_at = at
    if to_status in states.CLOSED:
        referral.closed_at = at
    referral.save()
    enqueue(
        topic=f"referral.{to_status}",
        payload={"referral": str(referral.uuid), "status": to_status, "reason": reason.strip()},
        referral=referral,
        at=at,
    )
    if side == Side.RECEIVER and to_status in SENDER_NOTICES:
        notify.add_notice(referral, audience=Audience.SENDER, kind=SENDER_NOTICES[to_status], at=at)
    add_event(
        participant=referral.participant,
        kind=ReferralEventKind.REFERRAL_UPDATED,
        actor=actor,
        data={
            "referral": str(referral.uuid),
            "from": from_status,
            "to": to_status,
            "organization_name": referral.organization.name,
        },
        occurred_at=at,
    )
    return referral


@transaction.atomic
def answer_by_link(
    *, link: ReferralLink, to_status: str, reason: str = "", at: dt.datetime | None = None
) -> Referral:
    """An organization without an account accepts or declines through its signed link.

    The link is checked again under a row lock and used once: a second answer, an expired link
    or a referral no longer awaiting an answer raise ``notify.LinkProblem`` and change nothing.
    """
    at = at or timezone.now()
    if to_status not in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED):
        raise TransitionRefused(_("With this link you can only accept or decline."))
    locked = ReferralLink.objects.select_for_update().select_related("referral").get(pk=link.pk)
    if locked.used_at is not None:
        raise notify.LinkProblem("used", locked)
    if locked.expires_at <= at:
        raise notify.LinkProblem("expired", locked)
    if locked.referral.status not in states.PENDING:
        raise notify.LinkProblem("answered", locked)
    referral = transition_referral(
        referral=locked.referral,
        to_status=to_status,
        side=Side.RECEIVER,
        actor=None,
        actor_label=_("Signed link sent by e-mail"),
        reason=reason,
        at=at,
    )
    locked.used_at = at
    locked.answer = to_status
    locked.save(update_fields=["used_at", "answer"])
    return referral
