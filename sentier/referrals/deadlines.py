"""Nothing stays pending forever: reminders, then expiry (``sentier referral_deadlines``).

Time is a parameter (``now``) so that tests, the command and the scheduled task all say when "now"
is. A referral still awaiting an answer ``SENTIER_REFERRAL_REMINDER_DAYS`` after it was sent
reminds the receiving organization once; at its expiry (``expires_at``, set when sent to
``SENTIER_REFERRAL_EXPIRY_DAYS`` later) it becomes EXPIRED (side SYSTEM) and the sender is told
(timeline, their referral list, e-mail). Each referral is handled in its own transaction. A
referral through a data exchange (``referrals.exchanges``) has neither: the exchange's rules apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from sentier.referrals import notify, states
from sentier.referrals.actions import transition_referral
from sentier.referrals.exchanges import exchange_channels
from sentier.referrals.models import Audience, NoticeKind, Referral, ReferralStatus, Side


@dataclass(frozen=True)
class DeadlineRun:
    reminded: int
    expired: int


def _due_for_expiry(now: dt.datetime) -> Q:
    fallback = now - dt.timedelta(days=settings.SENTIER_REFERRAL_EXPIRY_DAYS)
    return Q(expires_at__lte=now) | Q(expires_at__isnull=True, sent_at__lte=fallback)


def run_deadlines(*, now: dt.datetime) -> DeadlineRun:
    """Expire what is due, then remind what is still pending past the reminder delay."""
    expired = 0
    # A referral through a data exchange follows the exchange's rules (``referrals.exchanges``).
    community = Referral.objects.exclude(messages__channel__in=exchange_channels())
    due = community.filter(status__in=states.PENDING).filter(_due_for_expiry(now))
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            referral = Referral.objects.select_for_update().get(pk=pk)
            if referral.status not in states.PENDING:
                continue
            referral = transition_referral(
                referral=referral,
                to_status=ReferralStatus.EXPIRED,
                side=Side.SYSTEM,
                actor_label=_("Scheduled task"),
                at=now,
            )
            notify.add_notice(referral, audience=Audience.SENDER, kind=NoticeKind.EXPIRED, at=now)
            expired += 1
    reminded = 0
    cutoff = now - dt.timedelta(days=settings.SENTIER_REFERRAL_REMINDER_DAYS)
    waiting = community.filter(
        status__in=states.PENDING, reminded_at__isnull=True, sent_at__lte=cutoff
    )
    for pk in waiting.values_list("pk", flat=True):
        with transaction.atomic():
            # Claim the reminder first: two runs at once send it once.
            claimed = Referral.objects.filter(
                pk=pk, status__in=states.PENDING, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            referral = Referral.objects.select_related("organization").get(pk=pk)
            notify.notify_receiver(referral, kind=NoticeKind.REMINDER, at=now)
            reminded += 1
    return DeadlineRun(reminded=reminded, expired=expired)


@task()
def referral_deadlines() -> dict[str, int]:
    """The scheduled twin of the command (django-tasks, run by ``manage.py db_worker``)."""
    run = run_deadlines(now=timezone.now())
    return {"reminded": run.reminded, "expired": run.expired}
