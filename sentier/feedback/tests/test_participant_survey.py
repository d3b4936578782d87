"""A participant answers the short survey after their plan is agreed: once, with clear errors,
nothing lost, and nobody else can answer or see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.core.models import AppendOnlyError
from sentier.feedback.models import Moment, ParticipantSurveyResponse
from sentier.plans import actions as plan_actions
from sentier.plans.models import EndReason
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db

GOOD = {"understood": "4", "listened": "5", "helped": "3", "overall": "4", "comment": "Merci"}


@pytest.fixture
def plan(personas: dict[str, Any], laval_participant: Any) -> Any:
    return active_plan(personas, laval_participant)


def _url(plan: Any, moment: str = Moment.PLAN_AGREED, language: str = "en-ca") -> str:
    """In English: the tests read English (the French catalog is merged later)."""
    with translation.override(language):
        return reverse("feedback:survey", args=[moment, plan.uuid])


def test_my_file_offers_the_survey_after_the_plan_is_agreed(client_for: Any, plan: Any) -> None:
    page = client_for("participant").get(reverse("participants:my_file"))
    assert page.status_code == 200
    assert _url(plan, language="fr-ca") in page.content.decode()


def test_participant_answers_once(client_for: Any, plan: Any, laval_participant: Any) -> None:
    client = client_for("participant")
    page = client.get(_url(plan))
    assert page.status_code == 200
    assert 'type="radio"' in page.content.decode()
    answer = client.post(_url(plan), GOOD)
    assert answer.status_code == 302
    row = ParticipantSurveyResponse.objects.get()
    assert (row.participant, row.moment, row.subject) == (
        laval_participant,
        Moment.PLAN_AGREED,
        plan.uuid,
    )
    assert (row.understood, row.listened, row.helped, row.overall) == (4, 5, 3, 4)
    assert row.comment == "Merci"
    assert row.language == "en-ca"
    # Offered no more, and a second answer changes nothing.
    my_file = client.get(reverse("participants:my_file")).content.decode()
    assert _url(plan, language="fr-ca") not in my_file
    again = client.post(_url(plan), {**GOOD, "overall": "1"})
    assert again.status_code == 409
    assert "already answered" in again.content.decode()
    assert ParticipantSurveyResponse.objects.get().overall == 4


def test_missing_and_bad_answers_get_field_errors_and_keep_what_was_typed(
    client_for: Any, plan: Any
) -> None:
    client = client_for("participant")
    page = client.post(_url(plan), {"understood": "9", "listened": "5", "comment": "Kept as typed"})
    assert page.status_code == 400
    text = page.content.decode()
    # understood (bad), helped, overall: in the summary at the top and beside each field.
    assert text.count("Choose one answer.") == 6
    assert "Kept as typed" in text
    assert text.count("checked") == 1  # "listened: 5" kept
    assert not ParticipantSurveyResponse.objects.exists()


def test_a_comment_too_long_is_refused_with_its_limit(client_for: Any, plan: Any) -> None:
    page = client_for("participant").post(_url(plan), {**GOOD, "comment": "x" * 1001})
    assert page.status_code == 400
    assert "1000" in page.content.decode()
    assert not ParticipantSurveyResponse.objects.exists()


def test_survey_after_the_plan_ends(client_for: Any, personas: Any, plan: Any) -> None:
    plan_actions.end_plan(
        actor=personas["caseworker_laval"], plan=plan, reason=EndReason.OBJECTIVES_ATTAINED
    )
    client = client_for("participant")
    my_file = client.get(reverse("participants:my_file")).content.decode()
    assert _url(plan, Moment.PLAN_ENDED, language="fr-ca") in my_file
    assert client.post(_url(plan, Moment.PLAN_ENDED), GOOD).status_code == 302
    assert client.post(_url(plan), GOOD).status_code == 302
    assert ParticipantSurveyResponse.objects.count() == 2


@pytest.mark.parametrize("who", ["caseworker_laval", "analyst", "partner_opex", "admin"])
def test_nobody_else_reaches_the_survey(client_for: Any, plan: Any, who: str) -> None:
    client = client_for(who)
    assert client.get(_url(plan)).status_code == 404
    assert client.post(_url(plan), GOOD).status_code == 404
    assert not ParticipantSurveyResponse.objects.exists()


def test_a_milestone_not_reached_or_unknown_is_not_found(client_for: Any, plan: Any) -> None:
    client = client_for("participant")
    assert client.get(_url(plan, Moment.PLAN_ENDED)).status_code == 404
    assert client.get(_url(plan, "nonsense")).status_code == 404


def test_the_page_speaks_english_and_the_participant_languages(client_for: Any, plan: Any) -> None:
    client = client_for("participant")
    page = client.get(_url(plan, language="fr-ca"))
    assert page.status_code == 200
    assert 'lang="fr-ca"' in page.content.decode()
    page = client.get(_url(plan))
    assert "How did it go?" in page.content.decode()
    with translation.override("es"):
        url = reverse("feedback:survey", args=[Moment.PLAN_AGREED, plan.uuid])
    assert client.get(url).status_code == 200  # a participant page: not sent back to French


def test_an_answer_is_never_changed(client_for: Any, plan: Any) -> None:
    client_for("participant").post(_url(plan), GOOD)
    row = ParticipantSurveyResponse.objects.get()
    row.overall = 1
    with pytest.raises(AppendOnlyError):
        row.save()
