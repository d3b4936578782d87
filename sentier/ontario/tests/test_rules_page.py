"""The rules page in the Ontario configuration shows Ontario's rules only, in words."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_ontario_page_shows_ontario_rules_only(on_client: Any) -> None:
    page = on_client("tara").get("/en-ca/decisions/rules/").content.decode()

    assert "Employment Ontario fast-track referral" in page
    assert "Ontario Works action plan" in page
    assert "ontario_action_plan</h2>" not in page
    for quebec in ("PAAS Action", "Personalized support plan", "Service plan", "Laval", "MESS"):
        assert quebec not in page
