"""How the milestones are read at scale (issue 17, "Performance"): the loaders read each table
without its participants' columns, read those once for the whole reading (``_people``), skip
the steps of kinds nobody asked for, and keep each milestone's local day. Each check here
compares that reading with what the rows say, read another way, on the demo's journeys (made
by the real actions). Run on SQLite and on PostgreSQL (``DATABASE_URL``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from sentier.insights.milestones import Kind, Scope, load_milestones, served
from sentier.insights.tests.journeys import load_journeys
from sentier.participants.models import Participant
from sentier.reference.selectors import current_jurisdiction

pytestmark = pytest.mark.django_db

KINDS = sorted(value for name, value in vars(Kind).items() if name.isupper())


@pytest.fixture
def journeys(personas: dict[str, Any]) -> None:
    load_journeys()


def test_each_kind_read_alone_is_the_same_as_read_with_every_kind(journeys: None) -> None:
    every = load_milestones(Scope())
    assert len({m.kind for m in every}) > 10  # the journeys hold milestones of most kinds
    for kind in KINDS:
        assert list(load_milestones(Scope(), kinds=[kind])) == every.of(kind), kind


def test_a_milestones_breakdowns_are_its_participants_columns(journeys: None) -> None:
    every = load_milestones(Scope())
    people = {m.participant for m in every if m.participant}
    rows = Participant.objects.filter(pk__in=people).values_list(
        "pk", "region__code", "region__jurisdiction", "program__code", "preferred_language"
    )
    columns = {
        pk: (region, jurisdiction, program, lang)
        for pk, region, jurisdiction, program, lang in rows
    }
    assert len(columns) == len(people) > 50
    for m in every:
        if not m.participant:
            continue  # an organization's allocation of places: no person
        region, jurisdiction, program, language = columns[m.participant]
        assert jurisdiction == current_jurisdiction()
        assert m.dims["region"] == region
        assert m.dims["program"] == str(program)
        assert m.dims["language"] == str(language or "fr")[:2]


def test_a_milestones_kept_day_is_its_local_day(journeys: None) -> None:
    every = load_milestones(Scope())
    for m in every:
        assert m.day == timezone.localdate(m.at), m
        assert m.month == timezone.localdate(m.at).strftime("%Y-%m")


@pytest.mark.parametrize("regions", [frozenset({"13"}), frozenset({"06", "13"})])
def test_a_scope_of_regions_reads_its_regions_milestones_only(
    journeys: None, regions: frozenset[str]
) -> None:
    every = load_milestones(Scope())
    some = load_milestones(Scope(regions=regions))
    assert sorted(some, key=repr) == sorted(
        (m for m in every if m.dims["region"] in regions), key=repr
    )
    assert some
    assert len(some) < len(every)


def test_the_served_applications_are_those_of_participants_who_began_a_service(
    journeys: None,
) -> None:
    sent = load_milestones(Scope(), kinds=[Kind.APPLICATION_SENT])
    began = set(Participant.objects.filter(served("pk")).values_list("pk", flat=True))
    found = load_milestones(Scope(served_only=True), kinds=[Kind.APPLICATION_SENT])
    assert sorted(found, key=repr) == sorted((m for m in sent if m.participant in began), key=repr)
    assert found
    assert len(found) < len(sent)  # some applicants began no service
    laval = load_milestones(
        Scope(regions=frozenset({"13"}), served_only=True), kinds=[Kind.APPLICATION_SENT]
    )
    assert sorted(laval, key=repr) == sorted(
        (m for m in found if m.dims["region"] == "13"), key=repr
    )


def test_served_applications_read_with_the_other_kinds_are_those_read_alone(
    journeys: None,
) -> None:
    kinds = [Kind.APPLICATION_SENT, Kind.SUPPORT_PLAN_AGREED, Kind.REFERRAL_ANSWERED]
    together = load_milestones(Scope(), kinds=kinds, served_only=[Kind.APPLICATION_SENT])
    alone = load_milestones(Scope(served_only=True), kinds=[Kind.APPLICATION_SENT])
    assert together.of(Kind.APPLICATION_SENT) == list(alone)
    assert together.of(Kind.SUPPORT_PLAN_AGREED) == list(
        load_milestones(Scope(), kinds=[Kind.SUPPORT_PLAN_AGREED])
    )
    assert together.of(Kind.REFERRAL_ANSWERED)
