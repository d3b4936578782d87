"""Query shapes the ORM does not write by itself.

:func:`among` keeps the rows whose id a subquery found, with the subquery run once, first:
``id = ANY(ARRAY(SELECT …))`` on PostgreSQL. Asked for the first page of a long ordered list
filtered by a text search (a surname in a region of 240,000 files), PostgreSQL otherwise walks
the list's index in its order and tests every row against the search until it has a page: when
the matches sit late in that order ("Tremblay" in alphabetical order), it reads most of the
region (1 s at 1,000,000 files). Run first, the search reads its trigram indexes, and only its
matches are sorted (1,601 files, 67 ms).

:func:`known` gives rows read without a join the related object the caller already holds: a
file page's panels read the person's plans, referrals and placements knowing the person, and a
join to the participant (with its region and program) made each such query several times wider
to compile in Python and to plan in PostgreSQL (the plan panel's: 128 columns, 8 joins, 4.5 ms
of planning for a file that has no plan).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db.models import Field, Lookup, Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@Field.register_lookup
class AmongIds(Lookup[bool]):
    """``field__among=<queryset of one column>``: ``field = ANY(ARRAY(subquery))`` on
    PostgreSQL (the subquery is an init plan, run once before the rest), ``IN (subquery)``
    elsewhere."""

    lookup_name = "among"

    def get_prep_lookup(self) -> Any:
        return self.rhs  # a queryset, compiled as a subquery

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} IN {rhs}", [*lhs_params, *rhs_params]

    def as_postgresql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]


def among(rows: QuerySet[Any], condition: Q) -> QuerySet[Any]:
    """``rows`` that meet ``condition``, the condition's matches found first (see above)."""
    return rows.filter(pk__among=rows.filter(condition).order_by().values("pk"))


def known(rows: Iterable[M], **held: Model) -> list[M]:
    """``rows`` as a list, each given the objects ``held`` by the name of the foreign key that
    points to them, as ``select_related`` would have read them. A row whose key points elsewhere
    is a caller's mistake: refused, not silently given the wrong object."""
    found = list(rows)
    for row in found:
        for name, value in held.items():
            if getattr(row, f"{name}_id") != value.pk:
                raise ValueError(f"{type(row).__name__} {row.pk}: {name} is not {value.pk}.")
            setattr(row, name, value)
    return found
