"""send_referral and transition_referral: consent first, the state machine, the log."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from sentier.consent.actions import NoValidConsent, record_consent
from sentier.consent.models import Channel, Purpose, RecipientKind
from sentier.network.models import Organization
from sentier.outbox.models import OutboxMessage, WebhookEndpoint
from sentier.referrals import actions
from sentier.referrals.models import Referral, ReferralStatus, Side

pytestmark = pytest.mark.django_db


@pytest.fixture
def opex() -> Organization:
    return Organization.objects.get(name__startswith="Centre de main-d’œuvre OPEX’82")


def _consent(personas: dict[str, Any], participant: Any, org: Organization, cats: list[str]) -> Any:
    return record_consent(
        actor=personas["caseworker_laval"],
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=org,
        categories=cats,
        channel=Channel.PHONE,
    )


def test_a_referral_cannot_be_sent_without_consent(
    personas: dict[str, Any], laval_participant: Any, opex: Organization
) -> None:
    WebhookEndpoint.objects.create(organization=opex, url="https://example.org/h", secret="s")
    with pytest.raises(NoValidConsent):
        actions.send_referral(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            organization=opex,
            need="Recherche d'emploi",
            categories=["identity"],
        )
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_the_payload_carries_only_consented_categories(
    personas: dict[str, Any], laval_participant: Any, opex: Organization
) -> None:
    WebhookEndpoint.objects.create(organization=opex, url="https://example.org/h", secret="s")
    _consent(personas, laval_participant, opex, ["identity", "program"])
    with pytest.raises(NoValidConsent):
        actions.send_referral(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            organization=opex,
            need="Recherche d'emploi",
            categories=["identity", "health"],
        )
    referral = actions.send_referral(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        organization=opex,
        need="Recherche d'emploi",
        categories=["identity"],
    )
    assert referral.status == ReferralStatus.REQUESTED
    assert set(referral.payload) == {"need", "categories", "identity"}
    message = OutboxMessage.objects.get()
    assert "program" not in message.payload
    assert "identity" in message.payload


def test_partner_staff_answer_only_their_referrals_and_declining_needs_a_reason(
    personas: dict[str, Any], laval_participant: Any, opex: Organization
) -> None:
    _consent(personas, laval_participant, opex, ["identity"])
    referral = actions.send_referral(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        organization=opex,
        need="Recherche d'emploi",
        categories=["identity"],
    )
    assert actions.side_of(personas["partner_sorif"], referral) is None
    with pytest.raises(PermissionDenied):
        actions.transition_referral(
            referral=referral,
            to_status=ReferralStatus.ACCEPTED,
            side=Side.RECEIVER,
            actor=personas["partner_sorif"],
        )
    with pytest.raises(ValidationError):
        actions.transition_referral(
            referral=referral,
            to_status=ReferralStatus.REJECTED,
            side=Side.RECEIVER,
            actor=personas["partner_opex"],
        )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.REQUESTED
    with pytest.raises(actions.TransitionRefused):
        actions.transition_referral(
            referral=referral,
            to_status=ReferralStatus.ACCEPTED,
            side=Side.SENDER,
            actor=personas["caseworker_laval"],
        )
    actions.transition_referral(
        referral=referral,
        to_status=ReferralStatus.ACCEPTED,
        side=Side.RECEIVER,
        actor=personas["partner_opex"],
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert [t.to_status for t in referral.transitions.all()] == ["requested", "accepted"]


def test_a_consent_handed_in_that_was_withdrawn_is_not_used(
    personas: dict[str, Any], laval_participant: Any, opex: Organization
) -> None:
    from sentier.consent.actions import withdraw_consent

    consent = _consent(personas, laval_participant, opex, ["identity"])
    withdraw_consent(actor=personas["caseworker_laval"], consent=consent, channel=Channel.PHONE)
    consent.refresh_from_db()
    with pytest.raises(NoValidConsent):
        actions.send_referral(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            organization=opex,
            need="Recherche d'emploi",
            categories=["identity"],
            consent=consent,
        )
    assert not Referral.objects.exists()


def test_a_consent_handed_in_that_does_not_cover_the_categories_is_not_used(
    personas: dict[str, Any], laval_participant: Any, opex: Organization
) -> None:
    narrow = _consent(personas, laval_participant, opex, ["identity"])
    wide = _consent(personas, laval_participant, opex, ["identity", "program"])
    referral = actions.send_referral(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        organization=opex,
        need="Recherche d'emploi",
        categories=["identity", "program"],
        consent=narrow,
    )
    assert referral.consent == wide
