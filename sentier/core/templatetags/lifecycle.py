"""``{{ obj|status_is:"a b" }}``: what a page *says* about an object's status, never what it offers.

Which actions a page offers comes from the object's lifecycle: the view passes
``moves = MACHINE.open_moves(user, obj)`` and the template tests ``{% if "granted" in moves %}``
(:mod:`sentier.core.lifecycle`). What is left to a template is choosing a sentence, a label or a
section for the status the object is in; it does so through this one filter, so that the
statuses a template names can be found and checked. A status the model does not have is an
error, not a silent ``False``: a misspelt status would otherwise hide a section for good.
"""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

_KNOWN: dict[type, frozenset[str]] = {}


def _statuses(model: type) -> frozenset[str]:
    """The values of ``model``'s ``status`` field (read once per model)."""
    if model not in _KNOWN:
        field = model._meta.get_field("status")  # type: ignore[attr-defined]
        _KNOWN[model] = frozenset(str(value) for value, _label in field.flatchoices)
    return _KNOWN[model]


@register.filter
def status_is(obj: Any, statuses: str) -> bool:
    """Whether ``obj`` (a model row with a ``status`` field) is in one of ``statuses``,
    separated by spaces. No object (``None``, a missing variable): ``False``."""
    if obj is None or obj == "":
        return False
    wanted = statuses.split()
    unknown = set(wanted) - _statuses(type(obj))
    if unknown:
        raise ValueError(f"{type(obj).__name__} has no status {sorted(unknown)}")
    return str(obj.status) in wanted
