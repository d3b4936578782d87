"""One shape for every lifecycle: the allowed moves, who may make them, and the transition log.

A :class:`Lifecycle` declares its moves in one place: from which status to which, which *sides*
may make each one (``"caseworker"``, ``"participant"``, ``"receiver"``, ``"coordinator"``…: names
the owning app maps to a permission or a predicate) and which need a reason. :meth:`Lifecycle.apply`
checks a move, sets the new status on the object (the caller saves it) and writes one transition
row: who, when, which object, from, to, why. A move the machine does not allow raises
:class:`Refused`; a missing reason :class:`ReasonRequired`. Both are :class:`Refusal`, the base of
every refused action in the apps (its message is for the user; nothing was changed).

Views and templates ask :meth:`Lifecycle.open_moves` which moves a user may make now, instead of
comparing statuses themselves (and :meth:`Lifecycle.settled` whether anything is left to decide);
a template that only chooses what to *say* about a status uses the ``status_is`` filter
(``sentier/core/templatetags/lifecycle.py``).

The rows go to :class:`sentier.core.models.Transition` (one table for every lifecycle, keyed by
content type and id), unless the lifecycle names its own ``record`` (support plans and referrals
keep the tables they had before this helper).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sentier.core.models import Transition


class Refusal(Exception):
    """An action that cannot be done; nothing was changed. ``str()`` is the message for the
    user; ``field`` names the form field it is about (``None``: the form as a whole)."""

    field: str | None = None

    def __init__(self, message: str | Promise = "", *, field: str | None = None) -> None:
        super().__init__(str(message))
        if field is not None:
            self.field = field


class Refused(Refusal):
    """The lifecycle has no such move from this status, or not for this side."""


class ReasonRequired(Refusal):
    """The move needs a reason and none was given."""

    field = "reason"


#: Who may make a move for a side: ``(user, obj) -> bool``.
SidePredicate = Callable[[Any, Any], bool]


class Recorder(Protocol):
    def __call__(
        self,
        obj: Any,
        /,
        *,
        lifecycle: Lifecycle,
        from_status: str,
        to_status: str,
        side: str,
        actor: Any,
        actor_label: str,
        reason: str,
        at: dt.datetime,
    ) -> Any: ...


def permission(name: str) -> SidePredicate:
    """The side is whoever holds the permission ``name`` on the object."""

    def holds(user: Any, obj: Any) -> bool:
        return user is not None and bool(user.has_perm(name, obj))

    holds.__name__ = f"has_perm({name!r})"
    return holds


@dataclass(frozen=True)
class Move:
    source: str  # "" for a start: the object is created in ``target``
    target: str
    sides: frozenset[str]
    reason: bool = False


def move(source: str, target: str, *sides: str, reason: bool = False) -> Move:
    """``source`` → ``target``, made by any of ``sides``; ``reason``: a reason is required."""
    return Move(str(source), str(target), frozenset(str(s) for s in sides), reason)


def record_transition(
    obj: models.Model,
    *,
    lifecycle: Lifecycle,
    from_status: str,
    to_status: str,
    side: str,
    actor: Any,
    actor_label: str,
    reason: str,
    at: dt.datetime,
) -> Any:
    """Write the move to :class:`sentier.core.models.Transition` (the default log)."""
    return Transition.objects.create(
        subject=obj,
        lifecycle=lifecycle.name,
        from_status=from_status,
        to_status=to_status,
        side=side,
        actor=actor if getattr(actor, "pk", None) is not None else None,
        actor_label=actor_label,
        reason=reason,
        at=at,
    )


class Lifecycle:
    """The moves of one kind of object. ``order``: the statuses in the order moves are listed
    (usually the enum's values); ``labels``: status → label for refusal messages; ``sides``: side
    name → who holds it, in the order :meth:`side_of` tries them."""

    def __init__(
        self,
        name: str,
        moves: Iterable[Move],
        *,
        order: Sequence[str],
        labels: Mapping[str, Any] | None = None,
        sides: Mapping[str, SidePredicate] | None = None,
        field: str = "status",
        refused: str | Promise = "",
        reason_required: str | Promise = "",
        record: Recorder | None = None,
    ) -> None:
        self.name = name
        self.moves: dict[tuple[str, str], Move] = {}
        for m in moves:
            if (m.source, m.target) in self.moves:
                raise ValueError(f"{name}: {m.source or '∅'} → {m.target} declared twice")
            unknown = {m.source, m.target} - {"", *map(str, order)}
            if unknown:
                raise ValueError(f"{name}: unknown status {sorted(unknown)}")
            self.moves[(m.source, m.target)] = m
        self.order = [str(s) for s in order]
        self.labels = dict(labels or {})
        self.sides = dict(sides or {})
        self.field = field
        self.refused_message = refused
        self.reason_message = reason_required
        self.record: Recorder = record or record_transition

    # -- reading the machine ------------------------------------------------------------------

    def allows(self, source: str, target: str, side: str) -> bool:
        found = self.moves.get((str(source), str(target)))
        return found is not None and side in found.sides

    def needs_reason(self, source: str, target: str) -> bool:
        found = self.moves.get((str(source), str(target)))
        return found is not None and found.reason

    def targets(self, source: str, side: str) -> list[str]:
        """Where ``side`` may take an object from ``source``, in ``order``."""
        return [t for t in self.order if self.allows(source, t, side)]

    def side_of(self, user: Any, obj: Any) -> str | None:
        """The first side ``user`` holds on ``obj`` (None: none)."""
        return next((s for s, holds in self.sides.items() if holds(user, obj)), None)

    def sides_of(self, user: Any, obj: Any) -> list[str]:
        return [s for s, holds in self.sides.items() if holds(user, obj)]

    def open_moves(self, user: Any, obj: Any, *, side: str | None = None) -> list[str]:
        """The statuses ``user`` may move ``obj`` to now (for ``side`` only when given)."""
        source = self.status_of(obj)
        held = [side] if side is not None else self.sides_of(user, obj)
        return [t for t in self.order if any(self.allows(source, t, s) for s in held)]

    def settled(self, obj: Any) -> bool:
        """Whether no move leaves ``obj``'s status, for any side (the scheduled jobs included):
        the lifecycle has nothing more to decide about it."""
        source = self.status_of(obj)
        return not any(m.source == source for m in self.moves.values())

    def status_of(self, obj: Any) -> str:
        return str(getattr(obj, self.field) or "")

    def label(self, status: str) -> str:
        return str(self.labels.get(status, status)) if status else "—"

    # -- moving -------------------------------------------------------------------------------

    def check(self, source: str, target: str, *, side: str, reason: str = "") -> None:
        """Raise :class:`Refused` or :class:`ReasonRequired` unless ``side`` may make the move."""
        if not self.allows(source, target, side):
            message = self.refused_message or _("This cannot go from “%(from)s” to “%(to)s”.")
            text = str(message) % {"from": self.label(source), "to": self.label(target)}
            raise Refused(text, field=self.field)
        if self.needs_reason(source, target) and not reason.strip():
            raise ReasonRequired(self.reason_message or _("Give the reason."))

    def apply(
        self,
        obj: Any,
        target: str,
        *,
        side: str,
        actor: Any = None,
        actor_label: str = "",
        reason: str = "",
        at: dt.datetime | None = None,
    ) -> Any:
        """Check the move, set ``obj``'s status to ``target`` (not saved: the caller saves it with
        its other changes) and write the transition row, which is returned."""
        source = self.status_of(obj)
        self.check(source, target, side=side, reason=reason)
        setattr(obj, self.field, target)
        return self._record(obj, source, target, side, actor, actor_label, reason, at)

    def start(
        self,
        obj: Any,
        *,
        side: str,
        source: str = "",
        actor: Any = None,
        actor_label: str = "",
        reason: str = "",
        at: dt.datetime | None = None,
    ) -> Any:
        """Record the creation of a saved ``obj`` in its current status: a ``source`` → status
        move (``source`` is ``""`` unless the object skipped a first status), which must be
        declared."""
        target = self.status_of(obj)
        self.check(source, target, side=side, reason=reason)
        return self._record(obj, source, target, side, actor, actor_label, reason, at)

    def start_many(
        self,
        objs: Sequence[models.Model],
        *,
        side: str,
        actor: Any = None,
        at: dt.datetime | None = None,
    ) -> list[Transition]:
        """:meth:`start` for many saved objects of one model, in one insert (default log only)."""
        if self.record is not record_transition:
            raise TypeError(f"{self.name}: start_many writes to the shared log only")
        at = at or timezone.now()
        for obj in objs:
            self.check("", self.status_of(obj), side=side)
        rows = [
            Transition(
                subject=obj,
                lifecycle=self.name,
                from_status="",
                to_status=self.status_of(obj),
                side=side,
                actor=actor if getattr(actor, "pk", None) is not None else None,
                at=at,
            )
            for obj in objs
        ]
        return Transition.objects.bulk_create(rows, batch_size=2000)

    def _record(
        self,
        obj: Any,
        source: str,
        target: str,
        side: str,
        actor: Any,
        actor_label: str,
        reason: str,
        at: dt.datetime | None,
    ) -> Any:
        return self.record(
            obj,
            lifecycle=self,
            from_status=source,
            to_status=target,
            side=side,
            actor=actor,
            actor_label=actor_label,
            reason=reason,
            at=at or timezone.now(),
        )
