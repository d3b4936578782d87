"""Writes of the simulations: run one (logged), save one (frozen), re-run a saved one.

Each action checks the permission first, computes with :mod:`.compute` (which reads only), then
writes the log row: every run is in :class:`SimulationRun`, from the page or the command line.
Nothing here writes to the rules or to any file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.insights.disclosure import THRESHOLD
from sentier.simulations import compute
from sentier.simulations.changes import Change
from sentier.simulations.models import RunChannel, SavedSimulation, SimulationRun


def _log(
    *,
    actor: User | None,
    channel: str,
    date: dt.date,
    results: dict[str, Any],
    simulation: SavedSimulation | None = None,
) -> SimulationRun:
    return SimulationRun.objects.create(
        user=actor,
        channel=channel,
        reference_date=date,
        changes=results["changes"],
        rules_version=results["rules_version"],
        files=results["files"],
        simulation=simulation,
    )


def _check(actor: User | None, channel: str) -> None:
    # The command line runs as the operator of the server (no account); a page needs the role.
    if channel == RunChannel.PAGE and not may(actor, "simulations.run_simulation"):
        raise PermissionDenied


def run_simulation(
    *,
    actor: User | None,
    changes: Sequence[Change],
    date: dt.date,
    channel: str = RunChannel.PAGE,
    threshold: int = THRESHOLD,
) -> dict[str, Any]:
    """Simulate ``changes`` on ``date`` over the open files; the run is logged."""
    _check(actor, channel)
    if not changes:
        raise ValueError("a simulation needs at least one change")
    results = compute.simulate(changes, date, threshold=threshold)
    _log(actor=actor, channel=channel, date=date, results=results)
    return results


@transaction.atomic
def save_simulation(
    *,
    actor: User,
    title: str,
    changes: Sequence[Change],
    date: dt.date,
    threshold: int = THRESHOLD,
) -> SavedSimulation:
    """Run the simulation and keep it with its results frozen as they are now."""
    _check(actor, RunChannel.PAGE)
    if not changes:
        raise ValueError("a simulation needs at least one change")
    results = compute.simulate(changes, date, threshold=threshold)
    simulation = SavedSimulation.objects.create(
        title=title.strip(),
        reference_date=date,
        changes=results["changes"],
        rules_version=results["rules_version"],
        results=results,
        created_by=actor,
    )
    _log(actor=actor, channel=RunChannel.PAGE, date=date, results=results, simulation=simulation)
    return simulation


@dataclass(frozen=True)
class Rerun:
    """A saved simulation run again today: the new results and what differs from the frozen."""

    results: dict[str, Any]
    differences: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.differences)


def rerun_simulation(
    *, actor: User, simulation: SavedSimulation, threshold: int = THRESHOLD
) -> Rerun:
    """Run a saved simulation again (logged); its frozen results stay as they were."""
    _check(actor, RunChannel.PAGE)
    changes = [Change.from_json(change) for change in simulation.changes]
    results = compute.simulate(changes, simulation.reference_date, threshold=threshold)
    _log(
        actor=actor,
        channel=RunChannel.PAGE,
        date=simulation.reference_date,
        results=results,
        simulation=simulation,
    )
    return Rerun(results=results, differences=compute.differences(simulation.results, results))
