"""In the Ontario configuration: Ontario's indicators only, an analyst sees every service area,
a local office's supervisor (a coordinator account) their own site."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.insights.catalogue import current
from sentier.insights.report import build_report, scope_for_user
from sentier.ontario.demo import submit_ontario_application
from sentier.reference.loading import LoadReport, load_ontario_data
from sentier.reference.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def ontario(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    submit_ontario_application(first="Maya", last="Singh", program="OW")


def test_ontario_has_its_own_indicators(ontario: None) -> None:
    ids = {d.id for d in current()}
    assert {"ow_fast_track_funnel", "odsp_packages_returned_90d", "applications_sent"} <= ids
    assert not ids & {"support_plans_agreed", "paas_places_granted", "referrals_sent"}


def test_analyst_and_site_manager(ontario: None) -> None:
    analyst = User.objects.create(email="priya@on.sentier.test", role=Role.ANALYST)
    area = Region.objects.filter(jurisdiction="ON").order_by("code").first()
    assert area is not None
    manager = User.objects.create(email="site@on.sentier.test", role=Role.COORDINATOR, region=area)
    assert scope_for_user(analyst).regions is None
    assert scope_for_user(manager).regions == frozenset({area.code})
    client = Client()
    client.force_login(analyst)
    page = client.get("/en-ca/insights/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-indicator="ow_fast_track_funnel"' in text
    assert "Laval" not in text
    client.force_login(manager)
    assert client.get("/en-ca/insights/").status_code == 200
    report = build_report(scope_for_user(manager), by=("region",))
    regions = {cell.group.get("region") for r in report.results for cell in r.cells}
    assert regions <= {None, area.code, "*"}
