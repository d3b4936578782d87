"""The referral state machine, in one place: which side may move a referral from where to where.

Reasons are required where a refusal or a stop needs explaining (declined, cancelled, failed).
"""

from __future__ import annotations

from sentier.referrals.models import ReferralStatus as S
from sentier.referrals.models import Side

# (from, to) → sides allowed to make that move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.DRAFT, S.REQUESTED): frozenset({Side.SENDER}),
    (S.DRAFT, S.CANCELLED): frozenset({Side.SENDER}),
    (S.REQUESTED, S.ACCEPTED): frozenset({Side.RECEIVER}),
    (S.REQUESTED, S.REJECTED): frozenset({Side.RECEIVER}),
    (S.REQUESTED, S.CANCELLED): frozenset({Side.SENDER, Side.SYSTEM}),
    (S.REQUESTED, S.EXPIRED): frozenset({Side.SYSTEM}),
    (S.ACCEPTED, S.IN_PROGRESS): frozenset({Side.RECEIVER}),
    (S.ACCEPTED, S.ON_HOLD): frozenset({Side.RECEIVER}),
    (S.ACCEPTED, S.COMPLETED): frozenset({Side.RECEIVER}),
    (S.ACCEPTED, S.FAILED): frozenset({Side.RECEIVER}),
    (S.ACCEPTED, S.CANCELLED): frozenset({Side.SENDER, Side.SYSTEM}),
    (S.IN_PROGRESS, S.ON_HOLD): frozenset({Side.RECEIVER}),
    (S.IN_PROGRESS, S.COMPLETED): frozenset({Side.RECEIVER}),
    (S.IN_PROGRESS, S.FAILED): frozenset({Side.RECEIVER}),
    (S.IN_PROGRESS, S.CANCELLED): frozenset({Side.SENDER, Side.SYSTEM}),
    (S.ON_HOLD, S.IN_PROGRESS): frozenset({Side.RECEIVER}),
    (S.ON_HOLD, S.FAILED): frozenset({Side.RECEIVER}),
    (S.ON_HOLD, S.CANCELLED): frozenset({Side.SENDER, Side.SYSTEM}),
}

REASON_REQUIRED = frozenset({S.REJECTED, S.CANCELLED, S.FAILED})

# Waiting for the receiving organization's answer: reminded, then expired.
PENDING = frozenset({S.REQUESTED})
# Accepted and not closed.
OPEN = frozenset({S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD})
CLOSED = frozenset({S.REJECTED, S.COMPLETED, S.CANCELLED, S.FAILED, S.EXPIRED})


def allowed(from_status: str, to_status: str, side: str) -> bool:
    return side in TRANSITIONS.get((from_status, to_status), frozenset())


def next_statuses(from_status: str, side: str) -> list[str]:
    """Where ``side`` may take a referral from ``from_status``, in the enum's order."""
    return [s for s in S.values if allowed(from_status, s, side)]
