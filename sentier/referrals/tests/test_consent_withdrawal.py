"""Withdrawing a consent: pending referrals are cancelled, recipients are told (portal, e-mail)."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.consent.actions import withdraw_consent
from sentier.consent.models import Channel
from sentier.referrals import actions
from sentier.referrals.models import (
    Audience,
    NoticeKind,
    ReferralNotice,
    ReferralStatus,
    Side,
)
from sentier.referrals.tests.helpers import mails_to, opex, run_tasks, send

pytestmark = pytest.mark.django_db


def test_withdrawing_consent_cancels_the_pending_referral_and_tells_the_organization(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    organization = opex()
    organization.email = "accueil@opex.example"
    organization.save(update_fields=["email"])
    referral = send(personas, laval_participant, organization)
    run_tasks()
    assert referral.consent is not None
    withdraw_consent(
        actor=personas["participant"], consent=referral.consent, channel=Channel.ONLINE
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.CANCELLED
    last = referral.transitions.last()
    assert last is not None
    assert (last.side, last.to_status) == (Side.SYSTEM, ReferralStatus.CANCELLED)
    assert last.reason
    assert ReferralNotice.objects.filter(
        referral=referral, audience=Audience.RECEIVER, kind=NoticeKind.CONSENT_WITHDRAWN
    ).exists()
    run_tasks()
    sent = mails_to("accueil@opex.example")
    assert len(sent) == 2  # the new referral, then the withdrawal
    assert laval_participant.first_name not in sent[1].body
    assert "OPEX" in sent[1].subject or "référence" in sent[1].body or "referral" in sent[1].body


def test_an_accepted_referral_is_not_cancelled_but_the_organization_is_told(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    actions.transition_referral(
        referral=referral,
        to_status=ReferralStatus.ACCEPTED,
        side=Side.RECEIVER,
        actor=personas["partner_opex"],
    )
    assert referral.consent is not None
    withdraw_consent(
        actor=personas["caseworker_laval"], consent=referral.consent, channel=Channel.PHONE
    )
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED
    assert referral.notices.filter(kind=NoticeKind.CONSENT_WITHDRAWN).count() == 1


def test_other_referrals_are_untouched(personas: dict[str, Any], laval_participant: Any) -> None:
    first = send(personas, laval_participant, opex())
    second = send(personas, laval_participant, opex())
    assert first.consent is not None
    assert first.consent != second.consent
    withdraw_consent(actor=personas["participant"], consent=first.consent, channel=Channel.ONLINE)
    second.refresh_from_db()
    assert second.status == ReferralStatus.REQUESTED
    assert not second.notices.filter(kind=NoticeKind.CONSENT_WITHDRAWN).exists()
