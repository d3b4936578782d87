"""Panels: how a capability adds a section to a shared page without the page knowing it.

A page declares a *slot* (``{% panels "participant_file" participant=participant %}``); each app
registers, in its ``AppConfig.ready``, a function that returns the HTML of its section for that
slot (or ``""`` when it has nothing to show). Slots in use:

- ``home``: the signed-in home page, any role (kwargs: none; ask the
  permission the section needs: ``may(request.user, "app.verb_thing")``): every section below
  the greeting is a panel;
- ``home_organization``: partner staff's home, under the name of their organization (kwargs:
  none);
- ``participant_file``: a caseworker's view of a file (kwargs: ``participant``);
- ``my_file``: the participant's own file page (kwargs: ``participant``);
- ``worklist``: a caseworker's support-plan worklist (kwargs: none).

Panels render by their declared ``order`` (default 100), then in registration order, which
follows ``INSTALLED_APPS``: the file's own sections (eligibility 10, PAAS Action 20) come before
the others. Panels of an app that does not apply in this jurisdiction
(``sentier.core.jurisdiction``) are left out. A panel
does its own permission checks and access logging, like a view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from sentier.core.jurisdiction import module_enabled

Panel = Callable[..., str]

SLOTS = ("home", "home_organization", "participant_file", "my_file", "worklist")

DEFAULT_ORDER = 100

_registry: dict[str, list[tuple[int, Panel]]] = {slot: [] for slot in SLOTS}


def register(slot: str, *, order: int = DEFAULT_ORDER) -> Callable[[Panel], Panel]:
    """Decorator: ``@panels.register("participant_file")`` on ``def f(request, *, participant)``."""
    if slot not in _registry:
        raise ValueError(f"unknown panel slot {slot!r}; known: {', '.join(SLOTS)}")

    def decorator(function: Panel) -> Panel:
        if all(function is not registered for _order, registered in _registry[slot]):
            _registry[slot].append((order, function))
            _registry[slot].sort(key=lambda item: item[0])  # stable: ties keep their order
        return function

    return decorator


def render(slot: str, request: HttpRequest, **kwargs: Any) -> SafeString:
    parts = [
        function(request, **kwargs)
        for _order, function in _registry[slot]
        if module_enabled(function.__module__)
    ]
    return format_html_join("", "{}", ((mark_safe(part),) for part in parts if part))  # noqa: S308
