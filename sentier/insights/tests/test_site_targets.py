"""Ontario site targets: dated targets per site read from data, actuals with their interval and
compared with the target by it (never ranked), a local office's supervisor sees their own site,
and the page is Ontario's own (Québec has none)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.insights.disclosure import Cell
from sentier.insights.models import DashboardView
from sentier.insights.targets import INTAKE, SiteResult, site_results, targets, wilson
from sentier.ontario.demo import submit_ontario_application
from sentier.reference.loading import LoadReport, load_ontario_data
from sentier.reference.models import Region

URL = "/en-ca/insights/targets/"


@pytest.fixture
def ontario(settings: Any, db: None) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    submit_ontario_application(first="Maya", last="Singh", program="OW")


def test_targets_are_dated_and_a_site_may_have_its_own() -> None:
    plan = targets()
    period = plan.period_of(dt.date(2026, 6, 1))
    assert period is not None
    assert period.under_review
    assert period.target("ON06", "common_assessments_within_standard") == 0.80
    assert period.target("ON01", "common_assessments_within_standard") == 0.75
    earlier = plan.period_of(dt.date(2025, 6, 1))
    assert earlier is not None
    assert earlier.target("ON06", "common_assessments_within_standard") == 0.70


def test_wilson_interval_and_verdicts() -> None:
    low, high = wilson(80, 100)
    assert 0.70 < low < 0.72
    assert 0.86 < high < 0.88

    def result(interval: tuple[float, float] | None, target: float | None) -> SiteResult:
        return SiteResult("ON01", "m", 30, Cell(group={}, value=0.8), target, interval)

    assert result((0.71, 0.87), 0.70).verdict == "above"
    assert result((0.71, 0.87), 0.90).verdict == "below"
    assert result((0.71, 0.87), 0.80).verdict == "unclear"
    assert result(None, 0.80).verdict == ""


def test_small_sites_are_suppressed(ontario: None) -> None:
    period = targets().periods[-1]
    codes = list(Region.objects.filter(jurisdiction="ON").values_list("code", flat=True))
    results = site_results(period, dt.date(2026, 12, 6), sites=codes, with_intake=True)
    assert results[0].site == INTAKE
    assert [r.site for r in results[1:]] == codes  # the sites' own order
    for result in results:
        assert result.rate.suppressed  # one application at most: under the threshold
        assert result.interval is None


def test_analyst_sees_every_site_and_a_supervisor_their_own(ontario: None) -> None:
    analyst = User.objects.create(email="priya@on.sentier.test", role=Role.ANALYST)
    area = Region.objects.filter(jurisdiction="ON").order_by("code").first()
    assert area is not None
    manager = User.objects.create(email="site@on.sentier.test", role=Role.COORDINATOR, region=area)
    client = Client()
    client.force_login(analyst)
    page = client.get(URL).content.decode()
    assert "Ontario Works intake unit" in page
    assert page.count('data-verdict="') == 1 + Region.objects.filter(jurisdiction="ON").count()
    assert "voluntary" not in page.lower()
    assert "Québec" not in page
    assert DashboardView.objects.latest("id").indicator == "site_targets"
    client.force_login(manager)
    page = client.get(URL).content.decode()
    assert page.count('data-verdict="') == 1
    assert "Ontario Works intake unit" not in page
    assert DashboardView.objects.latest("id").regions == area.code
    # A period that is not one of the targets' is answered without a 500.
    assert client.get(URL + "?period=1999-01-01").status_code == 200
    dashboard = client.get("/en-ca/insights/").content.decode()
    assert "/en-ca/insights/targets/" in dashboard


def test_quebec_has_no_site_targets(personas: dict[str, Any], client_for: Any) -> None:
    assert client_for("analyst").get("/fr-ca/insights/targets/").status_code == 404
