"""A caseworker's pages in the frame: caseload, a participant's file, the edit form with errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.mark.parametrize("width", [1280, 360])
def test_caseload_and_file_pages_have_no_accessibility_violations(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    caseworker_with_a_file: tuple[Any, Any],
    width: int,
) -> None:
    caseworker, participant = caseworker_with_a_file
    page.set_viewport_size({"width": width, "height": 800})
    login(page, caseworker.email)

    page.goto(url("/fr-ca/participants/"))
    expect(page.locator("main")).to_contain_text("Côté")
    assert_accessible(page)
    screenshot(page, f"caseload-fr-ca-{width}")
    # On a phone the caseload is a list of cards: nothing scrolls sideways.
    wrap = page.locator(".sentier-table-wrap")
    assert wrap.evaluate("w => w.scrollWidth <= w.clientWidth")

    page.goto(url(f"/fr-ca/participants/{participant.uuid}/"))
    expect(page.locator("h1")).to_contain_text("Côté")
    assert_accessible(page)
    screenshot(page, f"file-fr-ca-{width}")


def test_a_form_with_errors_links_each_error_to_its_field(
    page: Page,
    url: Url,
    login: Callable[..., None],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    caseworker_with_a_file: tuple[Any, Any],
) -> None:
    caseworker, participant = caseworker_with_a_file
    login(page, caseworker.email, language="en-ca")
    page.goto(url(f"/en-ca/participants/{participant.uuid}/edit/"))
    first_name = page.locator("main input[name='first_name']")
    first_name.fill("")
    first_name.evaluate("input => input.form.noValidate = true")
    page.locator("main form button[type='submit']").first.click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(first_name).to_have_attribute("aria-invalid", "true")
    described_by = first_name.get_attribute("aria-describedby") or ""
    assert f"{first_name.get_attribute('id')}_error" in described_by.split()
    assert_accessible(page)
    screenshot(page, "edit-errors-en-ca-1280")

    summary.locator(f"a[href='#{first_name.get_attribute('id')}']").click()
    expect(first_name).to_be_focused()


def test_a_note_typed_when_the_session_ends_is_put_back_after_signing_in_again(
    page: Page,
    url: Url,
    login: Callable[..., None],
    caseworker_with_a_file: tuple[Any, Any],
    settings: Any,
) -> None:
    from e2e.conftest import PASSWORD

    settings.SESSION_COOKIE_AGE = 5
    settings.SENTIER_SESSION_WARNING_SECONDS = 3
    caseworker, participant = caseworker_with_a_file
    login(page, caseworker.email)
    page.goto(url(f"/fr-ca/participants/{participant.uuid}/"))
    page.locator("main textarea[name='text']").fill("Rendez-vous mardi à 14 h")

    expired = page.get_by_role("alertdialog").locator("[data-state='expired']")
    expect(expired).to_be_visible(timeout=10_000)
    settings.SESSION_COOKIE_AGE = 600
    expired.locator("[data-session-action='sign-in']").click()
    page.locator("main input[name='login']").fill(caseworker.email)
    page.locator("main input[name='password']").fill(PASSWORD)
    page.locator("main form button[type='submit']").click()

    expect(page).to_have_url(url(f"/fr-ca/participants/{participant.uuid}/"))
    expect(page.locator("main textarea[name='text']")).to_have_value("Rendez-vous mardi à 14 h")
    expect(page.locator("main form").filter(has=page.locator("textarea"))).to_be_visible()
    expect(page.locator("main .qc-notice.qc-information")).to_be_visible()
