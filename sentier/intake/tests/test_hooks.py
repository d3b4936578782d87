"""intake's hook: other capabilities act on a sending without intake importing them."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.intake import hooks
from sentier.intake.actions import start_application, submit_application
from sentier.intake.models import Application
from sentier.ontario.models import ODSPApplication, OWApplication
from sentier.ontario.routing import route_if_ontario

pytestmark = pytest.mark.django_db


def submitted_quebec_application() -> tuple[Application, Any]:
    application = start_application(channel="online", entered_by=None)
    application.answers = {
        "identity": {
            "first_name": "Awa",
            "last_name": "Diallo",
            "birth_date": "1990-06-02",
            "preferred_language": "fr-ca",
        },
        "contact": {
            "phone": "450 555-0101",
            "email": "",
            "address": "",
            "city": "Laval",
            "postal_code": "H7N 2T5",
            "region": "13",
        },
        "household": {"household_type": "single", "adults": 1, "children": 0},
        "program": {"program": "PAS", "claim_booklet": "", "asylum_seeker": False},
        "questionnaire": {"wants_support": "yes"},
    }
    application.save(update_fields=["answers"])
    return application, submit_application(application_id=application.pk)


def test_ontario_registers_its_routing_on_the_hook() -> None:
    assert route_if_ontario in hooks._on_submitted


def test_a_sending_runs_every_handler_with_the_application_and_its_recommendation(
    personas: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(hooks, "_on_submitted", [])

    def handler(**kwargs: Any) -> None:
        calls.append(kwargs)

    hooks.on_submitted(handler)
    hooks.on_submitted(handler)  # once only
    application, recommendation = submitted_quebec_application()
    assert len(calls) == 1
    assert calls[0]["application"] == application
    assert calls[0]["recommendation"] == recommendation
    assert calls[0]["at"] == Application.objects.get(pk=application.pk).submitted_at
    assert calls[0]["actor"] is None


def test_ontario_leaves_a_quebec_application_alone(personas: Any) -> None:
    application, _recommendation = submitted_quebec_application()
    assert not OWApplication.objects.filter(application=application).exists()
    assert not ODSPApplication.objects.filter(application=application).exists()
