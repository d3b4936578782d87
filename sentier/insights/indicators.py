"""The indicators of the catalogue, computed from milestones and protected before they leave.

Each catalogue entry names a ``compute`` function here. The functions are pure: milestones in,
protected cells out, so each is tested on a small hand-built list with its expected value.
Every table goes through :mod:`sentier.insights.disclosure` with its margins:

- counts (flows, and stocks at each month's end) by ``protect_counts`` over the full grid of the
  breakdown values (a missing combination is a zero, and a zero is a small count);
- rates as a count table with an ``outcome`` key (yes/no) protected with its totals: a rate is
  shown only where its numerator and its denominator both are, so neither the complement nor a
  total gives a suppressed part back;
- medians (with quartiles) only where the number of cases behind them is shown.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from sentier.insights.catalogue import Definition
from sentier.insights.disclosure import THRESHOLD, TOTAL, Cell, protect_counts, protect_rate
from sentier.insights.milestones import FIRST_SERVICE_KINDS, Kind, Milestone, of_kinds

#: The statistics a median indicator gives for each group.
MEDIAN_STATISTICS = ("q1", "median", "q3")


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both included (local days)."""

    start: dt.date
    end: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[str]:
        months = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months

    def month_end(self, month: str) -> dt.date:
        year, number = (int(part) for part in month.split("-"))
        following = dt.date(year + (number == 12), number % 12 + 1, 1)
        return min(following - dt.timedelta(days=1), self.end)


@dataclass(frozen=True)
class Grid:
    """The values each breakdown takes: all regions in scope, every month of the period, both
    areas; the values seen for the others."""

    regions: Sequence[str]
    period: Period


@dataclass(frozen=True)
class Result:
    definition: Definition
    by: tuple[str, ...]
    cells: list[Cell]


@dataclass(frozen=True)
class Fact:
    """One case counted: its breakdown values (month included), and what it adds."""

    dims: Mapping[str, str]
    yes: bool = False
    days: float | None = None


def _facts(
    milestones: Iterable[Milestone],
    kind: str,
    period: Period,
    where: Callable[[Milestone], bool] | None = None,
    yes: Callable[[Milestone], bool] | None = None,
) -> list[Fact]:
    return [
        Fact({**m.dims, "month": m.month}, yes=bool(yes and yes(m)))
        for m in of_kinds(milestones, kind)
        if period.contains(m.day) and (where is None or where(m))
    ]


def _values(key: str, facts: Iterable[Fact], grid: Grid) -> list[str]:
    if key == "region":
        return list(grid.regions)
    if key == "month":
        return grid.period.months()
    if key == "area":
        return ["pilot", "other"]
    return sorted({fact.dims.get(key, "unknown") for fact in facts})


def _groups(by: Sequence[str], facts: Sequence[Fact], grid: Grid) -> list[dict[str, str]]:
    keys = [_values(key, facts, grid) for key in by]
    return [dict(zip(by, combo, strict=True)) for combo in itertools.product(*keys)]


def _group_of(fact: Fact, by: Sequence[str]) -> tuple[str, ...]:
    return tuple(fact.dims.get(key, "unknown") for key in by)


def count_table(
    facts: Sequence[Fact], by: Sequence[str], grid: Grid, threshold: int, margins: Sequence[str]
) -> list[Cell]:
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for fact in facts:
        counts[_group_of(fact, by)] += 1
    return counted_table(counts, by, grid, threshold, margins)


def counted_table(
    counts: Mapping[tuple[str, ...], int],
    by: Sequence[str],
    grid: Grid,
    threshold: int,
    margins: Sequence[str],
) -> list[Cell]:
    """:func:`count_table` from counts already made (a group per key, in ``by``'s order; only
    groups with at least one case): the values a breakdown takes are those seen."""
    keys = [
        _values(key, (), grid)
        if key in ("region", "month", "area")
        else sorted({group[i] for group in counts})
        for i, key in enumerate(by)
    ]
    cells = [
        Cell(group=dict(zip(by, combo, strict=True)), value=counts.get(combo, 0))
        for combo in itertools.product(*keys)
    ]
    return protect_counts(cells, threshold=threshold, margins=margins)


def rate_table(facts: Sequence[Fact], by: Sequence[str], grid: Grid, threshold: int) -> list[Cell]:
    """Rates of ``yes`` among the facts, per group and for the totals along every key."""
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for fact in facts:
        counts[(*_group_of(fact, by), "yes" if fact.yes else "no")] += 1
    return counted_rate_table(counts, by, grid, threshold)


def counted_rate_table(
    counts: Mapping[tuple[str, ...], int], by: Sequence[str], grid: Grid, threshold: int
) -> list[Cell]:
    """:func:`rate_table` from counts already made (a group per key in ``by``'s order, then
    ``"yes"`` or ``"no"``; only groups with at least one case)."""
    keys = [
        _values(key, (), grid)
        if key in ("region", "month", "area")
        else sorted({group[i] for group in counts})
        for i, key in enumerate(by)
    ]
    cells = [
        Cell(
            group={**dict(zip(by, combo, strict=True)), "outcome": outcome},
            value=counts.get((*combo, outcome), 0),
        )
        for combo in itertools.product(*keys)
        for outcome in ("yes", "no")
    ]
    protected = protect_counts(cells, threshold=threshold, margins=(*by, "outcome"))
    by_group: dict[tuple[tuple[str, str], ...], dict[str, Cell]] = defaultdict(dict)
    for cell in protected:
        rest = tuple((k, cell.group[k]) for k in by)
        by_group[rest][cell.group["outcome"]] = cell
    rates = []
    for rest, parts in by_group.items():
        group = dict(rest)
        yes_cell, total_cell = parts.get("yes"), parts.get(TOTAL)
        if (
            yes_cell is None
            or total_cell is None
            or yes_cell.suppressed
            or total_cell.suppressed
            or not isinstance(yes_cell.value, int)
            or not isinstance(total_cell.value, int)
        ):
            rates.append(Cell(group=group, value=None, suppressed=True))
            continue
        rate = protect_rate(yes_cell.value, total_cell.value, threshold=threshold, group=group)
        if rate.suppressed or rate.value is None:
            rates.append(rate)
        else:
            rates.append(
                Cell(
                    group=group,
                    value=round(float(rate.value), 4),
                    numerator=yes_cell.value,
                    denominator=total_cell.value,
                )
            )
    return rates


def median_table(
    facts: Sequence[Fact], by: Sequence[str], grid: Grid, threshold: int
) -> list[Cell]:
    """Quartiles and median of ``days`` per group; shown only where the count behind them is."""
    counts = count_table(facts, by, grid, threshold, margins=by)
    days: dict[tuple[str, ...], list[float]] = defaultdict(list)
    subsets = _subsets(len(by))
    for fact in facts:
        if fact.days is None:
            continue
        key = _group_of(fact, by)
        for subset in subsets:
            days[tuple(TOTAL if i in subset else v for i, v in enumerate(key))].append(fact.days)
    cells = []
    for count in counts:
        key = tuple(count.group.get(k, "") for k in by)
        for name in MEDIAN_STATISTICS:
            group = {**count.group, "statistic": name}
            if count.suppressed:
                cells.append(Cell(group=group, value=None, suppressed=True))
                continue
            values = days.get(key, [])
            if not values:
                # No case in the group: a count of 0 is suppressed, so this stays unreached.
                cells.append(Cell(group=group, value=None, suppressed=True))
                continue
            cells.append(Cell(group=group, value=_quantile(values, name), denominator=len(values)))
    return cells


def _subsets(n: int) -> list[set[int]]:
    return [{i for i in range(n) if mask >> i & 1} for mask in range(1 << n)]


def _quantile(values: Sequence[float], name: str) -> float:
    if name == "median" or len(values) < 2:
        return round(float(statistics.median(values)), 1)
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return round(q1 if name == "q1" else q3, 1)


def _days_between(start: dt.datetime, end: dt.datetime) -> float:
    return round((end - start).total_seconds() / 86400, 1)


def local_today() -> dt.date:
    """Today, in the local zone (a function, so that a test can set the day)."""
    return timezone.localdate()


# ---- each indicator ----

Compute = Callable[[Sequence[Milestone], Period, Sequence[str], Grid, int], list[Cell]]
COMPUTE: dict[str, Compute] = {}


def indicator(name: str) -> Callable[[Compute], Compute]:
    def register(function: Compute) -> Compute:
        COMPUTE[name] = function
        return function

    return register


@dataclass(frozen=True)
class Counted:
    """Milestones of one kind counted in the database (:mod:`sentier.insights.counts`): their
    breakdown values, month included, and how many share them."""

    dims: Mapping[str, str]
    n: int


@dataclass(frozen=True)
class Countable:
    """How a flow or a rate counts its milestones: the kind, which ones count (``where``) and,
    for a rate, which are a yes. The same functions read a :class:`Milestone` or a
    :class:`Counted` (both hold ``dims``)."""

    kind: str
    where: Callable[[Any], bool] | None = None
    yes: Callable[[Any], bool] | None = None


#: The flows and rates, by compute name: they can be counted from :class:`Counted` groups.
COUNTABLE: dict[str, Countable] = {}
#: The kinds each other indicator reads from milestones (a full recomputation reads only them).
KINDS: dict[str, tuple[str, ...]] = {}


def _flow(kind: str, where: Callable[[Milestone], bool] | None = None) -> Compute:
    def compute(
        milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
    ) -> list[Cell]:
        return count_table(_facts(milestones, kind, period, where), by, grid, t, margins=by)

    compute.countable = Countable(kind, where=where)  # type: ignore[attr-defined]
    return compute


def _rate(kind: str, yes: Callable[[Milestone], bool]) -> Compute:
    def compute(
        milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
    ) -> list[Cell]:
        return rate_table(_facts(milestones, kind, period, yes=yes), by, grid, t)

    compute.countable = Countable(kind, yes=yes)  # type: ignore[attr-defined]
    return compute


def _outcome(*values: str) -> Callable[[Any], bool]:
    return lambda m: m.dims.get("outcome") in values


def counted_cells(
    countable: Countable, counted: Iterable[Counted], by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    """A flow's or a rate's protected cells from :class:`Counted` groups of its kind, within
    the period: the cells its milestones give, one by one (tests compare both)."""
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    for group in counted:
        if countable.where is not None and not countable.where(group):
            continue
        key = tuple(group.dims.get(k, "unknown") for k in by)
        if countable.yes is None:
            counts[key] += group.n
        else:
            counts[(*key, "yes" if countable.yes(group) else "no")] += group.n
    if countable.yes is None:
        return counted_table(counts, by, grid, t, margins=by)
    return counted_rate_table(counts, by, grid, t)


COMPUTE.update(
    {
        "applications_sent": _flow(Kind.APPLICATION_SENT),
        "overrides_by_decided_path": _flow(Kind.RECOMMENDATION_REVIEWED, _outcome("overridden")),
        "support_plans_agreed": _flow(Kind.SUPPORT_PLAN_AGREED),
        "support_plans_ended": _flow(Kind.SUPPORT_PLAN_ENDED),
        "support_plans_extended": _flow(Kind.SUPPORT_PLAN_EXTENDED),
        "referrals_sent": _flow(Kind.REFERRAL_SENT),
        "referrals_closed": _flow(Kind.REFERRAL_CLOSED),
        "referrals_expired": _flow(Kind.REFERRAL_CLOSED, _outcome("expired")),
        "paas_placements_started": _flow(Kind.PAAS_STARTED),
        "recommendations_overridden": _rate(Kind.RECOMMENDATION_REVIEWED, _outcome("overridden")),
        "service_plan_requests_approved": _rate(Kind.SERVICE_PLAN_DECIDED, _outcome("approved")),
        "referral_acceptance_rate": _rate(Kind.REFERRAL_ANSWERED, _outcome("accepted")),
        "waiting_offers_accepted": _rate(Kind.OFFER_ANSWERED, _outcome("accepted")),
        "paas_exits_to_employment_or_training": _rate(
            Kind.PAAS_ENDED, _outcome("employment_measure", "training")
        ),
        "ow_reviews_on_time": _rate(Kind.ACTION_PLAN_REVIEWED, _outcome("on_time")),
    }
)
COUNTABLE.update({name: f.countable for name, f in COMPUTE.items() if hasattr(f, "countable")})


def _pairs(
    milestones: Sequence[Milestone], start_kind: str, end_kind: str, period: Period, key: str
) -> list[Fact]:
    """From the first ``start_kind`` to the first later ``end_kind`` of the same case (or the
    same participant, ``key="participant"``), dated by the end."""
    starts: dict[object, Milestone] = {}
    for m in sorted(of_kinds(milestones, start_kind), key=lambda m: m.at):
        starts.setdefault(m.case if key == "case" else m.participant, m)
    facts = []
    done: set[object] = set()
    for m in sorted(of_kinds(milestones, end_kind), key=lambda m: m.at):
        ident = m.case if key == "case" else m.participant
        start = starts.get(ident)
        if start is None or ident in done or m.at < start.at or not period.contains(m.day):
            continue
        done.add(ident)
        facts.append(Fact({**start.dims, "month": m.month}, days=_days_between(start.at, m.at)))
    return facts


@indicator("service_plan_days_to_decision")
def service_plan_days_to_decision(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    facts = _pairs(
        milestones, Kind.SERVICE_PLAN_REQUESTED, Kind.SERVICE_PLAN_DECIDED, period, "case"
    )
    return median_table(facts, by, grid, t)


@indicator("referral_days_to_answer")
def referral_days_to_answer(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    facts = _pairs(milestones, Kind.REFERRAL_SENT, Kind.REFERRAL_ANSWERED, period, "case")
    return median_table(facts, by, grid, t)


@indicator("ow_days_grant_to_referral")
def ow_days_grant_to_referral(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    facts = _pairs(milestones, Kind.OW_GRANTED, Kind.EO_REFERRED, period, "participant")
    return median_table(facts, by, grid, t)


@indicator("days_to_first_service")
def days_to_first_service(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    """Each application sent in the period, to the first service the person began after it."""
    services: dict[int, list[dt.datetime]] = defaultdict(list)
    for m in of_kinds(milestones, *sorted(FIRST_SERVICE_KINDS)):
        if m.kind == Kind.REFERRAL_ANSWERED and m.dims.get("outcome") != "accepted":
            continue
        services[m.participant].append(m.at)
    facts = []
    for m in of_kinds(milestones, Kind.APPLICATION_SENT):
        if not period.contains(m.day):
            continue
        later = [at for at in services.get(m.participant, []) if at >= m.at]
        if later:
            dims = {**m.dims, "month": m.month}
            facts.append(Fact(dims, days=_days_between(m.at, min(later))))
    return median_table(facts, by, grid, t)


@indicator("ow_fast_track_funnel")
def ow_fast_track_funnel(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    stages = {Kind.EO_REFERRED: "referred", Kind.EO_ACCEPTED: "accepted", Kind.EO_ACTIVE: "active"}
    facts = [
        Fact({**m.dims, "month": m.month, "stage": stages[m.kind]})
        for m in of_kinds(milestones, *stages)
        if period.contains(m.day)
    ]
    keys = tuple(by) if "stage" in by else (*by, "stage")
    # Stages are not parts of a whole: no total across them.
    return count_table(facts, keys, grid, t, margins=[k for k in keys if k != "stage"])


@indicator("odsp_packages_returned_90d")
def odsp_packages_returned_90d(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    """Packages mailed in the period at least 90 days ago; yes when returned within 90 days."""
    returned = {m.case: m.at for m in of_kinds(milestones, Kind.PACKAGE_RETURNED)}
    today = local_today()
    facts = []
    for m in of_kinds(milestones, Kind.PACKAGE_MAILED):
        if not period.contains(m.day):
            continue
        if (today - m.day).days < 90:
            continue
        back = returned.get(m.case)
        yes = back is not None and (timezone.localdate(back) - m.day).days <= 90
        facts.append(Fact({**m.dims, "month": m.month}, yes=yes))
    return rate_table(facts, by, grid, t)


def _open_cases(
    milestones: Sequence[Milestone], start_kind: str, end_kind: str | None
) -> tuple[dict[str, Milestone], dict[str, dt.date]]:
    """Each case's first start, and the day of its last end."""
    starts: dict[str, Milestone] = {}
    for m in of_kinds(milestones, start_kind):
        starts.setdefault(m.case, m)
    ends: dict[str, dt.date] = {}
    if end_kind is not None:
        for m in of_kinds(milestones, end_kind):
            ends[m.case] = m.day
    return starts, ends


def stock_counts(
    milestones: Sequence[Milestone],
    start_kind: str,
    end_kind: str | None,
    period: Period,
    by: Sequence[str],
) -> dict[tuple[str, ...], int]:
    """What :func:`stock_facts` counts by ``by``, without one fact per case and month: each
    case is open at the end of a run of consecutive months (from the first month-end after its
    start to the last one before its end), added once to its group at the run's first month and
    taken off after its last. Without the month, only the period's last month is counted."""
    months = period.months()
    lasts = [period.month_end(month) for month in months]
    starts, ends = _open_cases(milestones, start_kind, end_kind)
    steps: dict[tuple[str, ...], list[int]] = {}
    rest = [k for k in by if k != "month"]
    for case, start in starts.items():
        first = bisect.bisect_left(lasts, start.day)  # the first month-end on or after it
        end = ends.get(case)
        stop = len(lasts) if end is None else bisect.bisect_left(lasts, end)  # ends after it
        if first >= stop:
            continue
        group = tuple(start.dims.get(k, "unknown") for k in rest)
        step = steps.get(group)
        if step is None:
            step = steps[group] = [0] * (len(months) + 1)
        step[first] += 1
        step[stop] -= 1
    counts: dict[tuple[str, ...], int] = {}
    position = by.index("month") if "month" in by else None
    for group, step in steps.items():
        open_now = 0
        for index, month in enumerate(months):
            open_now += step[index]
            if not open_now or (position is None and index != len(months) - 1):
                continue
            key = group if position is None else (*group[:position], month, *group[position:])
            counts[key] = open_now
    return counts


def stock_facts(
    milestones: Sequence[Milestone], start_kind: str, end_kind: str | None, period: Period
) -> list[Fact]:
    """One fact per case and month whose end it was open at (from its start, until its end)."""
    starts, ends = _open_cases(milestones, start_kind, end_kind)
    facts = []
    for month in period.months():
        last = period.month_end(month)
        for case, start in starts.items():
            end = ends.get(case)
            if start.day <= last and (end is None or end > last):
                facts.append(Fact({**start.dims, "month": month}))
    return facts


def _stock(start_kind: str, end_kind: str | None) -> Compute:
    def compute(
        milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
    ) -> list[Cell]:
        counts = stock_counts(milestones, start_kind, end_kind, period, by)
        # A stock summed over months means nothing: no total along the month.
        return counted_table(counts, by, grid, t, margins=[k for k in by if k != "month"])

    return compute


COMPUTE.update(
    {
        "referrals_open": _stock(Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED),
        "paas_places_occupied": _stock(Kind.PAAS_STARTED, Kind.PAAS_ENDED),
        "ow_action_plans_in_place": _stock(Kind.ACTION_PLAN, None),
    }
)


@indicator("paas_places_granted")
def paas_places_granted(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    """Places of the allocations covering each month (milestones of kind ``places_granted``
    carry the places in ``amount`` and the allocation's last day in ``dims["until"]``)."""
    return _granted_cells(milestones, period, by, grid, t)


def _granted_counts(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid
) -> list[Cell]:
    counts: dict[tuple[str, ...], int] = defaultdict(int)
    months = period.months()
    for m in of_kinds(milestones, Kind.PLACES_GRANTED):
        until = dt.date.fromisoformat(m.dims["until"])
        for month in months:
            last = period.month_end(month)
            first = dt.date.fromisoformat(f"{month}-01")
            if m.day <= last and until >= first and ("month" in by or month == months[-1]):
                key = tuple(month if k == "month" else m.dims.get(k, "unknown") for k in by)
                counts[key] += int(m.amount or 0)
    return [
        Cell(group=group, value=counts.get(tuple(group[k] for k in by), 0))
        for group in _groups(by, [], grid)
    ]


def _granted_cells(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    cells = _granted_counts(milestones, period, by, grid)
    return protect_counts(cells, threshold=t, margins=[k for k in by if k != "month"])


@indicator("paas_places_vacant")
def paas_places_vacant(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    """Granted minus occupied; suppressed wherever either is, so it never gives one back."""
    granted = {_key(c): c for c in _granted_cells(milestones, period, by, grid, t)}
    occupied = {
        _key(c): c for c in COMPUTE["paas_places_occupied"](milestones, period, by, grid, t)
    }
    vacant = []
    for key, cell in granted.items():
        other = occupied.get(key)
        if (
            other is None
            or cell.suppressed
            or other.suppressed
            or cell.value is None
            or other.value is None
        ):
            vacant.append(Cell(group=cell.group, value=None, suppressed=True))
            continue
        value = max(int(cell.value) - int(other.value), 0)
        if value < t:
            vacant.append(Cell(group=cell.group, value=None, suppressed=True))
        else:
            vacant.append(Cell(group=cell.group, value=value))
    return vacant


def _key(cell: Cell) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(cell.group.items()))


# ---- entry point ----


def compute(
    definition: Definition,
    milestones: Sequence[Milestone],
    *,
    period: Period,
    by: Sequence[str],
    regions: Sequence[str],
    threshold: int = THRESHOLD,
) -> Result:
    """One indicator's protected cells, by the breakdowns it allows among ``by``."""
    keys = keys_of(definition, by)
    grid = Grid(regions=regions, period=period)
    cells = COMPUTE[definition.compute](milestones, period, keys, grid, threshold)
    return Result(definition=definition, by=keys, cells=cells)


def keys_of(definition: Definition, by: Sequence[str]) -> tuple[str, ...]:
    """The breakdowns of ``by`` the indicator allows, in ``by``'s order."""
    return tuple(key for key in by if key in definition.breakdowns)


def compute_counted(
    definition: Definition,
    counted: Iterable[Counted],
    *,
    period: Period,
    by: Sequence[str],
    regions: Sequence[str],
    threshold: int = THRESHOLD,
) -> Result:
    """:func:`compute` for a flow or a rate, from its kind's groups counted within ``period``."""
    keys = keys_of(definition, by)
    grid = Grid(regions=regions, period=period)
    cells = counted_cells(COUNTABLE[definition.compute], counted, keys, grid, threshold)
    return Result(definition=definition, by=keys, cells=cells)


@indicator("people_with_social_participation")
def people_with_social_participation(
    milestones: Sequence[Milestone], period: Period, by: Sequence[str], grid: Grid, t: int
) -> list[Cell]:
    """People whose plan was given a volunteering or other social-participation action (003):
    each person once a month (once over the period when the table is not by month)."""
    seen: set[tuple[int, str]] = set()
    facts = []
    for m in sorted(of_kinds(milestones, Kind.SOCIAL_PARTICIPATION_ACTION), key=lambda m: m.at):
        if not period.contains(m.day):
            continue
        person = (m.participant, m.month if "month" in by else "")
        if person in seen:
            continue
        seen.add(person)
        facts.append(Fact({**m.dims, "month": m.month}))
    return count_table(facts, by, grid, t, margins=by)


KINDS.update(
    {
        "service_plan_days_to_decision": (
            Kind.SERVICE_PLAN_REQUESTED,
            Kind.SERVICE_PLAN_DECIDED,
        ),
        "referral_days_to_answer": (Kind.REFERRAL_SENT, Kind.REFERRAL_ANSWERED),
        "ow_days_grant_to_referral": (Kind.OW_GRANTED, Kind.EO_REFERRED),
        "days_to_first_service": (Kind.APPLICATION_SENT, *sorted(FIRST_SERVICE_KINDS)),
        "ow_fast_track_funnel": (Kind.EO_REFERRED, Kind.EO_ACCEPTED, Kind.EO_ACTIVE),
        "odsp_packages_returned_90d": (Kind.PACKAGE_MAILED, Kind.PACKAGE_RETURNED),
        "referrals_open": (Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED),
        "paas_places_occupied": (Kind.PAAS_STARTED, Kind.PAAS_ENDED),
        "ow_action_plans_in_place": (Kind.ACTION_PLAN,),
        "paas_places_granted": (Kind.PLACES_GRANTED,),
        "paas_places_vacant": (Kind.PLACES_GRANTED, Kind.PAAS_STARTED, Kind.PAAS_ENDED),
        "people_with_social_participation": (Kind.SOCIAL_PARTICIPATION_ACTION,),
    }
)
KINDS.update({name: (countable.kind,) for name, countable in COUNTABLE.items()})


#: The indicators that read an application only when its participant began a service after it.
SERVED_APPLICATIONS_ONLY = frozenset({"days_to_first_service"})


def kinds_read(compute_name: str) -> tuple[str, ...]:
    """The milestone kinds an indicator reads."""
    return KINDS[compute_name]
