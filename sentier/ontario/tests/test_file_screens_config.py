"""Staff file screens in Ontario come from Ontario's configuration (issue 21): no claim booklet,
no Québec measure to check (the form answers for a Toronto participant), no service-plan
consent purpose; the same screens in Québec keep theirs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.decisions.models import Decision
from sentier.ontario.actions import grant_ow_application
from sentier.ontario.models import OWApplication
from sentier.ontario.tests.helpers import send_application
from sentier.participants.models import Participant


def _en(name: str, **kwargs: Any) -> str:
    with translation.override("en-ca"):
        return reverse(name, kwargs=kwargs)


def _toronto_file(ontario: dict[str, Any]) -> Participant:
    """A Toronto client whose application the intake unit granted: the local office's now."""
    application = send_application(Client())
    assert application.participant is not None
    ow = OWApplication.objects.get(participant=application.participant)
    grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    return application.participant


def test_the_ontario_file_shows_no_quebec_process(
    ontario: dict[str, Any], on_client: Callable[[str], Client]
) -> None:
    participant = _toronto_file(ontario)
    page = on_client("tara").get(_en("participants:file", participant_uuid=participant.uuid))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Claim booklet" not in text
    assert "Coordination of my service plan" not in text
    assert "Record a consent: Referral to Employment Ontario" in text
    edit = on_client("tara").get(_en("participants:edit", participant_uuid=participant.uuid))
    assert 'name="claim_booklet"' not in edit.content.decode()
    record = on_client("tara").get(
        _en("consent:record", participant_uuid=participant.uuid, purpose="service_plan")
    )
    assert record.status_code == 404


def test_checking_eligibility_in_ontario_offers_ontario_measures_and_works_for_toronto(
    ontario: dict[str, Any], on_client: Callable[[str], Client]
) -> None:
    participant = _toronto_file(ontario)
    url = _en("decisions:new", participant_uuid=participant.uuid)
    form = on_client("tara").get(url).content.decode()
    assert 'value="employment_fast_track"' in form
    for quebec in ("support_plan", "service_plan", "paas_action"):
        assert f'value="{quebec}"' not in form
    assert 'name="weekly_hours"' not in form
    assert 'name="initiated_by"' not in form
    refused = on_client("tara").post(url, {"measure": "paas_action", "date": "2026-05-01"})
    assert refused.status_code == 400
    assert not Decision.objects.exists()
    response = on_client("tara").post(
        url,
        {
            "measure": "employment_fast_track",
            "date": "2026-05-01",
            "application_channel": "online",
            "employment_ready": "on",
        },
    )
    body = response.content.decode()
    assert response.status_code == 302, body[body.find("<main") : body.find("<main") + 3000]
    decision = Decision.objects.get()
    assert decision.eligible
