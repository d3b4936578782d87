"""Fill an application through its real pages, step by step (shared by the intake tests)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from sentier.intake.models import Application

GOOD: dict[str, dict[str, Any]] = {
    "identity": {
        "first_name": "Awa",
        "last_name": "Diallo",
        "birth_date": "1990-06-02",
        "preferred_language": "fr-ca",
    },
    "contact": {
        "phone": "450 555-0101",
        "email": "",
        "address": "12, rue des Érables",
        "city": "Laval",
        "postal_code": "h7n2t5",
        "region": "13",
        # Asked only when staff enter the application (phone, in person); ignored online.
        "told_by": "letter",
    },
    "household": {"household_type": "single_parent", "adults": "1", "children": "2"},
    "program": {"program": "PAS", "claim_booklet": "", "asylum_seeker": ""},
}


def step_url(application: Application, step: str, language: str = "fr-ca") -> str:
    url = reverse("intake:step", kwargs={"resume_key": application.resume_key, "step": step})
    return url.replace("/fr-ca/", f"/{language}/", 1)


def fill(
    client: Client,
    application: Application,
    questionnaire: dict[str, Any] | None = None,
    **overrides: dict[str, Any],
) -> None:
    """Post every step with valid answers (overridable); the questionnaire last."""
    for step, data in GOOD.items():
        response = client.post(step_url(application, step), {**data, **overrides.get(step, {})})
        assert response.status_code == 302, (step, response.content.decode()[:2000])
    response = client.post(step_url(application, "questionnaire"), questionnaire or {})
    assert response.status_code == 302


def start_online(client: Client) -> Application:
    response = client.post(reverse("intake:start"))
    assert response.status_code == 302
    return Application.objects.latest("created_at")
