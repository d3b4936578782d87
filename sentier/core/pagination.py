"""A paginator that counts a long list only as far as it needs to.

Django's ``Paginator`` counts every row of the list to number its pages: on a caseload of
200,000 files, a ``COUNT(*)`` over all of them on every page. :class:`BoundedPaginator` counts
at most ``bound`` rows (one more, to know whether there are others): the pages up to there are
numbered as usual; past it the list says "more than N" and its page count "or more", and
asking for a later page counts that much further (``bound_for_page``).
"""

from __future__ import annotations

import math
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
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
