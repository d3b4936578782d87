"""The demo's survey answers: given after their milestone and never in the future, once, in the
demo's own files, and enough of them that the survey tables show figures beside suppressed cells."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F
from django.utils import timezone

from sentier.feedback.demo import load_demo_answers
from sentier.feedback.models import Moment, ParticipantSurveyResponse, PartnerSurveyResponse
from sentier.insights import demo as insights_demo
from sentier.insights import surveys
from sentier.insights.disclosure import THRESHOLD, TOTAL
from sentier.insights.milestones import Scope
from sentier.insights.tests.journeys import load_journeys

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(personas: dict[str, Any]) -> int:
    load_journeys()
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
    for survey in surveys.surveys_for(Scope(regions=None)):  # Québec's
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


def test_paas_participants_answers_show_in_large_groups_and_stay_suppressed_in_small_ones(
    answered: int,
) -> None:
    placements = ParticipantSurveyResponse.objects.filter(moment=Moment.PLACEMENT_ENDED)
    assert placements.exists()
    assert not placements.filter(answered_at__lt=F("moment_at")).exists()
    assert not placements.filter(understood__isnull=False).exists()
    survey = next(s for s in surveys.SURVEYS if s.id == "placement")
    scope = Scope(regions=None)
    areas, _groups = surveys.survey_measures(survey, scope, key="area")
    total = next(m for m in areas if m.unit == "count").cell(TOTAL)
    assert total is not None
    assert not total.suppressed
    assert (total.value or 0) >= THRESHOLD
    assert any(not c.suppressed for m in areas if m.unit == "rate" for c in m.cells)
    regions, _groups = surveys.survey_measures(survey, scope, key="region")
    by_region = next(m for m in regions if m.unit == "count")
    small = [by_region.cell(code) for code in ("09", "10", "11")]
    assert all(cell is not None and cell.suppressed for cell in small)
