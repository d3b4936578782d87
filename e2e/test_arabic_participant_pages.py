"""The other participant pages in Arabic on a 360 px phone (issue 19): the sign-in page, My plan
(a plan in progress, with a mobile agent's visit planned), My consents, My referrals and the
public directory (a point of service of the Côte-Nord whose staff travel) lay out right to
left, nothing wider than the phone, the unreviewed line in Arabic, every page axe-clean."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD
from e2e.test_arabic_applicant import PHONE, assert_right_to_left

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(transactional_db: None) -> dict[str, Any]:
    from sentier.network.demo import load_remote_points_of_service
    from sentier.participants.demo import ensure_personas
    from sentier.participants.models import Participant
    from sentier.plans import actions
    from sentier.plans.models import FollowUpMode
    from sentier.plans.tests.helpers import active_plan

    call_command("load_reference", verbosity=0)
    users = ensure_personas(PASSWORD)
    participant = Participant.objects.get(user=users["participant"])
    personas = {"caseworker_laval": users["caseworker_laval"]}
    plan = active_plan(personas, participant)
    actions.schedule_follow_up(
        actor=users["caseworker_laval"],
        plan=plan,
        scheduled_for=timezone.now() + dt.timedelta(days=3),
        mode=FollowUpMode.MOBILE_AGENT,
    )
    load_remote_points_of_service()
    return {"users": users, "participant": participant}


def test_the_participant_pages_lay_out_right_to_left_in_arabic(
    browser: Any,
    live_server: Any,
    url: Callable[[str], str],
    people: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    context = browser.new_context(viewport=PHONE, locale="ar", bypass_csp=True)
    page = context.new_page()

    page.goto(url("/ar/accounts/login/"))
    assert_right_to_left(page)
    assert_accessible(page)
    form = page.locator("main form").first
    form.locator("input[name='login']").fill(people["users"]["participant"].email)
    form.locator("input[name='password']").fill(PASSWORD)
    form.locator("button[type='submit']").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    for path, name, words in [
        ("/ar/plans/mine/", "my-plan", "زيارة من موظف متنقّل"),
        ("/ar/consent/mine/", "my-consents", "موافقاتي"),
        ("/ar/referrals/mine/", "my-referrals", "إحالاتي"),
        ("/ar/directory/?region=09", "directory", "ينتقل الموظفون إليك"),
    ]:
        page.goto(url(path))
        assert_right_to_left(page)
        expect(page.locator("main")).to_contain_text(words)
        assert_accessible(page)
        screenshot(page, f"arabic-{name}-360")
    context.close()
