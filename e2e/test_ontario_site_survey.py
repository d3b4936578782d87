"""The supervisor of an Ontario Works site answers the ministry's quarterly site survey at 360 px
with JavaScript off (issue 17, "Ontario sites answer periodic surveys"): offered on their home
page, a missing answer explained next to its statement with what was typed kept, the site's
answers saved once and shown back to them; nothing wider than the phone, every page axe-clean,
and no "voluntary" wording (Ontario)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from e2e.conftest import Phone

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]
SUPERVISOR = "chris.toronto@on.sentier.test"
STATEMENTS = (
    "We know which of our clients were referred to Employment Ontario at grant time.",
    "Clients referred at grant time still get the full range of our supports.",
    "Our targets still fit the clients we can refer ourselves.",
    "The ministry’s operational supports answer our questions.",
    "Overall, the new referral pathways work well for our clients.",
)
SEND = "Send my site’s answers"


@pytest.fixture
def supervisor(ontario_site: dict[str, Any], make_user: Callable[..., Any]) -> Any:
    from sentier.accounts.models import Role
    from sentier.reference.models import Region

    return make_user(
        Role.COORDINATOR,
        SUPERVISOR,
        first_name="Chris",
        last_name="Morrison",
        region=Region.objects.get(code="ON33"),
    )


def test_a_site_supervisor_answers_the_quarterly_survey_on_a_phone_without_javascript(
    url: Url, supervisor: Any, phone_for: Callable[..., Phone]
) -> None:
    from sentier.ontario.models import SiteSurveyResponse

    phone = phone_for(SUPERVISOR)
    page = phone.page
    page.goto(url("/en-ca/"))
    page.get_by_role("link", name="Answer for your site").click()
    expect(page.locator("h1")).to_have_text("Survey of Ontario Works sites")
    expect(page.locator("main")).to_contain_text("City of Toronto")
    expect(page.locator("main")).to_contain_text("Your site has not answered yet.")
    phone.check("site-survey-en-360")

    phone.answer(STATEMENTS[:2], "Agree")
    page.get_by_label("What should the ministry change in the referral pathways?").fill(
        "Tell us which clients were fast-tracked."
    )
    phone.send(SEND)
    expect(page.locator("main")).to_contain_text("Choose one answer.")
    comment = page.get_by_label("What should the ministry change in the referral pathways?")
    expect(comment).to_have_value("Tell us which clients were fast-tracked.")
    first = page.get_by_role("group", name=STATEMENTS[0])
    expect(first.get_by_label("Agree", exact=True)).to_be_checked()
    phone.check("site-survey-error-en-360")
    assert not SiteSurveyResponse.objects.exists()

    phone.answer(STATEMENTS[2:], "Disagree")
    phone.send(SEND)
    expect(page.locator("main")).to_contain_text("Thank you. Your site’s answers were saved.")
    expect(page.locator("main")).to_contain_text("Tell us which clients were fast-tracked.")
    expect(page.get_by_role("button", name=SEND)).to_have_count(0)
    text = page.locator("body").inner_text().lower()
    assert "voluntary" not in text
    phone.check("site-survey-sent-en-360")

    answer = SiteSurveyResponse.objects.get()
    assert (answer.site.code, answer.respondent) == ("ON33", supervisor)
    assert (answer.informed, answer.supported, answer.targets, answer.overall) == (4, 4, 2, 2)
