"""A form sent after the session expired is kept and shown back after signing in again."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.participants.models import Participant

pytestmark = pytest.mark.django_db


def test_expired_session_keeps_what_was_typed(laval_participant: Any, personas: Any) -> None:
    edit = reverse("participants:edit", kwargs={"participant_uuid": laval_participant.uuid})
    client = Client()  # the session is gone: not signed in any more
    response = client.post(edit, {"first_name": "Julie", "city": "Texte tapé avant expiration"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    before = Participant.objects.values().get(pk=laval_participant.pk)

    client.force_login(personas["caseworker_laval"])
    page = client.get(edit)
    assert page.status_code == 200
    assert "Texte tapé avant expiration" in page.content.decode()
    # Nothing was saved behind the person's back: they check and send again.
    assert Participant.objects.values().get(pk=laval_participant.pk) == before


def test_session_settings_are_safe() -> None:
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.SESSION_SAVE_EVERY_REQUEST
