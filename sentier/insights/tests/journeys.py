"""The indicators' demo journeys (``insights.demo.load_demo(scale=0.35)``), which most of this
directory's database tests start from: built once per process and put back in each test's
transaction (``sentier.core.testing.replay``), where each of those tests used to build them.
A test sees the same rows as after its own build (same keys, same values), and none of another
test's writes."""

from __future__ import annotations

from django.db.models import Model

from sentier.core.testing.replay import replayed
from sentier.insights import budget_demo, demo

SCALE = 0.35


def load_journeys() -> None:
    """The journeys at ``SCALE``, as ``demo.load_demo(scale=SCALE)`` writes them."""
    replayed("insights-journeys", _journeys)


def load_journeys_and_statements() -> None:
    """The journeys, then the demo's monthly statements for their placements."""
    replayed("insights-journeys-statements", _journeys_and_statements)


def _journeys() -> dict[str, Model]:
    demo.load_demo(scale=SCALE)
    return {}


def _journeys_and_statements() -> dict[str, Model]:
    demo.load_demo(scale=SCALE)
    budget_demo.load_demo_statements()
    return {}
