"""An Arabic-speaking applicant completes the application on a 360 px phone with JavaScript off,
in a right-to-left layout (issue 19): ``<html lang="ar" dir="rtl">``, the page mirrored (the
header's signature and the choices' boxes on the right), nothing wider than the phone, the line
saying the translation is not reviewed yet, and every page axe-clean. The file keeps the
languages she gave."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from e2e.axe import install_axe

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
PHONE = {"width": 360, "height": 740}
UNREVIEWED = "لم يراجع مترجم مؤهل هذه الترجمة بعد."


def submit(page: Page) -> None:
    page.locator("main form button[type='submit']").first.click()


def assert_right_to_left(page: Page) -> None:
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.locator(".sentier-unreviewed")).to_have_text(UNREVIEWED)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide"
    # Mirrored: the main heading starts at the right edge of the page.
    heading = page.locator("main h1").first.bounding_box()
    main = page.locator("main").bounding_box()
    assert heading is not None
    assert main is not None
    assert abs((heading["x"] + heading["width"]) - (main["x"] + main["width"])) < 2, page.url


def assert_choice_box_on_the_right(page: Page, name: str) -> None:
    """The radio button or check box of a choice sits right of its text, as Arabic reads."""
    label = page.locator(f"label:has(input[name='{name}'])").first
    box = label.locator("input").bounding_box()
    text = label.locator("span").bounding_box()
    assert box is not None
    assert text is not None
    assert box["x"] > text["x"], (name, box, text)


def test_an_arabic_speaking_applicant_applies_on_a_phone_without_javascript(
    browser: Any,
    live_server: Any,
    url: Url,
    demo_personas: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    options: dict[str, Any] = {"viewport": PHONE, "locale": "ar", "bypass_csp": True}
    context = browser.new_context(java_script_enabled=False, **options)
    checker_context = browser.new_context(**options)  # axe needs JavaScript: same pages, JS on
    install_axe(checker_context)
    checker = checker_context.new_page()
    page = context.new_page()

    def check(name: str) -> None:
        assert_right_to_left(page)
        checker.goto(page.url)
        assert_accessible(checker)
        screenshot(page, name, full_page=True)

    page.goto(url("/fr-ca/apply/"))
    page.get_by_role("link", name="العربية").click()
    expect(page.locator("h1")).to_have_text("اطلب المساعدة والدعم")
    check("apply-start-ar-360")
    submit(page)

    expect(page.locator("main")).to_contain_text("الخطوة 1 من 6")
    page.get_by_label("الاسم الأول").fill("أمل")
    page.get_by_label("اسم العائلة").fill("حداد")
    page.locator("input[name='birth_date']").fill("1988-09-12")
    expect(page.locator("input[name='preferred_language'][value='ar']")).to_be_checked()
    page.locator("input[name='languages_spoken'][value='ar']").check()
    page.locator("input[name='languages_spoken'][value='fr']").check()
    page.get_by_label("هل تحتاج إلى مترجم فوري؟").select_option("ar")
    assert_choice_box_on_the_right(page, "preferred_language")
    check("apply-identity-ar-360")
    submit(page)

    expect(page.locator("main")).to_contain_text("الخطوة 2 من 6")
    # A mistake: explained in Arabic, next to the field, what was typed kept.
    page.locator("input[name='phone']").fill("12")
    page.locator("input[name='city']").fill("Laval")
    page.locator("select[name='region']").select_option("13")
    submit(page)
    expect(page.locator("main")).to_contain_text("أدخل رقم هاتف من 10 أرقام")
    expect(page.locator("input[name='city']")).to_have_value("Laval")
    check("apply-contact-error-ar-360")
    page.locator("input[name='phone']").fill("450 555-0101")
    page.locator("input[name='postal_code']").fill("H7N 2T5")
    submit(page)

    expect(page.locator("main")).to_contain_text("الخطوة 3 من 6")
    page.locator("input[name='household_type'][value='single_parent']").check()
    page.locator("input[name='adults']").fill("1")
    page.locator("input[name='children']").fill("2")
    assert_choice_box_on_the_right(page, "household_type")
    check("apply-household-ar-360")
    submit(page)

    expect(page.locator("main")).to_contain_text("الخطوة 4 من 6")
    page.locator("input[name='program'][value='PAS']").check()
    page.locator("input[name='asylum_seeker']").check()
    check("apply-program-ar-360")
    submit(page)

    expect(page.locator("main")).to_contain_text("الخطوة 5 من 6")
    page.locator("input[name='wants_support'][value='yes']").check()
    check("apply-questionnaire-ar-360")
    submit(page)

    expect(page.locator("h1")).to_have_text("راجع إجاباتك")
    check("apply-summary-ar-360")
    submit(page)

    expect(page.locator("h1")).to_have_text("تم إرسال طلبك")
    expect(page.locator("main")).to_contain_text("توصية أُنتِجت آلياً")
    check("apply-sent-ar-360")
    checker_context.close()
    context.close()

    from sentier.participants.models import Participant

    person = Participant.objects.get(last_name="حداد")
    assert person.preferred_language == "ar"
    assert person.languages_spoken == ["fr", "ar"] or person.languages_spoken == ["ar", "fr"]
    assert person.interpreter_language == "ar"
