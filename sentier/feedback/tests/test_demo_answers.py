"""The demo's survey answers: given after their milestone and never in the future, once, in the
demo's own files, and enough of them that the survey tables show figures beside suppressed cells."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F
from django.utils import timezone

from sentier.feedback.demo import load_demo_answers
from sentier.feedback.models import ParticipantSurveyResponse, PartnerSurveyResponse
from sentier.insights import demo as insights_demo
from sentier.insights import surveys
from sentier.insights.disclosure import THRESHOLD
from sentier.insights.milestones import Scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(personas: dict[str, Any]) -> int:
    insights_demo.load_demo(scale=0.35)
    return load_demo_answers(insights_demo.PREFIX, insights_demo.ORGANIZATION_SLUG)


def test_answers_follow_their_milestone_and_are_in_the_past(answered: int) -> None:
    participants = ParticipantSurveyResponse.objects.all()
    assert answered == participants.count() + PartnerSurveyResponse.objects.count()
    assert participants.count() > 0
    assert not participants.filter(answered_at__lt=F("moment_at")).exists()
    now = timezone.now()
    assert not participants.filter(answered_at__gt=now).exists()
    assert not PartnerSurveyResponse.objects.filter(answered_at__gt=now).exists()
    assert not participants.exclude(
        participant__file_number__startswith=insights_demo.PREFIX
    ).exists()
    assert not participants.exclude(comment="").exists()
    # Spread over the months, not all stamped today.
    assert participants.dates("answered_at", "month").count() > 3


def test_a_second_run_adds_nothing(answered: int) -> None:
    before = (ParticipantSurveyResponse.objects.count(), PartnerSurveyResponse.objects.count())
    assert load_demo_answers(insights_demo.PREFIX, insights_demo.ORGANIZATION_SLUG) == 0
    after = (ParticipantSurveyResponse.objects.count(), PartnerSurveyResponse.objects.count())
    assert after == before


def test_the_tables_show_figures_and_suppress_small_regions(answered: int) -> None:
    shown = suppressed = 0
    for survey in surveys.SURVEYS:
        for key in ("area", "region"):
            measures, _groups = surveys.survey_measures(survey, Scope(regions=None), key=key)
            for measure in measures:
                for cell in measure.cells:
                    if cell.suppressed:
                        suppressed += 1
                        continue
                    shown += 1
                    if measure.unit == "count":
                        assert (cell.value or 0) >= THRESHOLD
            by_region = next(m for m in measures if m.unit == "count")
            if key == "region":
                assert any(c.suppressed for c in by_region.cells), survey.id
                assert any(not c.suppressed for c in by_region.cells), survey.id
    assert shown > 10
    assert suppressed > 10
