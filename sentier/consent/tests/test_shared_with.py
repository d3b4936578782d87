"""shared_with: what a recipient may see of a person, as the consents in force stand when read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone, translation

from sentier.consent.actions import record_consent, withdraw_consent
from sentier.consent.models import Channel, Consent, Purpose, RecipientKind
from sentier.consent.selectors import EXPIRED, WITHDRAWN, Recipient, Share, shared_with
from sentier.participants.models import Participant

pytestmark = pytest.mark.django_db


def give(
    personas: dict[str, Any],
    participant: Participant,
    categories: list[str],
    *,
    organization_key: str = "partner_opex",
    **kwargs: Any,
) -> Consent:
    return record_consent(
        actor=personas["caseworker_laval"],
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=personas[organization_key].organization,
        categories=categories,
        channel=Channel.PHONE,
        **kwargs,
    )


def share_of(
    personas: dict[str, Any], participant: Participant, organization_key: str = "partner_opex"
) -> Share:
    recipient = Recipient.of(organization_id=personas[organization_key].organization_id)
    sharing = shared_with([recipient], participant_ids=[participant.pk], purposes=["referral"])
    return sharing.get(participant.pk, Purpose.REFERRAL, recipient)


def test_the_categories_of_every_consent_in_force_add_up(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    give(personas, laval_participant, ["identity"])
    give(personas, laval_participant, ["program"])
    assert share_of(personas, laval_participant) == Share(frozenset({"identity", "program"}))


def test_another_organization_sees_nothing(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    give(personas, laval_participant, ["identity"])
    assert share_of(personas, laval_participant, "partner_sorif") == Share()


def test_a_withdrawn_consent_shares_nothing_and_says_so_in_the_readers_language(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    consent = give(personas, laval_participant, ["identity", "program"])
    withdraw_consent(actor=personas["participant"], consent=consent, channel=Channel.ONLINE)
    share = share_of(personas, laval_participant)
    assert share == Share(frozenset(), WITHDRAWN)
    with translation.override("en-ca"):
        assert share.notice(["identity"]) == (
            "Consent withdrawn: the person's information is no longer shared."
        )
        assert share.notice() == share.notice(["identity"])


def test_an_expired_consent_shares_nothing(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    now = timezone.now()
    give(
        personas,
        laval_participant,
        ["identity"],
        at=now - dt.timedelta(days=10),
        expires_on=timezone.localdate(now) - dt.timedelta(days=1),
    )
    share = share_of(personas, laval_participant)
    assert share == Share(frozenset(), EXPIRED)
    with translation.override("en-ca"):
        assert share.notice(["identity"]).startswith("Consent expired:")


def test_what_another_consent_still_covers_stays_with_a_notice_for_the_rest(
    personas: dict[str, Any], laval_participant: Participant
) -> None:
    first = give(personas, laval_participant, ["identity", "program"])
    give(personas, laval_participant, ["program"])
    withdraw_consent(actor=personas["participant"], consent=first, channel=Channel.ONLINE)
    share = share_of(personas, laval_participant)
    assert share.categories == {"program"}
    with translation.override("en-ca"):
        assert share.notice(["identity", "program"]).startswith("Part of the information sent")
        assert share.notice(["program"]) == ""
        assert share.notice() == ""  # a party still seeing something is not told


def test_one_query_for_many_people_and_recipients(
    personas: dict[str, Any],
    laval_participant: Participant,
    montreal_participant: Participant,
    django_assert_num_queries: Any,
) -> None:
    give(personas, laval_participant, ["identity"])
    recipients = [
        Recipient.of(organization_id=personas["partner_opex"].organization_id),
        Recipient.of(organization_id=personas["partner_sorif"].organization_id),
        Recipient.of(kind=RecipientKind.HEALTH, organization_id=123),
    ]
    with django_assert_num_queries(1):
        shared_with(
            recipients,
            participant_ids=[laval_participant.pk, montreal_participant.pk],
            purposes=[Purpose.REFERRAL, Purpose.SERVICE_PLAN],
        )
