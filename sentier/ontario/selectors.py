"""Guarded reads of the Ontario configuration: the worklist and its filters.

Same 404 for "does not exist" and "not yours". The Ontario Works intake unit sees the
province's applications until their transfer; local office staff see their service area's
files from the transfer on; the ODSP intake unit sees the whole province's ODSP queue;
coordinators read their area's lists; administrators see everything.

The worklist has four lists: applications to decide (the OW intake unit's), then, from the
transfer on (the local office's), common assessments, action plans to set for clients
fast-tracked at grant, and action plan reviews; each oldest or most urgent first, narrowed by
:class:`WorklistFilters`; a review belongs to whoever the plan's assessment is assigned to.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TypeVar

from django.db import models
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.ontario.models import (
    OW_UNDECIDED,
    ActionPlan,
    AssessmentStatus,
    CommonAssessment,
    Deferral,
    OWApplication,
    Route,
)
from sentier.ontario.permissions import (
    ow_applications_q,
    ow_area_q,
    ow_intake_workers,
    ow_workers,
    read_areas_q,
)
from sentier.reference.models import Jurisdiction, Region

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
    area = ow_area_q(user)
    return queryset.none() if area is None else queryset.filter(area)


def ow_applications_for_user(user: User) -> QuerySet[OWApplication]:
    """The OW intake unit: the province's applications not transferred yet; a local office:
    its area's, once transferred; coordinators: their area's; administrators: all."""
    read = ow_applications_q(user)
    queryset = OWApplication.objects.select_related("participant", "participant__program")
    return queryset.none() if read is None else queryset.filter(read)


def pending_ow_for_user(user: User) -> QuerySet[OWApplication]:
    """The applications the intake unit still has to decide (missing information asked
    included), oldest first; empty for whoever may not read the intake unit's queue."""
    if not may(user, "ontario.view_ow_intake_queue"):
        return OWApplication.objects.none()
    return (
        ow_applications_for_user(user)
        .filter(status__in=OW_UNDECIDED)
        .select_related("application")
        .order_by("received_at", "id")
    )


def plans_to_set_for_user(user: User) -> QuerySet[OWApplication]:
    """Clients fast-tracked at grant and transferred, still without an action plan (004 Q4),
    oldest transfer first; only for whoever reads the local office worklist."""
    if not may(user, "ontario.view_assessment_queue"):
        return OWApplication.objects.none()
    return _area_filter(
        user,
        OWApplication.objects.select_related("participant").filter(
            route=Route.EMPLOYMENT_ONTARIO,
            transferred_at__isnull=False,
            participant__action_plan__isnull=True,
        ),
    ).order_by("transferred_at", "id")


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
    return _area_filter(
        user,
        ActionPlan.objects.select_related(
            "participant", "assessment", "participant__ow_application"
        ),
    )


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


def get_ow_application_decided_by_unit(user: User, key: object) -> OWApplication:
    """For a decision posted by the OW intake unit: the application even if a colleague's grant
    transferred it meanwhile (the conflict screen says so); 404 for anyone else."""
    if not may(user, "ontario.view_ow_intake_queue"):
        raise Http404
    found = (
        OWApplication.objects.select_related("participant", "participant__program")
        .filter(uuid=parse_key(key))
        .first()
    )
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


# ---------------------------------------------------------------- the worklist's lists and filters

#: The worklist's lists, in the order of its tabs.
GRANTS, ASSESSMENTS, PLANS, REVIEWS = "grant", "assessments", "plans", "reviews"
WORKLISTS = (GRANTS, ASSESSMENTS, PLANS, REVIEWS)


def worklists_for_user(user: User) -> tuple[str, ...]:
    """The lists ``user`` reads: the intake unit's applications to decide, the local office's
    lists from the transfer on (administrators: all four)."""
    shown: tuple[str, ...] = ()
    if may(user, "ontario.view_ow_intake_queue"):
        shown += (GRANTS,)
    if may(user, "ontario.view_assessment_queue"):
        shown += (ASSESSMENTS, PLANS, REVIEWS)
    return shown


@dataclass(frozen=True)
class WorklistFilters:
    """What the caseworker narrowed the worklist to. ``assigned``: ``all``, ``me`` or
    ``nobody``; ``area``: one service area (people who see several); ``channel``: applications
    only; ``situation``: assessments only (``deferral``, ``deferral_due``, ``no_plan``,
    ``referred``); ``due``: reviews only (``overdue``, ``soon``)."""

    assigned: str = "all"
    area: Region | None = None
    channel: str = ""
    situation: str = ""
    due: str = ""


def areas_for_user(user: User) -> QuerySet[Region]:
    """The Ontario service areas whose worklist the user reads (all for administrators)."""
    areas = Region.objects.filter(jurisdiction=Jurisdiction.ONTARIO).order_by("code")
    if not may(user, "ontario.view_assessment_queue"):
        return areas.none()
    read = read_areas_q(user)
    return areas.none() if read is None else areas.filter(read)


def ow_colleagues(region_id: int | None) -> QuerySet[User]:
    """Who works Ontario Works files of this service area: the area's active caseworkers who
    are not in an intake unit."""
    if region_id is None:
        return User.objects.none()
    return ow_workers(region_id).order_by("first_name", "last_name", "id")


def ow_intake_colleagues() -> QuerySet[User]:
    """Who decides Ontario Works applications: the intake unit's active staff."""
    return ow_intake_workers().order_by("first_name", "last_name", "id")


def _narrow(
    user: User, queryset: QuerySet[ModelT], filters: WorklistFilters, assigned_field: str
) -> QuerySet[ModelT]:
    """The filters every list shares: the service area and who the rows are assigned to."""
    if filters.area is not None:
        queryset = queryset.filter(region_id=filters.area.pk)
    if filters.assigned == "me":
        queryset = queryset.filter(**{assigned_field: user})
    elif filters.assigned == "nobody":
        queryset = queryset.filter(**{f"{assigned_field}__isnull": True})
    return queryset


def worklist_grants(user: User, filters: WorklistFilters) -> QuerySet[OWApplication]:
    """Ontario Works applications waiting for the intake unit's decision, oldest first."""
    queryset = _narrow(user, pending_ow_for_user(user), filters, "assigned_to")
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    return queryset.select_related("assigned_to", "region")


def worklist_assessments(
    user: User, filters: WorklistFilters, today: dt.date
) -> QuerySet[CommonAssessment]:
    """Common assessments to do, oldest first, each with the review date of its earliest
    deferral in force (``deferral_review_on``, None without one)."""
    in_force = Deferral.objects.filter(assessment=OuterRef("pk"), ended_at__isnull=True)
    queryset = _narrow(user, open_assessments_for_user(user), filters, "assigned_to").annotate(
        deferral_review_on=Subquery(in_force.order_by("review_on").values("review_on")[:1])
    )
    if filters.situation == "deferral":
        queryset = queryset.filter(deferral_review_on__isnull=False)
    elif filters.situation == "deferral_due":
        queryset = queryset.filter(deferral_review_on__lte=today)
    elif filters.situation == "no_plan":
        queryset = queryset.filter(action_plan__isnull=True)
    elif filters.situation == "referred":
        queryset = queryset.filter(referral__isnull=False)
    return queryset.select_related("assigned_to", "region", "referral")


def worklist_plans(user: User, filters: WorklistFilters) -> QuerySet[OWApplication]:
    """Clients fast-tracked at grant whose action plan is still to set, oldest first."""
    return _narrow(user, plans_to_set_for_user(user), filters, "assigned_to").select_related(
        "assigned_to", "region", "referral"
    )


def worklist_reviews(user: User, filters: WorklistFilters, today: dt.date) -> QuerySet[ActionPlan]:
    """Action plan reviews overdue or due within two weeks, most urgent first."""
    queryset = _narrow(user, reviews_due_for_user(user, today), filters, "assessment__assigned_to")
    if filters.due == "overdue":
        queryset = queryset.filter(next_review_on__lt=today)
    elif filters.due == "soon":
        queryset = queryset.filter(next_review_on__gte=today)
    return queryset.select_related("assessment__assigned_to", "region")


def worklist_counts(user: User, filters: WorklistFilters, today: dt.date) -> dict[str, int]:
    """How many rows each list holds under the shared filters (area, assigned): the tabs'
    figures. One query per list whatever the number of rows."""
    shared = WorklistFilters(assigned=filters.assigned, area=filters.area)
    return {
        GRANTS: _narrow(user, pending_ow_for_user(user), shared, "assigned_to").count(),
        ASSESSMENTS: _narrow(user, open_assessments_for_user(user), shared, "assigned_to").count(),
        PLANS: _narrow(user, plans_to_set_for_user(user), shared, "assigned_to").count(),
        REVIEWS: _narrow(
            user, reviews_due_for_user(user, today), shared, "assessment__assigned_to"
        ).count(),
    }


def worklist_summary(user: User, today: dt.date) -> dict[str, int]:
    """The home panel's figures, each with how many are assigned to the user (four queries)."""
    mine = Count("id", filter=Q(assigned_to=user))
    grants = (
        pending_ow_for_user(user)
        .order_by()
        .aggregate(
            total=Count("id"),
            mine=mine,
            info_due=Count("id", filter=Q(info_due_on__lte=today)),
        )
    )
    plans = plans_to_set_for_user(user).order_by().aggregate(total=Count("id"), mine=mine)
    assessments = open_assessments_for_user(user).order_by().aggregate(total=Count("id"), mine=mine)
    reviews = (
        reviews_due_for_user(user, today)
        .order_by()
        .aggregate(
            overdue=Count("id", filter=Q(next_review_on__lt=today)),
            due=Count("id", filter=Q(next_review_on__gte=today)),
            mine=Count("id", filter=Q(assessment__assigned_to=user)),
        )
    )
    return {
        "pending": grants["total"],
        "pending_mine": grants["mine"],
        "info_due": grants["info_due"],
        "plans": plans["total"],
        "plans_mine": plans["mine"],
        "assessments": assessments["total"],
        "assessments_mine": assessments["mine"],
        "overdue": reviews["overdue"],
        "due": reviews["due"],
        "reviews_mine": reviews["mine"],
    }
