"""The person sees their offer in "My file" and answers it; the caseworker sees the waiting
lists on the file and puts the person on one; partner staff see their waiting list."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.audit.models import AccessLog
from sentier.network import actions
from sentier.network.models import EntryStatus, Offer, OfferStatus, Organization, WaitingListEntry
from sentier.network.tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def offer(personas: dict[str, Any], laval_participant: Any) -> Offer:
    service = make_service(
        Organization.objects.get(slug="opex-82-via-travail"), name="Liste test", available=0
    )
    actions.add_to_waiting_list(
        actor=personas["caseworker_laval"], service=service, participant=laval_participant
    )
    made = actions.release_place(actor=personas["partner_opex"], service=service)
    assert made is not None
    return made


def test_the_person_sees_the_offer_in_my_file_and_accepts(client_for: Any, offer: Offer) -> None:
    client = client_for("participant")

    page = client.get("/en-ca/participants/me/").content.decode()
    response = client.post(f"/en-ca/directory/offers/{offer.uuid}/answer/", {"answer": "accept"})

    assert "A place is offered to you" in page
    assert response.status_code == 302
    assert response["Location"].endswith("/participants/me/")
    offer.refresh_from_db()
    assert offer.status == OfferStatus.ACCEPTED


def test_the_person_declines_and_stays_on_the_list(client_for: Any, offer: Offer) -> None:
    client_for("participant").post(
        f"/en-ca/directory/offers/{offer.uuid}/answer/", {"answer": "decline"}
    )

    offer.refresh_from_db()
    assert offer.status == OfferStatus.DECLINED
    assert offer.entry.status == EntryStatus.WAITING


def test_a_strange_answer_changes_nothing(client_for: Any, offer: Offer) -> None:
    client_for("participant").post(f"/en-ca/directory/offers/{offer.uuid}/answer/", {"answer": "x"})

    offer.refresh_from_db()
    assert offer.status == OfferStatus.OFFERED


@pytest.mark.parametrize("who", ["caseworker_montreal", "partner_sorif", "analyst"])
def test_others_get_404_and_nothing_changes(client_for: Any, offer: Offer, who: str) -> None:
    response = client_for(who).post(
        f"/en-ca/directory/offers/{offer.uuid}/answer/", {"answer": "accept"}
    )

    assert response.status_code == 404
    offer.refresh_from_db()
    assert offer.status == OfferStatus.OFFERED


def test_partner_staff_see_their_waiting_list_with_an_access_log_row(
    client_for: Any, offer: Offer, laval_participant: Any
) -> None:
    service = offer.entry.service
    before = AccessLog.objects.filter(participant=laval_participant).count()

    response = client_for("partner_opex").get(
        f"/en-ca/directory/capacity/{service.uuid}/waiting-list/"
    )

    assert response.status_code == 200
    assert laval_participant.full_name in response.content.decode()
    assert AccessLog.objects.filter(participant=laval_participant).count() == before + 1


def test_the_caseworker_puts_the_person_on_a_waiting_list_from_the_file(
    client_for: Any, laval_participant: Any
) -> None:
    service = make_service(Organization.objects.get(slug="opex-82-via-travail"), name="Autre")
    client = client_for("caseworker_laval")

    page = client.get(f"/fr-ca/participants/{laval_participant.uuid}/").content.decode()
    response = client.post(
        f"/fr-ca/directory/participants/{laval_participant.uuid}/waiting-list/",
        {"service": service.pk, "priority_reason": "housing"},
    )

    assert 'id="waiting-heading"' in page
    assert response.status_code == 302
    entry = WaitingListEntry.objects.get(service=service, participant=laval_participant)
    assert entry.priority_reason == "housing"


def test_a_caseworker_of_another_region_gets_404(client_for: Any, laval_participant: Any) -> None:
    service = make_service(Organization.objects.get(slug="opex-82-via-travail"), name="Autre")

    response = client_for("caseworker_montreal").post(
        f"/fr-ca/directory/participants/{laval_participant.uuid}/waiting-list/",
        {"service": service.pk},
    )

    assert response.status_code == 404
    assert not WaitingListEntry.objects.filter(service=service).exists()


def test_the_waiting_list_page_queries_do_not_grow_with_the_people(
    client_for: Any, personas: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    service = make_service(Organization.objects.get(slug="opex-82-via-travail"), name="Liste")
    client = client_for("partner_opex")
    url = f"/fr-ca/directory/capacity/{service.uuid}/waiting-list/"

    def add(count: int) -> None:
        for index in range(count):
            person = open_participant_file(
                actor=personas["admin"],
                first_name=f"P{index}",
                last_name="Test",
                region=Region.objects.get(code="13"),
                program=Program.objects.get(code="PAS"),
            )
            actions.add_to_waiting_list(
                actor=personas["admin"], service=service, participant=person
            )

    add(2)
    actions.release_place(actor=personas["partner_opex"], service=service)
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


@pytest.mark.parametrize("service", ["abc", "", "999999", "1\x00"])
def test_a_bad_service_choice_changes_nothing(
    client_for: Any, laval_participant: Any, service: str
) -> None:
    response = client_for("caseworker_laval").post(
        f"/fr-ca/directory/participants/{laval_participant.uuid}/waiting-list/",
        {"service": service, "priority_reason": "nope"},
    )

    assert response.status_code == 302
    assert not WaitingListEntry.objects.filter(participant=laval_participant).exists()


def test_the_person_sees_their_place_in_line(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    service = make_service(Organization.objects.get(slug="opex-82-via-travail"), name="Rang")
    first = open_participant_file(
        actor=personas["admin"],
        first_name="Avant",
        last_name="Test",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PAS"),
    )
    for person in (first, laval_participant):
        actions.add_to_waiting_list(actor=personas["admin"], service=service, participant=person)

    body = client_for("participant").get("/en-ca/participants/me/").content.decode()

    assert "You are number 2 in line for a place through Sentier." in body
