"""record_consent / withdraw_consent / find_consent: the contract other capabilities rely on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from sentier.consent import actions, selectors
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.consent.timeline_kinds import ConsentEventKind
from sentier.network.models import Organization

pytestmark = pytest.mark.django_db


def _org() -> Organization:
    return Organization.objects.get(name="SORIF")


def test_caseworker_records_a_phone_consent_with_the_text_shown(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    consent = actions.record_consent(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=_org(),
        categories=["identity", "program"],
        channel=Channel.PHONE,
        language="fr-ca",
    )
    assert consent.text_version
    assert "SORIF" in consent.text_shown
    assert "ne change jamais" in consent.text_shown or "never" in consent.text_shown
    assert consent.expires_on > timezone.localdate()
    assert laval_participant.events.filter(kind=ConsentEventKind.CONSENT_GIVEN).count() == 1
    found = selectors.find_consent(
        participant=laval_participant,
        purpose=Purpose.REFERRAL,
        organization=_org(),
        categories=["identity"],
    )
    assert found == consent
    assert (
        selectors.find_consent(
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            organization=_org(),
            categories=["identity", "addiction"],
        )
        is None
    )


def test_montreal_caseworker_cannot_record_consent_for_a_laval_file(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    with pytest.raises(PermissionDenied):
        actions.record_consent(
            actor=personas["caseworker_montreal"],
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=_org(),
            categories=["identity"],
            channel=Channel.PHONE,
        )
    assert not Consent.objects.exists()


def test_only_the_person_gives_consent_online(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    with pytest.raises(PermissionDenied):
        actions.record_consent(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=_org(),
            categories=["identity"],
            channel=Channel.ONLINE,
        )
    consent = actions.record_consent(
        actor=personas["participant"],
        participant=laval_participant,
        purpose=Purpose.SERVICE_PLAN,
        recipient_kind=RecipientKind.HEALTH,
        categories=["identity", "health"],
        channel=Channel.ONLINE,
    )
    assert consent.recorded_by == personas["participant"]


def test_bad_choices_are_refused_and_nothing_is_saved(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    with pytest.raises(ValidationError) as raised:
        actions.record_consent(
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            categories=[],
            channel=Channel.PHONE,
            expires_on=timezone.localdate() - dt.timedelta(days=1),
        )
    assert set(raised.value.message_dict) == {"recipient_organization", "categories", "expires_on"}
    assert not Consent.objects.exists()


def test_a_withdrawn_or_expired_consent_covers_nothing(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    now = timezone.now()
    consent = actions.record_consent(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=_org(),
        categories=["identity"],
        channel=Channel.IN_PERSON,
        expires_on=timezone.localdate(now) + dt.timedelta(days=10),
        at=now,
    )
    later = now + dt.timedelta(days=11)
    assert not consent.is_active(later)
    assert (
        selectors.find_consent(
            participant=laval_participant,
            purpose=Purpose.REFERRAL,
            organization=_org(),
            categories=["identity"],
            at=later,
        )
        is None
    )
    actions.withdraw_consent(actor=personas["participant"], consent=consent, channel=Channel.ONLINE)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not consent.is_active()
    assert laval_participant.events.filter(kind=ConsentEventKind.CONSENT_WITHDRAWN).count() == 1


def test_a_consent_answered_on_an_application_sent_without_an_account_is_the_persons_own(
    laval_participant: Any,
) -> None:
    consent = actions.record_consent_from_application(
        participant=laval_participant,
        entered_by=None,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=_org(),
        categories=["identity"],
        channel=Channel.ONLINE,
    )
    assert consent.recorded_by is None
    assert consent.channel == Channel.ONLINE
    assert "SORIF" in consent.text_shown
    event = laval_participant.events.get(kind=ConsentEventKind.CONSENT_GIVEN)
    assert event.actor is None


def test_a_consent_answered_on_an_application_is_validated_like_any_other(
    laval_participant: Any,
) -> None:
    with pytest.raises(ValidationError):
        actions.record_consent_from_application(
            participant=laval_participant,
            entered_by=None,
            purpose=Purpose.REFERRAL,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=_org(),
            categories=[],
            channel=Channel.ONLINE,
        )
    assert not Consent.objects.filter(participant=laval_participant).exists()
