"""Guarded reads of the Ontario configuration: the local office worklist and the ODSP queue.

Same 404 for "does not exist" and "not yours". Local office staff see their service area;
the ODSP intake unit sees the whole province's ODSP queue; coordinators read their area's
lists; administrators see everything.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TypeVar

from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from sentier.accounts.models import Role, User
from sentier.ontario.models import (
    ActionPlan,
    AssessmentStatus,
    CommonAssessment,
    OWApplication,
    OWStatus,
    Unit,
)
from sentier.ontario.units import ontario_enabled, unit_of

ModelT = TypeVar("ModelT", bound=models.Model)

#: How far ahead the worklist shows action plan reviews coming due.
DUE_SOON_DAYS = 14


def parse_key(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def _area_filter(user: User, queryset: QuerySet[ModelT]) -> QuerySet[ModelT]:
    """The rows of the user's service area (all for administrators)."""
    if not ontario_enabled():
        return queryset.none()
    if user.role == Role.ADMINISTRATOR:
        return queryset
    if user.role == Role.COORDINATOR or unit_of(user) == Unit.OW_OFFICE:
        return queryset.filter(region_id=user.region_id) if user.region_id else queryset.none()
    return queryset.none()


def can_see_worklist(user: User) -> bool:
    return ontario_enabled() and (
        user.role in (Role.ADMINISTRATOR, Role.COORDINATOR) or unit_of(user) == Unit.OW_OFFICE
    )


def can_see_odsp(user: User) -> bool:
    return ontario_enabled() and (
        user.role in (Role.ADMINISTRATOR, Role.COORDINATOR) or unit_of(user) == Unit.ODSP_INTAKE
    )


def ow_applications_for_user(user: User) -> QuerySet[OWApplication]:
    return _area_filter(
        user, OWApplication.objects.select_related("participant", "participant__program")
    )


def pending_ow_for_user(user: User) -> QuerySet[OWApplication]:
    return (
        ow_applications_for_user(user)
        .filter(status=OWStatus.PENDING)
        .select_related("application")
        .order_by("received_at", "id")
    )


def assessments_for_user(user: User) -> QuerySet[CommonAssessment]:
    return _area_filter(user, CommonAssessment.objects.select_related("participant"))


def open_assessments_for_user(user: User) -> QuerySet[CommonAssessment]:
    return (
        assessments_for_user(user)
        .filter(status=AssessmentStatus.TO_DO)
        .select_related("action_plan")
        .order_by("created_at", "id")
    )


def plans_for_user(user: User) -> QuerySet[ActionPlan]:
    return _area_filter(user, ActionPlan.objects.select_related("participant", "assessment"))


def reviews_due_for_user(user: User, today: dt.date) -> QuerySet[ActionPlan]:
    """Action plans whose review is overdue or due within two weeks, most urgent first."""
    return (
        plans_for_user(user)
        .filter(next_review_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS))
        .order_by("next_review_on", "id")
    )


def get_ow_application_for_user(user: User, key: object) -> OWApplication:
    found = ow_applications_for_user(user).filter(uuid=parse_key(key)).first()
    if found is None:
        raise Http404
    return found


def get_assessment_for_user(user: User, key: object) -> CommonAssessment:
    found = assessments_for_user(user).filter(uuid=parse_key(key)).first()
    if found is None:
        raise Http404
    return found


def get_plan_for_user(user: User, key: object) -> ActionPlan:
    found = plans_for_user(user).filter(uuid=parse_key(key)).first()
    if found is None:
        raise Http404
    return found
