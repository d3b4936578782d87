"""A dashboard served from the cache reads no capability's rows: the cells and the pilots'
estimates are kept together, as old as each other (issue 17, "Performance")."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

pytestmark = pytest.mark.django_db

URL = "/fr-ca/insights/"
LOCMEM = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "test-dashboard-cache",
    }
}
ROWS = ("intake_application", "plans_supportplan", "referrals_referral", "paas_placement")


@override_settings(CACHES=LOCMEM)
def test_a_cached_page_reads_no_application_plan_or_referral(client_for: Any) -> None:
    client = client_for("analyst")
    with CaptureQueriesContext(connection) as first:
        assert client.get(URL).status_code == 200
    assert any("intake_application" in q["sql"] for q in first.captured_queries)
    with CaptureQueriesContext(connection) as second:
        page = client.get(URL)
    assert page.status_code == 200
    read = [q["sql"] for q in second.captured_queries if any(t in q["sql"] for t in ROWS)]
    assert read == []
