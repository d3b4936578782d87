"""The referral lifecycle (:class:`~sentier.core.lifecycle.Lifecycle`), in one place: which side
may move a referral from where to where; each move is a :class:`ReferralTransition` row.

Reasons are required where a refusal or a stop needs explaining (declined, cancelled, failed).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.lifecycle import Lifecycle, move
from sentier.referrals.models import Referral, ReferralTransition, Side
from sentier.referrals.models import ReferralStatus as S

REASON_REQUIRED = frozenset({S.REJECTED, S.CANCELLED, S.FAILED})

# Waiting for the receiving organization's answer: reminded, then expired.
PENDING = frozenset({S.REQUESTED})
# Accepted and not closed.
OPEN = frozenset({S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD})
CLOSED = frozenset({S.REJECTED, S.COMPLETED, S.CANCELLED, S.FAILED, S.EXPIRED})


def _is_receiver(user: User | None, referral: Referral) -> bool:
    return user is not None and may(user, "referrals.answer_referral", referral)


def _is_sender(user: User | None, referral: Referral) -> bool:
    """The sender: whoever may change the person's file."""
    return user is not None and user.has_perm(
        "participants.change_participant", referral.participant
    )


def _record(
    referral: Referral,
    *,
    lifecycle: Lifecycle,
    from_status: str,
    to_status: str,
    side: str,
    actor: User | None,
    actor_label: str,
    reason: str,
    at: dt.datetime,
) -> ReferralTransition:
    """Referrals keep their own log (it predates the shared one, and its page reads it)."""
    return ReferralTransition.objects.create(
        referral=referral,
        from_status=from_status,
        to_status=to_status,
        side=side,
        actor=actor,
        actor_label=actor_label,
        reason=reason,
        at=at,
    )


_MOVES = [
    (S.DRAFT, S.REQUESTED, {Side.SENDER}),
    (S.DRAFT, S.CANCELLED, {Side.SENDER}),
    (S.REQUESTED, S.ACCEPTED, {Side.RECEIVER}),
    (S.REQUESTED, S.REJECTED, {Side.RECEIVER}),
    (S.REQUESTED, S.CANCELLED, {Side.SENDER, Side.SYSTEM}),
    (S.REQUESTED, S.EXPIRED, {Side.SYSTEM}),
    (S.ACCEPTED, S.IN_PROGRESS, {Side.RECEIVER}),
    (S.ACCEPTED, S.ON_HOLD, {Side.RECEIVER}),
    (S.ACCEPTED, S.COMPLETED, {Side.RECEIVER}),
    (S.ACCEPTED, S.FAILED, {Side.RECEIVER}),
    (S.ACCEPTED, S.CANCELLED, {Side.SENDER, Side.SYSTEM}),
    (S.IN_PROGRESS, S.ON_HOLD, {Side.RECEIVER}),
    (S.IN_PROGRESS, S.COMPLETED, {Side.RECEIVER}),
    (S.IN_PROGRESS, S.FAILED, {Side.RECEIVER}),
    (S.IN_PROGRESS, S.CANCELLED, {Side.SENDER, Side.SYSTEM}),
    (S.ON_HOLD, S.IN_PROGRESS, {Side.RECEIVER}),
    (S.ON_HOLD, S.FAILED, {Side.RECEIVER}),
    (S.ON_HOLD, S.CANCELLED, {Side.SENDER, Side.SYSTEM}),
]

REFERRAL = Lifecycle(
    "referrals.referral",
    [
        move(source, target, *sides, reason=target in REASON_REQUIRED)
        for source, target, sides in _MOVES
    ],
    order=S.values,
    labels=dict(S.choices),
    # Tried in this order; the system side is never a user's (scheduled tasks name it).
    sides={
        Side.RECEIVER: _is_receiver,
        Side.SENDER: _is_sender,
    },
    refused=_("A referral cannot go from “%(from)s” to “%(to)s” this way."),
    reason_required=_("Give the reason."),
    record=_record,
)


def allowed(from_status: str, to_status: str, side: str) -> bool:
    return REFERRAL.allows(from_status, to_status, side)


def next_statuses(from_status: str, side: str) -> list[str]:
    """Where ``side`` may take a referral from ``from_status``, in the enum's order."""
    return REFERRAL.targets(from_status, side)
