"""Exchange test fixtures (see fixtures.py)."""

from sentier.exchange.tests.fixtures import *  # noqa: F403
