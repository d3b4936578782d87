"""Demo data of the partner network (idempotent; called by ``sentier load_demo``).

Builds on the seeded services (``sentier load_reference``) and the demo personas:

- the participant persona (Julie Lavoie, Laval) waits for Via Travail's computer workshop in
  Laval, and a place has just been offered to her: she sees it in "My file" and answers it;
- three Montréal demo files wait for SORIF's employability support (partner_sorif sees them);
- SORIF's budget workshop was last updated a month ago: partner_sorif's home page asks for an
  update, and the capacity reminder would write to them;
- fictitious points of service ("Démo · …", :data:`REMOTE_POINTS`) in the regions far from any
  point of service (issue 19): by phone, by video, or a mobile agent who travels to the person.

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
from sentier.network.loading import QUEBEC_DEMO_SLUG_PREFIX
from sentier.network.models import (
    OPEN_ENTRY_STATUSES,
    CapacityUpdate,
    Clientele,
    Location,
    Offer,
    OfferStatus,
    Organization,
    Service,
    ServiceKind,
    WaitingListEntry,
)
from sentier.participants.models import Participant
from sentier.reference.models import Region

DEMO_PARTICIPANT_EMAIL = "participant@sentier.demo"


def _entry(actor: User, service: Service, participant: Participant, since: dt.datetime) -> None:
    if not WaitingListEntry.objects.filter(
        service=service, participant=participant, status__in=OPEN_ENTRY_STATUSES
    ).exists():
        actions.add_to_waiting_list(actor=actor, service=service, participant=participant, at=since)


#: Fictitious points of service in the far regions (issue 19, "Remote regions"): none of the
#: RSSMO's published listings says how it serves people far away, so the demo invents its own,
#: named "Démo · …" with 555 phone numbers. (slug, name, region, city, phone, by phone,
#: by video, staff travel to the person)
REMOTE_POINTS = (
    ("demo-qc-emploi-mobile-abitibi", "Démo · Emploi mobile Abitibi", "08", "Val-d’Or",
     "819-555-0108", True, True, True),
    ("demo-qc-cap-emploi-cote-nord", "Démo · Cap Emploi Côte-Nord", "09", "Sept-Îles",
     "418-555-0109", True, False, True),
    ("demo-qc-nord-emploi-video", "Démo · Nord Emploi à distance", "10", "Chibougamau",
     "418-555-0110", True, True, False),
    ("demo-qc-agent-mobile-gaspesie", "Démo · Agent mobile Gaspésie", "11", "Gaspé",
     "418-555-0111", False, False, True),
)  # fmt: skip


def load_remote_points_of_service(now: dt.datetime | None = None) -> list[Location]:
    """The fictitious points of service of :data:`REMOTE_POINTS`, each with one employability
    service for its region (idempotent)."""
    now = now or timezone.now()
    everyone = list(Clientele.objects.filter(code="multiple"))
    points = []
    for slug, name, code, city, phone, by_phone, by_video, travels in REMOTE_POINTS:
        assert slug.startswith(QUEBEC_DEMO_SLUG_PREFIX)  # the directory says they are a demo
        region = Region.objects.filter(code=code).first()
        if region is None:
            continue
        organization, created = Organization.objects.get_or_create(
            slug=slug, defaults={"name": name, "clientele_text": "Clientèles multiples"}
        )
        if created:
            organization.clienteles.set(everyone)
        location, _created = Location.objects.update_or_create(
            organization=organization,
            region=region,
            phone=phone,
            defaults={
                "city": city,
                "points_of_service_text": city,
                "serves_by_phone": by_phone,
                "serves_by_video": by_video,
                "travels_to_person": travels,
            },
        )
        service, created = Service.objects.get_or_create(
            organization=organization,
            kind=ServiceKind.EMPLOYABILITY,
            defaults={
                "name": "Accompagnement vers l’emploi",
                "languages": ["fr"],
                "capacity_available": 4,
                "capacity_maximum": 12,
                "capacity_updated_at": now,
            },
        )
        if created:
            service.regions.set([region])
            service.locations.set([location])
            service.clienteles.set(everyone)
        points.append(location)
    return points


@transaction.atomic
def load_demo() -> None:
    now = timezone.now()
    load_remote_points_of_service(now)
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
