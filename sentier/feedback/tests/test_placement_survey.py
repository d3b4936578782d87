"""A participant answers the short survey after their PAAS Action participation ended: offered
on My file once the end date is reached, its own questions, once, with clear errors, nothing
lost; nobody else can answer it, and a placement still running has none."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from sentier.core.lifecycle import Refusal
from sentier.feedback import actions, selectors
from sentier.feedback.models import Moment, ParticipantSurveyResponse
from sentier.paas import actions as paas_actions
from sentier.paas.tests.placement_helpers import grant, opex, placed

pytestmark = pytest.mark.django_db

GOOD = {"activities": "4", "pace": "5", "staff": "2", "overall": "4", "comment": "Merci"}
PLAN_ANSWERS = {"understood": "4", "listened": "5", "helped": "3", "overall": "4"}


@pytest.fixture
def placement(personas: dict[str, Any], laval_participant: Any) -> Any:
    grant(personas, opex(personas), "13")
    return placed(personas, laval_participant, opex(personas))


def _end(personas: dict[str, Any], placement: Any, day: dt.date | None = None) -> Any:
    return paas_actions.end_placement(
        actor=personas["caseworker_laval"],
        placement=placement,
        end_date=day or timezone.localdate(),
        outcome="completed",
    )


@pytest.fixture
def ended(personas: dict[str, Any], placement: Any) -> Any:
    return _end(personas, placement)


def _url(placement: Any, language: str = "en-ca") -> str:
    with translation.override(language):
        return reverse("feedback:survey", args=[Moment.PLACEMENT_ENDED, placement.uuid])


def _rows() -> list[tuple[Any, ...]]:
    return list(ParticipantSurveyResponse.objects.values_list())


def test_my_file_offers_the_survey_once_the_participation_ended(
    client_for: Any, personas: dict[str, Any], placement: Any
) -> None:
    client = client_for("participant")
    assert (
        _url(placement, "fr-ca") not in client.get(reverse("participants:my_file")).content.decode()
    )
    _end(personas, placement)
    my_file = client.get(reverse("participants:my_file")).content.decode()
    assert _url(placement, "fr-ca") in my_file
    assert "PAAS Action" in my_file


def test_an_end_date_still_to_come_is_not_offered_yet(
    client_for: Any, personas: dict[str, Any], placement: Any, laval_participant: Any
) -> None:
    _end(personas, placement, timezone.localdate() + dt.timedelta(days=3))
    assert Moment.PLACEMENT_ENDED not in {
        m.moment for m in selectors.surveys_offered(laval_participant)
    }
    client = client_for("participant")
    assert client.get(_url(placement)).status_code == 404  # not reached yet
    assert client.post(_url(placement), GOOD).status_code == 404
    assert _rows() == []
    page = client.get(reverse("participants:my_file")).content.decode()
    assert _url(placement, "fr-ca") not in page


def test_participant_answers_the_placement_questions_once(
    client_for: Any, ended: Any, laval_participant: Any
) -> None:
    client = client_for("participant")
    page = client.get(_url(ended))
    assert page.status_code == 200
    text = page.content.decode()
    assert "I could go at my own pace." in text
    assert "Neither the organization nor your caseworker sees your answers" in text
    assert "I understood what was offered to me." not in text
    assert client.post(_url(ended), GOOD).status_code == 302
    row = ParticipantSurveyResponse.objects.get()
    assert (row.participant, row.moment, row.subject) == (
        laval_participant,
        Moment.PLACEMENT_ENDED,
        ended.uuid,
    )
    assert (row.activities, row.pace, row.staff, row.overall) == (4, 5, 2, 4)
    assert (row.understood, row.listened, row.helped) == (None, None, None)
    assert row.comment == "Merci"
    before = _rows()
    again = client.post(_url(ended), {**GOOD, "overall": "1"})
    assert again.status_code == 409
    assert _rows() == before
    assert _url(ended, "fr-ca") not in client.get(reverse("participants:my_file")).content.decode()


def test_the_plan_questions_do_not_answer_a_placement_survey(client_for: Any, ended: Any) -> None:
    page = client_for("participant").post(_url(ended), {**PLAN_ANSWERS, "comment": "Gardé"})
    assert page.status_code == 400
    text = page.content.decode()
    assert text.count("Choose one answer.") == 6  # activities, pace, staff: summary and field
    assert "Gardé" in text
    assert _rows() == []


def test_the_action_refuses_the_wrong_questions_and_writes_nothing(
    personas: dict[str, Any], ended: Any, laval_participant: Any
) -> None:
    milestone = selectors.find_milestone(laval_participant, Moment.PLACEMENT_ENDED, ended.uuid)
    assert milestone is not None
    with pytest.raises(Refusal) as refused:
        actions.answer_participant_survey(
            actor=personas["participant"],
            participant=laval_participant,
            milestone=milestone,
            answers={k: int(v) for k, v in PLAN_ANSWERS.items()},
        )
    assert refused.value.field == "activities"
    assert _rows() == []


def test_the_database_holds_each_answer_to_its_milestones_questions(
    ended: Any, laval_participant: Any
) -> None:
    mixed = {"activities": 4, "pace": 4, "staff": 4, "overall": 4, "understood": 4}
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantSurveyResponse.objects.create(
            participant=laval_participant,
            moment=Moment.PLACEMENT_ENDED,
            subject=ended.uuid,
            moment_at=timezone.now(),
            language="fr-ca",
            **mixed,
        )
    assert _rows() == []


def test_a_placement_still_running_has_no_survey(client_for: Any, placement: Any) -> None:
    client = client_for("participant")
    assert client.get(_url(placement)).status_code == 404
    assert client.post(_url(placement), GOOD).status_code == 404
    assert _rows() == []


@pytest.mark.parametrize("who", ["caseworker_laval", "partner_opex", "analyst", "admin"])
def test_nobody_else_reaches_the_placement_survey(client_for: Any, ended: Any, who: str) -> None:
    client = client_for(who)
    assert client.get(_url(ended)).status_code == 404
    assert client.post(_url(ended), GOOD).status_code == 404
    assert _rows() == []


@pytest.mark.parametrize("language", ["es", "ar", "ht"])
def test_the_page_speaks_the_participant_languages(
    client_for: Any, ended: Any, language: str
) -> None:
    page = client_for("participant").get(_url(ended, language))
    assert page.status_code == 200
    assert f'lang="{language}"' in page.content.decode()
