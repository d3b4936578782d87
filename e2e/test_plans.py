"""Support plans in the browser: the caseworker proposes a plan, records the agreement, adds an
objective and an action, schedules and records a follow-up; the participant sees their plan,
asks for more time, then ends it after the confirmation page. Every page is axe-clean (WCAG 2.2
AA); screenshots in e2e/screenshots/plans-*.png. One journey runs with JavaScript off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.participants.models import Participant
    from sentier.plans.difficulties import ensure_difficulties

    ensure_difficulties()
    users = demo_personas
    return {"users": users, "participant": Participant.objects.get(user=users["participant"])}


def test_caseworker_proposes_records_agreement_objectives_and_follow_up(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.plans.models import PlanStatus, SupportPlan

    participant = people["participant"]
    login(page, people["users"]["caseworker_laval"].email)
    page.goto(url(f"/fr-ca/participants/{participant.uuid}/"))
    page.locator(f"a[href$='/plans/participants/{participant.uuid}/propose/']").click()
    assert_accessible(page)
    # Sent empty: errors next to the fields, nothing created.
    page.locator("input[name='planned_end_on']").fill("")
    page.locator("form button.qc-primary").click()
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "plans-propose-errors")
    assert not SupportPlan.objects.exists()
    page.locator("input[name='difficulties']").nth(6).check()  # excessive debt
    page.locator("input[name='difficulties']").nth(3).check()  # loss of a spouse
    page.locator("textarea[name='purpose']").fill("Reprendre le contrôle de mon budget.")
    end = timezone.localdate() + dt.timedelta(days=120)
    page.locator("input[name='planned_end_on']").fill(end.isoformat())
    page.locator("textarea[name='objectives']").fill(
        "Faire un budget avec l'ACEF\nRégler l'entente avec Hydro-Québec"
    )
    page.locator("form button.qc-primary").click()
    plan = SupportPlan.objects.get()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/"))
    assert_accessible(page)
    screenshot(page, "plans-detail-proposed")

    page.locator(f"a[href$='/plans/{plan.uuid}/agreement/']").first.click()
    assert_accessible(page)
    screenshot(page, "plans-agreement")
    expect(page.locator(".sentier-plan-summary")).to_contain_text("Faire un budget avec l'ACEF")
    page.locator("input[name='channel'][value='in_person']").check()
    page.locator("input[name='confirm']").check()
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/"))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE

    page.locator("form.sentier-plan-add input[name='text']").fill("Trouver une garderie")
    page.locator("form.sentier-plan-add button").click()
    expect(page.locator("main")).to_contain_text("Trouver une garderie")
    page.locator("a[href*='/actions/new/?objective=']").first.click()
    assert_accessible(page)
    page.locator("input[name='what']").fill("Rencontre avec la conseillère budgétaire")
    page.locator("select[name='who']").select_option("organization")
    page.locator("input[name='who_detail']").fill("ACEF des Basses-Laurentides")
    page.locator("form button.qc-primary").click()
    expect(page.locator("main")).to_contain_text("ACEF des Basses-Laurentides")

    page.locator(f"a[href$='/plans/{plan.uuid}/follow-ups/new/']").click()
    assert_accessible(page)
    when = timezone.localtime() + dt.timedelta(days=3)
    page.locator("input[name='scheduled_for']").fill(when.strftime("%Y-%m-%dT10:00"))
    page.locator("select[name='mode']").select_option("phone")
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/"))
    page.locator("a[href*='/plans/follow-ups/']").first.click()
    page.locator("select[name='status']").select_option("done")
    page.locator("textarea[name='outcome']").fill("Entente signée avec Hydro-Québec.")
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/"))
    expect(page.locator("main")).to_contain_text("Entente signée avec Hydro-Québec.")
    assert_accessible(page)
    screenshot(page, "plans-detail-active")

    # Another caseworker saves the same objective meanwhile: the conflict screen shows both.
    from sentier.plans import actions

    objective = plan.objectives.get(text="Trouver une garderie")
    page.goto(url(f"/fr-ca/plans/objectives/{objective.uuid}/"))
    actions.update_objective(
        actor=people["users"]["caseworker_laval"],
        objective=objective,
        expected_version=objective.version,
        text="Trouver une garderie près de l'école",
        status="open",
    )
    page.locator("input[name='text']").fill("Trouver une place en CPE")
    page.locator("form button.qc-primary").click()
    expect(page.locator(".sentier-plan-conflict")).to_contain_text("Trouver une place en CPE")
    expect(page.locator(".sentier-plan-conflict")).to_contain_text("près de l'école")
    assert_accessible(page)
    screenshot(page, "plans-conflict")
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(url(f"/fr-ca/plans/{plan.uuid}/"))
    objective.refresh_from_db()
    assert objective.text == "Trouver une place en CPE"

    page.goto(url(f"/fr-ca/participants/{participant.uuid}/"))
    expect(page.locator("#plan-panel-heading")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "plans-file-panel")
    # A follow-up left overdue and an extension asked by the person fill the worklist.
    actions.schedule_follow_up(
        actor=people["users"]["caseworker_laval"],
        plan=plan,
        scheduled_for=timezone.now() - dt.timedelta(days=1),
        mode="phone",
    )
    actions.request_extension(actor=people["users"]["participant"], plan=plan, why="Plus de temps")
    page.goto(url("/fr-ca/plans/worklist/"))
    expect(page.locator("main")).to_contain_text("Julie Lavoie")
    assert_accessible(page)
    screenshot(page, "plans-worklist")
    page.locator("a[href*='/plans/extensions/']").first.click()
    page.locator("input[name='decision'][value='refuse']").check()
    page.locator("form button.qc-primary").click()  # no reason: refused, next to the field
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "plans-extension-decision-error")
    page.goto(url("/fr-ca/"))
    expect(page.locator("#plans-home-heading")).to_be_visible()
    assert_accessible(page)


def test_participant_sees_plan_asks_extension_and_ends_it(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.plans.models import Extension, PlanStatus, SupportPlan
    from sentier.plans.tests.helpers import active_plan

    users = people["users"]
    plan = active_plan(users, people["participant"], objectives=["Faire un budget mensuel"])
    login(page, users["participant"].email)
    page.goto(url("/fr-ca/participants/me/"))
    expect(page.locator("#my-plan-panel-heading")).to_be_visible()
    assert_accessible(page)
    page.locator("#my-plan-panel-heading ~ p a[href$='/plans/mine/']").click()
    expect(page.locator("main")).to_contain_text("Faire un budget mensuel")
    assert_accessible(page)
    screenshot(page, "plans-my-plan")

    page.locator("a[href$='/plans/mine/extension/']").click()
    assert_accessible(page)
    page.locator("form button.qc-primary").click()  # empty: the reason is asked for
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    assert_accessible(page)
    page.locator("textarea[name='why']").fill("Je n'ai pas encore trouvé de garderie.")
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(url("/fr-ca/plans/mine/"))
    assert Extension.objects.filter(plan=plan).count() == 1
    assert_accessible(page)
    screenshot(page, "plans-my-plan-extension-asked")

    page.locator("a[href$='/plans/mine/end/']").click()
    assert_accessible(page)
    screenshot(page, "plans-my-end-confirm")
    expect(page.locator(".sentier-plan-voluntary").first).to_be_visible()
    page.locator("form button.qc-primary").click()
    expect(page).to_have_url(url("/fr-ca/plans/mine/"))
    plan = SupportPlan.objects.get(pk=plan.pk)
    assert plan.status == PlanStatus.ENDED
    assert_accessible(page)
    screenshot(page, "plans-my-plan-ended")


def test_participant_journey_works_without_javascript_in_english(
    js_disabled_page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    people: dict[str, Any],
) -> None:
    from sentier.plans.models import PlanStatus, SupportPlan
    from sentier.plans.tests.helpers import proposed_plan

    page = js_disabled_page
    users = people["users"]
    plan = proposed_plan(users, people["participant"], objectives=["Make a monthly budget"])
    login(page, users["participant"].email, language="en-ca")
    page.goto(url("/en-ca/plans/mine/"))
    expect(page.locator("main")).to_contain_text("no effect on benefits")
    page.locator("form[action$='/plans/mine/answer/'] button.qc-primary").click()
    expect(page).to_have_url(url("/en-ca/plans/mine/"))
    assert SupportPlan.objects.get(pk=plan.pk).status == PlanStatus.ACTIVE
    with page.expect_download() as download:
        page.locator("a[href$='/plans/mine/plan.pdf']").click()
    assert download.value.suggested_filename.endswith(".pdf")
