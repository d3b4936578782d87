"""Who may do what with single-window applications, as ``rules`` permissions.

- Caseworkers and administrators enter applications given by phone or in person, and review
  the recommendations: a caseworker those of their own region, an administrator any.
- Caseworkers, coordinators and administrators see the review queue (their region's).
- Where staff work by unit (``accounts.scopes``; Ontario: the provincial Ontario Works intake
  unit, a local office, 004 Q11, Q15), the unit replaces the region in both: a reviewer sees and
  reviews their unit's applications, wherever the person lives, and no other.

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
def no_row_or_within_scope(user: Any, recommendation: Any) -> bool:
    """Asked without a row (may this person review at all?), or the row is their unit's where
    staff work by unit, else of their region."""
    if recommendation is None:
        return True
    unit = scopes.reaches(user, recommendation.participant)
    if unit is not None:
        return unit
    return bool(same_region.test(user, recommendation))


add_perm("intake.enter_application", is_caseworker | is_administrator)
add_perm("intake.view_review_queue", is_caseworker | is_coordinator | is_administrator)
add_perm("intake.review_application", is_administrator | (is_caseworker & no_row_or_within_scope))


def reviewable(user: Any, queryset: QuerySet[RowT]) -> QuerySet[RowT]:
    """The rows (with a ``region`` and a ``participant``) of the review queue ``user`` sees:
    everything for administrators; for caseworkers and coordinators, their unit's files where
    staff work by unit (``accounts.scopes``: the unit says which area, if any, e.g. Ontario's
    provincial OW intake unit reviews the whole province), else their region's."""
    if is_administrator.test(user):
        return queryset
    if not (is_caseworker.test(user) or is_coordinator.test(user)):
        return queryset.none()
    unit = scopes.files_q(user, via="participant__")
    if unit is not None:
        return queryset.filter(unit)
    region_id = getattr(user, "region_id", None)
    return queryset.none() if region_id is None else queryset.filter(region_id=region_id)
