"""People signed in to the site are rate-limited on the API as partner keys are
(``SENTIER_API_USER_RATE``, 429 with Retry-After), each person on their own count."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.api.authentication import ApiUserRateThrottle

pytestmark = pytest.mark.django_db
GOOD = {
    "measure": "support_plan",
    "date": "2026-05-01",
    "person": {"jurisdiction": "QC", "region": "13", "program": "PAS", "claim_booklet": None},
}


def test_staff_past_their_rate_get_429(client_for: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(ApiUserRateThrottle, "rate", "3/day", raising=False)
    analyst = client_for("analyst")
    codes = [
        analyst.get("/api/v1/me").status_code,
        analyst.post("/api/v1/decisions", GOOD, content_type="application/json").status_code,
        analyst.get("/api/v1/me").status_code,
    ]
    refused = analyst.post("/api/v1/decisions", [GOOD] * 2, content_type="application/json")
    assert codes == [200, 200, 200]
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Another person has a count of their own.
    assert client_for("caseworker_laval").get("/api/v1/me").status_code == 200


def test_the_default_staff_rate_is_the_partner_keys_rate() -> None:
    from django.conf import settings

    assert settings.SENTIER_API_USER_RATE == settings.SENTIER_API_KEY_RATE == "600/minute"
