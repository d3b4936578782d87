"""A paginator that counts a long list only as far as it needs to.

Django's ``Paginator`` counts every row of the list to number its pages: on a caseload of
200,000 files, a ``COUNT(*)`` over all of them on every page. :class:`BoundedPaginator` counts
at most ``bound`` rows (one more, to know whether there are others): the pages up to there are
numbered as usual; past it the list says "more than N" and its page count "or more", and
asking for a later page counts that much further (``bound_for_page``).

:class:`KeyedPaginator` reads a page in two steps: its rows' ids from the list's index (an
index-only scan, the rows before the page skipped there), then those rows with their joins.
Page 30 of a region's 243,817 files read 750 whole rows to show 25 (40 ms); its ids alone,
0.3 ms.

:class:`MatchesPaginator` is for a list whose every row the database reads anyway to sort it
(a text search's matches, found first: ``sentier.core.queries.among``): the page's rows carry
the count of the matches (``COUNT(*) OVER ()``), one query instead of a second search for a
count.
"""

from __future__ import annotations

import math
from typing import Any

from django.core.paginator import Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window
from django.utils.functional import cached_property


def bound_for_page(requested: object, *, per_page: int, at_least: int) -> int:
    """How far to count for the page asked for (``requested`` as sent): ``at_least`` rows, or
    up to the end of the page after it, in whole pages."""
    try:
        number = max(1, int(str(requested)))
    except ValueError:
        number = 1
    # A number far past any list is counted no further than a long list allows.
    number = min(number, 100_000)
    return max(at_least, (number + 1) * per_page)


class BoundedPaginator(Paginator[Any]):
    """Counts at most ``bound`` rows; ``more``: there are others after them."""

    def __init__(self, object_list: Any, per_page: int, *, bound: int, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.bound = bound

    @cached_property
    def _counted(self) -> int:
        # SELECT COUNT(*) FROM (SELECT id … LIMIT bound + 1), without the list's ORDER BY (kept,
        # it would sort every row before the limit) nor its joins.
        rows: QuerySet[Any] = self.object_list  # type: ignore[assignment]
        return rows.order_by().values("pk")[: self.bound + 1].count()

    @property
    def more(self) -> bool:
        return self._counted > self.bound

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.bound)

    @cached_property
    def num_pages(self) -> int:
        # Past the bound, one page more than counted: "next" leads on, and counts further.
        counted = math.ceil(self.count / self.per_page) if self.count else 1
        return counted + 1 if self.more else counted


class KeyedPaginator(BoundedPaginator):
    """A :class:`BoundedPaginator` that reads a page's ids first, then its rows (see above).
    For a list whose order an index gives (with the id last): otherwise the first step reads
    the rows it skips anyway, and the second adds a query for nothing."""

    def page(self, number: Any) -> Page[Any]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows: QuerySet[Any] = self.object_list  # type: ignore[assignment]
        ids = list(rows.values_list("pk", flat=True)[bottom:top])
        found = {row.pk: row for row in rows.order_by().filter(pk__in=ids)}
        return Page([found[pk] for pk in ids if pk in found], number, self)


#: The annotation that carries the number of matches on each row of the page.
MATCHES = "_matches_in_list"


class MatchesPaginator(BoundedPaginator):
    """A :class:`BoundedPaginator` whose count comes with the page's rows (``COUNT(*) OVER
    ()``). Only for a list the database reads whole before its ``LIMIT`` (a text search's
    matches, then sorted): on a plain list the window would read every row. A page past the
    end (no row to carry the count) is counted as :class:`BoundedPaginator` does."""

    def get_page(self, number: Any) -> Page[Any]:
        try:
            wanted = int(str(number))
        except ValueError:
            wanted = 1  # as Paginator.get_page: the first page
        page = self._with_count(wanted)
        return page if page is not None else super().get_page(number)

    def page(self, number: Any) -> Page[Any]:
        try:
            wanted = int(str(number))
        except ValueError as error:
            raise PageNotAnInteger(str(error)) from error
        page = self._with_count(wanted)
        return page if page is not None else super().page(number)

    def _with_count(self, wanted: int) -> Page[Any] | None:
        """Page ``wanted`` read with the count of the matches; None if it has no row."""
        if "_counted" in self.__dict__ or not 1 <= wanted <= self.bound // self.per_page + 1:
            return None  # counted already, or a page past the bound: counted as usual
        rows: QuerySet[Any] = self.object_list  # type: ignore[assignment]
        bottom = (wanted - 1) * self.per_page
        found = list(
            rows.annotate(**{MATCHES: Window(Count("pk"))})[bottom : bottom + self.per_page]
        )
        if not found:
            return None
        self.__dict__["_counted"] = min(getattr(found[0], MATCHES), self.bound + 1)
        return Page(found, wanted, self)
