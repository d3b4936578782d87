"""Reads of consents: the one that covers an exchange, and what a person has agreed to.

:func:`shared_with` is the one read behind everything a recipient is shown of a person (the
partner portal, the signed link, the partner API and its FHIR bundle, what leaves by the outbox,
a party's view of a service plan): which categories the consents in force *at the time of
reading* let each recipient see, and why nothing is shared any more when a consent was
withdrawn or has expired. What was stored or sent earlier is never a reason to show it again.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

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


@dataclass(frozen=True)
class Recipient:
    """Who reads shared information: one organization, or a category of recipients."""

    kind: str = RecipientKind.ORGANIZATION
    organization_id: int | None = None

    @classmethod
    def of(
        cls, *, kind: str = RecipientKind.ORGANIZATION, organization_id: int | None = None
    ) -> Recipient:
        """The recipient as consents name it (an organization only for the kind "organization")."""
        return cls(kind, organization_id if kind == RecipientKind.ORGANIZATION else None)


WITHDRAWN = "withdrawn"
EXPIRED = "expired"


@dataclass(frozen=True)
class Share:
    """What one recipient may see of one person for one purpose at the time of reading."""

    categories: frozenset[str] = frozenset()
    # How the newest consent no longer in force ended: WITHDRAWN, EXPIRED, or "" (none ended).
    ended: str = ""

    def notice(self, sent: Iterable[str] | None = None) -> str:
        """What to tell the reader, in the active language, when information that was shared
        no longer is; "" otherwise. ``sent``: the categories a referral carried (None: a
        party, told only once it sees nothing any more)."""
        if sent is None:
            kept, missing = self.categories, not self.categories
        else:
            kept, missing = self.categories & set(sent), bool(set(sent) - self.categories)
        if not self.ended or not missing:
            return ""
        if kept:
            return _(
                "Part of the information sent is no longer shared: the consent that covered it "
                "was withdrawn or has expired."
            )
        if self.ended == WITHDRAWN:
            return _("Consent withdrawn: the person's information is no longer shared.")
        return _("Consent expired: the person's information is no longer shared.")


@dataclass
class Sharing:
    """The answer of :func:`shared_with`: one :class:`Share` per person, purpose and recipient."""

    shares: dict[tuple[int, str, Recipient], Share] = field(default_factory=dict)

    def get(self, participant_id: int, purpose: str, recipient: Recipient) -> Share:
        return self.shares.get((participant_id, purpose, recipient), Share())


def shared_with(
    recipients: Iterable[Recipient],
    *,
    participant_ids: Iterable[int],
    purposes: Iterable[str],
    at: dt.datetime | None = None,
) -> Sharing:
    """What each recipient may see of each person for each purpose at ``at`` (now): the union
    of the categories of the consents in force, and how the last one that stopped ended.

    The only read that turns consents into what a recipient is shown; one query whatever the
    number of people, purposes and recipients (lists stay flat).
    """
    at = at or timezone.now()
    day = timezone.localdate(at)
    wanted = set(recipients)
    people = set(participant_ids)
    if not wanted or not people:
        return Sharing()
    organizations = {r.organization_id for r in wanted if r.kind == RecipientKind.ORGANIZATION}
    kinds = {r.kind for r in wanted if r.kind != RecipientKind.ORGANIZATION}
    consents = Consent.objects.filter(
        participant_id__in=people, purpose__in=set(purposes), given_at__lte=at
    ).filter(
        Q(recipient_kind=RecipientKind.ORGANIZATION, recipient_organization_id__in=organizations)
        | Q(recipient_kind__in=kinds)
    )
    categories: dict[tuple[int, str, Recipient], set[str]] = {}
    ended: dict[tuple[int, str, Recipient], tuple[dt.datetime, str]] = {}
    rows = consents.values_list(
        "participant_id",
        "purpose",
        "recipient_kind",
        "recipient_organization_id",
        "categories",
        "given_at",
        "withdrawn_at",
        "expires_on",
    )
    for person, purpose, kind, organization_id, codes, given_at, withdrawn_at, expires_on in rows:
        key = (person, purpose, Recipient.of(kind=kind, organization_id=organization_id))
        if key[2] not in wanted:
            continue
        if withdrawn_at is not None and withdrawn_at <= at:
            how = WITHDRAWN
        elif expires_on < day:
            how = EXPIRED
        else:
            categories.setdefault(key, set()).update(codes)
            continue
        if key not in ended or ended[key][0] < given_at:
            ended[key] = (given_at, how)
    return Sharing(
        {
            key: Share(frozenset(categories.get(key, ())), ended[key][1] if key in ended else "")
            for key in categories.keys() | ended.keys()
        }
    )


def consented_categories(
    *,
    participant: Participant,
    purpose: str,
    organization: Organization | None = None,
    recipient_kind: str = RecipientKind.ORGANIZATION,
    at: dt.datetime | None = None,
) -> set[str]:
    """Every category this recipient may receive for this purpose now (union of consents)."""
    recipient = Recipient.of(
        kind=recipient_kind, organization_id=organization.pk if organization else None
    )
    sharing = shared_with([recipient], participant_ids=[participant.pk], purposes=[purpose], at=at)
    return set(sharing.get(participant.pk, purpose, recipient).categories)


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
