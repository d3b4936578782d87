"""The indicators' figures, computed in the background and kept in the database, so that no page
ever waits for a recomputation at scale (issue 17, "Performance").

A *question* is what a page, an export or the command line asks: a scope, a period, breakdowns,
indicators, a threshold, under one catalogue version. Its answer, the protected cells and the
pilots' estimates, is one :class:`~sentier.insights.models.ComputedFigures` row, computed by
:func:`compute` (every figure through :mod:`sentier.insights.disclosure`, as before) and
stored with the moment it was computed.

What a page does with a question (:func:`answer`):

- figures younger than ``SENTIER_STATISTICS_SECONDS``: shown, nothing else is read;
- a small database (at most ``SENTIER_INSIGHTS_INLINE_FILES`` files in the scope, counted with
  a bounded query): computed there and then, as the demo and the tests expect; the bound is
  measured (docs/benchmarks.md, "Indicators at scale"), not a switch;
- otherwise the last figures of the question are shown with the moment they were computed, and
  a refresh is queued (:func:`refresh_figures`, django-tasks, run by ``task_worker``) unless one
  is already under way. A question whose period ends today (the default view) shows, until its
  first computation, the last figures of the same question ending an earlier day: the page says
  which period they cover. With nothing computed yet the page says the figures are being
  prepared.

``sentier refresh_indicators`` (in ``sentier scheduled``, hourly) computes the default views of
every scope (every region, and each region alone) and every question asked in the last week
that is out of date, reading the milestones once for all of them: in full on the first run of a
local day (:func:`refresh_scheduled`, which builds the ledger of :mod:`sentier.insights.ledger`
again), otherwise by counting the flows and rates again from the refreshed ledger and keeping the
rest of the last full recomputation (:func:`recount_due`; the payload says when each part was
computed).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import operator
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from sentier.insights import disclosure, ledger
from sentier.insights.catalogue import Definition, catalogue_version, current, definition
from sentier.insights.counts import COUNTERS, count_milestones, in_regions
from sentier.insights.disclosure import Cell
from sentier.insights.hooks import pilot_estimates
from sentier.insights.indicators import (
    COUNTABLE,
    SERVED_APPLICATIONS_ONLY,
    Counted,
    Period,
    Result,
    compute_counted,
    keys_of,
    kinds_read,
)
from sentier.insights.indicators import compute as compute_indicator
from sentier.insights.milestones import Kind, Milestone, Milestones, Scope, load_milestones
from sentier.insights.models import ComputedFigures, LedgerState
from sentier.participants.models import Participant
from sentier.reference.selectors import current_jurisdiction, list_current_regions

#: A queued refresh not finished after this long is queued again (its worker was lost).
REFRESH_LEASE = dt.timedelta(hours=1)
#: Questions asked this recently are kept up to date by ``refresh_indicators``.
KEPT_FRESH = dt.timedelta(days=7)


@dataclass(frozen=True)
class Question:
    scope: Scope
    period: Period
    by: tuple[str, ...]
    indicators: tuple[str, ...] | None
    threshold: int
    jurisdiction: str
    catalogue_version: str

    @classmethod
    def of(
        cls,
        scope: Scope,
        period: Period,
        by: Sequence[str],
        indicators: Sequence[str] | None,
        threshold: int,
    ) -> Question:
        known = [d.id for d in current()]
        only = None if indicators is None else tuple(i for i in known if i in indicators)
        return cls(
            scope=scope,
            period=period,
            by=tuple(by),
            indicators=only,
            threshold=threshold,
            jurisdiction=current_jurisdiction(),
            catalogue_version=catalogue_version(),
        )

    @property
    def regions_text(self) -> str:
        return ",".join(sorted(self.scope.regions)) if self.scope.regions is not None else "*"

    def _text(self, end: str) -> str:
        return ":".join(
            [
                self.catalogue_version,
                self.jurisdiction,
                self.regions_text,
                self.period.start.isoformat(),
                end,
                ",".join(self.by),
                "*" if self.indicators is None else ",".join(self.indicators),
                str(self.threshold),
            ]
        )

    @property
    def key(self) -> str:
        return hashlib.sha256(self._text(self.period.end.isoformat()).encode()).hexdigest()

    @property
    def family(self) -> str:
        """The same question with its period ending any day."""
        return hashlib.sha256(self._text("…").encode()).hexdigest()

    def definitions(self) -> list[Definition]:
        return [d for d in current() if self.indicators is None or d.id in self.indicators]

    @classmethod
    def of_row(cls, row: ComputedFigures) -> Question:
        return cls(
            scope=Scope(regions=None if row.regions == "*" else frozenset(row.regions.split(","))),
            period=Period(row.period_start, row.period_end),
            by=tuple(b for b in row.breakdowns.split(",") if b),
            indicators=None if row.indicators == "*" else tuple(row.indicators.split(",")),
            threshold=row.threshold,
            jurisdiction=row.jurisdiction,
            catalogue_version=row.catalogue_version,
        )


@dataclass(frozen=True)
class Figures:
    """What is shown: the cells and estimates, the period they cover, when they were computed.
    ``preparing``: nothing is computed yet (the page says so, and shows no table)."""

    results: list[Result]
    pilots: list[dict[str, Any]]
    period: Period
    computed_at: dt.datetime | None
    preparing: bool = False
    #: When each part was last computed (:data:`PARTS`), when they differ from ``computed_at``.
    parts: Mapping[str, dt.datetime] | None = None


# ---- computing ----


def scope_regions(scope: Scope) -> list[str]:
    codes = [region.code for region in list_current_regions()]
    if scope.regions is None:
        return codes
    return [code for code in codes if code in scope.regions]


def in_scope(milestones: Sequence[Milestone], scope: Scope) -> Milestones:
    """The milestones of a region scope, out of the whole jurisdiction's (each milestone carries
    its region, as :meth:`Scope.q` filters the rows it comes from)."""
    if scope.regions is None:
        return milestones if isinstance(milestones, Milestones) else Milestones(milestones)
    regions = scope.regions
    return Milestones(m for m in milestones if m.dims.get("region") in regions)


def counted_kind(definition: Definition, by: Sequence[str]) -> str | None:
    """The kind whose groups, counted in the database, give the indicator's cells for these
    breakdowns (:mod:`sentier.insights.counts`); ``None``: it reads milestones one by one."""
    countable = COUNTABLE.get(definition.compute)
    if countable is None or countable.kind not in COUNTERS:
        return None
    if "age_band" in keys_of(definition, by):
        return None  # each milestone's day against a birth date: read one by one
    return countable.kind


@dataclass(frozen=True)
class Reads:
    """What computing questions reads: the kinds counted in the database, the kinds of
    milestones read one by one, and whether every application is read (or only those of
    participants who began a service: all that the days to a first service need)."""

    counted: frozenset[str]
    kinds: frozenset[str]
    all_applications: bool

    def __or__(self, other: Reads) -> Reads:
        return Reads(
            self.counted | other.counted,
            self.kinds | other.kinds,
            self.all_applications or other.all_applications,
        )


def reads(question: Question) -> Reads:
    counted: set[str] = set()
    kinds: set[str] = set()
    all_applications = False
    for d in question.definitions():
        kind = counted_kind(d, question.by)
        if kind is not None:
            counted.add(kind)
            continue
        read = kinds_read(d.compute)
        kinds.update(read)
        if Kind.APPLICATION_SENT in read and d.compute not in SERVED_APPLICATIONS_ONLY:
            all_applications = True
    return Reads(frozenset(counted), frozenset(kinds), all_applications)


def read_milestones(scope: Scope, read: Reads) -> Milestones:
    """The milestones of ``read.kinds`` in the scope; the applications only of participants
    who began a service, unless every application is needed."""
    if Kind.APPLICATION_SENT not in read.kinds or read.all_applications:
        return load_milestones(scope, kinds=read.kinds)
    return load_milestones(scope, kinds=read.kinds, served_only=[Kind.APPLICATION_SENT])


def compute(
    question: Question,
    milestones: Sequence[Milestone] | None = None,
    *,
    counted: Mapping[str, list[Counted]] | None = None,
    pilots: list[dict[str, Any]] | None = None,
) -> tuple[list[Result], list[dict[str, Any]]]:
    """Every indicator of the question, protected, and the pilots' estimates (the expensive
    part: never inside a request at scale). The flows and rates are counted in the database
    (``counted``, by kind), the others read their kinds' milestones; what is not given is
    read here."""
    read = reads(question)
    if counted is None:
        counted = count_milestones(question.scope, question.period, read.counted)
    if milestones is None:
        milestones = read_milestones(question.scope, read)
    regions = scope_regions(question.scope)
    results = []
    for d in question.definitions():
        kind = counted_kind(d, question.by)
        if kind is None:
            result = compute_indicator(
                d,
                milestones,
                period=question.period,
                by=question.by,
                regions=regions,
                threshold=question.threshold,
            )
        else:
            result = compute_counted(
                d,
                counted[kind],
                period=question.period,
                by=question.by,
                regions=regions,
                threshold=question.threshold,
            )
        results.append(result)
    del milestones
    if pilots is None:
        pilots = pilot_estimates(question.period, question.scope)
    return results, pilots


def _finite(value: Any) -> Any:
    """JSON as PostgreSQL keeps it: no NaN nor infinity (an estimate that is not a number)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


#: The parts of a question's figures, each with when it was last computed: the flows and rates
#: (counted in the database, or refreshed from the ledger: :mod:`sentier.insights.ledger`), the
#: indicators read milestone by milestone, and the pilots' estimates (only the first is
#: refreshed incrementally; the others on the full schedule).
PARTS = ("counted", "read", "pilots")


def to_payload(
    results: Iterable[Result],
    pilots: list[dict[str, Any]],
    parts: Mapping[str, dt.datetime] | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = _finite(
        {
            "parts": {name: at.isoformat() for name, at in (parts or {}).items()},
            "results": [
                {
                    "id": r.definition.id,
                    "version": r.definition.version,
                    "by": list(r.by),
                    "cells": [c.as_dict() for c in r.cells],
                }
                for r in results
            ],
            "pilots": pilots,
        }
    )
    return payload


def from_payload(payload: dict[str, Any]) -> tuple[list[Result], list[dict[str, Any]]]:
    results = [
        Result(
            definition=definition(item["id"], item["version"]),
            by=tuple(item["by"]),
            cells=[
                Cell(
                    group=cell["group"],
                    value=cell["value"],
                    numerator=cell["numerator"],
                    denominator=cell["denominator"],
                    suppressed=cell["suppressed"],
                )
                for cell in item["cells"]
            ],
        )
        for item in payload["results"]
    ]
    return results, list(payload["pilots"])


def parts_of(payload: dict[str, Any], computed_at: dt.datetime) -> dict[str, dt.datetime]:
    """When each part of stored figures was computed (figures stored before the ledger: all
    at ``computed_at``)."""
    kept = payload.get("parts") or {}
    return {
        name: dt.datetime.fromisoformat(kept[name]) if name in kept else computed_at
        for name in PARTS
    }


def store(
    question: Question,
    results: list[Result],
    pilots: list[dict[str, Any]],
    *,
    seconds: float,
    computed_at: dt.datetime | None = None,
    parts: Mapping[str, dt.datetime] | None = None,
) -> ComputedFigures:
    """Keep the answer (a new row, or the question's row updated); ``parts``: when each part
    was computed, if not all at ``computed_at``."""
    computed_at = computed_at or timezone.now()
    fields = {
        "payload": to_payload(results, pilots, parts or dict.fromkeys(PARTS, computed_at)),
        "computed_at": computed_at,
        "seconds": round(seconds, 3),
    }
    row = _row(question)
    for name, value in fields.items():
        setattr(row, name, value)
    row.save(update_fields=[*fields])
    return row


def _row(question: Question) -> ComputedFigures:
    """The question's row, created (with nothing computed) if it is new."""
    defaults = {
        "family": question.family,
        "regions": question.regions_text,
        "jurisdiction": question.jurisdiction,
        "period_start": question.period.start,
        "period_end": question.period.end,
        "breakdowns": ",".join(question.by),
        "indicators": "*" if question.indicators is None else ",".join(question.indicators),
        "threshold": question.threshold,
        "catalogue_version": question.catalogue_version,
    }
    try:
        with transaction.atomic():
            # The payload kept is replaced: not read (a few megabytes of JSON at scale).
            row, _ = ComputedFigures.objects.defer("payload").get_or_create(
                key=question.key, defaults=defaults
            )
    except IntegrityError:  # asked at the same moment by another request
        row = ComputedFigures.objects.defer("payload").get(key=question.key)
    return row


def compute_and_store(
    question: Question,
    milestones: Sequence[Milestone] | None = None,
    *,
    counted: Mapping[str, list[Counted]] | None = None,
    pilots: list[dict[str, Any]] | None = None,
) -> ComputedFigures:
    started_at = timezone.now()
    start = time.perf_counter()
    results, pilots = compute(question, milestones, counted=counted, pilots=pilots)
    # Dated by when the computation started: what changed while it ran is not in it.
    return store(
        question, results, pilots, seconds=time.perf_counter() - start, computed_at=started_at
    )


# ---- answering a page ----


def small_enough(scope: Scope) -> bool:
    """At most ``SENTIER_INSIGHTS_INLINE_FILES`` files in the scope: a recomputation is quick
    enough to happen inside the request. Counted with a bounded query (it stops at the bound)."""
    bound = settings.SENTIER_INSIGHTS_INLINE_FILES
    if bound <= 0:
        return False
    files = Participant.objects.filter(scope.q("")).order_by().values("pk")[: bound + 1]
    return files.count() <= bound


def is_fresh(row: ComputedFigures | None, now: dt.datetime) -> bool:
    """Computed less than ``SENTIER_STATISTICS_SECONDS`` ago, or less than twice as long as the
    computation took (a question that takes minutes is not recomputed back to back)."""
    if row is None or row.computed_at is None:
        return False
    kept = max(settings.SENTIER_STATISTICS_SECONDS, 2 * (row.seconds or 0))
    return now - row.computed_at < dt.timedelta(seconds=kept)


def _figures(row: ComputedFigures) -> Figures:
    assert row.payload is not None
    assert row.computed_at is not None
    results, pilots = from_payload(row.payload)
    parts = parts_of(row.payload, row.computed_at)
    return Figures(
        results=results,
        pilots=pilots,
        period=Period(row.period_start, row.period_end),
        computed_at=row.computed_at,
        parts=None if len(set(parts.values())) == 1 else parts,
    )


def answer(question: Question, *, wait: bool = False) -> Figures:
    """The figures to show for the question (see the module's notes). ``wait``: compute now
    whatever the size (the command line: whoever runs it waits for it)."""
    now = timezone.now()
    row = ComputedFigures.objects.filter(key=question.key).first()
    if is_fresh(row, now):
        assert row is not None
        return _figures(row)
    if wait or small_enough(question.scope):
        return _figures(compute_and_store(question))
    if row is None:
        row = _row(question)
    request_refresh(row, now)
    if row.computed_at is not None:
        return _figures(row)
    if question.period.end == timezone.localdate():
        earlier = (
            ComputedFigures.objects.filter(
                family=question.family,
                computed_at__isnull=False,
                period_end__lt=question.period.end,
            )
            .order_by("-period_end", "-computed_at")
            .first()
        )
        if earlier is not None:
            return _figures(earlier)
    return Figures(results=[], pilots=[], period=question.period, computed_at=None, preparing=True)


def request_refresh(row: ComputedFigures, now: dt.datetime) -> bool:
    """Queue a refresh of the row unless one is under way (claimed with one conditional
    update: two pages asking at once queue one)."""
    idle = (
        Q(requested_at__isnull=True)
        | Q(requested_at__lt=now - REFRESH_LEASE)
        | Q(computed_at__isnull=False, requested_at__lte=F("computed_at"))
    )
    claimed = ComputedFigures.objects.filter(idle, pk=row.pk).update(requested_at=now)
    if claimed:
        refresh_figures.enqueue(row.key)
    return bool(claimed)


@task()
def refresh_figures(key: str) -> float | None:
    """Compute one question's figures (run by ``task_worker``); the seconds it took."""
    row = ComputedFigures.objects.filter(key=key).first()
    if row is None or row.catalogue_version != catalogue_version():
        return None  # a question of another catalogue version: nobody will be shown it
    if row.jurisdiction != current_jurisdiction():
        return None
    return compute_and_store(Question.of_row(row)).seconds


# ---- the scheduled refresh ----


def default_questions(today: dt.date) -> list[Question]:
    """The question each dashboard opens on: every region (analysts) and each region alone
    (its coordinators), over the default period, with the default breakdowns."""
    from sentier.insights.forms import ReportForm
    from sentier.insights.report import EARLIEST

    period = Period(EARLIEST, today)
    ontario = current_jurisdiction() == "ON"
    scopes = [Scope(regions=None)] + [
        Scope(regions=frozenset({code})) for code in scope_regions(Scope(regions=None))
    ]
    found = []
    for scope in scopes:
        form = ReportForm(None, all_regions=scope.regions is None, ontario=ontario)
        by = tuple(form.default_view.split(","))
        found.append(Question.of(scope, period, by, None, disclosure.THRESHOLD))
    return found


def due_questions(now: dt.datetime) -> list[Question]:
    """The default views, then every question of this catalogue asked in the last week whose
    figures are out of date."""
    questions = {q.key: q for q in default_questions(timezone.localdate(now))}
    recent = ComputedFigures.objects.filter(
        Q(requested_at__gte=now - KEPT_FRESH) | Q(computed_at__gte=now - KEPT_FRESH),
        catalogue_version=catalogue_version(),
        jurisdiction=current_jurisdiction(),
    )
    for row in recent:
        if not is_fresh(row, now):
            questions.setdefault(row.key, Question.of_row(row))
    return list(questions.values())


def refresh_due(
    now: dt.datetime | None = None, *, force: bool = False, only: Iterable[str] | None = None
) -> list[ComputedFigures]:
    """Compute every due question whose figures are not fresh (``force``: fresh or not;
    ``only``: of these keys only). Read once for all of them: the milestones of the whole
    jurisdiction (each region's share split off in one pass), the groups counted in the
    database (once per period), and the pilots' estimates (once per period: they pool every
    region, whatever the scope)."""
    now = now or timezone.now()
    due = [
        q
        for q in due_questions(now)
        if (only is None or q.key in only)
        and (force or not is_fresh(ComputedFigures.objects.filter(key=q.key).first(), now))
    ]
    if not due:
        return []
    everything = Scope(regions=None)
    milestones = read_milestones(everything, functools.reduce(operator.or_, map(reads, due)))
    shares = by_region(milestones)
    done = []
    for period in sorted({q.period for q in due}, key=lambda p: (p.start, p.end)):
        questions = [q for q in due if q.period == period]
        counted_kinds = set().union(*(reads(q).counted for q in questions))
        counted = count_milestones(everything, period, counted_kinds)
        pilots = pilot_estimates(period, everything)
        for q in questions:
            done.append(
                compute_and_store(
                    q,
                    share(milestones, shares, q.scope),
                    counted=in_regions(counted, q.scope.regions),
                    pilots=pilots,
                )
            )
    return done


def by_region(milestones: Iterable[Milestone]) -> dict[str, Milestones]:
    """The milestones of each region, in one pass (each in the list's order)."""
    found: dict[str, Milestones] = {}
    for m in milestones:
        region = m.dims.get("region", "")
        part = found.get(region)
        if part is None:
            part = found[region] = Milestones()
        part.append(m)
    return found


def share(
    milestones: Milestones, shares: Mapping[str, Milestones], scope: Scope
) -> Sequence[Milestone]:
    """A scope's milestones: all of them, one region's share, or several regions' filtered."""
    if scope.regions is None:
        return milestones
    if len(scope.regions) == 1:
        (code,) = scope.regions
        return shares.get(code, Milestones())
    return in_scope(milestones, scope)


# ---- the incremental refresh ----


@dataclass(frozen=True)
class Scheduled:
    """What a scheduled refresh did: in full or not, the figures it stored, and what the
    ledger's refresh read (``None``: built in full)."""

    full: bool
    rows: list[ComputedFigures]
    refreshed: ledger.Refreshed | None


def full_due(now: dt.datetime) -> bool:
    """The full recomputation is due: no ledger under the current basis, or none built yet
    this local day (the first scheduled refresh after midnight: the new day's default views
    have no figures to refresh)."""
    state = LedgerState.objects.first()
    if state is None or state.basis != ledger.basis():
        return True
    return timezone.localdate(state.built_at) < timezone.localdate(now)


def refresh_scheduled(now: dt.datetime | None = None, *, full: bool = False) -> Scheduled:
    """``refresh_indicators``: the ledger refreshed and each due question's flows and rates
    counted again from it (:func:`recount_due`), or, when :func:`full_due` or ``full``, the
    ledger built again and every due question computed in full."""
    now = now or timezone.now()
    if not full and not full_due(now):
        refreshed = ledger.refresh(now)
        if refreshed is not None:
            return Scheduled(full=False, rows=recount_due(now), refreshed=refreshed)
    ledger.build(now)
    return Scheduled(full=True, rows=refresh_due(now, force=True), refreshed=None)


def recount_due(now: dt.datetime) -> list[ComputedFigures]:
    """Every due question out of date: its flows and rates counted again from the ledger, the
    rest kept from its last full computation (:func:`recount`); a question never computed is
    computed in full."""
    kept: list[tuple[Question, ComputedFigures]] = []
    new: set[str] = set()
    for question in due_questions(now):
        row = ComputedFigures.objects.filter(key=question.key).first()
        if is_fresh(row, now):
            continue
        if row is None or row.payload is None or row.computed_at is None:
            new.add(question.key)
        else:
            kept.append((question, row))
    done = []
    for period in sorted({q.period for q, _ in kept}, key=lambda p: (p.start, p.end)):
        questions = [(q, row) for q, row in kept if q.period == period]
        kinds = set().union(*(reads(q).counted for q, _ in questions))
        counted = ledger.counted(period, kinds)
        for question, row in questions:
            done.append(recount(question, row, in_regions(counted, question.scope.regions), now))
    if new:
        done.extend(refresh_due(now, force=True, only=new))
    return done


def recount(
    question: Question,
    row: ComputedFigures,
    counted: Mapping[str, list[Counted]],
    at: dt.datetime,
) -> ComputedFigures:
    """The question's stored figures with its flows and rates computed again from ``counted``
    (its scope's groups), protected as :func:`compute` protects them; the indicators read
    milestone by milestone and the pilots' estimates kept as they were, with when."""
    assert row.payload is not None
    assert row.computed_at is not None
    start = time.perf_counter()
    results, pilots = from_payload(row.payload)
    parts = parts_of(row.payload, row.computed_at)
    regions = scope_regions(question.scope)
    again = {}
    for d in question.definitions():
        kind = counted_kind(d, question.by)
        if kind is not None:
            again[d.id] = compute_counted(
                d,
                counted.get(kind, []),
                period=question.period,
                by=question.by,
                regions=regions,
                threshold=question.threshold,
            )
    parts["counted"] = at
    return store(
        question,
        [again.get(r.definition.id, r) for r in results],
        pilots,
        seconds=time.perf_counter() - start,
        computed_at=at,
        parts=parts,
    )
