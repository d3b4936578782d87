"""A participant answers the survey at 360 px with JavaScript off (issue 17, "Feedback"): the
survey is offered on their file once their plan is agreed; a missing answer is explained next to
its question with what was typed kept; the answers are saved once; nothing is wider than the
phone and every page is axe-clean (axe runs in a second, JavaScript-on context on the same
pages)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def agreed_plan(transactional_db: None) -> Any:
    from sentier.participants.demo import ensure_personas
    from sentier.participants.models import Participant
    from sentier.plans.tests.helpers import active_plan

    call_command("load_reference", verbosity=0)
    personas = ensure_personas(PASSWORD)
    participant = Participant.objects.get(user=personas["participant"])
    return active_plan(personas, participant)


def test_a_participant_answers_the_survey_on_a_phone_without_javascript(
    browser: Any,
    url: Url,
    login: Callable[..., None],
    agreed_plan: Any,
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    from sentier.feedback.models import ParticipantSurveyResponse

    options: dict[str, Any] = {"viewport": PHONE, "locale": "en-CA", "bypass_csp": True}
    context = browser.new_context(java_script_enabled=False, **options)
    checker_context = browser.new_context(**options)  # axe needs JavaScript: same pages, JS on
    page, checker = context.new_page(), checker_context.new_page()
    email = "participant@sentier.demo"
    login(page, email, language="en-ca")
    login(checker, email, language="en-ca")

    def check(name: str) -> None:
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{page.url} is {width} px wide"
        checker.goto(page.url)
        assert_accessible(checker)
        screenshot(page, name, full_page=True)

    page.goto(url("/en-ca/participants/me/"))
    offer = page.get_by_role("link", name="answer the survey")
    expect(offer).to_be_visible()
    offer.click()
    expect(page.locator("h1")).to_have_text("How did it go?")
    check("survey-participant-en-360")

    # One answer only and a comment: the three missing are said, the rest kept.
    page.get_by_role("group", name="I was listened to.").get_by_label("Agree", exact=True).check()
    page.get_by_label("Anything else you want to tell us?").fill("Clear and kind.")
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("main")).to_contain_text("Choose one answer.")
    expect(page.get_by_label("Anything else you want to tell us?")).to_have_value("Clear and kind.")
    group = page.get_by_role("group", name="I was listened to.")
    expect(group.get_by_label("Agree", exact=True)).to_be_checked()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    screenshot(page, "survey-participant-error-en-360", full_page=True)
    assert not ParticipantSurveyResponse.objects.exists()

    for question in (
        "I understood what was offered to me.",
        "The support helped me.",
        "Overall, I am satisfied.",
    ):
        page.get_by_role("group", name=question).get_by_label("Strongly agree").check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.locator("main")).to_contain_text("Thank you. Your answers were saved.")
    expect(page.get_by_role("link", name="answer the survey")).to_have_count(0)
    check("survey-participant-sent-en-360")

    answer = ParticipantSurveyResponse.objects.get()
    assert (answer.understood, answer.listened, answer.helped, answer.overall) == (5, 4, 5, 5)
    assert answer.comment == "Clear and kind."
    context.close()
    checker_context.close()
