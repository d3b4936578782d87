"""The indicators' ledger (``sentier.insights.ledger``): after random changes to the demo's
journeys (new rows, status changes, participants moving region or program, rows moved to months
long past, deletions), a refresh of the ledger gives the groups a full count gives, group for
group, and the scheduled refresh stores the flows and rates a full recomputation computes, cell
for cell. Run on SQLite and on PostgreSQL (``DATABASE_URL``), and at 23:30 on 31 December
(``scripts/late_clock.sh``)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter as Tally
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.db import models
from django.db.models import ProtectedError
from django.test.utils import override_settings
from django.utils import timezone, translation

from sentier.insights import figures, ledger
from sentier.insights.counts import COUNTERS, count_milestones
from sentier.insights.indicators import Counted, Period
from sentier.insights.milestones import CLOSED_STATUSES, Scope
from sentier.insights.models import ComputedFigures, LedgerEntry, LedgerGroup, LedgerState
from sentier.insights.report import default_period
from sentier.insights.tests.journeys import load_journeys
from sentier.intake.models import (
    Application,
    ApplicationStatus,
    Channel,
    Recommendation,
    ReviewStatus,
)
from sentier.ontario import demo as ontario_demo
from sentier.ontario.models import OWApplication
from sentier.paas.models import ExitOutcome, Placement
from sentier.participants.models import Participant
from sentier.plans.models import EndReason, Extension, ExtensionStatus, SupportPlan
from sentier.reference.loading import LoadReport, load_ontario_data
from sentier.reference.models import Program, Region
from sentier.reference.selectors import current_jurisdiction
from sentier.referrals.models import Referral, ReferralTransition, Side
from sentier.serviceplans.models import RequestStatus, ServicePlanRequest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read only the changes made after the ledger was built (the demo's rows, made minutes
    before, would otherwise all be read again and hide a change the stamps miss)."""
    monkeypatch.setattr(ledger, "OVERLAP", dt.timedelta(0))


@pytest.fixture
def journeys(personas: dict[str, Any]) -> dict[str, Any]:
    load_journeys()
    return personas


def cut_period() -> Period:
    """A period starting and ending in the middle of months."""
    today = timezone.localdate()
    return Period(today - dt.timedelta(days=200), today - dt.timedelta(days=17))


def tallies(counted: Mapping[str, list[Counted]]) -> dict[str, Tally[tuple[tuple[str, str], ...]]]:
    found = {}
    for kind in COUNTERS:
        groups: Tally[tuple[tuple[str, str], ...]] = Tally()
        for group in counted.get(kind, []):
            groups[tuple(sorted(group.dims.items()))] += group.n
        found[kind] = +groups
    return found


def assert_ledger_counts_as_the_database(period: Period) -> None:
    full = tallies(count_milestones(Scope(), period, COUNTERS))
    assert tallies(ledger.counted(period, COUNTERS)) == full
    assert sum(sum(t.values()) for t in full.values()) > 100  # the journeys count something


def assert_groups_hold_their_entries() -> None:
    entries = Tally(LedgerEntry.objects.values_list("group_id", flat=True))
    groups = dict(LedgerGroup.objects.values_list("pk", "n"))
    assert groups == dict(entries)


# ---- random changes, each saved as the actions save (history written) ----


def _copy(row: models.Model) -> models.Model:
    """A new row like ``row`` (its unique fields given new defaults)."""
    row.pk = None
    for field in row._meta.concrete_fields:
        if field.unique and not field.primary_key and field.has_default():
            setattr(row, field.attname, field.get_default())
    row._state.adding = True
    row.save()
    return row


def _past(rng: random.Random) -> dt.timedelta:
    """Back some days, or months long past."""
    return dt.timedelta(days=rng.choice([1, 3, 40, 200, 400]), hours=rng.randrange(24))


def _pick(rng: random.Random, model: type[models.Model], **where: Any) -> Any:
    ids = list(model._default_manager.filter(**where).values_list("pk", flat=True)[:500])
    return model._default_manager.get(pk=rng.choice(ids)) if ids else None


def move_participant(rng: random.Random) -> None:
    person = _pick(rng, Participant, applications__status=ApplicationStatus.SUBMITTED)
    person.region = rng.choice(list(Region.objects.filter(jurisdiction=current_jurisdiction())))
    if rng.random() < 0.5:
        person.program = rng.choice(list(Program.objects.all()))
    person.preferred_language = rng.choice(["fr", "en", "es"])
    person.save()


def change_application(rng: random.Random) -> None:
    row = _pick(rng, Application, status=ApplicationStatus.SUBMITTED)
    choice = rng.random()
    if choice < 0.3:
        row.channel = rng.choice(Channel.values)
    elif choice < 0.6:
        row.submitted_at -= _past(rng)
    elif choice < 0.7:
        row.status = ApplicationStatus.DRAFT
    else:
        _copy(row)
        return
    row.save()


def review_recommendation(rng: random.Random) -> None:
    row = _pick(rng, Recommendation)
    row.status = rng.choice(ReviewStatus.values)
    row.reviewed_at = timezone.now() - _past(rng)
    row.save()


def change_plan(rng: random.Random, personas: dict[str, Any]) -> None:
    row = _pick(rng, SupportPlan, agreed_at__isnull=False)
    choice = rng.random()
    if choice < 0.4:
        row.agreed_at -= _past(rng)
    elif choice < 0.8:
        row.ended_at = timezone.now() - _past(rng)
        row.end_reason = rng.choice(EndReason.values)
        row.ended_by = rng.choice(list(personas.values()))
    else:
        row.request_channel = rng.choice(["", "phone", "office"])
    row.save()


def change_extension(rng: random.Random, personas: dict[str, Any]) -> None:
    row = _pick(rng, Extension)
    if row is None:
        plan = _pick(rng, SupportPlan, agreed_at__isnull=False)
        Extension.objects.create(
            plan=plan,
            requested_at=timezone.now() - _past(rng),
            requested_by=personas["caseworker_laval"],
            channel="office",
            status=ExtensionStatus.GRANTED,
            decided_at=timezone.now() - _past(rng),
        )
    elif rng.random() < 0.3:
        row.delete()
    else:
        row.status = rng.choice(ExtensionStatus.values)
        row.decided_at = timezone.now() - _past(rng)
        row.save()


def decide_service_plan(rng: random.Random) -> None:
    row = _pick(rng, ServicePlanRequest)
    if row is None:
        return
    row.status = rng.choice(RequestStatus.values)
    row.decided_at = timezone.now() - _past(rng)
    row.save()


def change_referral(rng: random.Random) -> None:
    row = _pick(rng, Referral, sent_at__isnull=False)
    choice = rng.random()
    if choice < 0.3:
        row.kind = rng.choice(["employment", "housing", "", "training"])
        row.save()
    elif choice < 0.6:
        row.sent_at -= _past(rng)
        row.save()
    else:
        # A closing, as ``transition_referral`` writes one: the referral saved with it.
        to = rng.choice(sorted(CLOSED_STATUSES))
        ReferralTransition.objects.create(
            referral=row,
            from_status=row.status,
            to_status=to,
            side=Side.SENDER,
            at=timezone.now() - _past(rng),
        )
        row.status = to
        row.save()


def change_placement(rng: random.Random) -> None:
    row = _pick(rng, Placement)
    if row is None:
        return
    choice = rng.random()
    if choice < 0.3:
        row.start_date -= _past(rng)
    elif choice < 0.7:
        row.end_date = timezone.localdate() - _past(rng)
        row.exit_outcome = rng.choice(ExitOutcome.values)
    else:
        try:
            row.delete()
        except ProtectedError:  # its attendance or statements keep it
            row.exit_outcome = ""
        else:
            return
    row.save()


def random_changes(rng: random.Random, personas: dict[str, Any], n: int) -> None:
    changes: list[Callable[[], None]] = [
        lambda: move_participant(rng),
        lambda: change_application(rng),
        lambda: review_recommendation(rng),
        lambda: change_plan(rng, personas),
        lambda: change_extension(rng, personas),
        lambda: decide_service_plan(rng),
        lambda: change_referral(rng),
        lambda: change_placement(rng),
    ]
    for _ in range(n):
        rng.choice(changes)()


# ---- the tests ----


def test_a_ledger_built_counts_as_the_database(journeys: dict[str, Any]) -> None:
    ledger.build()
    assert_groups_hold_their_entries()
    for period in (default_period(), cut_period()):
        assert_ledger_counts_as_the_database(period)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_refreshed_ledger_counts_as_the_database_after_random_changes(
    journeys: dict[str, Any], seed: int
) -> None:
    ledger.build()
    rng = random.Random(seed)
    for _ in range(3):
        random_changes(rng, journeys, 25)
        refreshed = ledger.refresh()
        assert refreshed is not None
        assert sum(refreshed.moved.values()) > 0
        assert_groups_hold_their_entries()
        for period in (default_period(), cut_period()):
            assert_ledger_counts_as_the_database(period)


def test_a_refresh_read_in_small_chunks_counts_as_the_database(
    journeys: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside PostgreSQL a refresh reads its ids by chunks: a chunk of a few ids splits the
    rows, their participants, entries and groups across many queries."""
    ledger.build()
    monkeypatch.setattr(ledger, "CHUNK", 7)
    random_changes(random.Random(4), journeys, 25)
    refreshed = ledger.refresh()
    assert refreshed is not None
    assert sum(refreshed.moved.values()) > 0
    assert_groups_hold_their_entries()
    assert_ledger_counts_as_the_database(cut_period())


def test_a_refresh_with_no_change_moves_nothing(journeys: dict[str, Any]) -> None:
    ledger.build()
    before = sorted(LedgerEntry.objects.values_list("kind", "row_id", "day", "group_id"))
    refreshed = ledger.refresh()
    assert refreshed is not None
    assert sum(refreshed.moved.values()) == 0
    assert sorted(LedgerEntry.objects.values_list("kind", "row_id", "day", "group_id")) == before


def test_saves_that_move_no_group_are_not_read(journeys: dict[str, Any]) -> None:
    person = _pick(random.Random(3), Participant, applications__status=ApplicationStatus.SUBMITTED)
    users = list(journeys.values())
    # A first history record for each (the demo's personas were made without one: a save with
    # no earlier record counts, as a creation does).
    person.save()
    for user in users:
        user.save()
    ledger.build()
    person.save()  # as for a new address: region, program and language as they were
    for user in users:
        user.save()  # as a sign-in saves the last one
    refreshed = ledger.refresh()
    assert refreshed is not None
    assert sum(refreshed.read.values()) == 0


def test_a_refresh_asks_for_a_build_when_there_is_no_ledger_or_its_basis_changed(
    journeys: dict[str, Any],
) -> None:
    assert ledger.refresh() is None
    state = ledger.build()
    state.basis = "another catalogue"
    state.save()
    before = LedgerEntry.objects.count()
    assert ledger.refresh() is None
    assert LedgerEntry.objects.count() == before
    assert not ledger.is_current()


def test_a_region_saved_asks_for_a_build(journeys: dict[str, Any]) -> None:
    ledger.build()
    region = Region.objects.filter(jurisdiction=current_jurisdiction()).first()
    assert region is not None
    region.save()
    assert ledger.refresh() is None


def counted_cells(rows: list[ComputedFigures]) -> dict[tuple[str, str], Any]:
    """The stored cells of each question's flows and rates."""
    found = {}
    for row in rows:
        question = figures.Question.of_row(row)
        counted = {d.id for d in question.definitions() if figures.counted_kind(d, question.by)}
        assert row.payload is not None
        for item in row.payload["results"]:
            if item["id"] in counted:
                found[(row.key, item["id"])] = item["cells"]
    return found


def test_the_scheduled_refresh_stores_the_flows_and_rates_of_a_full_recomputation(
    journeys: dict[str, Any], settings: Any
) -> None:
    settings.SENTIER_STATISTICS_SECONDS = 0
    now = timezone.now()
    first = figures.refresh_scheduled(now)
    assert first.full
    computed = {row.key: row.computed_at for row in first.rows}
    assert LedgerState.objects.get().built_at == now
    rng = random.Random(7)
    random_changes(rng, journeys, 40)
    later = now + dt.timedelta(minutes=1)
    again = figures.refresh_scheduled(later)
    assert not again.full
    assert again.rows
    incremental = counted_cells(again.rows)
    assert incremental
    for row in again.rows:
        parts = figures.parts_of(row.payload or {}, later)
        assert parts["counted"] == later
        # Kept from the full recomputation, and said so.
        assert parts["read"] == parts["pilots"] == computed[row.key]
    full = figures.refresh_scheduled(later + dt.timedelta(minutes=1), full=True)
    assert full.full
    assert counted_cells(full.rows) == incremental


def test_the_first_scheduled_refresh_of_a_day_is_in_full(journeys: dict[str, Any]) -> None:
    now = timezone.now()
    figures.refresh_scheduled(now)
    tomorrow = now + dt.timedelta(days=1)
    assert figures.full_due(tomorrow)
    assert not figures.full_due(now + dt.timedelta(seconds=1))


@override_settings(SENTIER_INSIGHTS_INLINE_FILES=0)
def test_the_page_says_when_each_part_was_computed(
    journeys: dict[str, Any], client_for: Any
) -> None:
    now = timezone.now()
    figures.refresh_scheduled(now)
    later = now + dt.timedelta(minutes=10)
    assert not figures.refresh_scheduled(later).full
    page = client_for("analyst").get("/fr-ca/insights/")
    assert page.status_code == 200
    parts = page.context["report"].parts
    assert parts is not None
    assert parts["counted"] == later
    assert parts["read"] == parts["pilots"] < later
    text = page.content.decode()
    assert "data-parts" in text
    for at in (later, parts["read"]):
        local = timezone.localtime(at)
        assert f"{local.hour} h {local.minute:02d}" in text  # the local moment of each part


@pytest.fixture
def ontario(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    ontario_demo.load_demo()


def test_in_ontario_a_refreshed_ledger_counts_as_the_database(ontario: None) -> None:
    ledger.build()
    rng = random.Random(47)
    for _ in range(10):
        move_participant(rng)
    grants = list(OWApplication.objects.filter(referral__isnull=False)[:3])
    assert grants  # the demo fast-tracks some
    for grant in grants:
        grant.referral = None  # no longer fast-tracked: counted as a referral again
        grant.save()
    refreshed = ledger.refresh()
    assert refreshed is not None
    assert sum(refreshed.moved.values()) > 0
    assert_groups_hold_their_entries()
    period = default_period()
    full = tallies(count_milestones(Scope(), period, COUNTERS))
    assert tallies(ledger.counted(period, COUNTERS)) == full
