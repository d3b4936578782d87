"""The online application: steps, save and resume, validation, summary, idempotent sending."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.intake.models import Application, ApplicationStatus, Channel, Recommendation
from sentier.intake.tests.helpers import GOOD, fill, start_online, step_url
from sentier.intake.timeline_kinds import IntakeEventKind
from sentier.participants.models import FileStatus, Participant

pytestmark = pytest.mark.django_db


def test_a_person_applies_online_from_start_to_confirmation(client: Client) -> None:
    assert "Étape" not in client.get(reverse("intake:start")).content.decode()
    application = start_online(client)
    page = client.get(step_url(application, "identity")).content.decode()
    assert "Étape 1 sur 6" in page
    fill(client, application, {"wants_support": "yes"})
    summary = client.get(reverse("intake:summary", args=[application.resume_key]))
    assert "Étape 6 sur 6" in summary.content.decode()
    assert "Diallo" in summary.content.decode()
    response = client.post(reverse("intake:summary", args=[application.resume_key]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.channel == Channel.ONLINE
    participant = application.participant
    assert participant is not None
    assert participant.status == FileStatus.PENDING
    assert participant.postal_code == "H7N 2T5"
    assert participant.region.code == "13"
    kinds = set(participant.events.values_list("kind", flat=True))
    assert {IntakeEventKind.APPLICATION_SUBMITTED, IntakeEventKind.RECOMMENDATION} <= kinds
    confirmation = client.get(response["Location"]).content.decode()
    assert participant.file_number in confirmation
    assert "produite automatiquement" in confirmation
    assert "volontaire" in confirmation


def test_sending_twice_creates_one_application(client: Client) -> None:
    application = start_online(client)
    fill(client, application)
    url = reverse("intake:summary", args=[application.resume_key])
    client.post(url)
    client.post(url)
    assert Participant.objects.filter(applications=application).count() == 1
    assert Recommendation.objects.filter(application=application).count() == 1


def test_bad_input_is_explained_and_what_was_typed_is_kept(client: Client) -> None:
    application = start_online(client)
    response = client.post(
        step_url(application, "contact"),
        {**GOOD["contact"], "postal_code": "99999", "city": "Ville tapée"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Entrez un code postal canadien" in content
    assert 'value="Ville tapée"' in content
    application.refresh_from_db()
    assert "contact" not in application.answers
    # The browser was closed: the link brings back what was typed, with the error.
    again = Client().get(step_url(application, "contact")).content.decode()
    assert 'value="Ville tapée"' in again
    assert "Entrez un code postal canadien" in again


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("identity", {**GOOD["identity"], "birth_date": "2999-01-01"}, "futur"),
        ("identity", {**GOOD["identity"], "birth_date": "hier"}, "date"),
        ("contact", {**GOOD["contact"], "phone": "12", "email": ""}, "10 chiffres"),
        ("contact", {**GOOD["contact"], "phone": "", "email": ""}, "courriel"),
        ("contact", {**GOOD["contact"], "region": "99"}, "choix"),
        ("household", {**GOOD["household"], "adults": "-1"}, "supérieure ou égale"),
        ("household", {"household_type": "single", "adults": "1", "children": "3"}, "enfant"),
        ("program", {"program": "OW"}, "choix"),
    ],
)
def test_each_kind_of_bad_input_gets_a_translated_message(
    client: Client, step: str, data: dict[str, Any], message: str
) -> None:
    application = start_online(client)
    response = client.post(step_url(application, step), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_answers_survive_a_language_switch(client: Client) -> None:
    application = start_online(client)
    client.post(step_url(application, "identity"), GOOD["identity"])
    english = client.get(step_url(application, "contact", "en-ca")).content.decode()
    assert "Step 2 of 6" in english
    back = client.get(step_url(application, "identity", "en-ca")).content.decode()
    assert 'value="Diallo"' in back


def test_sending_with_missing_steps_leads_to_them(client: Client) -> None:
    application = start_online(client)
    client.post(step_url(application, "identity"), GOOD["identity"])
    response = client.post(reverse("intake:summary", args=[application.resume_key]))
    assert response["Location"] == step_url(application, "contact")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_a_sent_application_cannot_be_changed(client: Client) -> None:
    application = start_online(client)
    fill(client, application)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    response = client.post(
        step_url(application, "identity"), {**GOOD["identity"], "last_name": "X"}
    )
    assert response.status_code == 302
    assert "sent" in response["Location"]
    assert Participant.objects.get(applications=application).last_name == "Diallo"


@pytest.mark.parametrize("key", ["nope", "x" * 80, "%00"])
def test_unknown_links_are_404(client: Client, key: str) -> None:
    assert client.get(f"/fr-ca/apply/{key}/identity/").status_code == 404


def test_the_person_can_ask_for_a_human_review(client: Client) -> None:
    application = start_online(client)
    fill(client, application)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    client.post(reverse("intake:confirmation", args=[application.resume_key]))
    assert Recommendation.objects.get(application=application).review_requested_at is not None


def test_signed_in_participant_application_is_linked_to_the_account(personas: Any) -> None:
    client = Client()
    client.force_login(personas["participant"])
    application = start_online(client)
    assert application.applicant == personas["participant"]
    staff = Client()
    staff.force_login(personas["analyst"])
    assert start_online(staff).applicant is None
    assert Application.objects.count() == 2


@pytest.mark.parametrize(
    ("booklet", "asylum", "path"),
    [("", "", "support_plan"), ("ASM-1", "on", "support_plan"), ("ASM-2", "", "none")],
)
def test_the_declared_booklet_and_asylum_claim_reach_the_triage(
    client: Client, booklet: str, asylum: str, path: str
) -> None:
    """001: ASM-2 and ASM-5 holders are not eligible for the support plan; a Laval applicant
    who declares one is not recommended it (it used to be, as the booklet never reached the
    triage)."""
    application = start_online(client)
    program = {"program": "PAS", "claim_booklet": booklet, "asylum_seeker": asylum}
    fill(client, application, {"difficulties": ["housing"]}, program=program)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    recommendation = Recommendation.objects.get(application=application)
    assert recommendation.path == path
    used = [item["code"] for item in recommendation.used_information]
    assert {"claim_booklet", "asylum_seeker"} <= set(used)
    if path == "none":
        codes = [factor["code"] for factor in recommendation.factors]
        assert "support_plan_claim_booklet_excluded" in codes


def test_none_of_these_ticked_with_a_difficulty_is_explained_next_to_the_question(
    client: Client,
) -> None:
    application = start_online(client)
    for step, data in GOOD.items():
        client.post(step_url(application, step), data)
    response = client.post(
        step_url(application, "questionnaire", "en-ca"), {"difficulties": ["none", "housing"]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "“None of these” cannot be ticked together with another answer" in page
    application.refresh_from_db()
    assert "questionnaire" not in application.answers
    # Alone, "None of these" is a valid answer.
    response = client.post(step_url(application, "questionnaire"), {"difficulties": ["none"]})
    assert response.status_code == 302


def test_no_minimum_age_is_invented_in_quebec(client: Client) -> None:
    """No seed (000–003) sets a minimum age: a Québec date of birth is only bounded to a date
    that makes sense (not in the future, not over 120 years ago)."""
    application = start_online(client)
    young = {**GOOD["identity"], "birth_date": "2015-01-01"}
    assert client.post(step_url(application, "identity"), young).status_code == 302
    future = {**GOOD["identity"], "birth_date": "2999-01-01"}
    assert client.post(step_url(application, "identity"), future).status_code == 400
