"""The correspondence pages: notices waiting or failed, the day's mailing (print, mark as mailed,
a tampered choice refused with a message), a call and its outcome (a missing outcome is a field
error), the caseworker's home with calls and offers waiting, and the 404 of "not yours"."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.correspondence import actions
from sentier.correspondence.models import Channel, Notice, NoticeStatus
from sentier.correspondence.tests.test_notices import offer_to, person
from sentier.network.models import Offer, Organization, Service
from sentier.network.tests.factories import NOW, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    """These tests read the English texts (the French catalog translates them)."""
    with translation.override("en-ca"):
        yield


@pytest.fixture
def planned(personas: dict[str, Any]) -> dict[str, Any]:
    service: Service = make_service(
        Organization.objects.get(slug="opex-82-via-travail"), available=0, maximum=5, waiting=1
    )
    ana = person(personas)
    offer = offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + dt.timedelta(hours=1))
    return {
        "ana": ana,
        "offer": offer,
        "letter": Notice.objects.get(channel=Channel.LETTER),
        "call": Notice.objects.get(channel=Channel.PHONE),
    }


def test_the_caseworker_home_lists_the_call_and_the_offer_not_told_yet(
    client_for: Any, planned: dict[str, Any]
) -> None:
    page = client_for("caseworker_laval").get("/en-ca/").content.decode()

    assert "Call Ana Test: Place offered from a waiting list" in page
    assert "not told yet: the time to answer has not started" in page


def test_the_pages_list_what_waits(client_for: Any, planned: dict[str, Any]) -> None:
    client = client_for("caseworker_laval")
    notices = client.get("/en-ca/correspondence/")
    mailing = client.get("/en-ca/correspondence/mailing/")

    assert notices.status_code == mailing.status_code == 200
    assert "Ana Test" in notices.content.decode()
    assert str(planned["letter"].uuid) in mailing.content.decode()


def test_print_then_mark_as_mailed(client_for: Any, planned: dict[str, Any]) -> None:
    client = client_for("caseworker_laval")
    letter = planned["letter"]

    printed = client.post(reverse("correspondence:mailing_print"), {"shown": [letter.uuid]})
    assert printed["Content-Type"] == "application/pdf"
    assert printed.content.startswith(b"%PDF")
    marked = client.post(
        reverse("correspondence:mailing_mailed"), {"notice": [letter.uuid]}, follow=True
    )

    assert "1 letter is marked as mailed." in marked.content.decode()
    letter.refresh_from_db()
    assert letter.status == NoticeStatus.MAILED
    offer = Offer.objects.get(pk=planned["offer"].pk)
    assert offer.told_by == "letter"


def test_a_tampered_choice_is_refused_with_a_message_and_nothing_changes(
    client_for: Any, planned: dict[str, Any]
) -> None:
    client = client_for("caseworker_laval")
    response = client.post(
        "/en-ca/correspondence/mailing/mailed/", {"notice": ["not-a-uuid"]}, follow=True
    )

    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    planned["letter"].refresh_from_db()
    assert planned["letter"].status == NoticeStatus.TO_MAIL


def test_a_call_without_an_outcome_is_a_field_error(
    client_for: Any, planned: dict[str, Any]
) -> None:
    client = client_for("caseworker_laval")
    url = f"/en-ca/correspondence/calls/{planned['call'].uuid}/"

    shown = client.get(url).content.decode()
    refused = client.post(url, {"note": "x"})

    assert "What to say" in shown
    assert "A place is free for you in Accompagnement" in shown
    assert refused.status_code == 400
    assert "Choose the outcome of the call." in refused.content.decode()
    planned["call"].refresh_from_db()
    assert planned["call"].status == NoticeStatus.TO_CALL

    done = client.post(url, {"outcome": "reached"})
    assert done.status_code == 302
    planned["call"].refresh_from_db()
    assert planned["call"].status == NoticeStatus.CALLED


def test_another_region_gets_not_found(client_for: Any, planned: dict[str, Any]) -> None:
    client = client_for("caseworker_montreal")

    assert client.get(f"/en-ca/correspondence/calls/{planned['call'].uuid}/").status_code == 404
    assert "Ana Test" not in client.get("/en-ca/correspondence/mailing/").content.decode()


@pytest.mark.parametrize("who", ["partner_opex", "analyst", "participant"])
def test_a_notice_page_without_caseload_access_is_the_missing_rows_404(
    client_for: Any, planned: dict[str, Any], who: str
) -> None:
    """Like every page that names a row: "not yours" is the 404 of "not there", byte for byte,
    never a 403 that says the notice exists; and nothing changes."""
    client = client_for(who)
    missing = "00000000-0000-4000-8000-00000000dead"
    call = planned["call"]
    before = list(Notice.objects.order_by("pk").values_list("status", "outcome", "sent_at"))
    for name, method, data in (
        ("correspondence:call", "get", {}),
        ("correspondence:call", "post", {"outcome": "reached", "note": ""}),
        ("correspondence:retry", "post", {}),
        ("correspondence:replace", "post", {}),
    ):
        send = getattr(client, method)
        real = send(reverse(name, args=[call.uuid]), data)
        absent = send(reverse(name, args=[missing]), data)
        assert (real.status_code, absent.status_code) == (404, 404), name
        # The same page, once what changes on every response (CSRF token, CSP nonce) and the
        # address's key are set aside.
        assert _normal(real.content, str(call.uuid), missing) == _normal(
            absent.content, missing, missing
        ), name
    after = list(Notice.objects.order_by("pk").values_list("status", "outcome", "sent_at"))
    assert after == before


def _normal(body: bytes, key: str, missing: str) -> bytes:
    body = re.sub(rb'(name="csrfmiddlewaretoken" value=")[^"]+', rb"\1", body)
    body = re.sub(rb'(nonce=")[^"]+', rb"\1", body)
    return body.replace(key.encode(), missing.encode())


def test_partner_staff_and_participants_cannot_open_the_pages(
    client_for: Any, planned: dict[str, Any]
) -> None:
    for who in ("partner_opex", "participant"):
        assert client_for(who).get("/en-ca/correspondence/mailing/").status_code in (403, 404)


def test_the_file_records_how_the_person_wants_to_be_told(
    client_for: Any, planned: dict[str, Any]
) -> None:
    client = client_for("caseworker_laval")
    ana = planned["ana"]
    url = reverse("correspondence:contact_preference", args=[ana.uuid])

    client.post(url, {"channel": "nonsense"})
    assert not hasattr(ana, "contact_preference") or ana.contact_preference is None
    client.post(url, {"channel": "letter"})

    ana.refresh_from_db()
    assert ana.contact_preference.channel == Channel.LETTER
    page = client.get(f"/en-ca/participants/{ana.uuid}/").content.decode()
    assert "How the person is told" in page
