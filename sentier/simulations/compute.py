"""A simulation's figures: the open files and the month's PAAS Action money under today's rules
and under the reform, as protected aggregates. Reads only; :mod:`.actions` logs every run.

The rules decide from a handful of facts (jurisdiction, region, program, claim booklet, asylum
claim, First Nations site): the open files are read as one ``GROUP BY`` over those columns, a few
hundred rows with their number of files, and the vectorised batch runs over those rows. The same
facts give the same answer, so counting each row as many times as it has files is exact, and a
million files cost one aggregate query instead of a million rows sent to Python.

Money comes from the statement rules (:mod:`sentier_rules.paas_statement`) applied to the
placements and place allocations of the month, with today's parameters and with the reform's.
Every figure that counts people goes through the disclosure-control layer.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from django.db.models import Count, Q

import sentier_rules
from sentier.insights.disclosure import THRESHOLD, TOTAL, Cell, protect_counts
from sentier.paas.models import PlaceAllocation, Placement
from sentier.participants.models import FileStatus, Participant
from sentier.simulations.changes import Change, measures_here, overrides
from sentier_rules import paas_statement as money
from sentier_rules.codes import PROGRAM_CODES, REGION_CODES
from sentier_rules.engine import Engine, cents_text
from sentier_rules.reforms import with_parameters

Array = npt.NDArray[Any]

OPEN_STATUSES = (FileStatus.ACTIVE, FileStatus.PENDING)
#: The facts the rules read from a file, as ``values()`` paths; nothing else is loaded.
FACT_COLUMNS = (
    "program__jurisdiction",
    "region__jurisdiction",
    "region__code",
    "program__code",
    "claim_booklet",
    "asylum_seeker",
    "first_nations_site",
)
COST_ITEMS = ("paas_allowance", "paas_organization_payment")


@dataclass(frozen=True)
class Population:
    """Distinct combinations of the facts the rules read, with their number of open files."""

    jurisdiction: Array
    region: Array
    program: Array
    claim_booklet: Array
    asylum_seeker: Array
    first_nations_site: Array
    files: npt.NDArray[np.int64]

    @property
    def total(self) -> int:
        return int(self.files.sum())

    def columns(self) -> dict[str, Array]:
        """The batch's input columns (facts a file alone cannot tell get neutral values, as in
        the caseload re-evaluation: no PAAS hours planned, in person, not assessed ready)."""
        count = len(self.files)
        return {
            "jurisdiction": self.jurisdiction,
            "region": self.region,
            "program": self.program,
            "claim_booklet": self.claim_booklet,
            "asylum_seeker": self.asylum_seeker,
            "first_nations_site": self.first_nations_site,
            "weekly_hours": np.zeros(count, dtype=np.float64),
            "application_channel": np.full(count, "in_person", dtype="<U9"),
            "employment_ready": np.zeros(count, dtype=bool),
        }


def population_from_rows(rows: Sequence[Sequence[Any]]) -> Population:
    """Rows of ``(jurisdiction, region jurisdiction, region, program, booklet, asylum, First
    Nations site, files)``; a region outside Québec is not one of the rules' facts."""
    count = len(rows)
    columns = list(zip(*rows, strict=True)) if rows else [()] * 8
    pairs = zip(columns[1], columns[2], strict=True)
    region = [code if where == "QC" else "" for where, code in pairs]
    return Population(
        jurisdiction=np.array(columns[0], dtype="<U2"),
        region=np.array(region, dtype="<U4"),
        program=np.array(columns[3], dtype="<U8"),
        claim_booklet=np.array([b or "" for b in columns[4]], dtype="<U8"),
        asylum_seeker=np.array(columns[5], dtype=bool),
        first_nations_site=np.array(columns[6], dtype=bool),
        files=np.fromiter(columns[7], dtype=np.int64, count=count),
    )


def load_open_files() -> Population:
    """The open files (active or pending), grouped by the facts the rules read: one query."""
    rows = (
        Participant.objects.filter(status__in=OPEN_STATUSES)
        .values_list(*FACT_COLUMNS)
        .annotate(files=Count("id"))
        .order_by(*FACT_COLUMNS)
    )
    return population_from_rows(list(rows))


@dataclass(frozen=True)
class Placements:
    """The month's PAAS Action placements and place allocations, by region."""

    starts: Array
    ends: Array
    region: Array
    allocation: npt.NDArray[np.int64]  # index into the allocations, -1 for none
    granted: npt.NDArray[np.int64]
    allocation_region: Array
    non_profit: npt.NDArray[np.bool_]


def load_placements(month: dt.date) -> Placements:
    """Placements active in ``month`` and allocations covering it (as the statements read them)."""
    first, last = money.first_of_month(month), money.last_of_month(month)
    rows = list(
        Placement.objects.filter(start_date__lte=last)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
        .order_by("id")
        .values_list("start_date", "end_date", "allocation_id", "participant__region__code")
    )
    allocations = list(
        PlaceAllocation.objects.filter(period_start__lte=last, period_end__gte=first)
        .order_by("id")
        .values_list("id", "places", "region__code", "organization__non_profit")
    )
    index = {row[0]: i for i, row in enumerate(allocations)}
    return Placements(
        starts=np.array([row[0] for row in rows], dtype="datetime64[D]"),
        ends=money.as_dates([row[1] for row in rows]),
        region=np.array([row[3] or "" for row in rows], dtype="<U4"),
        allocation=np.array([index.get(row[2], -1) for row in rows], dtype=np.int64),
        granted=np.array([row[1] for row in allocations], dtype=np.int64),
        allocation_region=np.array([row[2] for row in allocations], dtype="<U4"),
        non_profit=np.array([row[3] for row in allocations], dtype=bool),
    )


def reform_engine(changes: Sequence[Change]) -> Engine:
    """The rules with the changes applied: an OpenFisca reform of the shared system."""
    return Engine(with_parameters(overrides(list(changes))))


def eligible(engine: Engine, measure: str, date: dt.date, population: Population) -> Array:
    """Whether each row of ``population`` is eligible for ``measure`` on ``date``."""
    result = engine.evaluate_batch(measure, date.isoformat(), population.columns())
    return np.asarray(result.eligible, dtype=bool)


def _sum_by(keys: Array, weights: Array, codes: Sequence[str]) -> dict[str, int]:
    return {code: int(weights[keys == code].sum()) for code in codes}


def _protected(values: dict[str, int], key: str, threshold: int) -> dict[str, int | None]:
    """The counts by ``key`` after disclosure control, their total under ``TOTAL`` ("*"): the
    total is protected with the cells, so that it gives none of them back."""
    cells = [Cell(group={key: code}, value=value) for code, value in values.items()]
    protected = protect_counts(cells, threshold=threshold, margins=(key,))
    shown: dict[str, int | None] = {
        cell.group[key]: None if cell.suppressed else int(cell.value or 0) for cell in protected
    }
    shown.setdefault(TOTAL, None if not values else sum(values.values()))
    return shown


def _breakdown(
    key: str,
    keys: Array,
    before: Array,
    after: Array,
    files: Array,
    codes: Sequence[str],
    threshold: int,
) -> tuple[list[dict[str, Any]], dict[str, int | None]]:
    """Eligible before and after, gains and losses, per ``key`` (region or program), each
    protected along ``key`` with its total; and those totals."""
    present = [code for code in codes if (keys == code).any()]
    figures = {
        name: _protected(_sum_by(keys, files * mask, present), key, threshold)
        for name, mask in (
            ("baseline", before),
            ("reform", after),
            ("gains", after & ~before),
            ("losses", before & ~after),
        )
    }
    rows = []
    for code in present:
        row: dict[str, Any] = {key: code}
        row.update({name: figures[name][code] for name in figures})
        row["suppressed"] = row["baseline"] is None or row["reform"] is None
        rows.append(row)
    return rows, {name: figures[name][TOTAL] for name in figures}


def measure_figures(
    measure: str,
    before: Array,
    after: Array,
    population: Population,
    threshold: int,
) -> dict[str, Any]:
    """One measure's protected counts: totals, by region and by program."""
    files = population.files
    by_region, totals = _breakdown(
        "region", population.region, before, after, files, REGION_CODES, threshold
    )
    by_program, program_totals = _breakdown(
        "program", population.program, before, after, files, PROGRAM_CODES, threshold
    )
    # The same totals close both tables: shown only where neither table's protection hid them.
    # (A Québec measure's eligible files all have a Québec region, so the totals agree.)
    shown = {
        name: totals[name] if program_totals[name] is not None else None
        for name in ("baseline", "reform")
    }
    return {
        "measure": measure,
        **shown,
        "suppressed": shown["baseline"] is None or shown["reform"] is None,
        "by_region": by_region,
        "by_program": by_program,
    }


def money_figures(
    month: dt.date,
    placements: Placements,
    base: Engine,
    reform: Engine,
    threshold: int,
) -> list[dict[str, Any]]:
    """The month's PAAS Action allowances and organization payments, before and after, by
    region; a region's money is hidden when it counts fewer placements than the threshold."""
    month = money.first_of_month(month)
    covered = placements.allocation >= 0
    groups = len(placements.granted)
    occupied = money.occupied_places(
        month,
        placements.starts[covered],
        placements.ends[covered],
        placements.allocation[covered],
        groups,
    )
    amounts: dict[str, tuple[Array, Array]] = {}
    for name, engine in (("baseline", base), ("reform", reform)):
        system = engine.system
        allowance = money.allowance_cents(month, placements.starts, placements.ends, system=system)
        payment = money.organization_payment_cents(
            month, placements.granted, occupied, placements.non_profit, system=system
        )
        amounts[name] = (allowance, payment)
    regions = sorted(set(placements.region.tolist()) | set(placements.allocation_region.tolist()))
    regions = [code for code in regions if code]
    people = _protected(
        _sum_by(placements.region, np.ones(len(placements.region), dtype=np.int64), regions),
        "region",
        threshold,
    )
    total_people = people[TOTAL]
    items = []
    for position, item in enumerate(COST_ITEMS):
        keys = placements.region if position == 0 else placements.allocation_region
        before = amounts["baseline"][position]
        after = amounts["reform"][position]
        by_region = []
        for code in regions:
            hidden = people[code] is None
            by_region.append(
                {
                    "region": code,
                    "baseline": None if hidden else cents_text(int(before[keys == code].sum())),
                    "reform": None if hidden else cents_text(int(after[keys == code].sum())),
                    "suppressed": hidden,
                }
            )
        hidden = total_people is None
        items.append(
            {
                "item": item,
                "period": month.strftime("%Y-%m"),
                "baseline": None if hidden else cents_text(int(before.sum())),
                "reform": None if hidden else cents_text(int(after.sum())),
                "suppressed": hidden,
                "by_region": by_region,
            }
        )
    return items


def places_figures(
    placements: Placements,
    before: Array,
    after: Array,
    population: Population,
    threshold: int,
) -> list[dict[str, Any]]:
    """PAAS Action places by region: granted for the month, occupied (people placed), and needed
    under the reform. Needed = occupied × eligible after ÷ eligible before (the region's take-up
    stays as it is); where no one was eligible before, the province's take-up rate is used."""
    regions = sorted(
        set(placements.region.tolist())
        | set(placements.allocation_region.tolist())
        | set(population.region.tolist())
    )
    regions = [code for code in regions if code]
    files = population.files
    eligible_before = _sum_by(population.region, files * before, regions)
    eligible_after = _sum_by(population.region, files * after, regions)
    occupied = _sum_by(placements.region, np.ones(len(placements.region), dtype=np.int64), regions)
    granted = _sum_by(placements.allocation_region, placements.granted, regions)
    total_before = sum(eligible_before.values())
    rate = len(placements.region) / total_before if total_before else 0.0
    needed: dict[str, int] = {}
    for code in regions:
        if eligible_before[code]:
            needed[code] = math.ceil(occupied[code] * eligible_after[code] / eligible_before[code])
        else:
            needed[code] = math.ceil(eligible_after[code] * rate)
    shown_occupied = _protected(occupied, "region", threshold)
    shown_needed = _protected(needed, "region", threshold)
    rows = []
    for code in regions:
        if not (granted[code] or occupied[code] or needed[code]):
            continue
        hidden = shown_occupied[code] is None or shown_needed[code] is None
        rows.append(
            {
                "region": code,
                "granted": granted[code],
                "occupied": None if hidden else occupied[code],
                "needed": None if hidden else needed[code],
                "suppressed": hidden,
            }
        )
    return rows


def simulate(
    changes: Sequence[Change],
    date: dt.date,
    *,
    population: Population | None = None,
    placements: Placements | None = None,
    threshold: int = THRESHOLD,
) -> dict[str, Any]:
    """The simulation's results (plain JSON): per measure of this jurisdiction, eligible before
    and after; for Québec the month's PAAS Action money and places. Nothing is written."""
    population = population if population is not None else load_open_files()
    base = Engine.shared()
    reform = reform_engine(changes)
    measures = []
    paas: tuple[Array, Array] | None = None
    for measure in measures_here():
        before = eligible(base, measure, date, population)
        after = eligible(reform, measure, date, population)
        if measure == "paas_action":
            paas = (before, after)
        measures.append(measure_figures(measure, before, after, population, threshold))
    costs: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    if paas is not None:
        placements = placements if placements is not None else load_placements(date)
        costs = money_figures(date, placements, base, reform, threshold)
        places = places_figures(placements, paas[0], paas[1], population, threshold)
    return {
        "date": date.isoformat(),
        "rules_version": sentier_rules.rules_version(),
        "changes": [change.as_json() for change in changes],
        "files": population.total,
        "measures": measures,
        "costs": costs,
        "places": places,
    }


def contract_json(results: dict[str, Any]) -> dict[str, Any]:
    """The results in the shape of the command line's contract (issue 20)."""
    return {
        "date": results["date"],
        "rules_version": results["rules_version"],
        "changes": results["changes"],
        "measures": [
            {
                "measure": m["measure"],
                "baseline": m["baseline"],
                "reform": m["reform"],
                "suppressed": m["suppressed"],
                "by_region": [
                    {key: row[key] for key in ("region", "baseline", "reform", "suppressed")}
                    for row in m["by_region"]
                ],
            }
            for m in results["measures"]
        ],
        "costs": [
            {key: cost[key] for key in ("item", "period", "baseline", "reform", "suppressed")}
            for cost in results["costs"]
        ],
    }


def differences(frozen: dict[str, Any], fresh: dict[str, Any]) -> list[str]:
    """What differs between a saved result and a new run: ``rules_version``, ``files`` and the
    figures of each measure, cost and place row (by name), empty when nothing changed."""
    changed = [key for key in ("rules_version", "files") if frozen.get(key) != fresh.get(key)]
    for section, name in (("measures", "measure"), ("costs", "item"), ("places", "region")):
        old = {row[name]: row for row in frozen.get(section, [])}
        new = {row[name]: row for row in fresh.get(section, [])}
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                changed.append(f"{section}.{key}")
    return changed
