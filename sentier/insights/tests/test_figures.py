"""The indicators' figures are computed in the background and kept (``sentier.insights.figures``):
above the inline bound no page recomputes them. It shows the last figures with the moment they
were computed, or says they are being prepared; a refresh is queued once (issue 17,
"Performance")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from sentier.insights import counts, figures, hooks
from sentier.insights.disclosure import THRESHOLD
from sentier.insights.figures import Question, compute_and_store, refresh_figures
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope, load_milestones
from sentier.insights.models import ComputedFigures, DashboardView
from sentier.insights.report import build_report, default_period
from sentier.insights.tests.journeys import load_journeys

pytestmark = pytest.mark.django_db

URL = "/fr-ca/insights/"
ROWS = ("intake_application", "plans_supportplan", "referrals_referral", "paas_placement")
AT_SCALE = override_settings(SENTIER_INSIGHTS_INLINE_FILES=0)  # every scope counts as large


@pytest.fixture
def journeys(personas: dict[str, Any]) -> None:
    load_journeys()


def _capability_reads(queries: list[dict[str, Any]]) -> list[str]:
    return [q["sql"] for q in queries if any(t in q["sql"] for t in ROWS)]


def _refreshes() -> int:
    return DBTaskResult.objects.filter(task_path__endswith="refresh_figures").count()


@AT_SCALE
def test_at_scale_a_first_page_says_the_figures_are_being_prepared_and_reads_no_row(
    client_for: Any,
) -> None:
    client = client_for("analyst")
    before = _refreshes()
    with CaptureQueriesContext(connection) as seen:
        page = client.get(URL)
    assert page.status_code == 200
    text = page.content.decode()
    assert page.context["report"].preparing
    assert "data-preparing" in text
    assert "data-indicator=" not in text  # no table, not even an empty one
    assert _capability_reads(seen.captured_queries) == []
    assert _refreshes() == before + 1
    # A second look while it is queued queues nothing more.
    client.get(URL)
    client_for("analyst").get(URL)
    assert _refreshes() == before + 1


@AT_SCALE
def test_the_worker_computes_and_the_page_shows_the_figures_as_of_their_time(
    client_for: Any,
) -> None:
    client = client_for("analyst")
    client.get(URL)
    row = ComputedFigures.objects.get()
    assert row.computed_at is None
    seconds = refresh_figures.call(row.key)
    assert seconds is not None
    row.refresh_from_db()
    assert row.computed_at is not None
    with CaptureQueriesContext(connection) as seen:
        page = client.get(URL)
    text = page.content.decode()
    assert "data-preparing" not in text
    assert "data-indicator=" in text
    assert _capability_reads(seen.captured_queries) == []
    # The moment is the local one (America/Montreal), not UTC.
    local = timezone.localtime(row.computed_at)
    clock = f"{local.hour} h {local.minute:02d}"
    assert clock in text


@AT_SCALE
def test_out_of_date_figures_are_shown_and_one_refresh_is_queued(client_for: Any) -> None:
    client = client_for("analyst")
    client.get(URL)
    row = ComputedFigures.objects.get()
    refresh_figures.call(row.key)
    old = timezone.now() - dt.timedelta(hours=3)
    ComputedFigures.objects.filter(pk=row.pk).update(computed_at=old, requested_at=old)
    before = _refreshes()
    with CaptureQueriesContext(connection) as seen:
        page = client.get(URL)
    assert "data-indicator=" in page.content.decode()
    assert page.context["report"].computed_at == old
    assert _capability_reads(seen.captured_queries) == []
    assert _refreshes() == before + 1
    client.get(URL)
    assert _refreshes() == before + 1


@AT_SCALE
def test_the_default_view_shows_yesterdays_figures_until_todays_are_computed(
    client_for: Any,
) -> None:
    today = timezone.localdate()
    client = client_for("analyst")
    client.get(URL)
    asked = Question.of_row(ComputedFigures.objects.get())
    yesterday = Question(
        **{**asked.__dict__, "period": Period(asked.period.start, today - dt.timedelta(1))}
    )
    compute_and_store(yesterday)
    page = client.get(URL)
    report = page.context["report"]
    assert not report.preparing
    assert report.period.end == today - dt.timedelta(days=1)  # the page says which period


@AT_SCALE
def test_an_export_before_any_computation_says_so_and_logs_nothing(client_for: Any) -> None:
    before = DashboardView.objects.count()
    response = client_for("analyst").get("/fr-ca/insights/export.csv")
    assert response.status_code == 503
    assert response["Retry-After"] == "300"
    assert "préparation" in response.content.decode() or "prepared" in response.content.decode()
    assert DashboardView.objects.count() == before


@AT_SCALE
def test_a_coordinator_is_shown_their_regions_figures_only(client_for: Any) -> None:
    client = client_for("coordinator")
    client.get(URL)
    row = ComputedFigures.objects.get()
    assert row.regions == "13"
    refresh_figures.call(row.key)
    report = client.get(URL).context["report"]
    assert report.scope == Scope(regions=frozenset({"13"}))
    alone, _ = figures.compute(Question.of_row(row))
    assert _cells_of(report.results) == _cells_of(alone)


def test_a_small_database_computes_in_the_request_and_keeps_the_figures() -> None:
    report = build_report(Scope(), by=("area", "month"))
    assert report.computed_at is not None
    assert not report.preparing
    row = ComputedFigures.objects.get()
    assert row.payload is not None
    assert row.seconds is not None


def test_stored_figures_are_the_computed_cells_and_a_regions_share_is_its_own(
    journeys: None,
) -> None:
    question = Question.of(Scope(), default_period(), ("region", "month"), None, THRESHOLD)
    results, pilots = figures.compute(question)
    back, back_pilots = figures.from_payload(figures.to_payload(results, pilots))
    assert [r.definition for r in back] == [r.definition for r in results]
    assert _cells_of(back) == _cells_of(results)
    assert back_pilots == figures.to_payload([], pilots)["pilots"]
    everything = load_milestones(Scope())
    for code in ("13", "06"):
        scope = Scope(regions=frozenset({code}))
        assert sorted(figures.in_scope(everything, scope), key=repr) == sorted(
            load_milestones(scope), key=repr
        )


@AT_SCALE
def test_the_scheduled_refresh_computes_every_default_view_and_what_was_asked(
    journeys: None, client_for: Any
) -> None:
    client_for("analyst").get(URL + "?view=region")
    asked = ComputedFigures.objects.get()
    call_command("refresh_indicators", stdout=open("/dev/null", "w"))  # noqa: SIM115
    questions = figures.default_questions(timezone.localdate())
    computed = ComputedFigures.objects.filter(computed_at__isnull=False)
    assert {q.key for q in questions} | {asked.key} == set(computed.values_list("key", flat=True))
    # Each region's default view equals the one computed on its own.
    for question in questions[1:3]:
        stored = computed.get(key=question.key)
        assert stored.payload is not None
        results, _ = figures.from_payload(stored.payload)
        alone, _ = figures.compute(question)
        assert _cells_of(results) == _cells_of(alone)
    # Nothing is out of date any more: a second run computes nothing.
    assert figures.refresh_due() == []


def _cells_of(results: Any) -> dict[str, list[dict[str, Any]]]:
    return {r.definition.id: [c.as_dict() for c in r.cells] for r in results}


@AT_SCALE
def test_the_scheduled_refresh_reads_once_for_every_scope(
    journeys: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: dict[str, int] = {"pilots": 0, "counted": 0, "milestones": 0}
    originals: dict[str, Callable[..., Any]] = {
        "pilots": hooks.pilot_estimates,
        "counted": counts.count_milestones,
        "milestones": load_milestones,
    }

    def counting(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return originals[name](*args, **kwargs)

        return call

    monkeypatch.setattr(figures, "pilot_estimates", counting("pilots"))
    monkeypatch.setattr(figures, "count_milestones", counting("counted"))
    monkeypatch.setattr(figures, "load_milestones", counting("milestones"))
    refreshed = figures.refresh_due()
    assert len(refreshed) == len(figures.default_questions(timezone.localdate())) > 2
    # One period: the pilots' estimates and the counts once; the milestones once, with the
    # applications of participants who began a service in the same reading.
    assert calls == {"pilots": 1, "counted": 1, "milestones": 1}
