"""Reads of the partner network.

- The public directory search (no personal information, so no user needed).
- Guarded reads for signed-in staff: the services whose capacity they manage, their waiting
  lists, the offers a person may answer. "Not found" and "not yours" are the same 404.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db.models import (
    Case,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404

from sentier.accounts.models import User
from sentier.core.text import french, search_words
from sentier.network.actions import waiting_order
from sentier.network.loading import EMPLOYMENT_ONTARIO_SLUG
from sentier.network.models import (
    OPEN_ENTRY_STATUSES,
    Clientele,
    Location,
    Offer,
    OfferStatus,
    Organization,
    Service,
    ServiceStatus,
    WaitingListEntry,
    stale_days,
)
from sentier.network.permissions import managed_services_q
from sentier.network.search import COLUMNS
from sentier.participants.models import Participant
from sentier.reference.models import Jurisdiction, Region
from sentier.reference.selectors import current_jurisdiction


def _word_score(word: str) -> Case:
    """What one folded search word adds to an organization's relevance: the weight of the best
    field it is found in, accents, case, hyphens and apostrophes aside (0: not found). The
    folded texts are kept by weight on each organization (``sentier.network.search``)."""
    whens = [
        When(**{f"search_text__{column}__contains": word}, then=Value(weight))
        for weight, column in sorted(COLUMNS.items(), reverse=True)
    ]
    return Case(*whens, default=Value(0), output_field=IntegerField())


def listed_services() -> QuerySet[Service]:
    """Services shown to the public and proposed by matching."""
    return Service.objects.filter(active=True, status=ServiceStatus.ACTIVE)


def list_current_organizations() -> QuerySet[Organization]:
    """The organizations of this instance's jurisdiction: none with a location or a service in
    the other jurisdiction's regions, no RSSMO member in Ontario, no Employment Ontario in Québec
    (issue 21: the Ontario directory and consent pages list no Québec organization). An
    installation loads only its own (``load_reference``); this keeps any other row out of sight."""
    here = current_jurisdiction()
    elsewhere = Region.objects.exclude(jurisdiction=here)
    foreign = Organization.objects.filter(
        Q(locations__region__in=elsewhere) | Q(services__regions__in=elsewhere)
    )
    organizations = Organization.objects.exclude(pk__in=foreign.values("pk"))
    if here == Jurisdiction.ONTARIO:
        return organizations.exclude(rssmo_member=True)
    return organizations.exclude(slug=EMPLOYMENT_ONTARIO_SLUG)


def search_directory(
    text: str = "",
    region_code: str = "",
    clientele_code: str = "",
    kind: str = "",
    language: str = "",
    has_places: bool = False,
) -> QuerySet[Organization]:
    """Organizations matching every word of ``text``, in a region, serving a clientele, with a
    listed service of that kind, in that language, with places available.

    Empty arguments do not filter. Each organization comes with its clienteles, its locations
    (with their region) and its listed services (those that pass the service filters, with their
    regions) prefetched, so listing a page costs the same few queries whatever the number of
    results. With a region, only that region's locations and services are attached.
    """
    organizations = list_current_organizations()
    words = search_words(text)
    scores = {f"score_{index}": _word_score(word) for index, word in enumerate(words)}
    if scores:
        organizations = organizations.annotate(**scores).filter(
            **{f"{name}__gt": 0 for name in scores}
        )
    locations = Location.objects.select_related("region").order_by("region__code", "city", "pk")
    services = listed_services()
    if region_code:
        organizations = organizations.filter(locations__region__code=region_code)
        locations = locations.filter(region__code=region_code)
        services = services.filter(
            Q(
                pk__in=Service.regions.through.objects.filter(region__code=region_code).values(
                    "service_id"
                )
            )
            | Q(province_wide=True)
        )
    if clientele_code:
        organizations = organizations.filter(clienteles__code=clientele_code)
    service_filtered = bool(kind or language or has_places)
    if kind:
        services = services.filter(kind=kind)
    if language:
        # JSON list of codes: the quoted code is in its text (works on SQLite and PostgreSQL).
        services = services.filter(languages__icontains=f'"{language}"')
    if has_places:
        services = services.filter(capacity_available__gt=0)
    if service_filtered:
        organizations = organizations.filter(pk__in=services.values("organization_id"))
    if scores:
        relevance = sum((F(name) for name in scores), start=Value(0))
        organizations = organizations.annotate(relevance=relevance)
        ordering = [F("relevance").desc(), *french("name"), "pk"]
    else:
        ordering = [*french("name"), "pk"]
    return (
        organizations.distinct()
        .order_by(*ordering)
        .prefetch_related(
            Prefetch("locations", queryset=locations),
            Prefetch("clienteles", queryset=Clientele.objects.order_by("code")),
            Prefetch("services", queryset=services.order_by("kind", "name", "pk")),
        )
    )


# ---------------------------------------------------------------------------------------------
# Capacity and waiting lists (signed-in staff)


def list_services_for_user(user: User) -> QuerySet[Service]:
    """Services whose capacity the user may update: their organization's, or all for admins."""
    services = Service.objects.select_related("organization").order_by(
        "organization__name", "name", "pk"
    )
    managed = managed_services_q(user)
    return services.none() if managed is None else services.filter(managed)


def get_service_for_user(user: User, service_uuid: uuid.UUID | str) -> Service:
    """A service the user manages; the same 404 when it does not exist or is not theirs."""
    try:
        key = uuid.UUID(str(service_uuid))
    except ValueError as error:
        raise Http404 from error
    service = list_services_for_user(user).filter(uuid=key).first()
    if service is None or not user.has_perm("network.update_capacity", service):
        raise Http404
    return service


def stale_services_for_organization(organization_id: int, *, now: dt.datetime) -> QuerySet[Service]:
    """Listed services of one organization whose capacity is stale (or never given)."""
    limit = now - dt.timedelta(days=stale_days())
    return Service.objects.filter(
        Q(capacity_updated_at__isnull=True) | Q(capacity_updated_at__lt=limit),
        organization_id=organization_id,
        active=True,
        status=ServiceStatus.ACTIVE,
    ).order_by("name", "pk")


def open_entries(service: Service) -> QuerySet[WaitingListEntry]:
    """The people on a service's waiting list, in the order they will get a place."""
    entries = WaitingListEntry.objects.filter(
        service=service, status__in=OPEN_ENTRY_STATUSES
    ).select_related("participant")
    ordered: QuerySet[WaitingListEntry] = waiting_order(entries)
    return ordered.prefetch_related(
        Prefetch(
            "offers",
            queryset=Offer.objects.filter(status=OfferStatus.OFFERED),
            to_attr="open_offers",
        )
    )


def get_offer_for_user(user: User, offer_uuid: uuid.UUID | str) -> Offer:
    """An offer the user may answer (the person, or their caseworker); 404 otherwise."""
    try:
        key = uuid.UUID(str(offer_uuid))
    except ValueError as error:
        raise Http404 from error
    offer = (
        Offer.objects.select_related("entry__participant", "entry__service__organization")
        .filter(uuid=key)
        .first()
    )
    if offer is None or not user.has_perm("network.answer_offer", offer):
        raise Http404
    return offer


def get_entry_for_staff(user: User, entry_uuid: uuid.UUID | str) -> WaitingListEntry:
    try:
        key = uuid.UUID(str(entry_uuid))
    except ValueError as error:
        raise Http404 from error
    entry = (
        WaitingListEntry.objects.select_related("participant", "service__organization")
        .filter(uuid=key)
        .first()
    )
    if entry is None or not (
        user.has_perm("network.view_waiting_list", entry.service)
        or user.has_perm("network.add_to_waiting_list", entry.participant)
    ):
        raise Http404
    return entry


def get_open_offer_for_staff(user: User, offer_uuid: uuid.UUID | str) -> Offer:
    try:
        key = uuid.UUID(str(offer_uuid))
    except ValueError as error:
        raise Http404 from error
    offer = (
        Offer.objects.select_related("entry__participant", "entry__service__organization")
        .filter(uuid=key)
        .first()
    )
    if offer is None or not user.has_perm("network.view_waiting_list", offer.entry.service):
        raise Http404
    return offer


#: What the file's waiting-list sections (the caseworker's, the person's own) read of an entry.
ENTRY_FIELDS = (
    "uuid",
    "since",
    "priority_reason",
    "service__name",
    "service__organization__name",
)


def entries_for_participant(participant: Participant) -> list[WaitingListEntry]:
    """A person's open waiting-list entries, each with its open offers (``open_offers``): the
    columns their sections show (``ENTRY_FIELDS``), not the service's and its organization's
    whole rows (45 columns on every file page)."""
    return list(
        WaitingListEntry.objects.filter(participant=participant, status__in=OPEN_ENTRY_STATUSES)
        .select_related("service__organization")
        .only(*ENTRY_FIELDS)
        .prefetch_related(
            Prefetch(
                "offers",
                queryset=Offer.objects.filter(status=OfferStatus.OFFERED),
                to_attr="open_offers",
            )
        )
        .order_by("since", "pk")
    )


def place_in_line(entry: WaitingListEntry) -> int:
    """1 for the next person to be offered a place in the entry's service, 2 after them…"""
    ordered = waiting_order(
        WaitingListEntry.objects.filter(service_id=entry.service_id, status__in=OPEN_ENTRY_STATUSES)
    )
    ids = list(ordered.values_list("pk", flat=True))
    return ids.index(entry.pk) + 1 if entry.pk in ids else 0


#: What a service's choice in the form that puts a person on a waiting list shows (its
#: organization's name and its own, ``forms._service_label``).
CHOICE_FIELDS = ("name", "organization__name")


def waiting_list_services_for(participant: Participant) -> QuerySet[Service]:
    """Listed services that serve the person's region (or the whole province)."""
    areas = Service.regions.through.objects
    return (
        listed_services()
        .filter(
            Q(pk__in=areas.filter(region_id=participant.region_id).values("service_id"))
            | Q(province_wide=True)
        )
        .select_related("organization")
        .order_by(*french("organization__name", "name"))
    )
