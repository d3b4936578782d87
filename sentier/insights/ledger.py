"""The indicators' ledger: an incremental refresh of the flows and rates counted in the database
(issue 17, "Performance": "an incremental refresh after a day's events within 5 s").

For each row a counter of :mod:`sentier.insights.counts` counts (kind, row id), the ledger
keeps the group it was last counted in (:class:`~sentier.insights.models.LedgerEntry`: its
local day, and its group: local month and breakdown values) and, per group, how many rows are
in it (:class:`~sentier.insights.models.LedgerGroup`, the stored table of counts). A refresh
(:func:`refresh`) reads only the rows whose stamp moved since the last one, takes each off its
old group and adds it to its new one (or only takes it off: a row deleted, or that left what
its counter counts, such as a referral now fast-tracked). :func:`counted` gives a period's
groups from the stored counts, as :func:`~sentier.insights.counts.count_milestones` would
count them (whole months from the stored counts, a month the period cuts from its entries by
day); ``tests/test_ledger.py`` compares them after random changes.

**The stamps** are the rows' history (django-simple-history: one indexed ``history_date`` per
save or deletion, deletions included), of the counted row itself and of every row its group
depends on (:func:`sources`: the participant's region, program and language, an application's
channel, the role of who ended a plan, an Ontario Works grant that fast-tracks a referral).
A referral's transitions keep no history (they are only ever added): each is read again with
its referral, whose status moves when one is added. A save is stamped when it is made, not
when its transaction commits: a refresh reads again the changes of the :data:`OVERLAP` before
the last one (reading a row again is harmless: its group is recomputed from what it is now).
A ``QuerySet.update`` writes no history: the writes of the counted columns go through
``save()`` (the plans' ``update`` of pending extensions to refused changes nothing counted).

**How a refresh reads** (a day's changes at a million files: about 19,000 rows read again in a
few seconds): per kind a few statements driven by ids, the ids one array parameter on
PostgreSQL (:func:`among`); the rows without their participants, whose columns are read apart
by id once for every kind (:class:`People`); the groups a row left or joined counted again
from their entries (:func:`_count_again`).

**What rebuilds the ledger in full** (:func:`build`): nothing built yet, another basis (the
jurisdiction, the local zone, the pilot regions, the catalogue version: :func:`basis`), a
change to the regions or programs (their codes are the groups' values), and the nightly full
recomputation (``refresh_indicators --full``).

**Not in the ledger**: the indicators read milestone by milestone (stocks, medians, a referral's
first answer, cohorts) and the pilots' estimates; the incremental refresh of a question keeps
the figures of its last full recomputation for those, and says when each part was computed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.db.models import (
    BooleanField,
    Count,
    Expression,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from sentier.insights.catalogue import catalogue_version
from sentier.insights.counts import COUNTERS, Counter
from sentier.insights.indicators import Counted, Period
from sentier.insights.milestones import Reading, Scope, breakdowns
from sentier.insights.models import LedgerEntry, LedgerGroup, LedgerState
from sentier.intake.models import Application, Recommendation
from sentier.ontario.models import OWApplication
from sentier.paas.models import Placement
from sentier.participants.models import Participant
from sentier.plans.models import Extension, SupportPlan
from sentier.reference.models import Program, Region
from sentier.reference.selectors import current_jurisdiction
from sentier.referrals.models import Referral, ReferralTransition
from sentier.serviceplans.models import ServicePlanRequest

#: Changes stamped this long before the last refresh are read again (a transaction that was
#: still open then commits later, with its earlier stamp).
OVERLAP = dt.timedelta(hours=1)
#: Rows read, compared and written at a time (outside PostgreSQL, for a refresh).
CHUNK = 10_000

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """Rows whose saves can move a counted row's group: ``model``'s history since a moment
    gives the values of its ``column``; the counted rows are those whose ``path`` holds one
    (``path`` ``"id"``: the counted row itself, found even when it was deleted).

    ``fields``: only the saves that changed one of these fields or ``column`` (against the
    row's previous history record), its creations and its deletions count, and ``column``'s
    value before the change counts too (a grant that no longer fast-tracks its referral). A
    participant saved for a new address moves none of its rows; a user signing in (their last
    sign-in saved) moves none of the plans they ended."""

    model: type[models.Model]
    path: str
    column: str = "id"
    fields: tuple[str, ...] = ()


#: What a participant's saves change in a row's group (its region, program and language).
PERSON = ("region_id", "program_id", "preferred_language")


def sources() -> dict[str, tuple[Source, ...]]:
    """Per kind, whose saves can move its rows' groups."""
    person = Source(Participant, "participant_id", fields=PERSON)
    of: dict[type[models.Model], tuple[Source, ...]] = {
        Application: (Source(Application, "id"), person),
        Recommendation: (
            Source(Recommendation, "id"),
            Source(Application, "application_id", fields=("channel",)),
            person,
        ),
        SupportPlan: (
            Source(SupportPlan, "id"),
            person,
            Source(get_user_model(), "ended_by_id", fields=("role",)),
        ),
        Extension: (
            Source(Extension, "id"),
            Source(SupportPlan, "plan_id", fields=("request_channel", "participant_id")),
            Source(Participant, "plan__participant_id", fields=PERSON),
        ),
        ServicePlanRequest: (Source(ServicePlanRequest, "id"), person),
        Referral: (
            Source(Referral, "id"),
            person,
            Source(OWApplication, "id", column="referral_id", fields=("referral_id",)),
        ),
        ReferralTransition: (
            Source(Referral, "referral_id"),
            Source(Participant, "referral__participant_id", fields=PERSON),
            Source(OWApplication, "referral_id", column="referral_id", fields=("referral_id",)),
        ),
        Placement: (Source(Placement, "id"), person),
    }
    return {kind: of[counter.rows().model] for kind, counter in COUNTERS.items()}


def basis() -> str:
    """What the groups are made under: another basis rebuilds the ledger in full."""
    reading = Reading()
    return ":".join(
        [
            catalogue_version(),
            current_jurisdiction(),
            str(reading.zone),
            ",".join(sorted(reading.pilots)),
        ]
    )


def _dims_text(dims: Mapping[str, str]) -> str:
    return json.dumps(dims, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Place:
    """Where a row is counted: its local day, and its group (local month, breakdown values)."""

    day: dt.date
    month: str
    dims: str


def places(counter: Counter, reading: Reading) -> Iterator[tuple[int, Place]]:
    """Each row the counter counts and where it is counted: what
    :func:`sentier.insights.counts.count` groups, one row at a time."""
    via, moment = counter.via, counter.moment
    person = (f"{via}region__code", f"{via}program__code", f"{via}preferred_language")
    rows = counter.rows().filter(Scope(regions=None).q(via), **{f"{moment}__isnull": False})
    made: dict[tuple[Any, ...], str] = {}
    values = rows.order_by().values("id", moment, *person, *counter.columns)
    for row in values.iterator(chunk_size=CHUNK):
        key = tuple(row[name] for name in (*person, *counter.columns))
        text = made.get(key)
        if text is None:
            dims = breakdowns(reading, str(key[0]), key[1], key[2], None, counter.own(row))
            text = made[key] = _dims_text(dims)
        yield row["id"], _place(counter, reading, row[moment], text)


def _place(counter: Counter, reading: Reading, at: Any, dims: str) -> Place:
    day = at if counter.is_date else at.astimezone(reading.zone).date()
    return Place(day, f"{day.year:04d}-{day.month:02d}", dims)


class People:
    """The participant columns a row's group takes (region and program codes, language), read
    by id once per refresh for every kind; ``None``: not in the jurisdiction (not counted)."""

    def __init__(self) -> None:
        jurisdiction = current_jurisdiction()
        self.regions = dict(
            Region.objects.filter(jurisdiction=jurisdiction).values_list("id", "code")
        )
        self.programs = dict(Program.objects.values_list("id", "code"))
        self.known: dict[int, tuple[str, Any, Any] | None] = {}

    def of(self, ids: Iterable[int]) -> dict[int, tuple[str, Any, Any] | None]:
        missing = sorted({i for i in ids if i not in self.known})
        for chunk in _chunks(missing):
            self.known.update(dict.fromkeys(chunk))
            rows = Participant.objects.filter(among("id", chunk)).order_by()
            for pk, region, program, language in rows.values_list(
                "id", "region_id", "program_id", "preferred_language"
            ):
                code = self.regions.get(region)
                if code is not None:
                    self.known[pk] = (str(code), self.programs.get(program), language)
        return self.known


def places_of(
    counter: Counter, reading: Reading, ids: Sequence[int], people: People
) -> dict[int, Place]:
    """Where these rows are counted now (those the counter counts): :func:`places` for a few
    rows, each table read by id (its participants apart, by id: joined to the counted rows, a
    few thousand ids had PostgreSQL hash a million participants)."""
    via, moment = counter.via, counter.moment
    day = F(moment) if counter.is_date else TruncDate(moment, tzinfo=reading.zone)
    found: list[dict[str, Any]] = []
    for chunk in _chunks(ids):
        rows = counter.rows().filter(among("id", chunk), **{f"{moment}__isnull": False})
        found.extend(rows.order_by().values("id", f"{via}id", *counter.columns, local_day=day))
    person = people.of(row[f"{via}id"] for row in found)
    made: dict[tuple[Any, ...], str] = {}
    now: dict[int, Place] = {}
    for row in found:
        columns = person.get(row[f"{via}id"])
        if columns is None:
            continue
        key = (*columns, *(row[name] for name in counter.columns))
        text = made.get(key)
        if text is None:
            dims = breakdowns(reading, columns[0], columns[1], columns[2], None, counter.own(row))
            text = made[key] = _dims_text(dims)
        local: dt.date = row["local_day"]
        now[row["id"]] = Place(local, f"{local.year:04d}-{local.month:02d}", text)
    return now


class _Among(Expression):
    """PostgreSQL: ``column = ANY(%s)`` with the ids as one array parameter (a list of ten
    thousand ``IN`` parameters costs more to build and parse than the rows it fetches)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, path: str, ids: Sequence[Any]) -> None:
        super().__init__()
        self.path: Any = F(path)
        self.ids = list(ids)

    def get_source_expressions(self) -> list[Any]:
        return [self.path]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.path,) = exprs

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        sql, params = compiler.compile(self.path)
        if all(type(i) is int for i in self.ids):
            # The array's text made at once (psycopg quotes a list element by element).
            array = "{" + ",".join(map(str, self.ids)) + "}"
            return f"{sql} = ANY(%s::bigint[])", (*params, array)
        return f"{sql} = ANY(%s)", (*params, self.ids)


def among(path: str, ids: Sequence[Any]) -> Q | _Among:
    """A filter: ``path`` is one of ``ids`` (one array parameter on PostgreSQL)."""
    if connection.vendor == "postgresql":
        return _Among(path, ids)
    return Q(**{f"{path}__in": ids})


def _chunks(ids: Sequence[T]) -> Iterator[Sequence[T]]:
    """PostgreSQL takes every id in one array; other databases limit a query's parameters."""
    if connection.vendor == "postgresql":
        if ids:
            yield ids
        return
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# ---- building ----


@contextmanager
def _planned_for_every_row() -> Iterator[None]:
    """PostgreSQL plans a cursor's query for its first tenth of rows; every row is read here
    (with tables never analyzed, a fast start chose nested loops over every referral)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('cursor_tuple_fraction')")
        (was,) = cursor.fetchone() or ("0.1",)
        cursor.execute("SELECT set_config('cursor_tuple_fraction', '1.0', true)")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('cursor_tuple_fraction', %s, true)", [was])


@transaction.atomic
def build(now: dt.datetime | None = None) -> LedgerState:
    """The ledger made again from every counted row (the changes made while it is built are
    read by the next refresh: it reads from when this began)."""
    now = now or timezone.now()
    LedgerEntry.objects.all().delete()
    LedgerGroup.objects.all().delete()
    reading = Reading()
    for kind, counter in COUNTERS.items():
        rows: dict[tuple[str, str], list[tuple[int, dt.date]]] = defaultdict(list)
        with _planned_for_every_row():
            for row_id, place in places(counter, reading):
                rows[(place.month, place.dims)].append((row_id, place.day))
        groups = LedgerGroup.objects.bulk_create(
            [
                LedgerGroup(kind=kind, month=month, dims=dims, n=len(members))
                for (month, dims), members in rows.items()
            ],
            batch_size=CHUNK,
        )
        entries = (
            LedgerEntry(kind=kind, row_id=row_id, day=day, group_id=group.pk)
            for group in groups
            for row_id, day in rows[(group.month, group.dims)]
        )
        _create(entries)
    LedgerState.objects.all().delete()
    return LedgerState.objects.create(basis=basis(), built_at=now, refreshed_at=now)


def _create(entries: Iterable[LedgerEntry]) -> None:
    batch: list[LedgerEntry] = []
    for entry in entries:
        batch.append(entry)
        if len(batch) == CHUNK * 5:
            LedgerEntry.objects.bulk_create(batch)
            batch = []
    if batch:
        LedgerEntry.objects.bulk_create(batch)


# ---- refreshing ----


def touched(kind: str, since: dt.datetime, known: dict[Any, Any] | None = None) -> list[int]:
    """The ids of the rows of ``kind`` whose group may have moved since ``since``: those with a
    change of their own or of a row their group depends on (deleted rows included).
    ``known``: what one refresh has found already (a participant's saves serve every kind,
    a plan's rows both its kinds)."""
    known = {} if known is None else known
    model = COUNTERS[kind].rows().model
    key = (model, sources()[kind])
    if key in known:
        return list(known[key])
    found: set[int] = set()
    for source in sources()[kind]:
        saves = (source.model, source.column, source.fields)
        if saves not in known:
            known[saves] = sorted(stamped(source, since))
        values = known[saves]
        if source.path == "id":
            found.update(values)
            continue
        for chunk in _chunks(values):
            rows = model.objects.filter(among(source.path, chunk))
            found.update(rows.order_by().values_list("id", flat=True))
    known[key] = sorted(found)
    return list(known[key])


def stamped(source: Source, since: dt.datetime) -> set[Any]:
    """The values of ``source.column`` in the saves of ``source.model`` since ``since`` that can
    move a group (see :class:`Source`)."""
    history = source.model.history.model  # type: ignore[attr-defined]
    recent = history.objects.filter(history_date__gte=since).order_by()
    if not source.fields:
        values = recent.exclude(**{f"{source.column}__isnull": True}).values_list(source.column)
        return {value for (value,) in values.distinct()}
    compared = tuple(dict.fromkeys((source.column, *source.fields)))
    at = 2 + compared.index(source.column)
    # Every record of the rows saved since, in the order written (a record can be
    # backdated): each save since is compared with the row's record written before it.
    records = (
        history.objects.filter(id__in=recent.values("id"))
        .order_by("id", "history_id")
        .values_list(
            "id",
            "history_type",
            *compared,
            ExpressionWrapper(Q(history_date__gte=since), output_field=BooleanField()),
        )
    )
    found: set[Any] = set()
    before: tuple[Any, ...] | None = None
    for record in records:
        was = before if before is not None and before[0] == record[0] else None
        before = record
        if not record[-1]:
            continue
        if record[1] != "~" or was is None or record[2:-1] != was[2:-1]:
            found.add(record[at])
            if was is not None:
                found.add(was[at])
    found.discard(None)
    return found


@dataclass
class Refreshed:
    """What a refresh did: the rows read again, and those that changed group (per kind)."""

    read: dict[str, int]
    moved: dict[str, int]
    since: dt.datetime


def reference_changed(since: dt.datetime) -> bool:
    """A region or program saved since: their codes are in the groups (a full rebuild)."""
    return any(
        model.history.filter(history_date__gte=since).exists() for model in (Region, Program)
    )


def refresh(now: dt.datetime | None = None) -> Refreshed | None:
    """Move the rows changed since the last refresh (less :data:`OVERLAP`) to their groups;
    ``None``: the ledger must be built in full first (:func:`build`)."""
    now = now or timezone.now()
    with transaction.atomic():
        state = LedgerState.objects.select_for_update().first()
        if state is None or state.basis != basis():
            return None
        since = state.refreshed_at - OVERLAP
        # What was saved before the build is in it (a rebuild made for each would never end).
        if reference_changed(max(since, state.built_at)):
            return None
        reading = Reading()
        people = People()
        done = Refreshed(read={}, moved={}, since=since)
        known: dict[Any, Any] = {}
        for kind, counter in COUNTERS.items():
            ids = touched(kind, since, known)
            done.read[kind] = len(ids)
            done.moved[kind] = _move(kind, places_of(counter, reading, ids, people), ids)
        state.refreshed_at = now
        state.save(update_fields=["refreshed_at"])
    return done


def _move(kind: str, now: Mapping[int, Place], ids: Sequence[int]) -> int:
    """Put these rows of ``kind`` where they are counted ``now`` (a row not in it: no longer
    counted); how many moved. The groups they left or joined are counted again from their
    entries."""
    old: dict[int, tuple[int, dt.date, int]] = {}
    for chunk in _chunks(ids):
        entries = LedgerEntry.objects.filter(among("row_id", chunk), kind=kind).order_by()
        for pk, row_id, day, group in entries.values_list("pk", "row_id", "day", "group_id"):
            old[row_id] = (pk, day, group)
    was: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(sorted({group for _, _, group in old.values()})):
        groups = LedgerGroup.objects.filter(among("id", chunk)).order_by()
        was.update(
            (pk, (month, dims)) for pk, month, dims in groups.values_list("id", "month", "dims")
        )
    gone: list[int] = []
    left: set[int] = set()
    added: list[tuple[int, Place]] = []
    for row_id in ids:
        entry, place = old.get(row_id), now.get(row_id)
        if entry is not None:
            pk, day, group = entry
            if place is not None and Place(day, *was[group]) == place:
                continue
            gone.append(pk)
            left.add(group)
        if place is not None:
            added.append((row_id, place))
    changed = len(gone) + sum(1 for row_id, _ in added if row_id not in old)
    if not changed:
        return 0
    for chunk in _chunks(gone):
        LedgerEntry.objects.filter(among("id", chunk)).delete()
    joined = _groups(kind, {(place.month, place.dims) for _, place in added})
    LedgerEntry.objects.bulk_create(
        (
            LedgerEntry(
                kind=kind, row_id=row_id, day=place.day, group=joined[(place.month, place.dims)]
            )
            for row_id, place in added
        ),
        batch_size=CHUNK * 5,
    )
    _count_again(sorted(left | {group.pk for group in joined.values()}))
    return changed


def _count_again(group_ids: Sequence[int]) -> None:
    """These groups' counts made again from their entries; those left empty removed."""
    entries = (
        LedgerEntry.objects.filter(group_id=OuterRef("pk"))
        .order_by()
        .values("group_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    for chunk in _chunks(group_ids):
        LedgerGroup.objects.filter(among("id", chunk)).update(n=Coalesce(Subquery(entries), 0))
        LedgerGroup.objects.filter(among("id", chunk), n__lte=0).delete()


def _groups(kind: str, keys: set[tuple[str, str]]) -> dict[tuple[str, str], LedgerGroup]:
    """These groups of ``kind``, those not kept yet made (with no row in them)."""
    found: dict[tuple[str, str], LedgerGroup] = {}
    months = sorted({month for month, _ in keys})
    for chunk in _chunks(sorted({dims for _, dims in keys})):
        groups = LedgerGroup.objects.filter(among("dims", chunk), kind=kind, month__in=months)
        for group in groups.order_by().only("id", "month", "dims"):
            if (group.month, group.dims) in keys:
                found[(group.month, group.dims)] = group
    missing = sorted(key for key in keys if key not in found)
    made = LedgerGroup.objects.bulk_create(
        [LedgerGroup(kind=kind, month=month, dims=dims, n=0) for month, dims in missing]
    )
    found.update({(g.month, g.dims): g for g in made})
    return found


# ---- reading ----


def is_current() -> bool:
    """A ledger exists, made under the current basis."""
    state = LedgerState.objects.first()
    return state is not None and state.basis == basis()


def counted(period: Period, kinds: Iterable[str]) -> dict[str, list[Counted]]:
    """The groups of each kind within the period, for the whole jurisdiction (what
    :func:`~sentier.insights.counts.count_milestones` counts, read from the ledger): a month
    the period holds whole is its stored groups as they are (one per kind, month and breakdown
    values: nothing to add up), a month it cuts is its entries counted by day."""
    kinds = sorted(set(kinds))
    whole, cut = [], []
    for month in period.months():
        year, number = int(month[:4]), int(month[5:])
        first = dt.date(year, number, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        if period.start <= first and last <= period.end:
            whole.append(month)
        else:
            cut.append((month, max(first, period.start), min(last, period.end)))
    found: dict[str, list[Counted]] = {kind: [] for kind in kinds}
    parsed: dict[str, dict[str, str]] = {}

    def add(kind: str, month: str, dims: str, n: int) -> None:
        values = parsed.get(dims)
        if values is None:
            values = parsed[dims] = json.loads(dims)
        found[kind].append(Counted({**values, "month": month}, n))

    groups = LedgerGroup.objects.filter(kind__in=kinds, month__in=whole, n__gt=0).order_by()
    for kind, month, dims, n in groups.values_list("kind", "month", "dims", "n"):
        add(kind, month, dims, n)
    for month, start, end in cut:
        days = (
            LedgerEntry.objects.filter(kind__in=kinds, day__gte=start, day__lte=end)
            .order_by()
            .values_list("kind", "group__dims")
            .annotate(n=Count("*"))
        )
        for kind, dims, n in days:
            add(kind, month, dims, n)
    return found
