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
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Subquery
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
#: Rows read, compared and written at a time.
CHUNK = 10_000


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


def places(
    counter: Counter, reading: Reading, ids: Sequence[int] | None = None
) -> Iterator[tuple[int, Place]]:
    """Each row the counter counts (of ``ids`` only, if given) and where it is counted: what
    :func:`sentier.insights.counts.count` groups, one row at a time."""
    via, moment = counter.via, counter.moment
    person = (f"{via}region__code", f"{via}program__code", f"{via}preferred_language")
    rows = counter.rows().filter(Scope(regions=None).q(via), **{f"{moment}__isnull": False})
    if ids is not None:
        rows = rows.filter(id__in=ids)
    made: dict[tuple[Any, ...], str] = {}
    values = rows.order_by().values("id", moment, *person, *counter.columns)
    # Every row: a cursor that fetches by chunks; a chunk of ids: one fetch (a server-side
    # cursor costs more round trips than the rows).
    for row in values.iterator(chunk_size=CHUNK) if ids is None else values:
        at = row[moment]
        day = at if counter.is_date else at.astimezone(reading.zone).date()
        key = tuple(row[name] for name in (*person, *counter.columns))
        text = made.get(key)
        if text is None:
            own = counter.own(row)
            dims = breakdowns(
                reading, str(row[person[0]]), row[person[1]], row[person[2]], None, own
            )
            text = made[key] = _dims_text(dims)
        yield row["id"], Place(day, f"{day.year:04d}-{day.month:02d}", text)


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


# ---- building ----


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
            rows = model.objects.filter(**{f"{source.path}__in": chunk})
            found.update(rows.order_by().values_list("id", flat=True))
    known[key] = sorted(found)
    return list(known[key])


def stamped(source: Source, since: dt.datetime) -> set[Any]:
    """The values of ``source.column`` in the saves of ``source.model`` since ``since`` that can
    move a group (see :class:`Source`)."""
    history = source.model.history.model  # type: ignore[attr-defined]
    rows = history.objects.filter(history_date__gte=since).order_by()
    if not source.fields:
        values = rows.exclude(**{f"{source.column}__isnull": True}).values_list(source.column)
        return {value for (value,) in values.distinct()}
    compared = tuple(dict.fromkeys((source.column, *source.fields)))
    # The row's record written before this one (in the order written: a record can be
    # backdated).
    earlier = history.objects.filter(
        id=OuterRef("id"), history_id__lt=OuterRef("history_id")
    ).order_by("-history_id")
    annotated = rows.annotate(
        had=Exists(earlier), **{f"was_{f}": Subquery(earlier.values(f)[:1]) for f in compared}
    )
    found: set[Any] = set()
    for row in annotated.values("history_type", "had", *compared, *(f"was_{f}" for f in compared)):
        if (
            row["history_type"] != "~"
            or not row["had"]
            or any(row[f] != row[f"was_{f}"] for f in compared)
        ):
            found.update({row[source.column], row[f"was_{source.column}"]})
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
        done = Refreshed(read={}, moved={}, since=since)
        known: dict[Any, Any] = {}
        for kind, counter in COUNTERS.items():
            ids = touched(kind, since, known)
            done.read[kind] = len(ids)
            done.moved[kind] = sum(_move(kind, counter, reading, chunk) for chunk in _chunks(ids))
        state.refreshed_at = now
        state.save(update_fields=["refreshed_at"])
    return done


def _move(kind: str, counter: Counter, reading: Reading, ids: Sequence[int]) -> int:
    """Put these rows of ``kind`` where they are counted now; how many moved."""
    now = dict(places(counter, reading, ids))
    entries = LedgerEntry.objects.filter(kind=kind, row_id__in=ids).order_by()
    old = {
        row_id: (pk, Place(day, month, dims))
        for pk, row_id, day, month, dims in entries.values_list(
            "pk", "row_id", "day", "group__month", "group__dims"
        )
    }
    delta: dict[tuple[str, str], int] = defaultdict(int)
    gone: list[int] = []
    added: list[tuple[int, Place]] = []
    changed = 0
    for row_id in ids:
        entry, place = old.get(row_id), now.get(row_id)
        if entry is None and place is None:
            continue
        if entry is not None:
            pk, was = entry
            if was == place:
                continue
            delta[(was.month, was.dims)] -= 1
            gone.append(pk)
        changed += 1
        if place is not None:
            delta[(place.month, place.dims)] += 1
            added.append((row_id, place))
    if not changed:
        return 0
    LedgerEntry.objects.filter(pk__in=gone).delete()
    groups = _groups(kind, set(delta))
    for key, n in delta.items():
        groups[key].n += n
    LedgerGroup.objects.bulk_update(groups.values(), ["n"], batch_size=CHUNK)
    LedgerEntry.objects.bulk_create(
        LedgerEntry(
            kind=kind, row_id=row_id, day=place.day, group=groups[(place.month, place.dims)]
        )
        for row_id, place in added
    )
    LedgerGroup.objects.filter(pk__in=[g.pk for g in groups.values() if g.n <= 0]).delete()
    return changed


def _groups(kind: str, keys: set[tuple[str, str]]) -> dict[tuple[str, str], LedgerGroup]:
    """These groups of ``kind``, those not kept yet made (with no row in them)."""
    found: dict[tuple[str, str], LedgerGroup] = {}
    for month in {month for month, _ in keys}:
        dims = [d for m, d in keys if m == month]
        for group in LedgerGroup.objects.filter(kind=kind, month=month, dims__in=dims):
            found[(group.month, group.dims)] = group
    missing = [key for key in keys if key not in found]
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
    :func:`~sentier.insights.counts.count_milestones` counts, read from the ledger)."""
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
    merged: dict[str, dict[tuple[str, str], int]] = {kind: defaultdict(int) for kind in kinds}
    rows = LedgerGroup.objects.filter(kind__in=kinds, month__in=whole).order_by()
    for kind, month, dims, n in rows.values_list("kind", "month", "dims", "n").iterator(
        chunk_size=CHUNK * 5
    ):
        merged[kind][(month, dims)] += n
    for month, start, end in cut:
        days = (
            LedgerEntry.objects.filter(kind__in=kinds, day__gte=start, day__lte=end)
            .order_by()
            .values("kind", "group__dims")
            .annotate(n=Count("*"))
        )
        for row in days:
            merged[row["kind"]][(month, row["group__dims"])] += row["n"]
    parsed: dict[str, dict[str, str]] = {}
    found: dict[str, list[Counted]] = {}
    for kind, groups in merged.items():
        found[kind] = []
        for (month, dims), n in groups.items():
            if n <= 0:
                continue
            values = parsed.get(dims)
            if values is None:
                values = parsed[dims] = json.loads(dims)
            found[kind].append(Counted({**values, "month": month}, n))
    return found
