"""Sending from the file: need → organization → information (consented only) → confirm."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.outbox.models import OutboxMessage, WebhookEndpoint
from sentier.referrals.models import Referral, ReferralStatus
from sentier.referrals.tests.helpers import consent, opex

pytestmark = pytest.mark.django_db


def url(participant: Any) -> str:
    with translation.override("en-ca"):
        return reverse("referrals:send", args=[participant.uuid])


def choice(organization: Any) -> str:
    """The value of the organization's first option (a service when the directory lists one)."""
    from sentier.participants.models import Participant
    from sentier.referrals.selectors import referral_options

    participant = Participant.objects.get(user__email="participant@sentier.demo")
    options = referral_options(participant, "employability")
    return next(o.value for o in options if o.organization.pk == organization.pk)


def steps(organization: Any, categories: list[str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "employability",
        "need": "Retour en emploi",
        "choice": choice(organization),
        "send_key": str(uuid.uuid4()),  # the form's one-time key, as its first page gives it
    }
    if categories is not None:
        data["categories"] = categories
    return data


def test_the_steps_lead_to_a_sent_referral(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity", "program"])
    client = client_for("caseworker_laval")
    first = client.get(url(laval_participant))
    assert first.status_code == 200
    page = client.post(url(laval_participant), {"step": "need", **steps(opex())}).content.decode()
    assert "OPEX" in page
    info = client.post(url(laval_participant), {"step": "organization", **steps(opex())})
    body = info.content.decode()
    assert 'value="identity"' in body
    assert 'value="health"' not in body
    assert "checked" not in body.split("categories")[-1].split("</fieldset>")[0]
    confirm = client.post(
        url(laval_participant), {"step": "information", **steps(opex(), ["identity"])}
    )
    assert confirm.status_code == 200
    assert not Referral.objects.exists()
    sent = client.post(url(laval_participant), {"step": "confirm", **steps(opex(), ["identity"])})
    referral = Referral.objects.get()
    assert sent.status_code == 302
    assert sent["Location"].endswith(f"/referrals/{referral.uuid}/")
    assert referral.status == ReferralStatus.REQUESTED
    assert referral.categories == ["identity"]
    detail = client.get(sent["Location"]).content.decode()
    assert "OPEX" in detail


def test_without_consent_the_page_says_so_and_nothing_is_sent_or_queued(
    client_for: Any, laval_participant: Any
) -> None:
    WebhookEndpoint.objects.create(organization=opex(), url="https://example.org/h", secret="s")
    client = client_for("caseworker_laval")
    page = client.post(url(laval_participant), {"step": "organization", **steps(opex())})
    body = page.content.decode()
    assert "consent" in body
    assert reverse("consent:record", args=[laval_participant.uuid, "referral"]) in body
    forced = client.post(url(laval_participant), {"step": "confirm", **steps(opex(), ["identity"])})
    assert forced.status_code == 400
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_a_category_without_consent_cannot_be_sent(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    consent(personas, laval_participant, opex(), ["identity"])
    response = client_for("caseworker_laval").post(
        url(laval_participant), {"step": "confirm", **steps(opex(), ["identity", "health"])}
    )
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_missing_need_and_bad_choice_are_shown_next_to_the_field(
    client_for: Any, laval_participant: Any
) -> None:
    client = client_for("caseworker_laval")
    response = client.post(url(laval_participant), {"step": "need", "kind": "", "need": ""})
    assert response.status_code == 400
    response = client.post(
        url(laval_participant),
        {"step": "organization", "kind": "employability", "need": "x", "choice": "nope\x00"},
    )
    assert response.status_code == 400
    assert "choice_error" in response.content.decode()


@pytest.mark.parametrize("persona", ["caseworker_montreal", "partner_opex", "participant"])
def test_others_cannot_send(
    client_for: Any, personas: dict[str, Any], laval_participant: Any, persona: str
) -> None:
    consent(personas, laval_participant, opex(), ["identity"])
    response = client_for(persona).post(
        url(laval_participant), {"step": "confirm", **steps(opex(), ["identity"])}
    )
    assert response.status_code == 404
    assert not Referral.objects.exists()


def test_each_step_shown_is_in_the_person_s_access_log_once(
    client_for: Any, personas: dict[str, Any], laval_participant: Any
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    consent(personas, laval_participant, opex(), ["identity", "program"])
    client = client_for("caseworker_laval")
    assert client_for("caseworker_montreal").get(url(laval_participant)).status_code == 404
    assert not AccessLog.objects.exists()  # nothing for a refusal
    assert client.get(url(laval_participant)).status_code == 200
    data = steps(opex())
    assert client.post(url(laval_participant), {**data, "step": "need"}).status_code == 200
    rows = AccessLog.objects.filter(participant=laval_participant).order_by("id")
    assert [(row.user, row.kind) for row in rows] == [
        (personas["caseworker_laval"], AccessKind.REFERRAL_SEND)
    ] * 2
