"""The period filter of the survey and data-quality pages: whole months, bad dates refused with
a field error (never a 500, nothing shown, exported or logged), the period kept in the downloads
and in the view log."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.feedback.models import ParticipantSurveyResponse
from sentier.insights.disclosure import TOTAL
from sentier.insights.forms import EvidencePeriodForm
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope
from sentier.insights.models import DashboardView
from sentier.insights.quality import quality_measures
from sentier.insights.surveys import SURVEYS, survey_measures
from sentier.plans.tests.helpers import active_plan

PAGES = ("insights:surveys", "insights:quality")
DOWNLOADS = (
    "insights:surveys_csv",
    "insights:surveys_xlsx",
    "insights:quality_csv",
    "insights:quality_xlsx",
)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def test_a_period_is_taken_in_whole_months() -> None:
    form = EvidencePeriodForm({"start": "2026-03-15", "end": "2026-04-10"})
    assert form.is_valid(), form.errors
    assert form.period == Period(dt.date(2026, 3, 1), dt.date(2026, 4, 30))


def test_the_month_under_way_ends_today() -> None:
    today = timezone.localdate()
    form = EvidencePeriodForm({"start": today.isoformat(), "end": today.isoformat()})
    assert form.is_valid(), form.errors
    assert form.period == Period(today.replace(day=1), today)


def test_no_period_means_everything_recorded() -> None:
    assert EvidencePeriodForm({}).period is None
    assert EvidencePeriodForm({"start": "", "end": ""}).period is None


def test_an_end_before_the_start_is_refused_on_the_end() -> None:
    form = EvidencePeriodForm({"start": "2026-05-01", "end": "2026-03-31"})
    assert not form.is_valid()
    assert list(form.errors) == ["end"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("end", "9999-12-31"), ("start", "0001-01-01"), ("start", "garbage"), ("end", "2026-02-30")],
)
@pytest.mark.parametrize("name", PAGES + DOWNLOADS)
def test_a_bad_date_is_a_field_error_and_nothing_is_shown(
    client_for: Any, field: str, value: str, name: str
) -> None:
    response = client_for("analyst").get(reverse(name), {field: value})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert response.context["form"].errors[field]
    text = response.content.decode()
    assert 'aria-invalid="true"' in text or "errorlist" in text
    assert "data-panel=" not in text
    assert not DashboardView.objects.exists()


@pytest.mark.django_db
def test_the_error_is_translated(client_for: Any) -> None:
    client = client_for("analyst")
    pages = {}
    for language in ("fr-ca", "en-ca"):
        with translation.override(language):
            url = reverse("insights:quality")
        pages[language] = client.get(url, {"end": "9999-12-31"}).content.decode()
    assert "Entrez une date égale ou antérieure au" in pages["fr-ca"]
    assert "Enter a date on or before" in pages["en-ca"]


@pytest.mark.django_db
def test_survey_answers_are_counted_in_the_month_they_were_given(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    march, may = dt.date(2026, 3, 20), dt.date(2026, 5, 5)
    for day, moment in ((march, "plan_agreed"), (may, "plan_ended")):
        with mock.patch("django.utils.timezone.now", return_value=_at(day)):
            ParticipantSurveyResponse.objects.create(
                participant=laval_participant,
                moment=moment,
                subject=plan.uuid,
                moment_at=_at(day),
                language="fr",
                understood=4,
                listened=4,
                helped=4,
                overall=4,
            )
    survey = next(s for s in SURVEYS if s.id == "participant")
    scope = Scope(regions=frozenset({"13"}))

    def answers(period: Period | None) -> Any:
        measures, _ = survey_measures(survey, scope, key="region", threshold=0, period=period)
        cell = measures[0].cell(TOTAL)
        assert cell is not None
        return cell.value

    assert answers(None) == 2
    assert answers(Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))) == 1
    assert answers(Period(dt.date(2026, 4, 1), dt.date(2026, 4, 30))) == 0
    assert answers(Period(dt.date(2026, 3, 1), dt.date(2026, 5, 31))) == 2


@pytest.mark.django_db
def test_quality_checks_keep_the_rows_dated_in_the_period(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    active_plan(personas, laval_participant).objectives.all().delete()
    scope = Scope(regions=frozenset({"13"}))
    today = timezone.localdate()

    def plans_without_objective(period: Period | None) -> Any:
        measures, _ = quality_measures(scope, threshold=0, period=period)
        return next(m for m in measures if m.id == "plan_without_objective").cell("13").value  # type: ignore[union-attr]

    assert plans_without_objective(None) == 1
    assert plans_without_objective(Period(today.replace(day=1), today)) == 1
    long_ago = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert plans_without_objective(long_ago) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "downloads"),
    [
        ("insights:surveys", ("insights:surveys_csv", "insights:surveys_xlsx")),
        ("insights:quality", ("insights:quality_csv", "insights:quality_xlsx")),
    ],
)
def test_the_downloads_and_the_log_keep_the_period(
    client_for: Any, page: str, downloads: tuple[str, ...]
) -> None:
    client = client_for("analyst")
    query = {"start": "2026-03-15", "end": "2026-04-10"}
    text = client.get(reverse(page), query).content.decode()
    for name in downloads:
        link = f"{reverse(name)}?start=2026-03-15&amp;end=2026-04-10"
        assert link in text
        assert client.get(reverse(name), query).status_code == 200
    logged = list(DashboardView.objects.values_list("period_start", "period_end"))
    assert logged == [(dt.date(2026, 3, 1), dt.date(2026, 4, 30))] * 3
