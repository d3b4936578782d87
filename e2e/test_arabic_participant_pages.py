"""The other participant pages in Arabic on a 360 px phone (issue 19): the sign-in page, My plan
(a plan in progress, with a mobile agent's visit planned), My consents, My referrals and the
public directory (a point of service of the Côte-Nord whose staff travel) lay out right to
left, nothing wider than the phone, the unreviewed line in Arabic, every page axe-clean. In
Arabic and in Spanish, My file, My plan and the directory name no reference row in French (the
program, the plan's difficulties, the target clienteles: ``sentier.core.reference_names``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.conftest import PASSWORD
from e2e.test_arabic_applicant import PHONE, assert_right_to_left

pytestmark = pytest.mark.e2e


@pytest.fixture
def people(demo_personas: dict[str, Any]) -> dict[str, Any]:
    from sentier.network.demo import load_remote_points_of_service
    from sentier.participants.models import Participant
    from sentier.plans import actions
    from sentier.plans.models import FollowUpMode
    from sentier.plans.tests.helpers import active_plan

    users = demo_personas
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

    french = french_reference_names()
    page.goto(url("/fr-ca/plans/mine/"))  # what the pages below must not show
    assert named_in_french(page.locator("main").inner_text(), french) == ["Endettement excessif"]
    for language in ("ar", "es"):
        for path in ("/participants/me/", "/plans/mine/"):
            page.goto(url(f"/{language}{path}"))
            assert named_in_french(page.locator("main").inner_text(), french) == [], path
        page.goto(url(f"/{language}/directory/"))
        # Organizations' and services' own names are French proper names (« Emploi Jeunesse »):
        # only the clientele filter and each organization's clienteles are reference names.
        clienteles = [
            *page.locator("#directory-clientele option").all_inner_texts(),
            *page.locator(".sentier-directory-item article > p:has(> strong)").all_inner_texts(),
        ]
        assert named_in_french("\n".join(clienteles), french) == [], language
        assert_accessible(page)
    context.close()


def french_reference_names() -> list[str]:
    """The French names of the rows My file, My plan and the directory name."""
    from sentier.network.models import Clientele
    from sentier.plans.models import Difficulty
    from sentier.reference.models import Program

    return [
        *(str(getattr(row, "name_fr_ca")) for row in Program.objects.all()),  # noqa: B009
        *(str(getattr(row, "name_fr_ca")) for row in Clientele.objects.all()),  # noqa: B009
        *Difficulty.objects.values_list("name_fr", flat=True),
    ]


def named_in_french(text: str, names: list[str]) -> list[str]:
    """The names that ``text`` contains as whole words."""
    return [name for name in names if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
