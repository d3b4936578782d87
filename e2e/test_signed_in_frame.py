"""The frame once signed in: role menu, sign-out form, demo banner and the session warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_participant_home_has_no_accessibility_violations(
    page: Page,
    url: Url,
    login: Callable[..., None],
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    settings: Any,
    language: str,
) -> None:
    settings.DEBUG = True  # shows the "MFA is off" demo banner
    user = make_user()
    login(page, user.email, language=language)

    nav = page.locator("nav.sentier-nav")
    expect(nav.locator("a[aria-current='page']")).to_have_count(1)
    expect(page.locator(".sentier-demo-banner")).to_be_visible()
    assert_accessible(page)
    screenshot(page, f"home-participant-{language}-1280")
    page.set_viewport_size({"width": 360, "height": 740})
    assert_accessible(page)
    screenshot(page, f"home-participant-{language}-360")


def test_no_demo_banner_outside_debug(
    page: Page, url: Url, login: Callable[..., None], make_user: Callable[..., Any]
) -> None:
    user = make_user()
    login(page, user.email)

    expect(page.locator(".sentier-demo-banner")).to_have_count(0)


def test_session_warning_offers_to_stay_signed_in(
    page: Page,
    url: Url,
    login: Callable[..., None],
    make_user: Callable[..., Any],
    assert_accessible: Callable[..., None],
    screenshot: Callable[..., Path],
    settings: Any,
) -> None:
    settings.SESSION_COOKIE_AGE = 20
    settings.SENTIER_SESSION_WARNING_SECONDS = 18
    user = make_user()
    login(page, user.email)

    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=8_000)
    stay = dialog.locator("[data-session-action='stay']")
    expect(stay).to_be_focused()
    assert_accessible(page)
    screenshot(page, "session-warning-fr-ca-1280", full_page=False)

    with page.expect_response(lambda response: "/keepalive/" in response.url) as answer:
        stay.click()
    assert answer.value.status == 204
    expect(dialog).to_be_hidden()


def test_what_was_typed_comes_back_after_the_session_ends(
    page: Page,
    url: Url,
    login: Callable[..., None],
    make_user: Callable[..., Any],
    settings: Any,
) -> None:
    settings.SESSION_COOKIE_AGE = 4
    settings.SENTIER_SESSION_WARNING_SECONDS = 3
    user = make_user()
    login(page, user.email)
    # Any page with a POST form will do; the sign-out form has no field to keep, so add one.
    page.evaluate(
        """() => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/fr-ca/participants/me/";
            const area = document.createElement("textarea");
            area.name = "text";
            area.setAttribute("aria-label", "Note");
            form.appendChild(area);
            document.querySelector("main").appendChild(form);
        }"""
    )
    page.locator("main textarea[name='text']").fill("Rendez-vous mardi à 14 h")

    expect(page.get_by_role("alertdialog").locator("[data-state='expired']")).to_be_visible(
        timeout=8_000
    )
    kept = page.evaluate("() => sessionStorage.getItem('sentier:kept:' + location.pathname)")
    assert kept is not None
    assert "Rendez-vous mardi à 14 h" in kept
    assert "csrfmiddlewaretoken" not in kept


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/fr-ca/accounts/logout/", "logout"),
        ("/fr-ca/accounts/2fa/", "mfa-index"),
        ("/fr-ca/accounts/2fa/totp/activate/", "totp-activate"),
        ("/en-ca/accounts/password/change/", "password-change"),
    ],
)
def test_account_pages_use_the_frame_without_accessibility_violations(
    page: Page,
    url: Url,
    login: Callable[..., None],
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
    path: str,
    name: str,
) -> None:
    user = make_user()
    login(page, user.email)
    page.goto(url(path))
    if name == "totp-activate":  # allauth asks for the password again first
        page.locator("main input[name='password']").fill(PASSWORD)
        page.locator("main form button[type='submit']").click()
        expect(page.locator("main img")).to_be_visible()

    expect(page.locator("header.sentier-piv-header")).to_be_visible()
    expect(page.locator("main h1")).to_have_count(1)
    assert_accessible(page)
    screenshot(page, f"account-{name}-1280")


def test_password_reset_page_uses_the_frame_without_accessibility_violations(
    page: Page,
    url: Url,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    page.goto(url("/fr-ca/accounts/password/reset/"))

    expect(page.locator("main input[name='email']")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "account-password-reset-1280")
