"""Plug-in point: the participant files staff reach when their unit, not their region, decides.

By default a caseworker or a coordinator reaches the files of the region they serve (the
predicate ``accounts.permissions.within_reach`` and its queryset twin
``participants.permissions.visible_participants_q``). Where staff work in units that each serve
one program and one queue (Ontario: an Ontario Works local office serves its area's OW
clients, the ODSP centralized intake unit the applicants in its provincial queue, 004 Q15), the
capability registers a :class:`UnitScope` in its ``AppConfig.ready``. For a user a scope answers
for, the scope replaces the region rule in both twins; for everyone else nothing changes.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.db.models import Q

from sentier.accounts.models import User


class UnitScope(Protocol):
    """Both answers return None when the scope does not apply to ``user`` (another
    jurisdiction, another role): the next scope, then the region rule, decides."""

    def files_q(self, user: User, via: str) -> Q | None:
        """The files ``user`` reaches, as a filter on participants; ``via`` prefixes every
        field (``"participant__"`` to filter rows that point at a participant)."""

    def reaches(self, user: User, participant: Any) -> bool | None:
        """Whether ``user`` reaches this one participant file (the predicate twin)."""


_scopes: list[UnitScope] = []


def register(scope: UnitScope) -> UnitScope:
    """Called from ``AppConfig.ready``; registering the same scope twice keeps one."""
    if scope not in _scopes:
        _scopes.append(scope)
    return scope


def files_q(user: User, via: str = "") -> Q | None:
    """The filter of the first scope that applies to ``user``, or None (the region rule)."""
    for scope in _scopes:
        found = scope.files_q(user, via)
        if found is not None:
            return found
    return None


def reaches(user: User, participant: Any) -> bool | None:
    """The answer of the first scope that applies to ``user``, or None (the region rule)."""
    for scope in _scopes:
        answer = scope.reaches(user, participant)
        if answer is not None:
            return answer
    return None
