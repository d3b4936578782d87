"""Waiting lists: offers when a place frees up, answers, expiry passing to the next (time
injected), priority reasons as a parameter, and every step logged."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client, override_settings
from django.utils import translation

from sentier.network import actions
from sentier.network.models import (
    EntryStatus,
    Offer,
    OfferStatus,
    Organization,
    Service,
    WaitingListEntry,
    WaitingListLog,
)
from sentier.network.tests.factories import NOW, make_service
from sentier.network.timeline_kinds import NetworkEventKind
from sentier.participants.actions import open_participant_file
from sentier.participants.models import TimelineEvent
from sentier.reference.models import Program, Region

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture
def service() -> Service:
    return make_service(
        Organization.objects.get(slug="opex-82-via-travail"), available=0, maximum=5, waiting=3
    )


def _person(personas: dict[str, Any], first: str) -> Any:
    return open_participant_file(
        actor=personas["admin"],
        first_name=first,
        last_name="Test",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PAS"),
        caseworker=personas["caseworker_laval"],
    )


@pytest.fixture
def queue(personas: dict[str, Any], service: Service) -> list[WaitingListEntry]:
    """Three people waiting, added one day apart: Ana, Ben, Chloé."""
    return [
        actions.add_to_waiting_list(
            actor=personas["caseworker_laval"],
            service=service,
            participant=_person(personas, name),
            at=NOW - dt.timedelta(days=30 - index),
        )
        for index, name in enumerate(["Ana", "Ben", "Chloé"])
    ]


def _tell(offer: Offer | None, at: dt.datetime = NOW) -> Offer:
    """The person is told of the offer (a letter mailed, say): the window starts."""
    assert offer is not None
    told = actions.start_offer_window(offer_uuid=str(offer.uuid), at=at, how="letter")
    assert told is not None
    return told


def _offered(service: Service) -> list[str]:
    return [
        o.entry.participant.first_name
        for o in Offer.objects.filter(entry__service=service, status=OfferStatus.OFFERED)
    ]


def test_a_freed_place_is_offered_to_the_longest_waiting_person(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)

    assert offer is not None
    assert offer.entry == queue[0]
    assert offer.respond_by is None  # nobody told yet: no window
    told = _tell(offer, NOW + DAY)
    assert told.told_at == NOW + DAY
    assert told.respond_by == NOW + 6 * DAY
    _tell(offer, NOW + 2 * DAY)  # told again: the first time stands
    offer.refresh_from_db()
    assert offer.respond_by == NOW + 6 * DAY
    queue[0].refresh_from_db()
    assert queue[0].status == EntryStatus.OFFERED
    event = TimelineEvent.objects.get(
        participant=queue[0].participant, kind=NetworkEventKind.WAITING_OFFER, data__step="offered"
    )
    assert event.occurred_at == NOW
    assert WaitingListLog.objects.filter(service=service, step="offered").count() == 1


def test_capacity_rising_offers_as_many_places_as_freed(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    actions.update_capacity(
        actor_label="Luc",
        actor=personas["partner_opex"],
        service=service,
        available=2,
        maximum=5,
        waiting=1,
        at=NOW,
    )

    assert sorted(_offered(service)) == ["Ana", "Ben"]


def test_an_unanswered_offer_passes_to_the_next_after_the_window(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    first = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert first is not None
    assert actions.expire_offers(now=NOW + 30 * DAY) == []  # never told: never expires
    _tell(first)

    assert actions.expire_offers(now=NOW + 5 * DAY) == []  # still inside the window
    expired = actions.expire_offers(now=NOW + 5 * DAY + dt.timedelta(minutes=1))

    assert [o.pk for o in expired] == [first.pk]
    first.refresh_from_db()
    assert first.status == OfferStatus.EXPIRED
    assert _offered(service) == ["Ben"]
    second = Offer.objects.get(status=OfferStatus.OFFERED)
    assert second.place == first.place
    assert second.respond_by is None
    _tell(second, NOW + 5 * DAY + dt.timedelta(minutes=1))
    second.refresh_from_db()
    assert second.respond_by == NOW + 10 * DAY + dt.timedelta(minutes=1)
    queue[0].refresh_from_db()
    assert queue[0].status == EntryStatus.WAITING  # Ana keeps her place in line
    steps = list(
        TimelineEvent.objects.filter(
            participant=queue[0].participant, kind=NetworkEventKind.WAITING_OFFER
        )
        .order_by("occurred_at", "pk")
        .values_list("data__step", flat=True)
    )
    assert steps == ["added", "offered", "told", "expired"]


def test_the_command_expires_with_an_injected_time(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    from io import StringIO

    from django.core.management import call_command

    _tell(actions.release_place(actor=personas["partner_opex"], service=service, at=NOW))
    out = StringIO()

    call_command("expire_offers", "--now", (NOW + 6 * DAY).isoformat(), stdout=out)

    assert _offered(service) == ["Ben"]


def test_when_everyone_has_been_offered_the_place_stays_free(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    _tell(actions.release_place(actor=personas["partner_opex"], service=service, at=NOW))
    for round_ in range(1, 4):
        actions.expire_offers(now=NOW + round_ * 6 * DAY)
        for offer in Offer.objects.filter(status=OfferStatus.OFFERED):
            _tell(offer, NOW + round_ * 6 * DAY)

    assert _offered(service) == []
    assert Offer.objects.filter(status=OfferStatus.EXPIRED).count() == 3
    service.refresh_from_db()
    assert service.capacity_available == 1


def test_the_person_accepts_and_takes_the_place(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert offer is not None

    actions.answer_offer(actor=personas["caseworker_laval"], offer=offer, accept=True, at=NOW + DAY)

    offer.refresh_from_db()
    queue[0].refresh_from_db()
    service.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED
    assert queue[0].status == EntryStatus.PLACED
    assert service.capacity_available == 0
    assert _offered(service) == []


def test_a_decline_passes_the_place_on_and_keeps_the_person_waiting(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert offer is not None

    actions.answer_offer(actor=personas["caseworker_laval"], offer=offer, accept=False, at=NOW)

    queue[0].refresh_from_db()
    assert queue[0].status == EntryStatus.WAITING
    assert _offered(service) == ["Ben"]


def test_an_answer_after_the_window_is_refused_and_nothing_changes(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert offer is not None
    _tell(offer)

    with pytest.raises(ValidationError):
        actions.answer_offer(
            actor=personas["caseworker_laval"], offer=offer, accept=True, at=NOW + 6 * DAY
        )

    offer.refresh_from_db()
    assert offer.status == OfferStatus.OFFERED


def test_someone_else_cannot_answer(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert offer is not None

    for who in ("caseworker_montreal", "participant", "partner_sorif"):
        with pytest.raises(PermissionDenied):
            actions.answer_offer(actor=personas[who], offer=offer, accept=True, at=NOW)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.OFFERED


@override_settings(SENTIER_WAITING_PRIORITY_REASONS=["safety", "housing"])
def test_priority_reasons_in_the_parameter_jump_ahead_in_its_order(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    housing = actions.add_to_waiting_list(
        actor=personas["caseworker_laval"],
        service=service,
        participant=_person(personas, "Dina"),
        priority_reason="housing",
        at=NOW,
    )
    safety = actions.add_to_waiting_list(
        actor=personas["caseworker_laval"],
        service=service,
        participant=_person(personas, "Éli"),
        priority_reason="safety",
        at=NOW + DAY,
    )
    deadline = actions.add_to_waiting_list(
        actor=personas["caseworker_laval"],
        service=service,
        participant=_person(personas, "Fay"),
        priority_reason="deadline",  # not in the parameter: no jump
        at=NOW,
    )
    from sentier.network.selectors import open_entries

    order = [entry.pk for entry in open_entries(service)]

    assert order == [safety.pk, housing.pk, *(e.pk for e in queue), deadline.pk]


@override_settings(SENTIER_WAITING_PRIORITY_REASONS=[])
def test_without_priority_reasons_the_wait_alone_decides(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    actions.add_to_waiting_list(
        actor=personas["caseworker_laval"],
        service=service,
        participant=_person(personas, "Dina"),
        priority_reason="safety",
        at=NOW,
    )

    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)

    assert offer is not None
    assert offer.entry == queue[0]


def test_a_person_is_on_a_list_once(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    with pytest.raises(ValidationError):
        actions.add_to_waiting_list(
            actor=personas["caseworker_laval"], service=service, participant=queue[0].participant
        )
    assert WaitingListEntry.objects.filter(service=service).count() == 3


def test_a_caseworker_of_another_region_cannot_add_and_nothing_changes(
    personas: dict[str, Any], service: Service, laval_participant: Any
) -> None:
    with pytest.raises(PermissionDenied):
        actions.add_to_waiting_list(
            actor=personas["caseworker_montreal"], service=service, participant=laval_participant
        )
    assert not WaitingListEntry.objects.filter(service=service).exists()


def test_staff_pass_an_offer_to_the_next_person(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    offer = actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert offer is not None

    actions.pass_offer(actor=personas["partner_opex"], offer=offer, at=NOW)

    offer.refresh_from_db()
    assert offer.status == OfferStatus.PASSED
    assert _offered(service) == ["Ben"]


def test_leaving_the_list_with_an_open_offer_passes_it_on(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    actions.release_place(actor=personas["partner_opex"], service=service, at=NOW)

    actions.withdraw_from_waiting_list(actor=personas["partner_opex"], entry=queue[0], at=NOW)

    queue[0].refresh_from_db()
    assert queue[0].status == EntryStatus.WITHDRAWN
    assert _offered(service) == ["Ben"]


def test_each_step_reads_in_the_readers_language(
    personas: dict[str, Any], service: Service, queue: list[WaitingListEntry]
) -> None:
    _tell(actions.release_place(actor=personas["partner_opex"], service=service, at=NOW))
    page = f"/{{}}/directory/capacity/{service.uuid}/waiting-list/"
    client = Client()
    client.force_login(personas["partner_opex"])
    english = client.get(page.format("en-ca")).content.decode()
    french = client.get(page.format("fr-ca")).content.decode()

    assert f"A place is offered in {service.name}" in english
    assert f"Told of the place in {service.name}; answer by" in english
    assert f"On the waiting list of {service.name}" in english
    assert "Sur la liste d’attente" not in english
    assert "Sur la liste d’attente de" in french
    event = TimelineEvent.objects.get(participant=queue[0].participant, data__step="told")
    with translation.override("en-ca"):
        assert event.detail.startswith(f"Told of the place in {service.name}; answer by")
