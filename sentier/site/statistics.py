"""The figures of the statistics page: files counted by region, program and status in one pass
over the participants table, kept in the cache for ``SENTIER_STATISTICS_SECONDS``.

At a million files the four counts the page used to run on every request (total, active, by
region, by program) took a quarter of a second each time (shared/findings, scale probe). One
``GROUP BY region, program, status`` gives all four; its rows, a few hundred at most, are what the
cache keeps. They are counts and ids only: names are read from the reference rows at each request,
so that they follow the page's language, and the jurisdiction's regions and programs are chosen
then too. The page says the moment the figures were counted; they are at most
``SENTIER_STATISTICS_SECONDS`` old (aggregates for analysts, not a worklist).
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.insights.disclosure import Cell, protect_counts
from sentier.participants.models import FileStatus, Participant
from sentier.reference.models import Program, Region
from sentier.reference.selectors import list_current_programs, list_current_regions

CACHE_KEY = "sentier:statistics:file-counts:1"


class FileCounts(TypedDict):
    """Counted at ``as_of``: (region id, program id, status, files) for each group."""

    as_of: dt.datetime
    rows: list[tuple[int, int, str, int]]


def count_files() -> FileCounts:
    """Every file counted once, by region, program and status (one query)."""
    rows = (
        Participant.objects.order_by()
        .values_list("region_id", "program_id", "status")
        .annotate(n=Count("id"))
    )
    return {"as_of": timezone.now(), "rows": [tuple(row) for row in rows]}


def file_counts() -> FileCounts:
    """The counts from the cache, or counted now and kept there."""
    counts: FileCounts | None = cache.get(CACHE_KEY)
    if counts is None:
        counts = count_files()
        cache.set(CACHE_KEY, counts, settings.SENTIER_STATISTICS_SECONDS)
    return counts


def forget_file_counts() -> None:
    """The next page counts again (tests, and after a bulk load such as ``sentier synth``)."""
    cache.delete(CACHE_KEY)


def statistics() -> dict[str, object]:
    """Aggregates only: counts by region, program and status, never a person; of this
    jurisdiction's regions and programs only (an Ontario analyst counts no Québec file). Names
    are read from the rows, so that they follow the page's language ("City of Toronto")."""
    regions = {region.pk: region for region in list_current_regions()}
    programs = {program.pk: program for program in list_current_programs()}
    counts = file_counts()
    total = active = 0
    by_region: dict[int, int] = {}
    by_program: dict[int, int] = {}
    for region_id, program_id, status, n in counts["rows"]:
        if region_id not in regions or program_id not in programs:
            continue
        total += n
        if status == FileStatus.ACTIVE:
            active += n
        by_region[region_id] = by_region.get(region_id, 0) + n
        by_program[program_id] = by_program.get(program_id, 0) + n
    return {
        "total": total,
        "active": active,
        "by_region": sorted(
            (_named("region", regions[pk], n) for pk, n in by_region.items()),
            key=lambda row: str(row["region__code"]),
        ),
        "by_program": sorted(
            (_named("program", programs[pk], n) for pk, n in by_program.items()),
            key=lambda row: str(row["program__code"]),
        ),
        "as_of": counts["as_of"],
    }


def _named(kind: str, row: Region | Program, count: int) -> dict[str, object]:
    return {f"{kind}__code": row.code, f"{kind}__name": row.name, "n": count}


def protected_statistics() -> dict[str, object]:
    """The figures as the pages show them: through the disclosure layer (issue 17). A count
    under the threshold, or one that the total would give back, reads "suppressed"."""
    figures = statistics()
    shown: dict[str, object] = {"as_of": figures["as_of"]}
    for table, kind in (("by_region", "region"), ("by_program", "program")):
        rows = figures[table]
        assert isinstance(rows, list)
        cells = [Cell(group={kind: str(row[f"{kind}__code"])}, value=row["n"]) for row in rows]
        protected = protect_counts(cells, margins=(kind,))
        shown[table] = [
            {**row, "n": _shown(cell)} for row, cell in zip(rows, protected, strict=False)
        ]
        if rows:
            shown["total"] = _shown(protected[-1])
    total = figures["total"]
    assert isinstance(total, int)
    shown.setdefault("total", _shown(protect_counts([Cell(group={}, value=total)])[0]))
    # Active and not active split the total: protected together, so neither gives the other.
    active = figures["active"]
    assert isinstance(active, int)
    split = protect_counts(
        [
            Cell(group={"status": "active"}, value=active),
            Cell(group={"status": "other"}, value=total - active),
        ],
        margins=("status",),
    )
    shown["active"] = _shown(split[0])
    return shown


def _shown(cell: Cell) -> str:
    return _("suppressed") if cell.suppressed or cell.value is None else str(cell.value)
