"""Who may do what with single-window applications, as ``rules`` permissions.

- Caseworkers and administrators enter applications given by phone or in person, and review
  the recommendations: a caseworker those of their own region, an administrator any.
- Caseworkers, coordinators and administrators see the review queue (their region's).

Imported once, by ``IntakeConfig.ready``. :func:`reviewable` is the queryset twin.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from rules.permissions import add_perm
from rules.predicates import predicate

from sentier.accounts import scopes
from sentier.accounts.permissions import (
    is_administrator,
    is_caseworker,
    is_coordinator,
    same_region,
)

RowT = TypeVar("RowT", bound=Model)


@predicate
def no_row_or_same_region(user: Any, recommendation: Any) -> bool:
    """Asked without a row (may this person review at all?), or the row is of their region."""
    return recommendation is None or bool(same_region.test(user, recommendation))


add_perm("intake.enter_application", is_caseworker | is_administrator)
add_perm("intake.view_review_queue", is_caseworker | is_coordinator | is_administrator)
add_perm("intake.review_application", is_administrator | (is_caseworker & no_row_or_same_region))


def reviewable(user: Any, queryset: QuerySet[RowT]) -> QuerySet[RowT]:
    """The rows (with a ``region`` and a ``participant``) of the review queue ``user`` sees:
    everything for administrators; their region's for caseworkers and coordinators, narrowed
    to their unit's files where staff work by unit (``accounts.scopes``)."""
    if is_administrator.test(user):
        return queryset
    region_id = getattr(user, "region_id", None)
    if (is_caseworker.test(user) or is_coordinator.test(user)) and region_id is not None:
        queryset = queryset.filter(region_id=region_id)
        unit = scopes.files_q(user, via="participant__")
        return queryset if unit is None else queryset.filter(unit)
    return queryset.none()
