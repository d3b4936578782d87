"""Reads of consents: the one that covers an exchange, and what a person has agreed to."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sentier.accounts.models import User
from sentier.consent.models import Consent, RecipientKind
from sentier.network.models import Organization
from sentier.participants.models import Participant
from sentier.participants.selectors import get_participant_for_user


def active_consents(participant: Participant, at: dt.datetime | None = None) -> QuerySet[Consent]:
    """Consents in force at ``at``: given, not withdrawn, not expired."""
    at = at or timezone.now()
    return (
        Consent.objects.filter(
            participant=participant, given_at__lte=at, expires_on__gte=timezone.localdate(at)
        )
        .filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=at))
        .select_related("recipient_organization")
    )


def find_consent(
    *,
    participant: Participant,
    purpose: str,
    categories: Iterable[str],
    organization: Organization | None = None,
    recipient_kind: str = RecipientKind.ORGANIZATION,
    at: dt.datetime | None = None,
) -> Consent | None:
    """The newest consent in force that covers this recipient, purpose and every category."""
    wanted = set(categories)
    candidates = active_consents(participant, at).filter(
        purpose=purpose, recipient_kind=recipient_kind
    )
    if recipient_kind == RecipientKind.ORGANIZATION:
        candidates = candidates.filter(recipient_organization=organization)
    for consent in candidates.order_by("-given_at", "-id"):
        if wanted <= set(consent.categories):
            return consent
    return None


def consented_categories(
    *,
    participant: Participant,
    purpose: str,
    organization: Organization | None = None,
    recipient_kind: str = RecipientKind.ORGANIZATION,
    at: dt.datetime | None = None,
) -> set[str]:
    """Every category this recipient may receive for this purpose now (union of consents)."""
    found: set[str] = set()
    consents = active_consents(participant, at).filter(
        purpose=purpose, recipient_kind=recipient_kind
    )
    if recipient_kind == RecipientKind.ORGANIZATION:
        consents = consents.filter(recipient_organization=organization)
    for consent in consents:
        found.update(consent.categories)
    return found


def list_consents_for_user(user: User, participant: Participant) -> QuerySet[Consent]:
    """All consents of a file the user may see (404 otherwise), newest first."""
    participant = get_participant_for_user(user, participant.uuid)
    return Consent.objects.filter(participant=participant).select_related(
        "recipient_organization", "recorded_by", "withdrawn_by"
    )


def get_consent_for_user(user: User, consent_uuid: object) -> Consent:
    """A consent of a file the user may see; the same 404 for missing and not-yours."""
    try:
        key = uuid.UUID(str(consent_uuid))
    except ValueError as exc:
        raise Http404 from exc
    consent = (
        Consent.objects.select_related("participant", "recipient_organization")
        .filter(uuid=key)
        .first()
    )
    if consent is None:
        raise Http404
    get_participant_for_user(user, consent.participant.uuid)
    return consent
