"""The Ontario sites' quarterly survey: a site's supervisor answers it for their site once a
quarter, reads their own site's answers only; nobody else answers or reads; the ministry's
analysts see protected aggregates by quarter, never a comment; Québec has no such page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.core.lifecycle import Refusal
from sentier.core.ratings import quarter_of
from sentier.insights import surveys
from sentier.insights.disclosure import THRESHOLD
from sentier.insights.indicators import Period
from sentier.insights.milestones import Scope
from sentier.ontario import demo as ontario_demo
from sentier.ontario import site_survey
from sentier.ontario.models import SITE_QUESTIONS, SiteSurveyResponse
from sentier.ontario.site_survey_demo import load_demo_site_answers
from sentier.reference.models import Region

pytestmark = pytest.mark.django_db

GOOD = {
    "informed": "4",
    "supported": "5",
    "targets": "2",
    "ministry": "3",
    "overall": "4",
    "comment": "SECRET-SITE-7: the pool of clients we refer shrank.",
}
URL = "/en-ca/ontario/site-survey/"


def _rows() -> list[tuple[Any, ...]]:
    return list(SiteSurveyResponse.objects.order_by("pk").values_list())


@pytest.fixture
def ottawa_supervisor(ontario: dict[str, Any]) -> User:
    return User.objects.create_user(
        "olivia@on.sentier.test",
        "x",
        role=Role.COORDINATOR,
        region=Region.objects.get(code="ON23"),
        first_name="Olivia",
        last_name="Ottawa",
    )


@pytest.fixture
def toronto_colleague(ontario: dict[str, Any]) -> User:
    """A second supervisor of the Toronto site."""
    return User.objects.create_user(
        "colin@on.sentier.test",
        "x",
        role=Role.COORDINATOR,
        region=Region.objects.get(code="ON33"),
        first_name="Colin",
        last_name="Toronto",
    )


@pytest.fixture
def analyst(ontario: dict[str, Any]) -> User:
    return User.objects.create_user(
        "priya@on.sentier.test", "x", role=Role.ANALYST, first_name="Priya", last_name="Raman"
    )


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_home_offers_the_quarter_survey_to_a_site_supervisor(
    on_client: Callable[[str], Client],
) -> None:
    home = on_client("chris").get("/en-ca/").content.decode()
    assert reverse("ontario:site_survey") in home
    assert "Answer for your site" in home
    for other in ("tara", "iris", "wendy", "admin"):
        assert (
            reverse("ontario:site_survey") not in on_client(other).get("/en-ca/").content.decode()
        )


def test_a_supervisor_answers_for_their_site_once_a_quarter(
    ontario: dict[str, Any], on_client: Callable[[str], Client], toronto_colleague: User
) -> None:
    client = on_client("chris")
    page = client.get(URL)
    assert page.status_code == 200
    assert "Our targets still fit the clients we can refer ourselves." in page.content.decode()
    assert client.post(URL, GOOD).status_code == 302
    row = SiteSurveyResponse.objects.get()
    assert (row.site.code, row.respondent, row.period) == (
        "ON33",
        ontario["chris"],
        quarter_of(timezone.localdate()),
    )
    assert tuple(getattr(row, q) for q in SITE_QUESTIONS) == (4, 5, 2, 3, 4)
    # The site has answered: again, or by its other supervisor, is refused and changes nothing.
    before = _rows()
    for client in (on_client("chris"), _client(toronto_colleague)):
        again = client.post(URL, {**GOOD, "overall": "1"})
        assert again.status_code == 409
        assert "Your site answered this quarter’s survey" in again.content.decode()
    assert _rows() == before
    with pytest.raises(Refusal):
        site_survey.answer_site_survey(
            actor=toronto_colleague, answers=dict.fromkeys(SITE_QUESTIONS, 4)
        )
    assert _rows() == before
    home = on_client("chris").get("/en-ca/").content.decode()
    assert "Your site has answered this quarter’s survey" in home


def test_missing_answers_get_field_errors_and_keep_what_was_typed(
    on_client: Callable[[str], Client],
) -> None:
    page = on_client("chris").post(URL, {"informed": "9", "targets": "2", "comment": "Kept"})
    assert page.status_code == 400
    text = page.content.decode()
    assert text.count("Choose one answer.") == 8  # informed, supported, ministry, overall
    assert "Kept" in text
    assert _rows() == []


def test_one_answer_per_site_and_quarter_in_the_database(ontario: dict[str, Any]) -> None:
    site = Region.objects.get(code="ON33")
    values = dict.fromkeys(SITE_QUESTIONS, 4)
    SiteSurveyResponse.objects.create(
        site=site, respondent=ontario["chris"], period="2026-Q1", language="en-ca", **values
    )
    before = _rows()
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteSurveyResponse.objects.create(
            site=site, respondent=ontario["chris"], period="2026-Q1", language="en-ca", **values
        )
    assert _rows() == before


@pytest.mark.parametrize("who", ["tara", "iris", "wendy", "admin", "applicant"])
def test_nobody_but_a_site_supervisor_reaches_the_survey(
    on_client: Callable[[str], Client], who: str
) -> None:
    client = on_client(who)
    assert client.get(URL).status_code == 404
    assert client.post(URL, GOOD).status_code == 404
    assert _rows() == []


def test_an_analyst_answers_no_site_survey(analyst: User) -> None:
    client = _client(analyst)
    assert client.get(URL).status_code == 404
    assert client.post(URL, GOOD).status_code == 404
    with pytest.raises(Refusal):
        site_survey.answer_site_survey(actor=analyst, answers=dict.fromkeys(SITE_QUESTIONS, 4))
    assert _rows() == []


def test_a_supervisor_reads_their_own_sites_answers_only(
    on_client: Callable[[str], Client], ottawa_supervisor: User, toronto_colleague: User
) -> None:
    assert on_client("chris").post(URL, GOOD).status_code == 302
    toronto = _client(toronto_colleague).get(URL).content.decode()
    assert "SECRET-SITE-7" in toronto  # the site's own answers, comment included
    ottawa = _client(ottawa_supervisor).get(URL).content.decode()
    assert "SECRET-SITE-7" not in ottawa
    assert "Your site has not answered yet." in ottawa
    assert list(site_survey.answers_for_site(ottawa_supervisor)) == []


def test_quebec_has_no_site_survey(client_for: Any) -> None:
    assert client_for("coordinator").get(URL).status_code == 404


def test_analysts_see_protected_figures_by_quarter_never_a_comment(
    ontario: dict[str, Any], on_client: Callable[[str], Client], analyst: User
) -> None:
    assert on_client("chris").post(URL, GOOD).status_code == 302
    client = _client(analyst)
    page = client.get(reverse("insights:surveys"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ontario Works site survey" in text
    assert 'data-panel="site-quarter"' in text
    assert "data-suppressed" in text  # one answer: suppressed
    assert "SECRET-SITE-7" not in text
    for name in ("insights:surveys_csv", "insights:surveys_xlsx"):
        export = client.get(reverse(name))
        assert export.status_code == 200
        assert b"SECRET-SITE-7" not in export.content
    csv = client.get(reverse("insights:surveys_csv")).content.decode()
    assert "site_overall" in csv
    assert surveys.VERSION in csv
    # A site's supervisor reads their own site's answers on their page, not the ministry's tables.
    supervisor = on_client("chris").get(reverse("insights:surveys")).content.decode()
    assert 'data-panel="site-quarter"' not in supervisor


def test_the_demo_shows_figures_and_suppresses_small_quarters(ontario: dict[str, Any]) -> None:
    # As `sentier load_demo` does: the personas first (the Toronto supervisor among them).
    ontario_demo.ensure_ontario_personas()
    written = load_demo_site_answers()
    assert written > 50
    assert load_demo_site_answers() == 0  # once
    now = timezone.now()
    assert not SiteSurveyResponse.objects.filter(answered_at__gt=now).exists()
    assert not SiteSurveyResponse.objects.exclude(comment="").exists()
    # The Toronto supervisor persona's own site is still to answer this quarter.
    assert not SiteSurveyResponse.objects.filter(
        site__code="ON33", period=quarter_of(timezone.localdate())
    ).exists()
    survey = next(s for s in surveys.SURVEYS if s.id == "site")
    measures, groups = surveys.survey_measures(survey, Scope(regions=None), key="quarter")
    assert groups[0] == "2025-Q4"
    counts = next(m for m in measures if m.unit == "count")
    shown = [c for c in counts.cells if not c.suppressed]
    assert shown
    assert all((c.value or 0) >= THRESHOLD for c in shown)
    first = next(c for c in counts.cells if c.group["quarter"] == "2025-Q4")
    assert first.suppressed  # few sites answered the first quarter
    rates = [c for m in measures if m.unit == "rate" for c in m.cells if not c.suppressed]
    assert rates


def test_quarters_run_from_the_fast_track_to_today() -> None:
    found = surveys.quarters(None)
    assert found[0] == "2025-Q4"
    assert found[-1] == quarter_of(timezone.localdate())
    assert len(found) == len(set(found))
    assert surveys.quarters(Period(dt.date(2024, 1, 1), dt.date(2026, 2, 28))) == [
        "2025-Q4",
        "2026-Q1",
    ]
