"""Plug-in point for the pilot comparison (sentier.insights.pilots, written apart): the command
line's ``"pilots"`` list and the dashboard's pilot summaries come from the providers registered
here, so the indicators work, and say "no pilot estimate", before any estimator exists.

A provider takes the period (``indicators.Period``) and the scope (``milestones.Scope``) and
returns one dict per pilot in the command-line contract's shape: ``id``, ``measure``,
``treated``, ``start``, ``indicator``, ``estimate``, ``interval``, ``method``, ``enough_data``.
Every figure it returns must already have passed through :mod:`sentier.insights.disclosure`.
An estimate pools every region (it names no region's own figure): it may depend on the period,
not on the scope, and the scheduled refresh asks once per period for all its scopes
(``figures.refresh_due``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PilotProvider = Callable[[Any, Any], list[dict[str, Any]]]

_providers: list[PilotProvider] = []


def register_pilot_estimates(provider: PilotProvider) -> None:
    """Add a provider (called once, from the providing module's import in ``ready``)."""
    if provider not in _providers:
        _providers.append(provider)


def pilot_estimates(period: Any, scope: Any) -> list[dict[str, Any]]:
    """The pilots' estimates for the period and scope, from every provider (empty if none)."""
    found: list[dict[str, Any]] = []
    for provider in _providers:
        found.extend(provider(period, scope))
    return found
