"""Demo data for sentier.plans (idempotent; called by ``sentier load_demo``)."""

from __future__ import annotations


def load_demo() -> None:
    """Nothing yet."""
