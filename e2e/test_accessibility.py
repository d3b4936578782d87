"""The application, from its first page to its confirmation, with JavaScript on and off, at
360 px and at 1280 px (axe-core, WCAG 2.0–2.2 A and AA; ``<html lang>``; target size; field
borders: ``audit`` of e2e/test_phone_width.py); then the application and a caseworker's review
done with the keyboard alone, with a visible focus on everything that takes it, in the order
of the page. The crawl of every page of every persona is in e2e/test_phone_width.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from e2e.axe import install_axe
from e2e.conftest import PASSWORD, TIMEOUT_MS
from e2e.test_phone_width import MEASURE, PHONE, audit

if TYPE_CHECKING:
    from playwright._impl._api_structures import SetCookieParam

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]

# The element that has the focus, described, with whether its focus can be seen (an outline or
# a box shadow drawn by :focus-visible) and whether it comes after ``previous`` in the page.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== "none";
    const previous = window.__sentierPreviousFocus;
    if (element === previous) return {same: true};  // the day, month, year of a date field
    const after = !previous || !previous.isConnected || previous === document.body
        ? null  // the first stop on this page: nothing to compare with
        : Boolean(previous.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    window.__sentierPreviousFocus = element;
    const text = (element.getAttribute("aria-label") || element.textContent
        || element.getAttribute("name") || "").trim().replace(/\\s+/g, " ").slice(0, 50);
    return {
        description: `<${element.tagName.toLowerCase()}> «${text}» (outline ${style.outlineStyle} `
            + `${style.outlineWidth}, box-shadow ${style.boxShadow}, `
            + `focus-visible ${element.matches(":focus-visible")})`,
        visible: (outline || shadow) && element.matches(":focus-visible"),
        after,
        positive: document.querySelectorAll("[tabindex]:not([tabindex^='-']):not([tabindex='0'])")
            .length,
    };
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_every_step_of_the_application_is_accessible_on_a_phone_and_a_desktop(
    browser: Browser, live_server: Any, url: Url, demo_personas: dict[str, Any], javascript: bool
) -> None:
    """Each page of the application, as the applicant sees it, at 360 px: no overflow; axe at
    360 px and 1280 px. Without JavaScript, axe (which needs it) checks the same page, with the
    same session, in a second browser context."""
    options: dict[str, Any] = {"viewport": PHONE, "locale": "fr-CA", "bypass_csp": True}
    context = browser.new_context(java_script_enabled=javascript, **options)
    checker_context = browser.new_context(**options)
    install_axe(context if javascript else checker_context)
    page = context.new_page()
    checker = checker_context.new_page() if not javascript else page
    problems: list[str] = []

    def check() -> None:
        path = urlsplit(page.url).path
        width, scrolling, _headings = page.evaluate(MEASURE)
        if width > PHONE["width"]:
            problems.append(f"{path} is {width} px wide at 360 px")
        if checker is not page:
            checker_context.add_cookies(
                [cast("SetCookieParam", dict(cookie)) for cookie in context.cookies()]
            )
            checker.goto(page.url)
        problems.extend(f"{path}: {what}" for what in [*scrolling, *audit(checker, path)])

    def submit() -> None:
        page.locator("main form button[type='submit']").first.click()

    try:
        page.goto(url("/fr-ca/apply/"))
        check()
        submit()
        expect(page.locator("main")).to_contain_text("Étape 1 sur 6")
        page.locator("input[name='first_name']").fill("Awa")
        page.locator("input[name='last_name']").fill("Diallo")
        page.locator("input[name='birth_date']").fill("2999-01-01")
        page.locator("input[name='preferred_language'][value='fr-ca']").check()
        submit()
        expect(page.locator("main")).to_contain_text("futur")
        check()  # the error, explained next to its field
        page.locator("input[name='birth_date']").fill("1990-06-02")
        submit()
        expect(page.locator("main")).to_contain_text("Étape 2 sur 6")
        check()
        page.locator("input[name='phone']").fill("450 555-0101")
        page.locator("input[name='city']").fill("Laval")
        page.locator("input[name='postal_code']").fill("H7N 2T5")
        page.locator("select[name='region']").select_option("13")
        submit()
        check()
        page.locator("input[name='household_type'][value='single_parent']").check()
        page.locator("input[name='adults']").fill("1")
        page.locator("input[name='children']").fill("2")
        submit()
        check()
        page.locator("input[name='program'][value='PAS']").check()
        submit()
        expect(page.locator("main")).to_contain_text("Étape 5 sur 6")
        check()
        page.locator("input[name='wants_support'][value='yes']").check()
        page.locator("input[name='difficulties'][value='housing']").check()
        submit()
        expect(page.locator("h1")).to_have_text("Vérifiez vos réponses")
        check()
        submit()
        expect(page.locator("h1")).to_contain_text("a été envoyée")
        check()
    finally:
        checker_context.close()
        context.close()
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


class Keyboard:
    """Moves through a page with Tab and Shift+Tab only, checking on every stop that the focus
    can be seen and that it moved forward (or back) in the order of the page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.stops = 0

    def tab_to(self, selector: str, backwards: bool = False, limit: int = 80) -> None:
        """Press Tab (Shift+Tab) until the element matching ``selector`` has the focus."""
        self.page.evaluate("() => { window.__sentierPreviousFocus = document.activeElement; }")
        for _ in range(limit):
            self.page.keyboard.press("Shift+Tab" if backwards else "Tab")
            focused = self.page.evaluate(FOCUSED)
            if focused is None or focused.get("same"):
                continue  # past the end of the page, or within a date field
            self.stops += 1
            where = f"on {urlsplit(self.page.url).path}, {focused['description']}"
            assert focused["visible"], f"no visible focus {where}"
            if focused["after"] is not None:
                assert focused["after"] != backwards, f"the focus went the wrong way {where}"
            assert focused["positive"] == 0, f"a positive tabindex changes the order {where}"
            if self.page.locator(selector).evaluate_all(
                "elements => elements.includes(document.activeElement)"
            ):
                return
        raise AssertionError(f"{selector} never took the focus on {self.page.url}")

    def type_into(self, selector: str, text: str) -> None:
        self.tab_to(selector)
        self.page.keyboard.type(text)

    def choose(self, selector: str) -> None:
        """A radio button or a check box: Tab into it, Space to choose it."""
        self.tab_to(selector)
        self.page.keyboard.press("Space")
        assert self.page.locator(selector).is_checked(), f"{selector} not chosen with Space"

    def press_button(self, selector: str = "main form button[type='submit']") -> None:
        self.tab_to(selector)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")


def test_an_application_and_its_review_with_the_keyboard_alone(
    browser: Browser, live_server: Any, url: Url, demo_personas: dict[str, Any]
) -> None:
    """Tab, Shift+Tab, Space, Enter, typing, and the arrow keys in a drop-down list: nothing
    is clicked. The applicant applies; the Laval caseworker signs in, opens the application
    from the review queue and records another orientation with a reason."""
    context = browser.new_context(
        locale="fr-CA", viewport={"width": 1280, "height": 800}, bypass_csp=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    keys = Keyboard(page)
    page.goto(url("/fr-ca/apply/"))
    keys.press_button()
    expect(page.locator("main")).to_contain_text("Étape 1 sur 6")
    keys.type_into("input[name='first_name']", "Awa")
    keys.type_into("input[name='last_name']", "Diallo")
    keys.tab_to("input[name='birth_date']")
    # The date field's month, day and year, in the order Chromium draws them whatever the page's
    # language (its own locale's: month, day, year), each moving on to the next when complete.
    page.keyboard.type("06021990")
    assert page.locator("input[name='birth_date']").input_value() == "1990-06-02"
    keys.choose("input[name='preferred_language'][value='fr-ca']")
    keys.press_button()
    expect(page.locator("main")).to_contain_text("Étape 2 sur 6")
    keys.type_into("input[name='phone']", "450 555-0101")
    keys.type_into("input[name='city']", "Laval")
    keys.type_into("input[name='postal_code']", "H7N 2T5")
    keys.tab_to("select[name='region']")
    for _ in range(40):
        if page.locator("select[name='region']").input_value() == "13":
            break
        page.keyboard.press("ArrowDown")
    keys.press_button()
    keys.choose("input[name='household_type'][value='single']")
    keys.type_into("input[name='adults']", "1")
    keys.type_into("input[name='children']", "0")
    keys.press_button()
    keys.choose("input[name='program'][value='PAS']")
    keys.press_button()
    expect(page.locator("main")).to_contain_text("Étape 5 sur 6")
    keys.choose("input[name='wants_support'][value='yes']")
    keys.choose("input[name='difficulties'][value='housing']")
    keys.press_button()
    expect(page.locator("h1")).to_have_text("Vérifiez vos réponses")
    keys.press_button()
    expect(page.locator("h1")).to_contain_text("a été envoyée")
    context.close()

    context = browser.new_context(
        locale="fr-CA", viewport={"width": 1280, "height": 800}, bypass_csp=True
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    keys = Keyboard(page)
    page.goto(url("/fr-ca/accounts/login/"))
    keys.type_into("main input[name='login']", demo_personas["caseworker_laval"].email)
    keys.type_into("main input[name='password']", PASSWORD)
    keys.press_button()
    keys.tab_to("a[href$='/apply/review/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    keys.tab_to("main a:text-is('Awa Diallo')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    keys.choose("input[name='final_path'][value='support_plan']")
    keys.type_into("textarea[name='reason']", "Besoin de logement exprimé au téléphone.")
    keys.press_button("main form button.qc-primary")
    expect(page.locator("main")).to_contain_text("Besoin de logement exprimé au téléphone.")
    # Back up the page with Shift+Tab: the same visible focus, in the reverse order.
    keys.tab_to("main a[href$='/apply/review/']", backwards=True)
    print(f"\n{keys.stops} keyboard stops, each with a visible focus")
    context.close()
