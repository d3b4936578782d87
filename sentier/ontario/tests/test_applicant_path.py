"""What an Ontario applicant is told after sending (issue 21, issue 15): the true Ontario path
in plain words, never "No support requested" nor "voluntary"; the Employment Ontario consent is
asked only where the fast track can apply; staff read staff wording with its 004 source."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.intake.actions import start_application
from sentier.intake.models import Application, Channel, Path
from sentier.ontario.models import EOConsent
from sentier.ontario.tests.helpers import ow_of, send_application, step_url

FORBIDDEN = ("No support requested", "Aucun accompagnement demandé", "voluntary", "volontaire")


def _confirmation(client: Client, application: Application, language: str = "en-ca") -> str:
    with translation.override(language):
        url = reverse("intake:confirmation", kwargs={"resume_key": application.resume_key})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("kwargs", "path", "label"),
    [
        ({}, Path.EMPLOYMENT_SERVICES, "Employment services (fast track)"),
        ({"consent": False}, Path.COMMON_ASSESSMENT, "Common assessment at the local"),
        ({"ready": False}, Path.COMMON_ASSESSMENT, "Common assessment at the local"),
        ({"first_nations_site": True}, Path.FIRST_NATIONS_OFFICE, "First Nations office"),
        ({"program": "ODSP"}, Path.ODSP_INTAKE, "ODSP central intake unit"),
    ],
)
def test_an_applicant_who_wants_support_reads_the_true_ontario_path(
    ontario: dict[str, Any], kwargs: dict[str, Any], path: str, label: str
) -> None:
    client = Client()
    application = send_application(client, questionnaire={"wants_support": "yes"}, **kwargs)
    assert application.recommendation.path == path
    for language in ("en-ca", "fr-ca"):
        page = _confirmation(client, application, language)
        for word in FORBIDDEN:
            assert word not in page, (word, language)
    page = _confirmation(client, application)
    assert f"Suggested path: {label}" in page
    # Plain words for the person: no internal versions, no "Québec or Ontario".
    assert application.recommendation.rules_version not in page
    assert "Questionnaire 20" not in page
    assert "Québec" not in page
    assert "You apply in Ontario" in page
    assert "questions and answers on employment services, Q" in page


def test_saying_no_to_support_does_not_cancel_the_fast_track(ontario: dict[str, Any]) -> None:
    application = send_application(Client(), questionnaire={"wants_support": "no"})
    assert application.recommendation.path == Path.EMPLOYMENT_SERVICES
    assert ow_of(application).eo_consent == EOConsent.GIVEN


def test_odsp_applicants_get_the_odsp_explanation(ontario: dict[str, Any]) -> None:
    client = Client()
    application = send_application(client, program="ODSP")
    page = _confirmation(client, application)
    assert "Disability Determination Package" in page
    assert "common assessment" not in page.lower()


def test_a_first_nations_applicant_is_not_asked_to_share_nor_promised_a_referral(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    application = send_application(client, first_nations_site=True)
    assert "eo_consent" not in application.answers
    assert ow_of(application).eo_consent == EOConsent.NOT_ASKED
    assert client.get(step_url(application, "eo_consent")).status_code == 302
    page = _confirmation(client, application)
    assert "referred to Employment Ontario when" not in page
    assert "First Nations Ontario Works office keeps serving you" in page


def test_a_phone_application_is_not_asked_for_the_consent_it_cannot_use(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    client.force_login(ontario["tara"])
    draft = start_application(channel=Channel.PHONE, entered_by=ontario["tara"])
    application = send_application(client, application=draft)
    assert ow_of(application).eo_consent == EOConsent.NOT_ASKED
    assert application.recommendation.path == Path.COMMON_ASSESSMENT


def test_a_consent_page_answered_before_ticking_first_nations_is_not_a_consent(
    ontario: dict[str, Any],
) -> None:
    client = Client()
    application = send_application(client)  # sent: start another with the same answers
    draft = Application.objects.create(channel=Channel.ONLINE, answers=dict(application.answers))
    contact = {**draft.answers["contact"], "first_nations_site": True}
    draft.answers = {**draft.answers, "contact": contact, "status": None}
    draft.answers.pop("status")
    draft.save()
    response = client.post(reverse("intake:summary", kwargs={"resume_key": draft.resume_key}))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert ow_of(draft).eo_consent == EOConsent.NOT_ASKED
    assert ow_of(draft).consent is None


def test_staff_read_staff_wording_with_the_004_source(
    ontario: dict[str, Any], on_client: Callable[[str], Client]
) -> None:
    application = send_application(Client())
    with translation.override("en-ca"):
        url = reverse(
            "intake:review", kwargs={"recommendation_uuid": application.recommendation.uuid}
        )
    response = on_client("tara").get(url)
    if response.status_code == 404:
        pytest.skip("the review page is not this persona's in Ontario")
    page = response.content.decode()
    assert "You said you could start a job" not in page
    assert "Answered &quot;Yes&quot; to: Could you start a job" in page
    assert "004_60749dc0e1aad6b4.txt — Q1" in page
    # Staff keep the versions.
    assert application.recommendation.rules_version in page
    assert "No support requested" not in page


def test_the_grant_page_says_why_in_staff_words(
    ontario: dict[str, Any], on_client: Callable[[str], Client]
) -> None:
    from sentier.ontario import actions

    application = send_application(Client(), ready=False)
    ow = actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    with translation.override("en-ca"):
        url = reverse("ontario:ow_application", kwargs={"ow_uuid": ow.uuid})
    page = on_client("tara").get(url).content.decode()
    assert "Not assessed ready for employment services from the application." in page
    assert "From your application, you were not assessed" not in page
