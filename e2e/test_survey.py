"""A participant answers the survey at 360 px with JavaScript off (issue 17, "Feedback"): the
survey is offered on their file once their plan is agreed, or once their PAAS Action
participation ended (its questions are its own); a missing answer is explained next to its
question with what was typed kept; the answers are saved once; nothing is wider than the phone
and every page is axe-clean (axe runs in a second, JavaScript-on context on the same pages)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e.conftest import Phone

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
PARTICIPANT = "participant@sentier.demo"


@pytest.fixture
def phone(demo_personas: dict[str, Any], phone_for: Callable[..., Phone]) -> Phone:
    return phone_for(PARTICIPANT)


@pytest.fixture
def agreed_plan(demo_personas: dict[str, Any]) -> Any:
    from sentier.participants.models import Participant
    from sentier.plans.tests.helpers import active_plan

    participant = Participant.objects.get(user=demo_personas["participant"])
    return active_plan(demo_personas, participant)


@pytest.fixture
def ended_placement(demo_personas: dict[str, Any]) -> Any:
    from django.utils import timezone

    from sentier.paas.actions import end_placement
    from sentier.paas.tests.placement_helpers import grant, opex, placed
    from sentier.participants.models import Participant

    participant = Participant.objects.get(user=demo_personas["participant"])
    grant(demo_personas, opex(demo_personas), "13")
    placement = placed(demo_personas, participant, opex(demo_personas))
    return end_placement(
        actor=demo_personas["caseworker_laval"],
        placement=placement,
        end_date=timezone.localdate(),
        outcome="completed",
    )


def test_a_participant_answers_the_survey_on_a_phone_without_javascript(
    url: Url, phone: Phone, agreed_plan: Any
) -> None:
    from sentier.feedback.models import ParticipantSurveyResponse

    page = phone.page
    page.goto(url("/en-ca/participants/me/"))
    offer = page.get_by_role("link", name="answer the survey")
    expect(offer).to_be_visible()
    offer.click()
    expect(page.locator("h1")).to_have_text("How did it go?")
    phone.check("survey-participant-en-360")

    # One answer only and a comment: the three missing are said, the rest kept.
    phone.answer(("I was listened to.",), "Agree")
    page.get_by_label("Anything else you want to tell us?").fill("Clear and kind.")
    phone.send()
    expect(page.locator("main")).to_contain_text("Choose one answer.")
    expect(page.get_by_label("Anything else you want to tell us?")).to_have_value("Clear and kind.")
    group = page.get_by_role("group", name="I was listened to.")
    expect(group.get_by_label("Agree", exact=True)).to_be_checked()
    phone.fits()
    phone.screenshot(page, "survey-participant-error-en-360", full_page=True)
    assert not ParticipantSurveyResponse.objects.exists()

    phone.answer(
        (
            "I understood what was offered to me.",
            "The support helped me.",
            "Overall, I am satisfied.",
        )
    )
    phone.send()
    expect(page.locator("main")).to_contain_text("Thank you. Your answers were saved.")
    expect(page.get_by_role("link", name="answer the survey")).to_have_count(0)
    phone.check("survey-participant-sent-en-360")

    answer = ParticipantSurveyResponse.objects.get()
    assert (answer.understood, answer.listened, answer.helped, answer.overall) == (5, 4, 5, 5)
    assert answer.comment == "Clear and kind."


def test_a_participant_answers_the_paas_action_survey_on_a_phone_without_javascript(
    url: Url, phone: Phone, ended_placement: Any
) -> None:
    from sentier.feedback.models import Moment, ParticipantSurveyResponse

    page = phone.page
    page.goto(url("/en-ca/participants/me/"))
    offer = page.get_by_role("link", name="PAAS Action participation ended")
    expect(offer).to_be_visible()
    offer.click()
    expect(page.locator("h1")).to_have_text("How did it go?")
    expect(page.locator("main")).to_contain_text("Neither the organization nor your caseworker")
    phone.check("survey-paas-en-360")

    # Two answers and a comment: the two missing are said, the rest kept, nothing saved.
    phone.answer(("The activities were right for me.",), "Agree")
    phone.answer(("I could go at my own pace.",), "Disagree")
    page.get_by_label("Anything else you want to tell us?").fill("More computer time.")
    phone.send()
    expect(page.locator("main")).to_contain_text("Choose one answer.")
    expect(page.get_by_label("Anything else you want to tell us?")).to_have_value(
        "More computer time."
    )
    pace = page.get_by_role("group", name="I could go at my own pace.")
    expect(pace.get_by_label("Disagree", exact=True)).to_be_checked()
    phone.check("survey-paas-error-en-360")
    assert not ParticipantSurveyResponse.objects.exists()

    phone.answer(("Someone was there to help me when I needed it.", "Overall, I am satisfied."))
    phone.send()
    expect(page.locator("main")).to_contain_text("Thank you. Your answers were saved.")
    expect(page.get_by_role("link", name="PAAS Action participation ended")).to_have_count(0)
    phone.check("survey-paas-sent-en-360")

    answer = ParticipantSurveyResponse.objects.get()
    assert (answer.moment, answer.subject) == (Moment.PLACEMENT_ENDED, ended_placement.uuid)
    assert (answer.activities, answer.pace, answer.staff, answer.overall) == (4, 2, 5, 5)
    assert answer.understood is None
    assert answer.comment == "More computer time."
