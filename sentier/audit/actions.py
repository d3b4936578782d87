"""Writes to the access log: the one way every page, list, export or API response that shows a
person's personal information says so.

The rule: **one row per person shown, per request.** A list page names twenty people: twenty
rows, written in one INSERT whatever the length of the list. A page that shows the same person
twice (the file and a panel on it, a list and a detail) writes one row for them: the first
surface that logs a person in a request names what was shown; later calls in the same request
skip the people already written. Nothing is logged for a refusal: call this after the
permission check, for the people actually shown (the page of a paginated list, not the query).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Model
from django.http import HttpRequest

from sentier.accounts.models import User
from sentier.audit.models import AccessChannel, AccessKind, AccessLog

# The people already written to the log during one request (their ids), kept on the request.
_LOGGED_ON_REQUEST = "_sentier_access_logged"


def _already_logged(request: HttpRequest | None) -> set[int]:
    if request is None:
        return set()
    logged: set[int] | None = getattr(request, _LOGGED_ON_REQUEST, None)
    if logged is None:
        logged = set()
        setattr(request, _LOGGED_ON_REQUEST, logged)
    return logged


def affiliation_of(user: User) -> str:
    """Where the viewer works, as it will be shown to the person: the organization of partner
    staff, otherwise the office their account names (empty if none)."""
    if user.organization_id is not None:
        return str(user.organization)[:200]
    return user.office[:200]


def record_access(
    *,
    user: User | None,
    shown: Model | Iterable[Model | int],
    kind: AccessKind,
    request: HttpRequest | None = None,
    channel: AccessChannel = AccessChannel.PAGE,
    visitor: str = "",
    affiliation: str | None = None,
) -> list[AccessLog]:
    """Append one row for each person ``shown`` (a ``participants.Participant``, or the
    participants or their ids of a list: typed as models, since audit sits below participants and
    knows them only through ``AccessLog.participant``) to ``user`` — or to a ``visitor`` without
    an account — in one INSERT, leaving out the people this ``request`` already logged. Returns
    the rows written.

    ``affiliation`` defaults to the user's organization or office (see :func:`affiliation_of`)."""
    if user is None and not visitor:
        raise ValueError("An access-log row names someone: a user or a visitor.")
    people = [shown] if isinstance(shown, Model) else shown
    logged = _already_logged(request)
    ids = [p if isinstance(p, int) else p.pk for p in people]
    fresh = list(dict.fromkeys(pk for pk in ids if pk not in logged))
    if not fresh:
        return []
    if affiliation is None:
        affiliation = affiliation_of(user) if user is not None else ""
    path = request.get_full_path()[:300] if request is not None else ""
    rows = AccessLog.objects.bulk_create(
        [
            AccessLog(
                user=user,
                visitor=visitor[:200],
                participant_id=pk,
                kind=kind,
                channel=channel,
                path=path,
                affiliation=affiliation[:200],
            )
            for pk in fresh
        ]
    )
    logged.update(fresh)
    return rows
