"""A Laval coordinator opens an organization's monthly statement and approves it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


def months_ago(count: int) -> dt.date:
    month = timezone.localdate().replace(day=1)
    for _ in range(count):
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return month


@pytest.fixture
def draft_statement(make_user: Callable[..., Any]) -> tuple[Any, Any]:
    """OPEX’82 with two Laval places, Jeanne placed two months ago, last month's draft."""
    from sentier.accounts.models import Role
    from sentier.network.models import Organization
    from sentier.paas import actions, selectors
    from sentier.paas.statements import actions as statement_actions
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    Region.objects.bulk_create([Region(code="13", name="Laval")])
    Program.objects.bulk_create([Program(code="PAS", name="Programme d’aide sociale")])
    laval = Region.objects.get(code="13")
    admin = make_user(Role.ADMINISTRATOR, first_name="Ana", last_name="Admin")
    coordinator = make_user(
        Role.COORDINATOR, email="coordo.e2e@sentier.test", first_name="Nadia", region=laval
    )
    caseworker = make_user(
        Role.CASEWORKER, email="cw.e2e@sentier.test", region=laval, office="Laval"
    )
    opex = Organization.objects.create(
        slug="opex-82", name="Centre de main-d’œuvre OPEX’82 (Via Travail)"
    )
    start = months_ago(3)
    end = selectors.last_day_of_month(timezone.localdate() + dt.timedelta(days=62))
    actions.grant_places(
        actor=admin,
        organization=opex,
        region=laval,
        period_start=start,
        period_end=end,
        places=2,
        budget_cents=selectors.allocation_cost_cents(start, end, 2),
    )
    participant = open_participant_file(
        actor=admin,
        first_name="Jeanne",
        last_name="Côté",
        region=laval,
        program=Program.objects.get(code="PAS"),
        caseworker=caseworker,
    )
    actions.place_participant(
        actor=caseworker,
        participant=participant,
        organization=opex,
        start_date=months_ago(2),
        hours_plan=[(months_ago(2), 6)],
    )
    result = statement_actions.generate_statements(actor=admin, month=months_ago(1))
    return coordinator, result.created[0]


def test_the_coordinator_approves_a_statement(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    draft_statement: tuple[Any, Any],
) -> None:
    coordinator, statement = draft_statement
    login(page, coordinator.email)

    page.goto(url("/fr-ca/paas/statements/"))
    expect(page.locator("main")).to_contain_text("OPEX’82")
    assert_accessible(page)
    screenshot(page, "paas-statements-list-fr-ca")

    page.locator(f"main a[href$='/paas/statements/{statement.uuid}/']").click()
    expect(page.locator("h1")).to_contain_text("OPEX’82")
    expect(page.locator("main")).to_contain_text("373,00\xa0$")
    assert_accessible(page)
    screenshot(page, "paas-statement-draft-fr-ca")

    page.locator("main form[action$='/approve/'] button").click()
    expect(page.locator("main form[action$='/approve/']")).to_have_count(0)
    expect(page.locator("main a[href$='statement.pdf']")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "paas-statement-approved-fr-ca")

    statement.refresh_from_db()
    assert statement.status == "approved"
    assert statement.approved_by == coordinator


def test_the_caseworker_rejects_a_claim_only_with_a_reason(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    draft_statement: tuple[Any, Any],
    settings: Any,
    tmp_path: Path,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sentier.accounts.models import User
    from sentier.paas.models import Placement
    from sentier.paas.statements import actions as statement_actions

    settings.MEDIA_ROOT = tmp_path
    placement = Placement.objects.get()
    caseworker = User.objects.get(email="cw.e2e@sentier.test")
    claim = statement_actions.submit_claim(
        actor=caseworker,
        placement=placement,
        month=months_ago(1),
        kind="transport",
        amount_cents=4250,
        receipt=SimpleUploadedFile("recu.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    login(page, caseworker.email)
    page.goto(url("/fr-ca/paas/statements/claims/"))
    expect(page.locator("main")).to_contain_text("42,50\xa0$")
    assert_accessible(page)
    page.locator(f"main a[href$='/claims/{claim.uuid}/']").first.click()
    assert_accessible(page)

    page.locator("main form[action$='/reject/'] button[type='submit']").click()
    expect(page.locator("main textarea[name='reason']")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    screenshot(page, "paas-claim-reject-error-fr-ca")
    claim.refresh_from_db()
    assert claim.status == "submitted"

    page.locator("main textarea[name='reason']").fill("Reçu d’un autre mois")
    page.locator("main form[action$='/reject/'] button[type='submit']").click()
    expect(page.locator("main form[action$='/reject/']")).to_have_count(0)
    claim.refresh_from_db()
    assert (claim.status, claim.decision_reason) == ("rejected", "Reçu d’un autre mois")
