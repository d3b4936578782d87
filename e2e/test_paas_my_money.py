"""A PAAS Action participant, on a 360 px phone with JavaScript off, sends a childcare claim
with its receipt, sees it pending in their monthly view, then paid once their caseworker
approved it and the coordinator approved the organization's statement. Axe-clean."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Page, ViewportSize, expect

pytestmark = pytest.mark.e2e

PHONE = ViewportSize(width=360, height=740)


def in_french(text: str) -> str:
    """The page's words whether or not the catalogs already hold them."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override("fr-ca"):
        return gettext(text)


@pytest.fixture
def placed(demo_personas: dict[str, Any], settings: Any, tmp_path: Path) -> dict[str, Any]:
    from sentier.paas.tests.statement_factories import grant, months_ago, opex, place
    from sentier.participants.models import Participant

    settings.MEDIA_ROOT = tmp_path
    users = demo_personas
    participant = Participant.objects.get(user=users["participant"])
    grant(users, opex(users))
    placement = place(users, participant, opex(users), months_ago(2))
    return {"users": users, "placement": placement, "month": months_ago(1)}


def test_a_participant_sends_a_childcare_claim_from_a_phone_without_javascript(
    js_disabled_page: Page,
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    placed: dict[str, Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    from sentier.paas.models import ExpenseClaim
    from sentier.paas.statements import actions as statement_actions
    from sentier.paas.tests.statement_factories import PDF_BYTES, generate, opex

    # The person's phone has JavaScript off; axe needs it, so a second phone with it on checks
    # each page the person sees.
    checker = page
    page = js_disabled_page
    users, month = placed["users"], placed["month"]
    for each in (page, checker):
        each.set_viewport_size(PHONE)
        login(each, users["participant"].email)

    def check(address: str) -> None:
        checker.goto(url(address))
        assert_accessible(checker)
        # Nothing wider than the phone: no sideways scrolling.
        assert checker.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(url("/fr-ca/participants/me/"))
    page.locator("main a[href$='/paas/mine/']").click()
    expect(page).to_have_url(url("/fr-ca/paas/mine/"))
    check("/fr-ca/paas/mine/")
    page.locator("main a[href$='/paas/mine/claim/']").click()
    form = page.locator("main form")
    form.locator("input[name='month']").fill(month.strftime("%Y-%m"))
    form.locator("input[name='kind'][value='childcare']").check()
    form.locator("input[name='amount']").fill("42,50")
    form.locator("input[name='receipt']").set_input_files(
        files=[FilePayload(name="recu-garderie.pdf", mimeType="application/pdf", buffer=PDF_BYTES)]
    )
    check("/fr-ca/paas/mine/claim/")
    form.locator("button[type='submit']").click()
    expect(page).to_have_url(url("/fr-ca/paas/mine/"))
    claim = ExpenseClaim.objects.get()
    assert (claim.kind, claim.amount_cents, claim.status) == ("childcare", 4250, "submitted")
    row = page.locator("main li", has_text="42,50")
    expect(row).to_contain_text(in_french("Pending: waiting for your caseworker"))
    check("/fr-ca/paas/mine/")

    statement_actions.approve_claim(actor=users["caseworker_laval"], claim=claim)
    statement = generate(users, opex(users), month)
    statement_actions.approve_statement(actor=users["coordinator"], statement=statement)
    page.reload()
    expect(page.locator("main li", has_text="42,50")).to_contain_text(in_french("Paid"))
    claim.refresh_from_db()
    assert claim.status == "approved"
    check("/fr-ca/paas/mine/")
