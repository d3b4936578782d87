"""The Ontario local office worklist in a real browser, as a Toronto caseworker lives in it: the
lists as tabs with their counts, "Unassigned" and channel filters, "Assign to me" on a row
(the list comes back on the same page and filters), page 2, a colleague chosen on the detail
page, the home panel's "assigned to you". JavaScript on and off; axe-core on every page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]

APPLICANTS = ("Ann", "Ben", "Cal", "Dee", "Eve", "Fay", "Gus")


@pytest.fixture
def busy_office(
    ontario_site: dict[str, Any], make_user: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    """Seven applications to decide in the OW intake unit (the third by phone, entered by
    Toronto's local office), five rows a page, a colleague of Wendy's in the unit (Jordan Lee)
    and one common assessment at Toronto's local office."""
    from sentier.accounts.models import Role
    from sentier.intake.models import Channel
    from sentier.ontario import actions, views
    from sentier.ontario.demo import submit_ontario_application
    from sentier.ontario.models import OWApplication, Unit, UnitMembership
    from sentier.reference.models import Region

    monkeypatch.setattr(views, "PAGE_SIZE", 5)  # the live server runs in this process
    tara = ontario_site["caseworker"]
    jordan = make_user(
        Role.CASEWORKER,
        "jordan.lee@on.sentier.test",
        first_name="Jordan",
        last_name="Lee",
        region=Region.objects.get(code="ON33"),
    )
    UnitMembership.objects.create(user=jordan, unit=Unit.OW_INTAKE)
    for number, first in enumerate(APPLICANTS):
        phone = number == 2
        submit_ontario_application(
            first=first,
            last="Doe",
            program="OW",
            channel=Channel.PHONE if phone else Channel.ONLINE,
            entered_by=tara if phone else None,
        )
    granted = submit_ontario_application(first="Hal", last="Doe", program="OW")
    actions.grant_ow_application(
        actor=ontario_site["ow_intake"],
        ow_application=OWApplication.objects.get(application=granted),
    )
    return {**ontario_site, "jordan": jordan}


def test_a_caseworker_filters_takes_a_row_pages_and_hands_one_to_a_colleague(
    page: Page,
    url: Url,
    login: Callable[..., None],
    busy_office: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.ontario.models import OWApplication

    tara = busy_office["ow_intake"]  # the intake unit's officer, who decides applications
    login(page, tara.email, language="en-ca")
    page.goto(url("/en-ca/"))
    expect(page.locator("main")).to_contain_text("Nothing is assigned to you yet.")
    page.get_by_role("link", name="Open the applications to decide").click()

    tabs = page.get_by_role("navigation", name="Worklists")
    expect(tabs.get_by_role("link", name="Applications to decide (7)")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.locator("main")).to_contain_text("Page 1 of 2")
    assert_accessible(page)
    screenshot(page, "on-worklist-grants-en")

    # Only the rows nobody has yet: with JavaScript, the list follows the choice (htmx swaps
    # the lists and their counts in place and puts the filters in the address).
    page.get_by_label("Assigned to").select_option("nobody")
    expect(page).to_have_url(re.compile(r"assigned=nobody"))
    expect(page.locator("main .sentier-worklist-count")).to_have_text(
        "7 applications, oldest first"
    )

    # Take Ann's: the same list comes back, without her row now.
    page.get_by_role("button", name="Assign it to me (Ann Doe)").click()
    expect(page.locator("body")).to_contain_text("Ann Doe is assigned to you.")
    expect(page).to_have_url(re.compile(r"assigned=nobody"))
    expect(page.locator("main .sentier-worklist-count")).to_have_text(
        "6 applications, oldest first"
    )
    assert OWApplication.objects.get(participant__first_name="Ann").assigned_to == tara
    assert_accessible(page)

    # Page 2 keeps the filter.
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"assigned=nobody.*page=2|page=2.*assigned=nobody"))
    expect(page.locator("main")).to_contain_text("Page 2 of 2")
    expect(page.get_by_role("link", name="Gus Doe")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "on-worklist-page2-en")

    # The applications received by phone.
    page.get_by_label("Channel").select_option("phone")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("main .sentier-worklist-count")).to_have_text("1 application, oldest first")
    page.get_by_role("link", name="Cal Doe").click()

    # On the application: hand it to Jordan, a colleague of the same unit.
    expect(page.locator("main")).to_contain_text("Nobody yet")
    assert_accessible(page)
    page.get_by_label("Assign to").select_option(label="Jordan Lee")
    page.get_by_role("button", name="Save the assignment").click()
    expect(page.locator("body")).to_contain_text("Assigned to Jordan Lee.")
    assert_accessible(page)
    screenshot(page, "on-worklist-ow-assigned-en")
    assert (
        OWApplication.objects.get(participant__first_name="Cal").assigned_to
        == busy_office["jordan"]
    )

    # Mine only: Ann's; and the home page says so.
    page.goto(url("/en-ca/ontario/assessment/?assigned=me"))
    expect(page.get_by_role("link", name="Ann Doe")).to_be_visible()
    expect(page.get_by_role("link", name="Cal Doe")).to_have_count(0)
    page.goto(url("/en-ca/"))
    expect(page.locator("main")).to_contain_text("1 item assigned to you")
    assert_accessible(page)

    # The local office's common assessments' list, with its own filters.
    page.context.clear_cookies()
    login(page, busy_office["caseworker"].email, language="en-ca")
    page.goto(url("/en-ca/ontario/assessment/"))
    page.get_by_role("link", name="Common assessments (1)").click()
    expect(page.get_by_label("Show")).to_be_visible()
    expect(page.get_by_role("link", name="Hal Doe")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "on-worklist-assessments-en")


def test_the_worklist_works_without_javascript_and_on_a_phone(
    js_disabled_page: Page,
    url: Url,
    login: Callable[..., None],
    busy_office: dict[str, Any],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.ontario.models import OWApplication

    page = js_disabled_page
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, busy_office["ow_intake"].email, language="fr-ca")
    page.goto(url("/fr-ca/ontario/assessment/"))
    page.locator("select[name='assigned']").select_option("nobody")
    page.locator("main form[role='search'] button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"assigned=nobody"))
    page.get_by_role("link", name="Page suivante").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    screenshot(page, "on-worklist-fr-360-nojs")
    page.get_by_role("button", name=re.compile(r"\(Fay Doe\)")).click()
    expect(page).to_have_url(re.compile(r"page=2"))
    assert OWApplication.objects.get(participant__first_name="Fay").assigned_to is not None
    # Garbage in the address: the list still shows, with a word about it.
    page.goto(url("/fr-ca/ontario/assessment/?page=zz&assigned=%3Cb%3E&area=XX"))
    expect(page.locator("main h1")).to_be_visible()
    expect(page.get_by_role("link", name="Ann Doe")).to_be_visible()
