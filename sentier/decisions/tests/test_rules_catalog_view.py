"""The rules page: every parameter with its label and source, for staff only."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_analyst_reads_the_rules_in_french_and_english(client_for: Any) -> None:
    client = client_for("analyst")
    french = client.get(reverse("decisions:rules"))
    assert french.status_code == 200
    assert "001_415f001b499895c5.txt" in french.content.decode()
    english = client.get("/en-ca/decisions/rules/")
    assert "Personalized support plan" in english.content.decode()


def test_participants_cannot_open_the_rules_page(client_for: Any) -> None:
    assert client_for("participant").get(reverse("decisions:rules")).status_code == 403
