"""Writes to the access log. Called wherever a participant's personal information is shown."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import HttpRequest

from sentier.accounts.models import User
from sentier.audit.models import AccessChannel, AccessLog
from sentier.participants.models import Participant


def record_access(
    *,
    user: User | None,
    participant: Participant,
    what: str,
    request: HttpRequest | None = None,
    channel: str = AccessChannel.PAGE,
    visitor: str = "",
) -> AccessLog:
    """Append one row: ``user`` (or a ``visitor`` without an account) was shown ``what`` of
    ``participant``'s file."""
    if user is None and not visitor:
        raise ValueError("An access-log row names someone: a user or a visitor.")
    return AccessLog.objects.create(
        user=user,
        visitor=visitor[:200],
        participant=participant,
        what=what,
        channel=channel,
        path=request.get_full_path()[:300] if request is not None else "",
    )


def record_access_many(
    *,
    user: User,
    participants: Iterable[Participant],
    what: str,
    request: HttpRequest | None = None,
    channel: str = AccessChannel.PAGE,
) -> int:
    """One row per person shown on a list page (a partner's group screens): one insert."""
    path = request.get_full_path()[:300] if request is not None else ""
    rows = [
        AccessLog(user=user, participant=p, what=what, channel=channel, path=path)
        for p in {p.pk: p for p in participants}.values()
    ]
    AccessLog.objects.bulk_create(rows)
    return len(rows)
