"""Service plans in the browser (in English: the French catalog is merged later): a caseworker
requests one (JavaScript off), the Laval coordinator
refuses to decline without a next step then approves, the plan gets its parties, and OPEX’82's
staff see only what the person agreed to share with them. Every page is axe-clean."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from e2e.conftest import _new_page

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 360, "height": 780}


@pytest.fixture
def world(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.participants.models import Participant
    from sentier.serviceplans.networks import ensure_networks
    from sentier.serviceplans.situations import ensure_situations

    users = demo_personas
    ensure_situations()
    ensure_networks()
    return {"users": users, "julie": Participant.objects.get(user=users["participant"])}


def _second_page(browser: Browser) -> Any:
    return _new_page(browser)


def test_request_approve_and_partner_sees_the_limited_plan(
    js_disabled_page: Page,
    browser: Browser,
    login: Callable[..., None],
    url: Callable[[str], str],
    world: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.consent.models import InformationCategory
    from sentier.serviceplans import actions
    from sentier.serviceplans.models import PartyKind, ServicePlan

    users, julie = world["users"], world["julie"]

    # 1. The caseworker requests a service plan from the file, JavaScript off.
    page = js_disabled_page
    login(page, users["caseworker_laval"].email, language="en-ca")
    page.goto(url(f"/en-ca/participants/{julie.uuid}/"))
    page.get_by_role("link", name="Request a service plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Request a service plan")
    page.get_by_role("button", name="Send the request to the coordinator").click()
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    page.get_by_label("They are going through a major crisis").check()
    page.get_by_label(re.compile("complex or varied needs")).check()
    page.get_by_label("Why a service plan would help").fill(
        "Le CISSS et un organisme interviennent chacun de leur côté."
    )
    screenshot(page, "serviceplans-request-en")
    page.get_by_role("button", name="Send the request to the coordinator").click()
    expect(page.get_by_text("Waiting for the coordinator")).to_be_visible()

    # 2. The coordinator cannot decline without a next step, then approves.
    for coordinator_page in _second_page(browser):
        login(coordinator_page, users["coordinator"].email, language="en-ca")
        coordinator_page.goto(url("/en-ca/"))
        coordinator_page.get_by_role("link", name="Julie Lavoie").first.click()
        expect(coordinator_page.get_by_role("heading", level=1)).to_contain_text("Decide")
        coordinator_page.get_by_label("Reason for declining").fill("Un seul réseau intervient.")
        coordinator_page.get_by_role("button", name="Decline the request").click()
        expect(coordinator_page.locator(".sentier-error-summary")).to_contain_text(
            "Proposed next step"
        )
        assert_accessible(coordinator_page)
        screenshot(coordinator_page, "serviceplans-decide-en")
        coordinator_page.get_by_role("button", name="Approve the service plan").click()
        expect(coordinator_page.get_by_role("heading", level=1)).to_contain_text(
            "Service plan: Julie Lavoie"
        )

        # 3. The person's answer and a community organization as a party, in the browser.
        coordinator_page.get_by_role("link", name="Record the person's answer").click()
        coordinator_page.get_by_label("The person agrees to take part").check()
        coordinator_page.get_by_label("In person").check()
        coordinator_page.get_by_role("button", name="Record the answer").click()
        coordinator_page.get_by_role("link", name="Add a party").click()
        coordinator_page.get_by_label(re.compile("Or a community organization")).select_option(
            label="Centre de main-d’œuvre OPEX’82 (Via Travail)"
        )
        coordinator_page.get_by_role("button", name="Add the party").click()
        expect(coordinator_page.get_by_role("heading", level=1)).to_contain_text("Who may see what")
        assert_accessible(coordinator_page)

    # The caseworker records what the person agrees to share with OPEX’82 (JavaScript off).
    plan = ServicePlan.objects.get()
    opex = plan.parties.get(kind=PartyKind.ORGANIZATION)
    page.goto(url(f"/en-ca/service-plans/{plan.uuid}/parties/{opex.uuid}/"))
    page.get_by_label("Name, language and contact details").check()
    page.get_by_label("Education, work experience and job readiness").check()
    page.get_by_label("Objectives and progress of my plan").check()
    page.get_by_label("By phone").check()
    page.get_by_role("button", name="Record the consent").click()
    expect(page.get_by_text("The consent is recorded.")).to_be_visible()

    ministry = plan.parties.get(kind=PartyKind.MINISTRY)
    actions.add_objective(
        actor=users["caseworker_laval"],
        plan=plan,
        text="Maintenir l’abstinence avec le CRD",
        category=InformationCategory.ADDICTION,
        owner=ministry,
    )
    work = actions.add_objective(
        actor=users["caseworker_laval"],
        plan=plan,
        text="Préparer un retour progressif vers l’emploi",
        category=InformationCategory.EMPLOYMENT,
        owner=opex,
    )
    actions.add_action(
        actor=users["caseworker_laval"], objective=work, text="Bilan de compétences", owner=opex
    )

    # 4. The whole plan for the region's staff (JavaScript on, for axe).
    for staff_page in _second_page(browser):
        login(staff_page, users["caseworker_laval"].email, language="en-ca")
        staff_page.goto(url(f"/en-ca/service-plans/{plan.uuid}/"))
        expect(
            staff_page.get_by_role("heading", name="Maintenir l’abstinence avec le CRD")
        ).to_be_visible()
        assert_accessible(staff_page)
        screenshot(staff_page, "serviceplans-plan-caseworker-en")
        staff_page.goto(url(f"/en-ca/service-plans/request/{julie.uuid}/"))
        staff_page.get_by_role("button", name="Send the request to the coordinator").click()
        expect(staff_page.locator(".sentier-error-summary")).to_be_visible()
        assert_accessible(staff_page)
        staff_page.goto(url(f"/en-ca/service-plans/{plan.uuid}/parties/add/"))
        assert_accessible(staff_page)
        staff_page.goto(url(f"/en-ca/service-plans/{plan.uuid}/objectives/add/"))
        assert_accessible(staff_page)

    # 5. OPEX’82's staff see the employment objective, never the addiction one.
    for partner_page in _second_page(browser):
        login(partner_page, users["partner_opex"].email, language="en-ca")
        partner_page.goto(url("/en-ca/"))
        partner_page.get_by_role("link", name=re.compile("Service plan opened on")).click()
        expect(
            partner_page.get_by_role("heading", name="Préparer un retour progressif vers l’emploi")
        ).to_be_visible()
        expect(partner_page.get_by_text("abstinence")).to_have_count(0)
        partner_page.get_by_label(re.compile("Status of “Bilan de compétences”")).select_option(
            "in_progress"
        )
        partner_page.get_by_role("button", name="Save").click()
        expect(partner_page.get_by_text("The action is updated.")).to_be_visible()
        assert_accessible(partner_page)
        screenshot(partner_page, "serviceplans-plan-partner-en")
        partner_page.set_viewport_size({"width": 360, "height": 800})
        assert_accessible(partner_page)
        screenshot(partner_page, "serviceplans-plan-partner-en-360")

    # 6. The person sees who sees what.
    for participant_page in _second_page(browser):
        login(participant_page, users["participant"].email, language="en-ca")
        participant_page.goto(url("/en-ca/service-plans/mine/"))
        expect(participant_page.get_by_role("heading", name="Who sees what")).to_be_visible()
        assert_accessible(participant_page)
        screenshot(participant_page, "serviceplans-mine-en")


def test_networks_pages_are_accessible(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    world: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    login(page, world["users"]["coordinator"].email, language="en-ca")
    page.goto(url("/en-ca/service-plans/networks/"))
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Laval")).first.click()
    expect(page.get_by_text("CISSS de Laval")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "serviceplans-network-en")


def test_a_cisss_initiated_plan_is_coordinated_by_the_cisss_with_the_ministry_as_a_party(
    js_disabled_page: Page,
    browser: Browser,
    login: Callable[..., None],
    url: Callable[[str], str],
    world: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    """000: the Ministry may "collaborer à l'élaboration d'un plan de services amorcé par un
    autre ministère ou par un organisme": the CISSS that initiated the plan coordinates it, the
    Ministry takes part, and every screen (the person's too) says so (issue 16)."""
    from sentier.serviceplans.models import PartyKind, ServicePlan

    users, julie = world["users"], world["julie"]

    # 1. The caseworker requests it, JavaScript off: the CISSS de Laval initiated the plan.
    page = js_disabled_page
    login(page, users["caseworker_laval"].email, language="en-ca")
    page.goto(url(f"/en-ca/service-plans/request/{julie.uuid}/"))
    page.get_by_label("They are going through a major crisis").check()
    page.get_by_label(re.compile("complex or varied needs")).check()
    page.get_by_label("Why a service plan would help").fill(
        "Le CISSS de Laval a amorcé un plan de services et invite le Ministère à y prendre part."
    )
    page.get_by_label("Another ministry or public body initiated it").check()
    # Picked from the region's support network (a plain select, no JavaScript).
    page.get_by_label("The body that initiated it").select_option(label="CISSS de Laval")
    page.get_by_role("button", name="Send the request to the coordinator").click()
    expect(page.get_by_text("Waiting for the coordinator")).to_be_visible()

    # 2. The coordinator reads who will coordinate, approves, and sees the CISSS coordinating.
    for coordinator_page in _second_page(browser):
        login(coordinator_page, users["coordinator"].email, language="en-ca")
        coordinator_page.goto(url("/en-ca/"))
        coordinator_page.get_by_role("link", name="Julie Lavoie").first.click()
        expect(
            coordinator_page.get_by_text(
                "The plan opens coordinated by CISSS de Laval, which initiated it; the Ministry "
                "takes part as a party."
            )
        ).to_be_visible()
        assert_accessible(coordinator_page)
        coordinator_page.get_by_role("button", name="Approve the service plan").click()
        expect(coordinator_page.get_by_role("heading", level=1)).to_contain_text(
            "Service plan: Julie Lavoie"
        )
        facts = coordinator_page.locator("dl.sentier-facts")
        expect(facts).to_contain_text("Coordinated by")
        expect(facts).to_contain_text("CISSS de Laval — the Ministry takes part in it")
        parties = coordinator_page.get_by_role("region", name="Parties of the plan")
        expect(parties).to_contain_text("CISSS de Laval — coordinates the plan")
        expect(parties).to_contain_text("Ministère de l’Emploi et de la Solidarité sociale")
        assert_accessible(coordinator_page)
        screenshot(coordinator_page, "serviceplans-cisss-coordinates-en")

    plan = ServicePlan.objects.get()
    assert plan.coordinator is None
    coordinating = plan.parties.get(coordinates=True)
    assert (coordinating.name, coordinating.kind) == ("CISSS de Laval", PartyKind.HEALTH)
    assert plan.parties.filter(kind=PartyKind.MINISTRY, coordinates=False).exists()

    # 3. The person reads who coordinates their plan (and that the Ministry takes part).
    for person_page in _second_page(browser):
        login(person_page, users["participant"].email, language="en-ca")
        person_page.goto(url("/en-ca/service-plans/mine/"))
        expect(person_page.get_by_text("Who coordinates your plan")).to_be_visible()
        expect(
            person_page.get_by_text(
                "CISSS de Laval, which started your plan. The Ministry takes part in it."
            )
        ).to_be_visible()
        expect(person_page.get_by_text("Your coordinator at the Ministry")).to_have_count(0)
        assert_accessible(person_page)
        screenshot(person_page, "serviceplans-cisss-mine-en")

    # 4. The person agrees to take part; the caseworker records what the CISSS may see and an
    #    objective of the CISSS (its worker writes in the kinds of information shared with it).
    from django.utils import timezone

    from sentier.consent.models import Channel, InformationCategory
    from sentier.serviceplans import actions
    from sentier.serviceplans.demo import ensure_public_staff

    caseworker = users["caseworker_laval"]
    actions.record_agreement(
        actor=caseworker, plan=plan, agrees=True, on=timezone.localdate(), channel="in_person"
    )
    actions.record_party_consent(
        actor=caseworker,
        party=coordinating,
        categories=[InformationCategory.IDENTITY, InformationCategory.HEALTH],
        channel=Channel.IN_PERSON,
    )
    objective = actions.add_objective(
        actor=caseworker,
        plan=plan,
        text="Reprendre le suivi en santé mentale",
        category=InformationCategory.HEALTH,
        owner=coordinating,
    )
    ensure_public_staff(users)

    # 5. The CISSS worker signs in on a 360 px phone, adds a follow-up and
    #    records the person's agreement to the objective, heard in person.
    for cisss_page in _new_page(browser):
        cisss_page.set_viewport_size(PHONE)
        login(cisss_page, users["public_cisss"].email, language="en-ca")
        cisss_page.goto(url("/en-ca/"))
        cisss_page.get_by_role("link", name=re.compile("Service plan opened on")).first.click()
        expect(
            cisss_page.get_by_role("heading", name="Reprendre le suivi en santé mentale")
        ).to_be_visible()
        assert_accessible(cisss_page)
        cisss_page.get_by_role("link", name="Add a follow-up").click()
        day = timezone.localdate().isoformat()
        cisss_page.get_by_label("Date and time").fill(f"{day}T00:01")
        cisss_page.get_by_label("How").select_option(label="In person")
        cisss_page.get_by_label("Notes").fill("Rencontre au CLSC avec Julie.")
        cisss_page.get_by_label("Kind of information it holds").select_option(value="health")
        assert_accessible(cisss_page)
        cisss_page.get_by_role("button", name="Add the follow-up").click()
        expect(cisss_page.get_by_text("Notes: Rencontre au CLSC avec Julie.")).to_be_visible()
        cisss_page.get_by_role(
            "link", name="Record the person’s agreement to “Reprendre le suivi en santé mentale”"
        ).click()
        cisss_page.get_by_label("In person").check()
        assert_accessible(cisss_page)
        cisss_page.get_by_role("button", name="Record the agreement").click()
        expect(
            cisss_page.get_by_text(re.compile("The person agreed on .* recorded by Geneviève"))
        ).to_be_visible()
        assert_accessible(cisss_page)
        screenshot(cisss_page, "serviceplans-cisss-worker-360")
    objective.refresh_from_db()
    assert objective.agreement_recorded_by == users["public_cisss"]
    assert plan.follow_ups.get().written_by == users["public_cisss"]

    # 6. The person reads who coordinates, the CISSS's follow-up and that they agreed.
    for person_page in _new_page(browser):
        person_page.set_viewport_size(PHONE)
        login(person_page, users["participant"].email, language="en-ca")
        person_page.goto(url("/en-ca/service-plans/mine/"))
        expect(
            person_page.get_by_text(
                "CISSS de Laval, which started your plan. The Ministry takes part in it."
            )
        ).to_be_visible()
        expect(
            person_page.get_by_text("written by Geneviève Bélanger, CISSS de Laval")
        ).to_be_visible()
        agreed = person_page.get_by_text(re.compile(r"You agreed on .+\d{4}\."))
        expect(agreed.first).to_be_visible()
        assert_accessible(person_page)
        screenshot(person_page, "serviceplans-cisss-mine-agreed-360")
