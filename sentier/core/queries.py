"""Query shapes the ORM does not write by itself.

:func:`among` keeps the rows whose id a subquery found, with the subquery run once, first:
``id = ANY(ARRAY(SELECT …))`` on PostgreSQL. Asked for the first page of a long ordered list
filtered by a text search (a surname in a region of 240,000 files), PostgreSQL otherwise walks
the list's index in its order and tests every row against the search until it has a page: when
the matches sit late in that order ("Tremblay" in alphabetical order), it reads most of the
region (1 s at 1,000,000 files). Run first, the search reads its trigram indexes, and only its
matches are sorted (1,601 files, 67 ms).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Field, Lookup, Q, QuerySet


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
