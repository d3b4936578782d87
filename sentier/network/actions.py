"""Every write of the partner network: check permission, change, then record it.

- Capacity: ``update_capacity`` (partner staff of the organization, an administrator, or a partner
  system whose API key the caller checked) writes the service's figures and one
  :class:`CapacityUpdate` log row. When places free up, the waiting list gets offers.
- Waiting lists: ``add_to_waiting_list``, ``release_place`` ("a place is free"),
  ``answer_offer``, ``pass_offer``, ``expire_offers`` (time injected),
  ``withdraw_from_waiting_list``. Every step is one :class:`WaitingListLog` row and, for the
  person concerned, one ``WAITING_OFFER`` timeline event.

Refusals raise :class:`~django.core.exceptions.ValidationError` keyed by the form field they are
about, or :class:`~django.core.exceptions.PermissionDenied`, and change nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from types import EllipsisType
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.core.formatting import long_date
from sentier.core.jurisdiction import app_enabled
from sentier.network.models import (
    OPEN_ENTRY_STATUSES,
    CapacityUpdate,
    EntryStatus,
    Offer,
    OfferStatus,
    PriorityReason,
    Service,
    WaitingListEntry,
    WaitingListLog,
)
from sentier.network.timeline_kinds import NetworkEventKind
from sentier.participants.actions import add_event
from sentier.participants.models import Participant

# ---------------------------------------------------------------------------------------------
# Capacity


@transaction.atomic
def update_capacity(
    *,
    actor_label: str,
    service: Service,
    available: int | None,
    maximum: int | None,
    waiting: int,
    unit: str | None = None,
    at: dt.datetime | None = None,
    actor: User | None = None,
    estimated_wait_days: int | EllipsisType | None = ...,
) -> Service:
    """Record what the organization says now about one service's places and waiting list.

    ``actor`` is the signed-in person (partner staff of the service's organization or an
    administrator); API callers pass ``actor=None`` after checking their key's organization, and
    ``actor_label`` names who spoke ("API key OPEX-1", "Luc Bouchard"). ``None`` for available or
    maximum means "not said". ``estimated_wait_days`` left out keeps the current estimate. When
    the places available rise, the people waiting get offers.
    """
    if actor is not None and not actor.has_perm("network.update_capacity", service):
        raise PermissionDenied
    errors: dict[str, list[str]] = {}
    for field, value in (("available", available), ("maximum", maximum), ("waiting", waiting)):
        if value is not None and value < 0:
            errors.setdefault(field, []).append(_("Enter a number of zero or more."))
    if available is not None and maximum is not None and available > maximum:
        errors.setdefault("available", []).append(
            _(
                "There cannot be more places available (%(available)s) than places in all "
                "(%(maximum)s)."
            )
            % {"available": available, "maximum": maximum}
        )
    if isinstance(estimated_wait_days, int) and estimated_wait_days < 0:
        errors.setdefault("estimated_wait_days", []).append(_("Enter a number of zero or more."))
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    locked = Service.objects.select_for_update().get(pk=service.pk)
    before = locked.capacity_available or 0
    locked.capacity_available = available
    locked.capacity_maximum = maximum
    locked.waiting_list_length = waiting
    if unit is not None:
        locked.capacity_unit = unit.strip()[:40] or locked.capacity_unit
    if not isinstance(estimated_wait_days, EllipsisType):
        locked.estimated_wait_days = estimated_wait_days
    locked.capacity_updated_at = at
    locked.save()
    CapacityUpdate.objects.create(
        service=locked,
        at=at,
        available=available,
        maximum=maximum,
        waiting=waiting,
        unit=locked.capacity_unit,
        actor=actor,
        actor_label=actor_label[:200],
    )
    for _freed in range(max(0, (available or 0) - before)):
        if _offer_place(service=locked, place=uuid.uuid4(), at=at, actor=actor) is None:
            break
    _copy(locked, service)
    return service


def _copy(source: Service, target: Service) -> None:
    """Refresh the caller's instance with what was saved (it may be the same object)."""
    if source is not target:
        for field in (
            "capacity_available",
            "capacity_maximum",
            "capacity_unit",
            "capacity_updated_at",
            "waiting_list_length",
            "estimated_wait_days",
        ):
            setattr(target, field, getattr(source, field))


# ---------------------------------------------------------------------------------------------
# Waiting lists


def response_days() -> int:
    """Days a person has to answer an offer, counted from when they were told: a setting,
    ``SENTIER_OFFER_RESPONSE_DAYS`` (5 by default: the window named in issue 19; no seed sets
    it, to confirm with the organizations)."""
    return int(getattr(settings, "SENTIER_OFFER_RESPONSE_DAYS", 5))


def priority_reasons() -> list[str]:
    """Reasons that move a person ahead, in order (a parameter); unknown codes are ignored."""
    configured = getattr(settings, "SENTIER_WAITING_PRIORITY_REASONS", [])
    return [code for code in configured if code in PriorityReason.values and code]


def waiting_order(entries: Any) -> Any:
    """Order a queryset of entries: priority reasons first (in the parameter's order), then
    the longest wait. A reason not in the parameter does not move anyone."""
    reasons = priority_reasons()
    rank = Case(
        *(When(priority_reason=code, then=Value(index)) for index, code in enumerate(reasons)),
        default=Value(len(reasons)),
        output_field=IntegerField(),
    )
    return entries.annotate(priority_rank=rank).order_by("priority_rank", "since", "pk")


def _log(
    *,
    service: Service,
    step: str,
    at: dt.datetime,
    actor: User | None,
    entry: WaitingListEntry | None = None,
    offer: Offer | None = None,
    note: str = "",
) -> None:
    WaitingListLog.objects.create(
        service=service, entry=entry, offer=offer, at=at, step=step, actor=actor, note=note[:300]
    )
    if entry is not None:
        add_event(
            participant=entry.participant,
            kind=NetworkEventKind.WAITING_OFFER,
            actor=actor,
            data={
                "step": step,
                "service": str(service.uuid),
                "service_name": service.name,
                "organization_name": service.organization.name,
                "entry": str(entry.uuid),
                **({"offer": str(offer.uuid)} if offer is not None else {}),
                **(
                    {"respond_by": offer.respond_by.isoformat()}
                    if offer is not None and offer.respond_by is not None
                    else {}
                ),
            },
            occurred_at=at,
        )


@transaction.atomic
def add_to_waiting_list(
    *,
    actor: User,
    service: Service,
    participant: Participant,
    priority_reason: str = "",
    at: dt.datetime | None = None,
) -> WaitingListEntry:
    """Put a person on a service's waiting list (once: a second time is refused)."""
    if not actor.has_perm("network.add_to_waiting_list", participant):
        raise PermissionDenied
    if priority_reason not in PriorityReason.values:
        raise ValidationError({"priority_reason": [_("Choose a reason from the list.")]})
    if not service.listed:
        raise ValidationError({"service": [_("This service is not open.")]})
    if WaitingListEntry.objects.filter(
        service=service, participant=participant, status__in=OPEN_ENTRY_STATUSES
    ).exists():
        raise ValidationError({"service": [_("This person is already on this waiting list.")]})
    at = at or timezone.now()
    entry = WaitingListEntry.objects.create(
        service=service,
        participant=participant,
        since=at,
        priority_reason=priority_reason,
        added_by=actor,
    )
    _log(
        service=service,
        step="added",
        at=at,
        actor=actor,
        entry=entry,
        note=_("On the waiting list of %(service)s (%(organization)s)")
        % {"service": service.name, "organization": service.organization.name},
    )
    return entry


def _offer_place(
    *, service: Service, place: uuid.UUID, at: dt.datetime, actor: User | None
) -> Offer | None:
    """Offer ``place`` to the next waiting person not yet offered it; ``None`` if nobody is left."""
    already = Offer.objects.filter(place=place).values("entry_id")
    candidates = WaitingListEntry.objects.filter(
        service=service, status=EntryStatus.WAITING
    ).exclude(pk__in=already)
    entry = (
        waiting_order(candidates).select_related("participant").select_for_update(of=("self",))
    ).first()
    if entry is None:
        return None
    # No window yet: it opens when the person is told (``start_offer_window``, called by
    # correspondence). Where correspondence is not offered (Ontario for now), nothing tells
    # the person: the window starts at once, as it did before.
    told_now = not app_enabled("correspondence")
    offer = Offer.objects.create(
        entry=entry,
        place=place,
        offered_at=at,
        respond_by=at + dt.timedelta(days=response_days()) if told_now else None,
    )
    entry.status = EntryStatus.OFFERED
    entry.save(update_fields=["status"])
    _log(
        service=service,
        step="offered",
        at=at,
        actor=actor,
        entry=entry,
        offer=offer,
        note=_("A place is offered in %(service)s") % {"service": service.name},
    )
    return offer


#: How a person was told of an offer (``Offer.told_by``).
TOLD_BY = ("email", "letter", "phone", "in_person")


@transaction.atomic
def start_offer_window(*, offer_uuid: str, at: dt.datetime, how: str) -> Offer | None:
    """The person has been told of the offer (a letter mailed, an e-mail sent, a call made): the
    response window starts now, once. Told again by another channel, the first time stands.

    Called by ``sentier.correspondence`` as it records what was sent (no permission here: the
    caller has checked its own); returns the offer, ``None`` if it is unknown.
    """
    if how not in TOLD_BY:
        raise ValueError(f"unknown channel {how!r}")
    offer = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("entry__participant", "entry__service__organization")
        .filter(uuid=offer_uuid)
        .first()
    )
    if offer is None or offer.told_at is not None or offer.status != OfferStatus.OFFERED:
        return offer
    offer.told_at = at
    offer.told_by = how
    offer.respond_by = at + dt.timedelta(days=response_days())
    offer.save(update_fields=["told_at", "told_by", "respond_by"])
    entry = offer.entry
    _log(
        service=entry.service,
        step="told",
        at=at,
        actor=None,
        entry=entry,
        offer=offer,
        note=_("Told of the place in %(service)s; answer by %(date)s")
        % {"service": entry.service.name, "date": long_date(offer.respond_by)},
    )
    return offer


@transaction.atomic
def release_place(*, actor: User, service: Service, at: dt.datetime | None = None) -> Offer | None:
    """ "A place is free": one more place available, offered to the next person waiting."""
    if not actor.has_perm("network.update_capacity", service):
        raise PermissionDenied
    at = at or timezone.now()
    locked = Service.objects.select_for_update().get(pk=service.pk)
    locked.capacity_available = (locked.capacity_available or 0) + 1
    if locked.capacity_maximum is not None:
        locked.capacity_maximum = max(locked.capacity_maximum, locked.capacity_available)
    locked.capacity_updated_at = at
    locked.save()
    CapacityUpdate.objects.create(
        service=locked,
        at=at,
        available=locked.capacity_available,
        maximum=locked.capacity_maximum,
        waiting=locked.waiting_list_length,
        unit=locked.capacity_unit,
        actor=actor,
        actor_label=str(actor)[:200],
    )
    offer = _offer_place(service=locked, place=uuid.uuid4(), at=at, actor=actor)
    if offer is None:
        note = _("A place is free; nobody waits.")
        _log(service=locked, step="freed", at=at, actor=actor, note=note)
    _copy(locked, service)
    return offer


def _open_offer(offer: Offer, at: dt.datetime) -> Offer:
    locked = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("entry__participant", "entry__service__organization")
        .get(pk=offer.pk)
    )
    expired = locked.respond_by is not None and at > locked.respond_by
    if locked.status != OfferStatus.OFFERED or expired:
        raise ValidationError({"offer": [_("This offer is no longer open.")]})
    return locked


@transaction.atomic
def answer_offer(
    *, actor: User, offer: Offer, accept: bool, at: dt.datetime | None = None
) -> Offer:
    """The person takes the place, or declines it and keeps their turn for a later place."""
    if not actor.has_perm("network.answer_offer", offer):
        raise PermissionDenied
    at = at or timezone.now()
    offer = _open_offer(offer, at)
    entry = offer.entry
    service = entry.service
    offer.responded_at = at
    if accept:
        offer.status = OfferStatus.ACCEPTED
        entry.status = EntryStatus.PLACED
        entry.ended_at = at
        locked = Service.objects.select_for_update().get(pk=service.pk)
        if locked.capacity_available:
            locked.capacity_available -= 1
            locked.save(update_fields=["capacity_available"])
        note = _("The place in %(service)s was accepted") % {"service": service.name}
    else:
        offer.status = OfferStatus.DECLINED
        entry.status = EntryStatus.WAITING
        note = _("The place in %(service)s was declined; still on the waiting list") % {
            "service": service.name
        }
    offer.save(update_fields=["status", "responded_at"])
    entry.save(update_fields=["status", "ended_at"])
    _log(
        service=service,
        step=offer.status,
        at=at,
        actor=actor,
        entry=entry,
        offer=offer,
        note=note,
    )
    if not accept:
        _offer_place(service=service, place=offer.place, at=at, actor=actor)
    return offer


@transaction.atomic
def pass_offer(*, actor: User, offer: Offer, at: dt.datetime | None = None) -> Offer | None:
    """Staff pass an open offer to the next person (the person could not be reached, …)."""
    if not actor.has_perm("network.update_capacity", offer.entry.service):
        raise PermissionDenied
    at = at or timezone.now()
    offer = _open_offer(offer, at)
    return _close_and_pass(offer, status=OfferStatus.PASSED, at=at, actor=actor)


def _close_and_pass(
    offer: Offer, *, status: str, at: dt.datetime, actor: User | None
) -> Offer | None:
    entry = offer.entry
    offer.status = status
    offer.responded_at = at
    offer.save(update_fields=["status", "responded_at"])
    entry.status = EntryStatus.WAITING
    entry.save(update_fields=["status"])
    service = entry.service
    if status == OfferStatus.EXPIRED:
        note = _("No answer in time: the place in %(service)s goes to the next person") % {
            "service": service.name
        }
    else:
        note = _("The place in %(service)s was passed to the next person") % {
            "service": service.name
        }
    _log(service=service, step=status, at=at, actor=actor, entry=entry, offer=offer, note=note)
    return _offer_place(service=service, place=offer.place, at=at, actor=actor)


@transaction.atomic
def expire_offers(*, now: dt.datetime) -> list[Offer]:
    """Offers unanswered past their window expire; each place goes to the next person. An
    offer whose person was not told yet has no window and never expires here.

    Returns the expired offers. Safe to run again: an expired offer is never touched twice.
    """
    due = (
        Offer.objects.select_for_update(of=("self",))
        .filter(status=OfferStatus.OFFERED, respond_by__lt=now)
        .select_related("entry__participant", "entry__service__organization")
        .order_by("respond_by", "pk")
    )
    expired = []
    for offer in due:
        _close_and_pass(offer, status=OfferStatus.EXPIRED, at=now, actor=None)
        expired.append(offer)
    return expired


@transaction.atomic
def withdraw_from_waiting_list(
    *, actor: User, entry: WaitingListEntry, at: dt.datetime | None = None
) -> WaitingListEntry:
    """The person leaves the list (their caseworker or partner staff records it)."""
    allowed = actor.has_perm("network.add_to_waiting_list", entry.participant) or actor.has_perm(
        "network.view_waiting_list", entry.service
    )
    if not allowed:
        raise PermissionDenied
    if entry.status not in OPEN_ENTRY_STATUSES:
        raise ValidationError({"entry": [_("This person is no longer on the waiting list.")]})
    at = at or timezone.now()
    open_offer = entry.offers.filter(status=OfferStatus.OFFERED).first()
    entry.status = EntryStatus.WITHDRAWN
    entry.ended_at = at
    entry.save(update_fields=["status", "ended_at"])
    _log(
        service=entry.service,
        step="withdrawn",
        at=at,
        actor=actor,
        entry=entry,
        note=_("Left the waiting list of %(service)s") % {"service": entry.service.name},
    )
    if open_offer is not None:
        open_offer.status = OfferStatus.PASSED
        open_offer.responded_at = at
        open_offer.save(update_fields=["status", "responded_at"])
        _offer_place(service=entry.service, place=open_offer.place, at=at, actor=actor)
    return entry
