"""The exchange demo: a connected OPEX’82 whose published demo key works (idempotent)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.exchange.demo import DEMO_KEY, load_demo
from sentier.exchange.models import ApiKey
from sentier.outbox.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db


def test_the_demo_loads_twice_the_same_and_its_key_works(personas: dict[str, Any]) -> None:
    load_demo()
    load_demo()
    assert ApiKey.objects.count() == 1
    assert OutboxMessage.objects.filter(status=OutboxStatus.FAILED).count() == 1
    response = Client(HTTP_X_API_KEY=DEMO_KEY).get("/api/v1/referrals")
    assert response.status_code == 200
