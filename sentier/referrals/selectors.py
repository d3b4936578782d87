"""Permission-checked reads of referrals, for each side.

The sender's side sees referrals of the files it may see; partner staff see only referrals
addressed to their organization. "Does not exist" and "not yours" are the same 404.

What the receiving organization is shown of the person — in the portal, through the signed link,
the partner API, the FHIR bundle or the outbox — comes from :func:`shared_referrals`: the
categories sent that a consent in force still covers *when it is read*
(:func:`sentier.consent.selectors.shared_with`), never the payload as it was stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.models import InformationCategory
from sentier.consent.selectors import Recipient, shared_with
from sentier.core.queries import known
from sentier.network.matching import match_for_participant
from sentier.network.models import Organization, Service, service_kinds_here
from sentier.participants.models import Participant
from sentier.participants.permissions import visible_participants_q
from sentier.participants.selectors import get_participant_for_user
from sentier.referrals import states
from sentier.referrals.models import (
    Audience,
    Referral,
    ReferralNotice,
    ReferralStatus,
    ReferralTransition,
)
from sentier.referrals.payload import payload_sections


def _key(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def _with_log(queryset: QuerySet[Referral], *, participant: bool = True) -> QuerySet[Referral]:
    """Referrals with their organization, service, sender and log, and their participant unless
    the caller holds it (``known``)."""
    return queryset.select_related(
        *(["participant"] if participant else []), "organization", "service", "sender"
    ).prefetch_related(
        Prefetch("transitions", queryset=ReferralTransition.objects.select_related("actor"))
    )


def get_referral_for_sender(user: User, referral_uuid: object) -> Referral:
    """A referral of a file ``user`` may see (caseworker, coordinator, administrator)."""
    key = _key(referral_uuid)
    if not may(user, "referrals.view_sent"):
        raise Http404
    referral = (
        _with_log(
            Referral.objects.filter(
                participant__in=Participant.objects.filter(visible_participants_q(user))
            )
        )
        .filter(uuid=key)
        .first()
    )
    if referral is None:
        raise Http404
    get_participant_for_user(user, referral.participant.uuid)
    return referral


def organization_of(user: User) -> Organization:
    """Partner staff's organization; 404 for anyone else."""
    if not may(user, "accounts.work_for_organization") or user.organization_id is None:
        raise Http404
    assert user.organization is not None
    return user.organization


def get_referral_for_partner(user: User, referral_uuid: object) -> Referral:
    """A referral addressed to the partner's organization; the same 404 for any other."""
    key = _key(referral_uuid)
    organization = organization_of(user)
    referral = (
        _with_log(Referral.objects.filter(organization=organization)).filter(uuid=key).first()
    )
    if referral is None or referral.status == ReferralStatus.DRAFT:
        raise Http404
    return referral


@dataclass(frozen=True)
class SharedReferral:
    """A referral as its receiving organization may see it at the time of reading."""

    referral: Referral
    #: The categories sent that a consent in force still covers.
    categories: list[str]
    #: The reason for the referral and one section per category in ``categories``: what a
    #: recipient is shown, and the only data the API, FHIR bundle and outbox carry.
    payload: dict[str, Any]
    #: In the active language, when some or all of what was sent is no longer shared ("" else).
    notice: str = ""

    @property
    def shows_identity(self) -> bool:
        return InformationCategory.IDENTITY in self.categories

    @property
    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return payload_sections(self.payload)


def shared_referrals(
    referrals: Iterable[Referral], at: dt.datetime | None = None
) -> list[SharedReferral]:
    """What each referral's organization may see of it now (one query for the consents)."""
    referrals = list(referrals)
    recipients = {Recipient.of(organization_id=r.organization_id) for r in referrals}
    sharing = shared_with(
        recipients,
        participant_ids={r.participant_id for r in referrals},
        purposes={r.purpose for r in referrals},
        at=at,
    )
    shared = []
    for referral in referrals:
        share = sharing.get(
            referral.participant_id,
            referral.purpose,
            Recipient.of(organization_id=referral.organization_id),
        )
        categories = [c for c in referral.categories if c in share.categories]
        stored = referral.payload if isinstance(referral.payload, dict) else {}
        payload: dict[str, Any] = {"need": referral.need, "categories": categories}
        for category in categories:
            payload[category] = stored.get(category) or {}
        shared.append(
            SharedReferral(
                referral=referral,
                categories=categories,
                payload=payload,
                notice=share.notice(referral.categories),
            )
        )
    return shared


def shared_referral(referral: Referral, at: dt.datetime | None = None) -> SharedReferral:
    """One referral as its organization may see it now (see :func:`shared_referrals`)."""
    [shared] = shared_referrals([referral], at)
    return shared


def _reminder_cutoff(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(days=settings.SENTIER_REFERRAL_REMINDER_DAYS)


def overdue_q(now: dt.datetime) -> Q:
    """Pending past the reminder delay."""
    return Q(status__in=states.PENDING, sent_at__lte=_reminder_cutoff(now))


def _not_overdue_q(now: dt.datetime) -> Q:
    """Every referral :func:`overdue_q` leaves out, a referral never sent among them: written
    out so that PostgreSQL estimates it (a ``CASE`` compared to 0 it takes for 0.5 % of rows)."""
    return (
        ~Q(status__in=states.PENDING)
        | Q(sent_at__gt=_reminder_cutoff(now))
        | Q(sent_at__isnull=True)
    )


def _ordered(queryset: QuerySet[Referral], now: dt.datetime) -> QuerySet[Referral]:
    return queryset.annotate(
        overdue=Case(
            When(overdue_q(now), then=Value(1)), default=Value(0), output_field=IntegerField()
        )
    ).order_by("-overdue", "-sent_at", "-id")


def list_referrals_sent(
    user: User, *, status: str = "", now: dt.datetime | None = None
) -> QuerySet[Referral]:
    """Referrals of the files ``user`` may see, overdue first, then newest."""
    now = now or timezone.now()
    queryset = Referral.objects.filter(
        participant__in=Participant.objects.filter(visible_participants_q(user))
    ).exclude(status=ReferralStatus.DRAFT)
    if status:
        queryset = queryset.filter(status=status)
    return _ordered(queryset.select_related("participant", "organization", "service"), now)


def list_referrals_for_organization(
    user: User, *, status: str = "", now: dt.datetime | None = None
) -> QuerySet[Referral]:
    """The partner's inbox: referrals addressed to their organization, overdue first."""
    now = now or timezone.now()
    queryset = Referral.objects.filter(organization=organization_of(user)).exclude(
        status=ReferralStatus.DRAFT
    )
    if status:
        queryset = queryset.filter(status=status)
    return _ordered(queryset.select_related("participant", "service"), now)


def first_referrals_for_organization(
    user: User, *, limit: int, status: str = "", now: dt.datetime | None = None
) -> list[Referral]:
    """The first ``limit`` referrals of :func:`list_referrals_for_organization`, the same rows in
    the same order, read in two parts each in an index's order: the late answers, newest first,
    then the others. The single list sorted every referral the organization ever received,
    each with its file, to keep 100 of them (39 ms at 2,241 referrals, more each day)."""
    now = now or timezone.now()
    queryset = Referral.objects.filter(organization=organization_of(user)).exclude(
        status=ReferralStatus.DRAFT
    )
    if status:
        queryset = queryset.filter(status=status)
    queryset = queryset.select_related("participant", "service").order_by("-sent_at", "-id")
    late: list[Referral] = list(queryset.filter(overdue_q(now)).annotate(overdue=Value(1))[:limit])
    if len(late) == limit:
        return late
    others = queryset.filter(_not_overdue_q(now)).annotate(overdue=Value(0))
    return [*late, *others[: limit - len(late)]]


def count_by_status_for_organization(organization: Organization) -> dict[str, int]:
    rows = (
        Referral.objects.filter(organization=organization)
        .values("status")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {row["status"]: row["n"] for row in rows}


def list_referrals_for_participant(
    participant: Participant, *, limit: int | None = None
) -> list[Referral]:
    """A file's referrals with their log, newest first, the ``limit`` newest if given (caller
    checked the file is visible)."""
    referrals = _with_log(
        Referral.objects.filter(participant=participant).exclude(status=ReferralStatus.DRAFT),
        participant=False,
    ).order_by("-created_at", "-id")
    return known(referrals if limit is None else referrals[:limit], participant=participant)


#: What the file page's referrals section (``referrals/_file_panel.html``) reads of a referral.
ON_FILE_FIELDS = ("uuid", "participant_id", "status", "sent_at", "organization__name")


def referrals_on_file(participant: Participant, *, limit: int) -> list[Referral]:
    """The ``limit`` newest of a file's referrals as its section on the file page shows them
    (the organization's name, the status, the log): only those columns read, with none of the
    service's and the sender's (76 columns over 3 joins before, on every file page). The caller
    checked the file is visible."""
    referrals = (
        Referral.objects.filter(participant=participant)
        .exclude(status=ReferralStatus.DRAFT)
        .select_related("organization")
        .only(*ON_FILE_FIELDS)
        .prefetch_related(
            Prefetch("transitions", queryset=ReferralTransition.objects.select_related("actor"))
        )
        .order_by("-created_at", "-id")
    )
    return known(referrals[:limit], participant=participant)


def _open_for_need(participant: Participant, kind: str) -> QuerySet[Referral]:
    """The person's referrals for ``kind`` still awaiting an answer or under way."""
    return Referral.objects.filter(
        participant=participant, kind=kind, status__in=states.PENDING | states.OPEN
    ).order_by("-sent_at", "-id")


def find_open_referral(
    *, participant: Participant, organization: Organization, kind: str
) -> Referral | None:
    """The newest open referral of the person to ``organization`` for this kind of need (the
    caller checked the file is visible)."""
    return _open_for_need(participant, kind).filter(organization=organization).first()


def get_referral_sent_with(participant: Participant, send_key: uuid.UUID) -> Referral | None:
    """The person's referral sent by the form holding this one-time key, if it was sent."""
    return (
        Referral.objects.select_related("organization")
        .filter(participant=participant, send_key=send_key)
        .first()
    )


def open_referrals_by_organization(participant: Participant, kind: str) -> dict[int, Referral]:
    """The person's open referrals for this kind of need, newest per organization id."""
    found: dict[int, Referral] = {}
    for referral in _open_for_need(participant, kind):
        found.setdefault(referral.organization_id, referral)
    return found


def list_notices_for_organization(
    organization: Organization, *, limit: int = 20
) -> list[ReferralNotice]:
    return list(
        ReferralNotice.objects.filter(
            audience=Audience.RECEIVER, referral__organization=organization
        ).select_related("referral")[:limit]
    )


def list_notices_for_sender(user: User, *, limit: int = 20) -> list[ReferralNotice]:
    return list(
        ReferralNotice.objects.filter(
            Q(referral__sender=user) | Q(referral__participant__caseworker=user),
            audience=Audience.SENDER,
        ).select_related("referral__organization", "referral__participant")[:limit]
    )


# ---------------------------------------------------------------------------------------------
# Finding an organization


@dataclass
class Option:
    """One organization (and service, when the directory lists one) a caseworker may choose."""

    value: str
    organization: Organization
    service: Service | None = None
    in_region: bool = True
    regions: list[str] = field(default_factory=list)
    clienteles: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    stale: bool = False
    matched: bool = False
    #: The person's open referral to this organization for the same need, if any.
    open_referral: Referral | None = None

    @property
    def capacity_known(self) -> bool:
        return self.service is not None and self.service.capacity_available is not None


def referral_options(participant: Participant, kind: str = "") -> list[Option]:
    """Organizations for a participant's need: the network's ranked matches first (region,
    clientele, language, capacity, freshness, each with its reasons), then every other
    organization, those with a point of service in the participant's region first."""
    region = participant.region
    matches = match_for_participant(participant, kind=kind or None, limit=15)
    options = [
        Option(
            value=f"service:{m.service.uuid}",
            organization=m.organization,
            service=m.service,
            languages=list(m.service.languages or []),
            reasons=list(m.reasons),
            stale=m.stale,
            matched=True,
        )
        for m in matches
    ]
    matched = {o.organization.pk for o in options}
    others = Organization.objects.exclude(pk__in=matched).prefetch_related("locations__region")
    extra = []
    for organization in others:
        regions = {loc.region.pk: loc.region.name for loc in organization.locations.all()}
        extra.append(
            Option(
                value=f"organization:{organization.uuid}",
                organization=organization,
                in_region=region.pk in regions,
                regions=sorted(regions.values()),
            )
        )
    extra.sort(key=lambda o: not o.in_region)  # stable: keeps the names' order within groups
    return options + extra


def service_kinds() -> list[tuple[str, str]]:
    """The needs a caseworker may choose: the kinds of service offered in this jurisdiction."""
    return service_kinds_here()
