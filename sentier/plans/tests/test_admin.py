"""The admin: administrators configure the difficulty taxonomy; plans are read-only there."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from sentier.plans.models import Difficulty, SupportPlan
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def test_admin_adds_a_difficulty_that_caseworkers_can_then_choose(
    client_for: Any, laval_participant: Any
) -> None:
    client = client_for("admin")
    response = client.post(
        reverse("admin:plans_difficulty_add"),
        {
            "code": "food",
            "name_fr": "Insécurité alimentaire",
            "name_en": "Food insecurity",
            "position": 80,
            "active": "on",
            "source": "",
        },
    )
    assert response.status_code == 302
    assert Difficulty.objects.filter(code="food").exists()
    form = client_for("caseworker_laval").get(
        reverse("plans:propose", args=[laval_participant.uuid])
    )
    assert "Insécurité alimentaire" in form.content.decode()


def test_plans_open_read_only_in_the_admin(
    client_for: Any, personas: Any, laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    client = client_for("admin")
    assert client.get(reverse("admin:plans_supportplan_changelist")).status_code == 200
    assert client.get(reverse("admin:plans_supportplan_change", args=[plan.pk])).status_code == 200
    client.post(reverse("admin:plans_supportplan_delete", args=[plan.pk]), {"post": "yes"})
    assert SupportPlan.objects.filter(pk=plan.pk).exists()
