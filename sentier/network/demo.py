"""Demo data of the partner network (idempotent; called by ``sentier load_demo``).

Builds on the seeded services (``sentier load_reference``) and the demo personas:

- the participant persona (Julie Lavoie, Laval) waits for Via Travail's computer workshop in
  Laval, and a place has just been offered to her: she sees it in "My file" and answers it;
- three Montréal demo files wait for SORIF's employability support (partner_sorif sees them);
- SORIF's budget workshop was last updated a month ago: partner_sorif's home page asks for an
  update, and the capacity reminder would write to them.

Other services keep the capacity seeded by ``load_reference`` (dated from the first load).

In the Ontario configuration, :func:`load_ontario_directory` loads the Ontario directory's
fictitious demo set instead (``data/ontario_demo_hsds``), through the HSDS import.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import User
from sentier.network import actions
from sentier.network.hsds.importing import import_datapackage
from sentier.network.models import (
    OPEN_ENTRY_STATUSES,
    CapacityUpdate,
    Offer,
    OfferStatus,
    Service,
    ServiceKind,
    WaitingListEntry,
)
from sentier.participants.models import Participant

DEMO_PARTICIPANT_EMAIL = "participant@sentier.demo"


def _entry(actor: User, service: Service, participant: Participant, since: dt.datetime) -> None:
    if not WaitingListEntry.objects.filter(
        service=service, participant=participant, status__in=OPEN_ENTRY_STATUSES
    ).exists():
        actions.add_to_waiting_list(actor=actor, service=service, participant=participant, at=since)


@transaction.atomic
def load_demo() -> None:
    now = timezone.now()
    admin = User.objects.filter(email="admin@sentier.demo").first()
    partner_opex = User.objects.filter(email="partner.opex@sentier.demo").first()
    julie = Participant.objects.filter(user__email=DEMO_PARTICIPANT_EMAIL).first()
    if admin is None or partner_opex is None or julie is None:
        return  # personas not loaded: nothing to build on

    # Julie waits for the computer workshop of Via Travail in Laval, and gets an offer.
    workshop = Service.objects.filter(
        organization__slug="opex-82-via-travail", kind=ServiceKind.TRAINING
    ).first()
    if workshop is not None:
        _entry(admin, workshop, julie, now - dt.timedelta(days=24))
        open_offer = Offer.objects.filter(
            entry__service=workshop, status=OfferStatus.OFFERED
        ).exists()
        answered = Offer.objects.filter(entry__service=workshop, entry__participant=julie).exists()
        if not open_offer and not answered:
            actions.release_place(
                actor=partner_opex, service=workshop, at=now - dt.timedelta(hours=3)
            )

    # Three Montréal files wait for SORIF's employability support.
    sorif = Service.objects.filter(
        organization__slug="sorif", kind=ServiceKind.EMPLOYABILITY
    ).first()
    montreal = list(
        Participant.objects.filter(
            region__code="06",
            file_number__startswith="D26-",
            created_at__lt=now - dt.timedelta(days=41),  # opened before they joined the list
        )
        .exclude(user__isnull=False)
        .order_by("file_number")[:3]
    )
    if sorif is not None:
        for index, participant in enumerate(montreal):
            _entry(admin, sorif, participant, now - dt.timedelta(days=40 - 9 * index))

    # SORIF's budget workshop: stale on purpose (a month old), unless SORIF updated it since.
    budget = Service.objects.filter(organization__slug="sorif", kind=ServiceKind.BUDGET).first()
    if budget is not None and not CapacityUpdate.objects.filter(service=budget).exists():
        Service.objects.filter(pk=budget.pk).update(capacity_updated_at=now - dt.timedelta(days=31))


#: The Ontario directory's demo set (fictitious, marked "Demo ·"; see its README.md).
ONTARIO_DEMO_DIRECTORY = Path(__file__).resolve().parent / "data" / "ontario_demo_hsds"


def load_ontario_directory() -> dict[str, int]:
    """The Ontario configuration's directory: the demo HSDS set, through the same import an
    Ontario administrator runs on the real list (idempotent: rows are found by their ids).
    Returns the rows created per table; raises on a problem in the package."""
    result = import_datapackage(ONTARIO_DEMO_DIRECTORY)
    if result.problems:
        raise ValueError(f"{ONTARIO_DEMO_DIRECTORY}: {result.problems[:3]}")
    return dict(result.created)
