"""Public pages: accessible (axe, WCAG 2.2 AA), keyboard-first, bilingual, and fine without JS."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_welcome_page_has_no_accessibility_violations(
    page: Page,
    url: Url,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    language: str,
) -> None:
    page.goto(url(f"/{language}/"))

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    screenshot(page, f"welcome-{language}-1280")
    page.set_viewport_size({"width": 360, "height": 740})
    assert_accessible(page)
    screenshot(page, f"welcome-{language}-360")


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_login_page_has_no_accessibility_violations(
    page: Page,
    url: Url,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    language: str,
) -> None:
    page.goto(url(f"/{language}/accounts/login/"))

    expect(page.locator("main input[name='login']")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"login-{language}-1280")
    page.set_viewport_size({"width": 360, "height": 740})
    screenshot(page, f"login-{language}-360")


def test_failed_login_shows_an_accessible_error_summary(
    page: Page,
    url: Url,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    make_user: Callable[..., Any],
) -> None:
    user = make_user()
    page.goto(url("/fr-ca/accounts/login/"))
    page.locator("main input[name='login']").fill(user.email)
    page.locator("main input[name='password']").fill("not the password")
    page.locator("main form button[type='submit']").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_accessible(page)
    screenshot(page, "login-error-fr-ca-1280")


def test_skip_link_is_the_first_focusable_element_and_targets_main(page: Page, url: Url) -> None:
    page.goto(url("/fr-ca/"))

    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("#main")).to_be_focused()


@pytest.mark.parametrize(
    ("start", "link", "arrival"),
    [
        ("/fr-ca/accounts/login/", "English", "/en-ca/accounts/login/"),
        ("/en-ca/accounts/login/", "Français", "/fr-ca/accounts/login/"),
        ("/fr-ca/", "English", "/en-ca/"),
    ],
)
def test_language_toggle_keeps_the_page(
    js_disabled_page: Page, url: Url, start: str, link: str, arrival: str
) -> None:
    js_disabled_page.goto(url(start))

    js_disabled_page.locator("header").get_by_role("link", name=link, exact=True).click()

    expect(js_disabled_page).to_have_url(url(arrival))
    expect(js_disabled_page.locator("html")).to_have_attribute("lang", arrival.split("/")[1])


def test_sign_in_and_out_work_without_javascript(
    js_disabled_page: Page, url: Url, make_user: Callable[..., Any]
) -> None:
    from e2e.conftest import PASSWORD

    user = make_user()
    page = js_disabled_page
    page.goto(url("/fr-ca/"))

    page.locator("main a[href='/fr-ca/accounts/login/']").click()
    page.locator("main input[name='login']").fill(user.email)
    page.locator("main input[name='password']").fill(PASSWORD)
    page.locator("main form button[type='submit']").click()

    expect(page).to_have_url(url("/fr-ca/"))
    expect(page.locator(".sentier-signed-in-as")).to_contain_text("Awa Diallo")
    page.locator("#sentier-sign-out button").click()

    expect(page.locator("#sentier-sign-out")).to_have_count(0)
    expect(page.locator("header a[href='/fr-ca/accounts/login/']")).to_be_visible()
