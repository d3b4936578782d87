"""A reform that makes region 06 join the support plan yields exactly the Montréal residents in
eligible programs, checked person by person against ``decide`` with the same reform."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sentier.decisions.actions import person_facts
from sentier.participants.models import Participant
from sentier.simulations import compute
from sentier.simulations.changes import parse_change
from sentier_rules.engine import Engine

pytestmark = pytest.mark.django_db

DATE = dt.date(2027, 1, 15)


def _decided(engine: Engine, participants: list[Participant]) -> set[int]:
    answers = engine.decide(
        [
            {"measure": "support_plan", "date": DATE.isoformat(), "person": person_facts(p)}
            for p in participants
        ]
    )
    return {p.pk for p, answer in zip(participants, answers, strict=True) if answer.get("eligible")}


def test_montreal_joining_gains_exactly_its_eligible_residents(montreal_participant: Any) -> None:
    change = parse_change("support_plan.regions.06", "2027-01-01", "true")
    open_files = list(
        Participant.objects.filter(status__in=compute.OPEN_STATUSES).select_related(
            "region", "program"
        )
    )
    before = _decided(Engine.shared(), open_files)
    after = _decided(compute.reform_engine([change]), open_files)
    gained = after - before
    montreal_eligible = {
        p.pk
        for p in open_files
        if p.region.code == "06"
        and p.program.code in ("PAS", "PRB", "PSS")
        and p.claim_booklet not in ("ASM-2", "ASM-5")
    }
    assert montreal_participant.pk in gained
    assert gained == montreal_eligible
    assert after >= before

    results = compute.simulate([change], DATE, threshold=0)

    (support_plan,) = [m for m in results["measures"] if m["measure"] == "support_plan"]
    assert support_plan["baseline"] == len(before)
    assert support_plan["reform"] == len(after)
    by_region = {row["region"]: row for row in support_plan["by_region"]}
    assert by_region["06"]["gains"] == len(montreal_eligible)
    assert by_region["06"]["baseline"] == 0
    assert all(row["gains"] == 0 for code, row in by_region.items() if code != "06")
    assert all(row["losses"] == 0 for row in support_plan["by_region"])
    by_program = {row["program"]: row for row in support_plan["by_program"]}
    assert sum(row["gains"] for row in by_program.values()) == len(gained)
    # The other measures do not move.
    for measure in results["measures"]:
        if measure["measure"] != "support_plan":
            assert measure["baseline"] == measure["reform"]
    assert results["files"] == len(open_files)


def test_small_cells_are_hidden(montreal_participant: Any) -> None:
    change = parse_change("support_plan.regions.06", "2027-01-01", "true")

    results = compute.simulate([change], DATE, threshold=10_000)

    for measure in results["measures"]:
        assert measure["suppressed"] is True
        assert measure["baseline"] is None
        for row in measure["by_region"]:
            assert row["suppressed"] is True
            assert row["baseline"] is None
            assert row["reform"] is None
