"""The registry of timeline event kinds: each app registers the kinds it writes, in its
``AppConfig.ready``, so ``participants`` knows none of them and needs no migration for them.

An event stores its kind and parameters (ids, codes, numbers, ISO dates, names and free text as
typed), never a sentence: its kind's ``render`` turns the parameters into a line in the reader's
language when the timeline is read. Rows written before this stored a ready-made French
``summary``; a kind's ``render`` returns ``None`` when the parameters it needs are missing, and the
timeline then shows that stored text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise

#: What a kind's ``render`` gets: the event's parameters and its stored ``summary``.
Render = Callable[[Mapping[str, Any], str], "str | None"]


@dataclass(frozen=True)
class EventKindSpec:
    """One kind: its stored code, its label, and how its detail line reads."""

    code: str
    label: str | Promise
    render: Render | None = None


_kinds: dict[str, EventKindSpec] = {}


class UnknownEventKind(ValueError):
    """An event of a kind no app registered: refused before anything is written."""


def register_event_kinds(
    kinds: type[models.TextChoices], renderers: Mapping[str, Render] | None = None
) -> None:
    """Register an app's kinds (from its ``AppConfig.ready``): every member of ``kinds`` with
    its label, and the ``render`` of those that have a detail line. A code belongs to one app."""
    renderers = renderers or {}
    unknown = set(renderers) - set(kinds.values)
    if unknown:
        raise ValueError(f"Renderers for kinds not in {kinds.__name__}: {sorted(unknown)}")
    for member in kinds:
        spec = EventKindSpec(str(member.value), member.label, renderers.get(member.value))
        known = _kinds.get(spec.code)
        if known is not None and known != spec:
            raise ValueError(f"Timeline event kind {spec.code!r} is already registered.")
        _kinds[spec.code] = spec


def event_kind(code: str) -> EventKindSpec:
    """The registered kind ``code``; :class:`UnknownEventKind` if no app registered it."""
    try:
        return _kinds[code]
    except KeyError:
        raise UnknownEventKind(f"Unknown timeline event kind {code!r}.") from None


def registered_kinds() -> dict[str, EventKindSpec]:
    return dict(_kinds)


def kind_label(code: str) -> str:
    """The kind's label in the active language (the code itself if no app registers it now)."""
    spec = _kinds.get(code)
    return str(spec.label) if spec is not None else code


def event_detail(code: str, data: Mapping[str, Any], summary: str) -> str:
    """The event's detail line in the active language; the stored ``summary`` when the kind
    cannot render it (a row written before codes were stored, or a kind with no renderer)."""
    spec = _kinds.get(code)
    if spec is not None and spec.render is not None:
        try:
            text = spec.render(data, summary)
        except (KeyError, ValueError, TypeError):  # parameters of an older shape
            text = None
        if text is not None:
            return text
    return summary


def label_of(choices: Any, value: Any) -> str | None:
    """The label of ``value`` in a ``TextChoices`` class (``None`` if it is not one of them):
    a helper for the renderers."""
    if value is None or value not in choices.values:
        return None
    return str(choices(value).label)
