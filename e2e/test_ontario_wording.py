"""An Ontario Works applicant who wants support, in a browser with JavaScript off at 360 px
(issue 21, issue 15): they never read "No support requested", and no page they see says
"voluntary" or "volontaire" (in English or in French); every page passes axe-core."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.conftest import TIMEOUT_MS

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
FORBIDDEN = ("No support requested", "Aucun accompagnement demandé", "voluntary", "volontaire")


def _check(page: Page, axe_page: Page, assert_accessible: Callable[[Page], None]) -> None:
    """No forbidden word on the page the applicant reads (JavaScript off), and axe-clean: axe
    needs JavaScript, so it runs on the same HTML in a twin page (same 360 px, same address)."""
    text = page.locator("body").inner_text()
    for word in FORBIDDEN:
        assert word.lower() not in text.lower(), (word, page.url)
    axe_page.set_content(page.content())
    assert_accessible(axe_page)


def _submit(page: Page) -> None:
    page.locator("main form button[type='submit']").first.click()


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_an_ow_applicant_who_wants_support_is_never_told_no_support_requested(
    browser: Browser,
    live_server: Any,
    url: Url,
    ontario_site: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    language: str,
) -> None:
    context = browser.new_context(
        java_script_enabled=False,
        bypass_csp=True,
        locale="en-CA" if language == "en-ca" else "fr-CA",
        timezone_id="America/Toronto",
        viewport={"width": 360, "height": 740},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    axe_context = browser.new_context(bypass_csp=True, viewport={"width": 360, "height": 740})
    axe_page = axe_context.new_page()
    axe_page.goto(url(f"/{language}/apply/"))
    try:
        page.goto(url(f"/{language}/apply/"))
        _check(page, axe_page, assert_accessible)
        _submit(page)
        page.locator("input[name='first_name']").fill("Maya")
        page.locator("input[name='last_name']").fill("Singh")
        page.locator("input[name='birth_date']").fill("1991-04-12")
        page.locator(f"input[name='preferred_language'][value='{language}']").check()
        _check(page, axe_page, assert_accessible)
        _submit(page)
        page.locator("input[name='phone']").fill("416 555-0142")
        page.locator("input[name='city']").fill("Toronto")
        page.locator("input[name='postal_code']").fill("M5H 2N2")
        page.locator("select[name='region']").select_option("ON33")
        _check(page, axe_page, assert_accessible)
        _submit(page)
        page.locator("input[name='household_type'][value='single']").check()
        page.locator("input[name='adults']").fill("1")
        page.locator("input[name='children']").fill("0")
        _submit(page)
        page.locator("input[name='program'][value='OW']").check()
        _check(page, axe_page, assert_accessible)
        _submit(page)
        # "Would you like support? Yes", and ready to start a job.
        page.locator("input[name='wants_support'][value='yes']").check()
        page.locator("input[name='job_start'][value='yes']").check()
        _check(page, axe_page, assert_accessible)
        _submit(page)
        consent = page.locator("input[name='eo_consent']")
        expect(consent).not_to_be_checked()
        _check(page, axe_page, assert_accessible)
        consent.check()
        _submit(page)
        _check(page, axe_page, assert_accessible)
        _submit(page)
        main = page.locator("main")
        expect(main).to_contain_text("999-1142")
        _check(page, axe_page, assert_accessible)
        text = main.inner_text()
        if language == "en-ca":
            assert "Suggested path: Employment services (fast track)" in text
            assert "You apply in Ontario" in text
        assert "Québec" not in text
        assert "rules 0." not in text  # no internal versions for the applicant
    finally:
        context.close()
        axe_context.close()
