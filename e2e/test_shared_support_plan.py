"""A partner organization runs a support plan with the caseworker (001, 003): with the person's
consent the caseworker shares the plan with OPEX’82; Luc, of OPEX’82, adds an objective and a
follow-up; Julie, the person, reads in My plan who wrote them. Every page is axe-clean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

LUC = "Luc Bouchard (Centre de main-d’œuvre OPEX’82 (Via Travail))"


@pytest.fixture
def shared_plan(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.consent.actions import record_consent
    from sentier.consent.models import Channel, Purpose, RecipientKind
    from sentier.participants.models import Participant
    from sentier.plans import actions
    from sentier.plans.difficulties import ensure_difficulties
    from sentier.plans.tests.helpers import active_plan

    ensure_difficulties()
    users = demo_personas
    participant = Participant.objects.get(user=users["participant"])
    plan = active_plan(users, participant)
    record_consent(
        actor=users["caseworker_laval"],
        participant=participant,
        purpose=Purpose.SUPPORT_PLAN,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=users["partner_opex"].organization,
        categories=["plan", "housing"],
        channel=Channel.IN_PERSON,
    )
    organization = users["partner_opex"].organization
    assert organization is not None
    actions.share_plan(actor=users["caseworker_laval"], plan=plan, organization=organization)
    return {"users": users, "plan": plan}


def test_a_partner_adds_an_objective_and_a_follow_up_and_the_person_sees_who_wrote_them(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    shared_plan: dict[str, Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    from sentier.plans.models import FollowUp, Objective

    users, plan = shared_plan["users"], shared_plan["plan"]
    login(page, users["partner_opex"].email)
    page.goto(url("/fr-ca/plans/shared/"))
    assert_accessible(page)
    page.locator(f"main a[href$='/plans/{plan.uuid}/shared/']").click()
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)

    page.locator(f"main a[href$='/plans/{plan.uuid}/objectives/new/']").click()
    page.locator("input[name='text']").fill("Trouver un logement stable")
    page.locator("select[name='category']").select_option("housing")
    assert_accessible(page)
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/shared/"))
    expect(page.locator("main")).to_contain_text("Trouver un logement stable")

    page.locator(f"main a[href$='/plans/{plan.uuid}/follow-ups/new/']").click()
    when = timezone.localdate() + dt.timedelta(days=5)
    page.locator("input[name='scheduled_for']").fill(when.strftime("%Y-%m-%dT10:00"))
    page.locator("select[name='mode']").select_option("phone")
    page.locator("select[name='category']").select_option("plan")
    page.locator("main form button[type='submit']").click()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/shared/"))
    assert_accessible(page)

    luc = users["partner_opex"]
    assert Objective.objects.get(plan=plan, text="Trouver un logement stable").written_by == luc
    assert FollowUp.objects.get(plan=plan).written_by == luc

    page.context.clear_cookies()
    login(page, users["participant"].email)
    page.goto(url("/fr-ca/plans/mine/"))
    main = page.locator("main")
    expect(main).to_contain_text("Trouver un logement stable")
    expect(main.locator(".sentier-authored", has_text=LUC)).to_have_count(2)
    expect(main).to_contain_text("Centre de main-d’œuvre OPEX’82 (Via Travail)")
    assert_accessible(page)
