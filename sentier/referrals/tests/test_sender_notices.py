"""The sender hears back: the organization's answers reach the caseworker (a notice and an
e-mail without personal information); the sender's own moves do not notify the sender."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

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


def test_declining_tells_the_sender_without_repeating_the_reason(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    run_tasks()
    actions.transition_referral(
        referral=referral,
        to_status=ReferralStatus.REJECTED,
        side=Side.RECEIVER,
        actor=personas["partner_opex"],
        reason="Aucune place avant mars pour Mme Tremblay",
    )
    notice = ReferralNotice.objects.get(referral=referral, audience=Audience.SENDER)
    assert notice.kind == NoticeKind.DECLINED
    run_tasks()
    [mail] = mails_to(personas["caseworker_laval"].email)
    assert opex().name in mail.subject
    assert "Tremblay" not in mail.body
    assert "mars" not in mail.body
    assert str(referral.uuid) in mail.body  # the link to the referral


def test_accepting_then_completing_gives_two_notices_on_the_senders_page(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    for status, outcome in ((ReferralStatus.ACCEPTED, ""), (ReferralStatus.IN_PROGRESS, "")):
        actions.transition_referral(
            referral=referral,
            to_status=status,
            side=Side.RECEIVER,
            actor=personas["partner_opex"],
            outcome=outcome,
        )
    actions.transition_referral(
        referral=referral,
        to_status=ReferralStatus.COMPLETED,
        side=Side.RECEIVER,
        actor=personas["partner_opex"],
        outcome="Emploi trouvé",
    )
    kinds = set(
        ReferralNotice.objects.filter(referral=referral, audience=Audience.SENDER).values_list(
            "kind", flat=True
        )
    )
    assert kinds == {NoticeKind.ACCEPTED, NoticeKind.COMPLETED}
    with translation.override("en-ca"):
        page = client_for("caseworker_laval").get(reverse("referrals:sent"))
    assert "accepted your referral" in page.content.decode()
    assert "completed your referral" in page.content.decode()


def test_the_senders_own_cancellation_does_not_notify_the_sender(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    referral = send(personas, laval_participant, opex())
    actions.transition_referral(
        referral=referral,
        to_status=ReferralStatus.CANCELLED,
        side=Side.SENDER,
        actor=personas["caseworker_laval"],
        reason="La personne a trouvé un emploi",
    )
    assert not ReferralNotice.objects.filter(referral=referral, audience=Audience.SENDER).exists()
