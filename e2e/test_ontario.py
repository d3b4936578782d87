"""The Ontario configuration in a real browser (``SENTIER_JURISDICTION=on``): the Employment
Ontario fast track at grant time, the ODSP centralized intake and its Disability Determination
Package, the common assessment with a deferral, an action plan and a review due. Every page
passes axe-core; the Ontario Design System's header and footer are there, Québec's are not."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from e2e.conftest import OntarioDesk

pytestmark = pytest.mark.e2e

Url = Callable[[str], str]


def submit(page: Page) -> None:
    page.locator("main form button[type='submit']").first.click()


def assert_ontario_look(page: Page) -> None:
    expect(page.locator("header.sentier-on-header")).to_be_visible()
    expect(page.locator("footer.sentier-on-footer")).to_be_visible()
    assert page.locator(".qc-piv-header").count() == 0
    assert page.locator("img[src*='QUEBEC']").count() == 0
    stylesheets = page.locator("link[rel='stylesheet']").evaluate_all(
        "links => links.map(l => l.getAttribute('href'))"
    )
    assert any("ontario-ds/styles/css/compiled/ontario-theme" in href for href in stylesheets)


def fill_identity_and_contact(page: Page, *, told_by: str = "email") -> None:
    """The first two steps (English pages); an application entered by staff (phone, in person)
    answers how the person wants to be told (``told_by``)."""
    page.locator("input[name='first_name']").fill("Maya")
    page.locator("input[name='last_name']").fill("Singh")
    page.locator("input[name='birth_date']").fill("1991-04-12")
    page.locator("input[name='preferred_language'][value='en-ca']").check()
    submit(page)
    page.locator("input[name='phone']").fill("416 555-0142")
    page.locator("input[name='email']").fill("maya@example.org")
    page.locator("input[name='city']").fill("Toronto")
    page.locator("input[name='postal_code']").fill("M5H 2N2")
    page.locator("select[name='region']").select_option("ON33")
    told = page.locator(f"input[name='told_by'][value='{told_by}']")
    if told.count():
        told.check()
    submit(page)


def fill_the_rest(page: Page, *, program: str, ready: bool) -> None:
    """From the household step to the questionnaire, answered."""
    page.locator("input[name='household_type'][value='single']").check()
    page.locator("input[name='adults']").fill("1")
    page.locator("input[name='children']").fill("0")
    submit(page)
    page.locator(f"input[name='program'][value='{program}']").check()
    submit(page)
    page.locator(f"input[name='job_start'][value='{'yes' if ready else 'no'}']").check()
    submit(page)


def fill_application(page: Page, *, program: str, ready: bool) -> None:
    """From the first step to the questionnaire, answered (English pages)."""
    fill_identity_and_contact(page)
    fill_the_rest(page, program=program, ready=ready)


def test_ontario_works_applicant_is_fast_tracked_to_employment_ontario_at_grant(
    desk: OntarioDesk,
) -> None:
    from sentier.outbox.models import OutboxMessage
    from sentier.referrals.models import Referral

    page = desk.page
    page.goto(desk.url("/en-ca/apply/"))
    assert_ontario_look(page)
    expect(page.locator("main")).to_contain_text("1-888-999-1142")
    desk.assert_accessible(page)
    desk.screenshot(page, "on-apply-start-en")
    submit(page)
    expect(page.locator("main")).to_contain_text("Step 1 of 6")
    desk.assert_accessible(page)
    page.locator("input[name='first_name']").fill("Maya")
    page.locator("input[name='last_name']").fill("Singh")
    page.locator("input[name='birth_date']").fill("1991-04-12")
    page.locator("input[name='preferred_language'][value='en-ca']").check()
    submit(page)
    expect(page.locator("select[name='region'] option")).to_have_count(48)  # 47 + "choose"
    desk.assert_accessible(page)
    desk.screenshot(page, "on-apply-contact-en")
    page.locator("input[name='phone']").fill("416 555-0142")
    page.locator("input[name='city']").fill("Toronto")
    page.locator("input[name='postal_code']").fill("M5H 2N2")
    page.locator("select[name='region']").select_option("ON33")
    submit(page)
    page.locator("input[name='household_type'][value='single']").check()
    page.locator("input[name='adults']").fill("1")
    page.locator("input[name='children']").fill("0")
    submit(page)
    page.locator("input[name='program'][value='OW']").check()
    submit(page)
    page.locator("input[name='job_start'][value='yes']").check()
    submit(page)
    # The consent: its own page, one unticked choice, plain language.
    expect(page.locator("main")).to_contain_text("Step 6 of 7")
    consent = page.locator("input[name='eo_consent']")
    expect(consent).not_to_be_checked()
    expect(page.locator("main")).to_contain_text("It is your choice")
    desk.assert_accessible(page)
    desk.screenshot(page, "on-apply-consent-en")
    consent.check()
    submit(page)
    expect(page.locator("h1")).to_have_text("Check your answers")
    desk.assert_accessible(page)
    submit(page)
    expect(page.locator("main")).to_contain_text("Employment Ontario")
    desk.assert_accessible(page)
    desk.screenshot(page, "on-apply-sent-en")
    assert not Referral.objects.exists()  # not before the grant

    # The provincial OW intake unit grants; the case goes to Toronto's local office.
    desk.open_as("ow_intake", "/en-ca/ontario/assessment/")
    assert_ontario_look(page)
    desk.assert_accessible(page)
    page.get_by_role("link", name="Maya Singh").click()
    desk.assert_accessible(page)
    page.get_by_role("button", name="Grant financial assistance").click()
    expect(page.locator("body")).to_contain_text("the case is transferred to the local office")
    desk.assert_accessible(page)
    # The Toronto caseworker picks it up: an action plan to set for the fast-tracked client.
    desk.open_as("caseworker", "/en-ca/ontario/assessment/?worklist=plans")
    page.get_by_role("link", name="Maya Singh").click()
    expect(page.locator("main")).to_contain_text("Referred to Employment Ontario (fast track)")
    expect(page.get_by_role("button", name="Put the action plan in place")).to_be_visible()
    desk.assert_accessible(page)
    desk.screenshot(page, "on-ow-granted-en")

    referral = Referral.objects.get()
    assert sorted(referral.categories) == ["employment", "identity", "program"]
    assert "situation" not in referral.payload
    message = OutboxMessage.objects.get(channel="employment_ontario")
    assert message.referral == referral


def test_odsp_phone_application_confirmed_package_queued_then_mailed(
    desk: OntarioDesk,
) -> None:
    from sentier.ontario.models import DeterminationPackage, ODSPApplication
    from sentier.ontario.tests.helpers import send_application

    page = desk.open_as("odsp_intake", "/en-ca/ontario/odsp/")
    assert_ontario_look(page)
    desk.assert_accessible(page)
    page.get_by_role("link", name=re.compile("Enter an application")).click()
    page.locator("input[name='channel'][value='phone']").check()
    submit(page)
    expect(page.locator("main")).to_contain_text("By phone")
    fill_application(page, program="ODSP", ready=False)
    expect(page.locator("h1")).to_have_text("Check your answers")  # no consent page for ODSP
    submit(page)
    odsp = ODSPApplication.objects.get()
    assert odsp.channel == "phone"

    # A second applicant, a member of a prescribed class (sent through the application pages).
    member = send_application(Client(), program="ODSP", identity={"first_name": "Noor"})

    page.goto(desk.url("/en-ca/ontario/odsp/"))
    expect(page.locator("main")).to_contain_text("Noor Singh")
    page.get_by_role("link", name="Maya Singh").click()
    desk.assert_accessible(page)
    desk.screenshot(page, "on-odsp-confirm-en")
    page.get_by_role("button", name="Confirm financial eligibility").click()
    expect(page.locator("main")).to_contain_text("Queued for mailing")
    desk.assert_accessible(page)
    # Applied by phone without a street address: no package is mailed before staff complete it.
    page.get_by_label("Street address").fill("12 Bay Street")
    page.get_by_label("City").fill("Toronto")
    page.get_by_label("Postal code").fill("M5J 2R8")
    page.get_by_role("button", name="Save the address").click()
    expect(page.locator("main")).to_contain_text("12 Bay Street")
    package = DeterminationPackage.objects.get()
    download = page.request.get(desk.url(f"/en-ca/ontario/odsp/package/{package.uuid}/pdf/"))
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF-")

    page.goto(desk.url("/en-ca/ontario/odsp/mailing/"))
    desk.assert_accessible(page)
    desk.screenshot(page, "on-odsp-queue-en")
    page.get_by_role("button", name="Mark these as mailed").click()
    expect(page.locator("main")).to_contain_text("No package waiting to be mailed.")
    package.refresh_from_db()
    assert package.status == "mailed"

    page.goto(desk.url("/en-ca/ontario/odsp/"))
    page.get_by_role("link", name="Noor Singh").click()
    page.locator("select[name='prescribed_class']").select_option("cpp_qpp_disability")
    page.get_by_role("button", name="Confirm financial eligibility").click()
    expect(page.locator("main")).to_contain_text("no package is needed")
    desk.assert_accessible(page)
    assert DeterminationPackage.objects.count() == 1
    assert ODSPApplication.objects.get(application=member).prescribed_class is not None


def test_common_assessment_with_a_deferral_an_action_plan_and_a_review_due(
    desk: OntarioDesk,
) -> None:
    from sentier.ontario import actions
    from sentier.ontario.models import ActionPlan, CommonAssessment, Deferral
    from sentier.ontario.tests.helpers import ow_of, send_application

    caseworker, intake = desk.people["caseworker"], desk.people["ow_intake"]
    not_ready = send_application(Client(), ready=False, consent=False)
    actions.grant_ow_application(actor=intake, ow_application=ow_of(not_ready))
    earlier = send_application(Client(), consent=False, identity={"first_name": "Lena"})
    actions.grant_ow_application(actor=intake, ow_application=ow_of(earlier))
    actions.put_action_plan_in_place(
        actor=caseworker,
        assessment=CommonAssessment.objects.get(participant=earlier.participant),
        goal="Finish a forklift certificate.",
        activities="Training at the local college; monthly check-ins.",
        at=timezone.now() - dt.timedelta(days=40),
    )

    page = desk.open_as("caseworker", "/en-ca/")
    expect(page.locator("main")).to_contain_text("1 action plan review overdue")
    desk.assert_accessible(page)
    page.goto(desk.url("/en-ca/ontario/assessment/?worklist=reviews"))
    expect(page.locator("main")).to_contain_text("Overdue")
    desk.assert_accessible(page)
    desk.screenshot(page, "on-worklist-en")

    page.get_by_role("link", name=re.compile("^Common assessments")).click()
    page.get_by_role("link", name="Maya Singh").click()
    desk.assert_accessible(page)
    review_on = (timezone.localdate() + dt.timedelta(days=45)).isoformat()
    deferral_form = page.locator("form", has=page.locator("input[name='action'][value='deferral']"))
    deferral_form.locator("select[name='reason']").select_option("caregiver")
    deferral_form.locator("input[name='review_on']").fill(review_on)
    deferral_form.get_by_role("button", name="Record the deferral").click()
    expect(page.locator("main")).to_contain_text("The deferral was recorded.")
    # Completing without a plan is refused, with the reason shown.
    complete = page.locator("form", has=page.locator("input[name='action'][value='complete']"))
    complete.locator("textarea[name='summary']").fill("Caregiving for now; training later.")
    complete.get_by_role("button", name="Complete the assessment").click()
    expect(page.locator("main")).to_contain_text("Put a personalized action plan in place first.")
    desk.assert_accessible(page)
    plan_form = page.locator("form", has=page.locator("input[name='action'][value='plan']"))
    plan_form.locator("textarea[name='goal']").fill("Return to work part-time next spring.")
    plan_form.locator("textarea[name='activities']").fill("Caregiver respite; resume clinic.")
    plan_form.get_by_role("button", name="Put the action plan in place").click()
    expect(page.locator("main")).to_contain_text("The action plan is in place.")
    desk.assert_accessible(page)
    desk.screenshot(page, "on-assessment-en")
    assert Deferral.objects.count() == 1

    page.goto(desk.url("/en-ca/ontario/assessment/?worklist=reviews"))
    page.get_by_role("link", name="Lena Singh").first.click()
    review = page.locator("form", has=page.locator("input[name='action'][value='plan_review']"))
    review.locator("textarea[name='notes']").fill("Certificate half done; keep going.")
    review.get_by_role("button", name="Record the review").click()
    expect(page.locator("main")).to_contain_text("The review was recorded.")
    plan = ActionPlan.objects.get(participant=earlier.participant)
    assert plan.next_review_on > timezone.localdate() + dt.timedelta(days=80)
    page.goto(desk.url("/en-ca/ontario/assessment/?worklist=reviews"))
    expect(page.locator("main table")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("No review due in the next two weeks.")
    desk.assert_accessible(page)


def test_the_application_at_360_px_in_french_has_the_ontario_look(
    browser: Any,
    url: Url,
    ontario_site: dict[str, Any],
    assert_accessible: Callable[[Page], None],
    screenshot: Callable[..., Path],
) -> None:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="fr-CA", bypass_csp=True
    )
    page = context.new_page()
    page.goto(url("/fr-ca/apply/"))
    assert_ontario_look(page)
    # Nothing scrolls sideways on a phone.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    screenshot(page, "on-apply-start-fr-360")
    page.locator("main form button[type='submit']").first.click()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    screenshot(page, "on-apply-identity-fr-360")
    context.close()


def test_granting_works_without_javascript(
    js_disabled_page: Page,
    url: Url,
    login: Callable[..., None],
    ontario_site: dict[str, Any],
) -> None:
    from sentier.ontario.models import OWApplication
    from sentier.ontario.tests.helpers import send_application

    page = js_disabled_page
    send_application(Client(), ready=False, consent=False)
    login(page, ontario_site["ow_intake"].email, language="en-ca")
    page.goto(url("/en-ca/ontario/assessment/"))
    page.get_by_role("link", name="Maya Singh").click()
    page.get_by_role("button", name="Grant financial assistance").click()
    expect(page.locator("body")).to_contain_text("the case is transferred to the local office")
    assert OWApplication.objects.get().route == "common_assessment"


def test_the_other_ontario_pages_pass_axe(
    page: Page,
    url: Url,
    login: Callable[..., None],
    ontario_site: dict[str, Any],
    make_user: Callable[..., Any],
    assert_accessible: Callable[[Page], None],
) -> None:
    """Home pages with the Ontario panels, the file page's Ontario section, the person's file."""
    from sentier.accounts.models import Role
    from sentier.ontario import actions
    from sentier.ontario.tests.helpers import odsp_of, ow_of, send_application

    person = make_user(Role.PARTICIPANT, "maya@on.sentier.test")
    client = Client()
    client.force_login(person)
    application = send_application(client)
    actions.grant_ow_application(actor=ontario_site["ow_intake"], ow_application=ow_of(application))
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    assert application.participant is not None

    login(page, ontario_site["caseworker"].email, language="en-ca")
    for path in ("/en-ca/", f"/en-ca/participants/{application.participant.uuid}/"):
        page.goto(url(path))
        assert_ontario_look(page)
        assert_accessible(page)
    page.context.clear_cookies()
    login(page, ontario_site["odsp_intake"].email, language="fr-ca")
    for path in ("/fr-ca/", f"/fr-ca/ontario/odsp/{odsp.uuid}/"):
        page.goto(url(path))
        assert_accessible(page)
    page.context.clear_cookies()
    login(page, person.email, language="en-ca")
    page.goto(url("/en-ca/participants/me/"))
    expect(page.locator("main")).to_contain_text("referred to Employment Ontario")
    assert_accessible(page)


def test_a_counter_application_records_the_channel_and_the_letter_comes_from_the_local_office(
    desk: OntarioDesk,
) -> None:
    """Issue 19 in Ontario: the intake officer entering an in-person application asks how the
    person wants to be told (a letter needs the street address: a field error first); once the
    grant transferred the file, the letter comes from the Toronto local office, with its postal
    address and number, and joins the day's mailing."""
    from sentier.correspondence import actions as correspondence
    from sentier.correspondence.models import ContactPreference, Notice
    from sentier.ontario import actions
    from sentier.ontario.models import OWApplication

    wendy = desk.people["ow_intake"]
    page = desk.open_as("ow_intake", "/en-ca/apply/assisted/")
    page.locator("input[name='channel'][value='in_person']").check()
    submit(page)
    fill_identity_and_contact(page, told_by="letter")
    # No street address: the letter cannot be chosen, the page says why, nothing is sent.
    expect(page.locator("main")).to_contain_text("A letter needs the street address.")
    expect(page.locator("input[name='told_by'][value='letter']")).to_be_checked()
    desk.assert_accessible(page)
    desk.screenshot(page, "on-counter-channel-en")
    page.locator("input[name='address']").fill("100 Queen St W")
    submit(page)
    fill_the_rest(page, program="OW", ready=False)
    expect(page.locator("h1")).to_have_text("Check your answers")
    submit(page)
    ow = OWApplication.objects.get()
    preference = ContactPreference.objects.get(participant=ow.participant)
    assert (preference.channel, preference.recorded_by) == ("letter", wendy)

    actions.grant_ow_application(actor=wendy, ow_application=ow)
    correspondence.plan_notices()
    decided = Notice.objects.get(participant=ow.participant, subject="on_application_decided")
    assert (decided.channel, decided.status) == ("letter", "to_mail")

    desk.open_as("caseworker", "/en-ca/correspondence/mailing/")
    expect(page.locator("main")).to_contain_text("100 Queen St W")
    desk.assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Print the letters").click()
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF-")
    # What that PDF is made of: the local office's return address and whom to call.
    letter = correspondence.letter_html(decided, at=timezone.now())
    for line in ("Metro Hall", "55 John Street", "Toronto ON  M5V 3C6", "416-338-8888"):
        assert line in letter
    assert "PO Box 0000" not in letter
