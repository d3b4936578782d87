"""Reminders and expiry happen on schedule; time is injected, never waited for."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from sentier.referrals.deadlines import referral_deadlines, run_deadlines
from sentier.referrals.models import (
    Audience,
    NoticeKind,
    ReferralLink,
    ReferralNotice,
    ReferralStatus,
    Side,
)
from sentier.referrals.tests.helpers import mails_to, opex, run_tasks, send, without_account
from sentier.referrals.timeline_kinds import ReferralEventKind

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture
def sent_at() -> dt.datetime:
    return timezone.now() - dt.timedelta(days=60)


def test_nothing_happens_before_the_reminder_delay(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime, settings: Any
) -> None:
    referral = send(personas, laval_participant, opex(), at=sent_at)
    run = run_deadlines(now=sent_at + (settings.SENTIER_REFERRAL_REMINDER_DAYS * DAY) - DAY)
    assert (run.reminded, run.expired) == (0, 0)
    referral.refresh_from_db()
    assert referral.reminded_at is None


def test_the_organization_is_reminded_once(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime, settings: Any
) -> None:
    referral = send(personas, laval_participant, opex(), at=sent_at)
    due = sent_at + settings.SENTIER_REFERRAL_REMINDER_DAYS * DAY
    assert run_deadlines(now=due).reminded == 1
    assert run_deadlines(now=due + DAY).reminded == 0
    referral.refresh_from_db()
    assert referral.reminded_at == due
    assert referral.status == ReferralStatus.REQUESTED
    assert ReferralNotice.objects.filter(referral=referral, kind=NoticeKind.REMINDER).count() == 1


def test_a_pending_referral_expires_and_the_sender_is_told(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime, settings: Any
) -> None:
    referral = send(personas, laval_participant, opex(), at=sent_at)
    run_tasks()
    expiry = sent_at + settings.SENTIER_REFERRAL_EXPIRY_DAYS * DAY
    assert run_deadlines(now=expiry - dt.timedelta(seconds=1)).expired == 0
    run = run_deadlines(now=expiry)
    assert run.expired == 1
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.EXPIRED
    assert referral.closed_at == expiry
    last = referral.transitions.last()
    assert last is not None
    assert last.side == Side.SYSTEM
    notice = ReferralNotice.objects.get(referral=referral, kind=NoticeKind.EXPIRED)
    assert notice.audience == Audience.SENDER
    assert laval_participant.events.filter(kind=ReferralEventKind.REFERRAL_UPDATED).exists()
    run_tasks()
    assert len(mails_to(personas["caseworker_laval"].email)) == 1
    # Expired is final: a later run changes nothing.
    assert run_deadlines(now=expiry + 10 * DAY) == type(run)(reminded=0, expired=0)


def test_answered_referrals_neither_remind_nor_expire(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime
) -> None:
    from sentier.referrals.actions import transition_referral

    referral = send(personas, laval_participant, opex(), at=sent_at)
    transition_referral(
        referral=referral,
        to_status=ReferralStatus.ACCEPTED,
        side=Side.RECEIVER,
        actor=personas["partner_opex"],
        at=sent_at + DAY,
    )
    run = run_deadlines(now=sent_at + 90 * DAY)
    assert (run.reminded, run.expired) == (0, 0)


def test_an_organization_without_an_account_gets_a_fresh_link_with_its_reminder(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime, settings: Any
) -> None:
    organization = without_account()
    referral = send(personas, laval_participant, organization, at=sent_at)
    assert ReferralLink.objects.filter(referral=referral).count() == 1
    run_deadlines(now=sent_at + settings.SENTIER_REFERRAL_REMINDER_DAYS * DAY)
    assert ReferralLink.objects.filter(referral=referral).count() == 2
    run_tasks()
    sent = mails_to(organization.email)
    assert len(sent) == 2
    assert all("/answer/" in message.body for message in sent)


def test_nothing_stays_pending_forever(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime
) -> None:
    send(personas, laval_participant, opex(), at=sent_at)
    send(personas, laval_participant, opex(), at=sent_at + DAY)
    run_deadlines(now=sent_at + 365 * DAY)
    assert not laval_participant.referrals.filter(status=ReferralStatus.REQUESTED).exists()


def test_the_command_and_the_task_run_the_same_function(
    personas: dict[str, Any], laval_participant: Any, sent_at: dt.datetime
) -> None:
    referral = send(personas, laval_participant, opex(), at=sent_at)
    out = StringIO()
    call_command("referral_deadlines", now=(sent_at + 31 * DAY).isoformat(), stdout=out)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.EXPIRED
    assert "1" in out.getvalue()
    assert referral_deadlines.call() == {"reminded": 0, "expired": 0}


def test_the_command_refuses_a_malformed_date() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("referral_deadlines", now="yesterday", stdout=StringIO())
