"""The PAAS Action participants' survey in the results: counted apart from the plans' and
referrals' survey, by region and by pilot and other regions, under the same protection (one
answer is suppressed, never its comment); each jurisdiction shows its own surveys only."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.feedback.models import Moment, ParticipantSurveyResponse
from sentier.insights import surveys
from sentier.insights.disclosure import TOTAL
from sentier.insights.milestones import Scope
from sentier.paas import actions as paas_actions
from sentier.paas.tests.placement_helpers import grant, opex, placed

pytestmark = pytest.mark.django_db

EVERYWHERE = Scope(regions=None)


@pytest.fixture
def answered(personas: dict[str, Any], laval_participant: Any, client_for: Any) -> Any:
    grant(personas, opex(personas), "13")
    placement = placed(personas, laval_participant, opex(personas))
    paas_actions.end_placement(
        actor=personas["caseworker_laval"],
        placement=placement,
        end_date=timezone.localdate(),
        outcome="completed",
    )
    with translation.override("fr-ca"):
        url = reverse("feedback:survey", args=[Moment.PLACEMENT_ENDED, placement.uuid])
    answers = {"activities": "5", "pace": "4", "staff": "4", "overall": "5"}
    response = client_for("participant").post(url, {**answers, "comment": "=SECRET-PAAS"})
    assert response.status_code == 302
    assert ParticipantSurveyResponse.objects.count() == 1
    return placement


def _survey(id_: str) -> surveys.Survey:
    return next(s for s in surveys.SURVEYS if s.id == id_)


def _total(survey: surveys.Survey, threshold: int) -> Any:
    measures, _groups = surveys.survey_measures(
        survey, EVERYWHERE, key="region", threshold=threshold
    )
    counts = next(m for m in measures if m.unit == "count")
    return counts.cell(TOTAL)


def test_a_placement_answer_counts_in_its_own_survey_only(answered: Any) -> None:
    # With no threshold the raw counts show: one placement answer, no plan or referral answer.
    assert _total(_survey("placement"), 0).value == 1
    assert _total(_survey("participant"), 0).value == 0
    # With the real threshold, the one answer is suppressed.
    assert _total(_survey("placement"), 10).suppressed


def test_the_results_page_shows_the_placement_survey_suppressed_never_the_comment(
    client_for: Any, answered: Any
) -> None:
    client = client_for("analyst")
    text = client.get(reverse("insights:surveys")).content.decode()
    assert 'data-panel="placement-region"' in text
    assert 'data-panel="placement-area"' in text
    assert "SECRET-PAAS" not in text
    for name in ("insights:surveys_csv", "insights:surveys_xlsx"):
        assert b"SECRET-PAAS" not in client.get(reverse(name)).content
    csv = client.get(reverse("insights:surveys_csv")).content.decode()
    assert "placement_pace" in csv
    assert surveys.VERSION in csv


def test_each_jurisdiction_shows_its_own_surveys(settings: Any) -> None:
    assert {s.id for s in surveys.surveys_for(EVERYWHERE)} == {
        "participant",
        "placement",
        "partner",
    }
    settings.SENTIER_JURISDICTION = "on"
    assert {s.id for s in surveys.surveys_for(EVERYWHERE)} == {"participant", "partner", "site"}
    # The sites' survey is the ministry's: a site's supervisor (one region) reads their own.
    assert "site" not in {s.id for s in surveys.surveys_for(Scope(regions=frozenset({"ON33"})))}
