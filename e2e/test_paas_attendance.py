"""Partner staff enter a week's attendance for their whole PAAS Action group in the browser:
the group screen works, is axe-clean (WCAG 2.2 AA), and reads well on a 360 px phone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def group(demo_personas: dict[str, Any]) -> dict[str, Any]:
    """Personas, places for OPEX’82 in Laval and two participants placed there."""
    from sentier.paas import actions, selectors
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    users = demo_personas
    organization = users["partner_opex"].organization
    assert organization is not None
    laval = Region.objects.get(code="13")
    today = timezone.localdate()
    start = selectors.week_start(today) - dt.timedelta(weeks=3)
    period_start = start.replace(day=1)
    period_end = selectors.last_day_of_month(today + dt.timedelta(days=180))
    actions.grant_places(
        actor=users["admin"],
        organization=organization,
        region=laval,
        period_start=period_start,
        period_end=period_end,
        places=3,
        budget_cents=selectors.allocation_cost_cents(period_start, period_end, 3),
    )
    second = open_participant_file(
        actor=users["admin"],
        first_name="Marc-Antoine",
        last_name="Bélanger-Lefebvre",
        region=laval,
        program=Program.objects.get(code="PSS"),
        caseworker=users["caseworker_laval"],
    )
    from sentier.participants.models import Participant

    placements = []
    for participant in (Participant.objects.get(user=users["participant"]), second):
        outcome = actions.place_participant(
            actor=users["caseworker_laval"],
            participant=participant,
            organization=organization,
            start_date=start,
            hours_plan=[(start, 6), (start + dt.timedelta(weeks=2), 12)],
            objectives=["Arriver à l’heure"],
        )
        placements.append(outcome.placement)
    return {"users": users, "placements": placements, "week": start}


def test_staff_enter_a_weeks_attendance_for_the_group(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    group: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.paas import selectors

    first, second = group["placements"]
    week = group["week"]
    login(page, group["users"]["partner_opex"].email)
    # Selectors by structure, not by wording: the texts get translated.
    expect(page.locator("#paas-participants-heading")).to_be_visible()
    page.locator("main a[href$='/paas/attendance/']").first.click()
    # Pick the week through the form (no JavaScript needed for it).
    page.locator("#id_week").fill(week.isoformat())
    page.locator("main form[method='get'] button[type='submit']").click()
    expect(page.locator("h1")).to_contain_text(str(week.year))

    page.locator(f"#hours-{first.uuid}").fill("21")
    page.locator(f"#hours-{second.uuid}").fill("5,5")
    page.locator("main form[method='post'] button[type='submit']").click()
    expect(page.locator(".sentier-error-summary")).to_be_visible()
    expect(page.locator(f"#hours-{first.uuid}")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)
    assert selectors.hours_of_week(second, week) is None  # nothing saved while one row is wrong

    page.locator(f"#hours-{first.uuid}").fill("6")
    page.locator("main form[method='post'] button[type='submit']").click()
    expect(page.locator(".sentier-messages")).to_be_visible()
    assert selectors.hours_of_week(first, week) == Decimal(6)
    assert selectors.hours_of_week(second, week) == Decimal("5.5")
    expect(page.locator(f"#hours-{second.uuid}")).to_have_value("5,5")  # as typed in French
    assert_accessible(page)

    page.set_viewport_size({"width": 360, "height": 800})
    assert_accessible(page)
    screenshot(page, "paas-attendance-group-360")


def test_every_paas_page_is_accessible(
    page: Page,
    login: Callable[..., None],
    url: Callable[[str], str],
    group: dict[str, Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    """The other PAAS Action pages, for the role that uses each, pass axe-core too."""
    from sentier.paas import actions

    users = group["users"]
    first, second = group["placements"]
    actions.record_attendance(
        actor=users["partner_opex"], placement=first, week_start=group["week"], hours=Decimal(6)
    )
    pages = {
        "partner_opex": [
            "/fr-ca/paas/organization/",
            f"/fr-ca/paas/placements/{first.uuid}/",
            f"/fr-ca/paas/placements/{first.uuid}/attendance/",
            "/fr-ca/paas/attendance/import/",
        ],
        "caseworker_laval": [
            "/fr-ca/paas/placements/",
            f"/fr-ca/participants/{first.participant.uuid}/",
            f"/fr-ca/paas/placements/{second.uuid}/end/",
        ],
        "admin": ["/fr-ca/paas/ministry/", "/fr-ca/paas/ministry/grant/"],
        "participant": ["/fr-ca/participants/me/"],
    }
    for persona, paths in pages.items():
        page.context.clear_cookies()
        login(page, users[persona].email)
        for path in paths:
            response = page.goto(url(path))
            assert response is not None
            assert response.status == 200, path
            assert_accessible(page)
