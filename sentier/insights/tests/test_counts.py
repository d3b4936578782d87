"""Milestones counted in the database (``sentier.insights.counts``) give the cells the milestones
read one by one give, cell for cell, on the demo's journeys (made by the real actions): each
kind's groups against its milestones, every indicator of a question, a region's share, and a
period cut in the middle of months. Run on SQLite and on PostgreSQL (``DATABASE_URL``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.utils import timezone

from sentier.insights import figures
from sentier.insights.counts import COUNTERS, count_milestones, in_regions
from sentier.insights.disclosure import THRESHOLD
from sentier.insights.figures import Question
from sentier.insights.indicators import COMPUTE, KINDS, Period
from sentier.insights.indicators import compute as compute_indicator
from sentier.insights.milestones import Kind, Scope, load_milestones
from sentier.insights.report import default_period
from sentier.insights.tests.journeys import load_journeys

pytestmark = pytest.mark.django_db


@pytest.fixture
def journeys(personas: dict[str, Any]) -> None:
    load_journeys()


def cut_period() -> Period:
    """A period starting and ending in the middle of months."""
    today = timezone.localdate()
    return Period(today - dt.timedelta(days=200), today - dt.timedelta(days=17))


def plain(question: Question) -> dict[str, list[dict[str, Any]]]:
    """Every indicator from every milestone of the scope, one by one (the plain path)."""
    milestones = load_milestones(question.scope)
    regions = figures.scope_regions(question.scope)
    return {
        d.id: [
            c.as_dict()
            for c in compute_indicator(
                d,
                milestones,
                period=question.period,
                by=question.by,
                regions=regions,
                threshold=question.threshold,
            ).cells
        ]
        for d in question.definitions()
    }


def cells_of(results: Any) -> dict[str, list[dict[str, Any]]]:
    return {r.definition.id: [c.as_dict() for c in r.cells] for r in results}


def test_every_indicator_says_which_milestones_it_reads() -> None:
    assert set(KINDS) == set(COMPUTE)


@pytest.mark.parametrize("period", [default_period, cut_period])
def test_each_kinds_groups_are_its_milestones_counted(journeys: None, period: Any) -> None:
    period = period()
    counted = count_milestones(Scope(), period, COUNTERS)
    milestones = load_milestones(Scope(), kinds=COUNTERS)
    seen = 0
    for kind in COUNTERS:
        one_by_one = Counter(
            tuple(sorted({**m.dims, "month": m.month}.items()))
            for m in milestones.of(kind)
            if period.contains(m.day)
        )
        # The age band is not counted in the database.
        one_by_one_without_age: Counter[tuple[tuple[str, str], ...]] = Counter()
        for dims, n in one_by_one.items():
            one_by_one_without_age[tuple(kv for kv in dims if kv[0] != "age_band")] += n
        groups: Counter[tuple[tuple[str, str], ...]] = Counter()
        for group in counted[kind]:
            groups[tuple(sorted(group.dims.items()))] += group.n
        assert groups == one_by_one_without_age, kind
        seen += sum(groups.values())
    assert seen > 100  # the demo's journeys hold milestones of these kinds


@pytest.mark.parametrize(
    "by", [("area", "month"), ("region", "month"), ("program", "channel"), ("age_band", "month")]
)
@pytest.mark.parametrize("regions", [None, frozenset({"13"}), frozenset({"06", "13"})])
def test_a_question_computed_with_counts_has_the_plain_cells(
    journeys: None, by: tuple[str, ...], regions: frozenset[str] | None
) -> None:
    question = Question.of(Scope(regions=regions), cut_period(), by, None, THRESHOLD)
    if "age_band" not in by:
        assert figures.reads(question).counted  # the flows and rates are counted in the database
    results, _ = figures.compute(question, pilots=[])
    assert cells_of(results) == plain(question)


def test_a_regions_share_of_the_groups_is_its_own_count(journeys: None) -> None:
    period = default_period()
    everything = count_milestones(Scope(), period, COUNTERS)
    scope = Scope(regions=frozenset({"06"}))
    alone = count_milestones(scope, period, COUNTERS)
    share = in_regions(everything, scope.regions)
    for kind in COUNTERS:
        assert sorted(map(repr, share[kind])) == sorted(map(repr, alone[kind])), kind


def test_milestones_of_some_kinds_are_those_of_every_kind_read_at_once(journeys: None) -> None:
    kinds = {Kind.SUPPORT_PLAN_AGREED, Kind.REFERRAL_SENT, Kind.APPLICATION_SENT}
    every = load_milestones(Scope())
    some = load_milestones(Scope(), kinds=kinds)
    assert list(some) == [m for m in every if m.kind in kinds]
    assert {m.kind for m in every} - kinds  # the plans' other steps were there to skip
