"""A place offered from a waiting list reaches a person without e-mail as a letter in the day's
mailing and as a call on the caseworker's home; the 5-day window to answer starts when the
letter is marked as mailed. On a 360 px phone, axe-clean (issue 19, "Channels")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, ViewportSize, expect

from e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
PHONE: ViewportSize = {"width": 360, "height": 740}


@pytest.fixture
def offered(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.network import actions
    from sentier.network.models import Service, ServiceKind
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    users = demo_personas
    workshop = Service.objects.get(
        organization__slug="opex-82-via-travail", kind=ServiceKind.TRAINING
    )
    rosa = open_participant_file(
        actor=users["admin"],
        first_name="Rosa",
        last_name="Pereira",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PAS"),
        caseworker=users["caseworker_laval"],
        email="",  # no e-mail: a letter, and a call since the offer has days to answer
        phone="450 555-0199",
        address="40, boulevard des Laurentides",
        city="Laval",
        postal_code="H7G 2T1",
        preferred_language="es",
    )
    actions.add_to_waiting_list(actor=users["caseworker_laval"], service=workshop, participant=rosa)
    offer = actions.release_place(actor=users["partner_opex"], service=workshop)
    assert offer is not None
    assert offer.entry.participant == rosa
    call_command("correspondence", verbosity=0)  # the scheduled job plans the notices
    return {"users": users, "rosa": rosa, "offer": offer}


def _fits(page: Page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"


def test_a_place_offered_reaches_a_person_without_email_by_letter_and_by_phone(
    page: Page,
    url: Url,
    login: Callable[..., None],
    offered: dict[str, Any],
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.correspondence.models import Channel, Notice, NoticeStatus
    from sentier.network.models import Offer

    page.set_viewport_size(PHONE)
    login(page, "caseworker.laval@sentier.demo", PASSWORD, language="en-ca")

    # Home: the call to make, and the offer whose window has not started.
    page.goto(url("/en-ca/"))
    calls = page.locator("#calls")
    expect(calls.get_by_role("link", name="Call Rosa Pereira")).to_be_visible()
    expect(calls.get_by_text("not told yet: the time to answer has not started")).to_be_visible()
    assert Offer.objects.get(pk=offered["offer"].pk).respond_by is None
    _fits(page)
    assert_accessible(page)
    screenshot(page, "correspondence-home-360")

    # The day's mailing: the letter, in Spanish, to her address; marked as mailed.
    page.goto(url("/en-ca/correspondence/mailing/"))
    row = page.get_by_role("row", name="Rosa Pereira")
    expect(row).to_contain_text("Español")
    expect(row).to_contain_text("40, boulevard des Laurentides")
    _fits(page)
    assert_accessible(page)
    screenshot(page, "correspondence-mailing-360")
    page.get_by_role("button", name="Mark these as mailed").click()
    expect(page.get_by_text("1 letter is marked as mailed.")).to_be_visible()
    expect(page.get_by_text("No letter waiting to be mailed.")).to_be_visible()
    assert_accessible(page)

    letter = Notice.objects.get(participant=offered["rosa"], channel=Channel.LETTER)
    assert letter.status == NoticeStatus.MAILED
    offer = Offer.objects.get(pk=offered["offer"].pk)
    assert offer.told_by == "letter"
    assert offer.told_at == letter.sent_at
    assert offer.respond_by == letter.sent_at + dt.timedelta(days=5)  # type: ignore[operator]

    # Home again: the window runs from the mailing; the call is still to make.
    page.goto(url("/en-ca/"))
    expect(page.locator("#calls").get_by_text("answer by")).to_be_visible()

    # The call: what to say (with the date to answer by), then its outcome closes the task.
    page.locator("#calls").get_by_role("link", name="Call Rosa Pereira").click()
    expect(page.get_by_role("heading", name="What to say")).to_be_visible()
    expect(page.get_by_text("In the person's language (Español)")).to_be_visible()
    _fits(page)
    assert_accessible(page)
    screenshot(page, "correspondence-call-360")
    page.get_by_role("button", name="Record the call").click()  # no outcome chosen
    expect(page.get_by_text("Choose the outcome of the call.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Left a message").check()
    page.get_by_role("button", name="Record the call").click()
    expect(page.get_by_text("The call to Rosa Pereira is recorded.")).to_be_visible()

    call = Notice.objects.get(participant=offered["rosa"], channel=Channel.PHONE)
    assert call.status == NoticeStatus.CALLED
    # Told again by phone: the window still runs from the mailing.
    assert Offer.objects.get(pk=offer.pk).respond_by == offer.respond_by
