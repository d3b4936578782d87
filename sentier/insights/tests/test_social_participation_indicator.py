"""People with a social-participation action in their plan (003: volunteering and other
social-participation activities are counted as such): each person once a month, derived from
the plans' actions and their history, protected like every count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from sentier.insights.catalogue import definition
from sentier.insights.disclosure import TOTAL
from sentier.insights.indicators import COMPUTE, Grid, Period
from sentier.insights.milestones import Kind, Milestone, Scope, load_milestones
from sentier.insights.report import build_report
from sentier.plans import actions
from sentier.plans.models import ActionKind
from sentier.plans.tests.helpers import active_plan

PERIOD = Period(dt.date(2026, 4, 1), dt.date(2026, 5, 31))
GRID = Grid(regions=["06", "13"], period=PERIOD)
T = 3
NAME = "people_with_social_participation"


def _m(day: str, person: int, region: str = "13", kind: str = "volunteering") -> Milestone:
    at = timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12)))
    return Milestone(
        Kind.SOCIAL_PARTICIPATION_ACTION,
        at,
        f"support_plan:{person}",
        person,
        {"region": region, "action_kind": kind},
    )


def _values(cells: Any, key: str) -> dict[str, object]:
    return {cell.group.get(key, ""): cell.value for cell in cells}


def test_the_catalogue_defines_it_for_quebec() -> None:
    item = definition(NAME)
    assert item.compute == NAME
    assert item.jurisdictions == ("QC",) or list(item.jurisdictions) == ["QC"]
    assert {"region", "month"} <= set(item.breakdowns)
    assert NAME in COMPUTE


def test_each_person_is_counted_once_a_month() -> None:
    milestones = [_m("2026-04-05", person) for person in range(1, 6)]
    # Person 1 adds a second activity in April (counted once) and another in May (counted again).
    milestones += [
        _m("2026-04-20", 1, kind="social_participation"),
        _m("2026-05-03", 1),
        _m("2026-06-02", 7),  # outside the period
    ]
    by_month = COMPUTE[NAME](milestones, PERIOD, ["month"], GRID, T)
    # May's single person is under the threshold: suppressed, and April with it (the total
    # would give it back); only the total is shown.
    assert _values(by_month, "month") == {"2026-04": None, "2026-05": None, TOTAL: 6}
    overall = COMPUTE[NAME](milestones, PERIOD, [], GRID, T)
    assert _values(overall, "") == {"": 5}  # five different people over the period


def test_a_small_region_is_suppressed() -> None:
    milestones = [_m("2026-04-05", person) for person in range(1, 6)]
    milestones += [_m("2026-04-05", 9, region="06")]
    cells = COMPUTE[NAME](milestones, PERIOD, ["region"], GRID, T)
    assert _values(cells, "region") == {"06": None, "13": None, TOTAL: 6}


@pytest.mark.django_db
def test_derived_from_the_plans_actions(personas: dict[str, Any], laval_participant: Any) -> None:
    caseworker = personas["caseworker_laval"]
    plan = active_plan(personas, laval_participant)
    actions.add_action(actor=caseworker, plan=plan, what="Appeler l’ACEF", who="participant")
    actions.add_action(
        actor=caseworker,
        plan=plan,
        what="Bénévolat au comptoir alimentaire",
        who="participant",
        kind=ActionKind.VOLUNTEERING,
    )
    found = load_milestones(Scope(), kinds=[Kind.SOCIAL_PARTICIPATION_ACTION])
    assert len(found) == 1
    (milestone,) = found
    assert milestone.participant == laval_participant.pk
    assert milestone.dims["region"] == "13"
    assert milestone.dims["action_kind"] == "volunteering"
    assert milestone.dims["area"] == "pilot"
    assert load_milestones(Scope(regions=frozenset({"06"})), kinds=[milestone.kind]) == []


@pytest.mark.django_db
def test_the_report_shows_it_through_the_disclosure_layer(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    caseworker = personas["caseworker_laval"]
    plan = active_plan(personas, laval_participant)
    actions.add_action(
        actor=caseworker,
        plan=plan,
        what="Atelier de cuisine collective",
        who="participant",
        kind=ActionKind.SOCIAL_PARTICIPATION,
    )
    today = timezone.localdate()
    report = build_report(
        Scope(),
        period=Period(today.replace(day=1), today),
        by=["region"],
        indicators=[NAME],
    )
    (result,) = report.results
    laval = [cell for cell in result.cells if cell.group.get("region") == "13"]
    assert laval
    assert all(cell.suppressed and cell.value is None for cell in laval)  # one person: hidden
