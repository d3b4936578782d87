"""The strict CSP holds (no inline script or style anywhere) and htmx works under it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.mark.parametrize(
    "path", ["/fr-ca/", "/en-ca/accounts/login/", "/fr-ca/accounts/password/reset/"]
)
def test_public_pages_break_no_csp_rule(strict_page: Page, url: Url, path: str) -> None:
    strict_page.goto(url(path))

    expect(strict_page.locator("main h1")).to_be_visible()
    # Public and participant pages do without htmx (lighter); nothing injects a <style>.
    assert strict_page.evaluate("() => typeof window.htmx") == "undefined"
    assert strict_page.evaluate("() => document.querySelectorAll('style').length") == 0


def test_caseload_filters_update_the_list_through_htmx_under_the_csp(
    strict_page: Page,
    url: Url,
    login: Callable[..., None],
    caseworker_with_a_file: tuple[Any, Any],
) -> None:
    caseworker, _participant = caseworker_with_a_file
    login(strict_page, caseworker.email)
    strict_page.goto(url("/fr-ca/participants/"))
    expect(strict_page.locator("#caseload-results")).to_contain_text("Côté")
    # Staff pages load htmx, configured from the <meta> tag, with no <style> of its own.
    assert strict_page.evaluate("() => window.htmx.config.includeIndicatorStyles") is False
    assert strict_page.evaluate("() => document.querySelectorAll('style').length") == 0

    search = strict_page.locator("main input[name='q']")
    with strict_page.expect_request(lambda request: request.headers.get("hx-request") == "true"):
        search.fill("nobody-by-that-name")
        search.press("Enter")

    expect(strict_page).to_have_url(re.compile(r"q=nobody-by-that-name"))
    expect(strict_page.locator("#caseload-results")).not_to_contain_text("Côté")
