"""Guarded reads of applications and of the review queue."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.conf import settings
from django.db.models import Count, QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.intake.models import Application, Recommendation, ReviewStatus
from sentier.intake.permissions import reviewable

RESUME_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


def get_application_by_key(resume_key: str) -> Application:
    """The application behind a resume link (the key is the secret), or 404."""
    # Keys are URL-safe base64; anything else (a NUL byte, which PostgreSQL refuses) is unknown.
    if not RESUME_KEY.fullmatch(resume_key or ""):
        raise Http404
    # ``get``, not ``first``: the key is unique, and ``first`` orders by id for nothing (the
    # ORDER BY compiled on every request of an applicant: a tenth of a step's view).
    try:
        return Application.objects.get(resume_key=resume_key)
    except Application.DoesNotExist:
        raise Http404 from None


def review_queue_for_user(user: User) -> QuerySet[Recommendation]:
    """Recommendations a reviewer may see: their unit's where staff work by unit
    (``accounts.scopes``), else their region's (everything for administrators).

    ODSP applications (Ontario) are not reviewed here: they go to the ODSP intake unit's queue.
    Only Ontario has them: elsewhere no file is joined to leave them out (the queue's count,
    bounded at 1,001, read 69 ms of recommendations joined to their files at 1,000,000 files
    against 0.5 ms from the (region, status, created_at) index alone).
    """
    queryset = Recommendation.objects.select_related(
        "participant", "region", "assigned_to", "application"
    )
    if settings.SENTIER_JURISDICTION == "on":
        # The ODSP centralized intake unit's (004).
        queryset = queryset.exclude(participant__program__code="ODSP")
    return reviewable(user, queryset)


def filter_review_queue(
    user: User, queryset: QuerySet[Recommendation], params: dict[str, Any]
) -> QuerySet[Recommendation]:
    status = params.get("status") or ReviewStatus.PENDING
    if status != "all":
        queryset = queryset.filter(status=status)
    if path := params.get("path"):
        queryset = queryset.filter(path=path)
    assigned = params.get("assigned") or "all"
    if assigned == "me":
        queryset = queryset.filter(assigned_to=user)
    elif assigned == "nobody":
        queryset = queryset.filter(assigned_to__isnull=True)
    if params.get("review_requested"):
        queryset = queryset.filter(review_requested_at__isnull=False)
    return queryset.order_by("created_at", "id")


def get_recommendation_for_user(user: User, recommendation_uuid: uuid.UUID | str) -> Recommendation:
    try:
        key = uuid.UUID(str(recommendation_uuid))
    except ValueError as exc:
        raise Http404 from exc
    found = review_queue_for_user(user).filter(uuid=key).first()
    if found is None:
        raise Http404
    return found


def override_counts(user: User) -> dict[str, int]:
    """How many reviewed recommendations were accepted and overridden (for dashboards).

    Counted per status from the (region, status, created_at) index: the pending rows are not
    read and no file is joined, except in Ontario, where the ODSP recommendations (the ODSP
    intake unit's, never reviewed here) are left out by the person's program. At 200,000 files
    the former aggregate read every recommendation of the region with its file (131 ms).
    """
    reviewed = reviewable(user, Recommendation.objects.exclude(status=ReviewStatus.PENDING))
    if settings.SENTIER_JURISDICTION == "on":
        reviewed = reviewed.exclude(participant__program__code="ODSP")
    by_status = dict(reviewed.order_by().values_list("status").annotate(n=Count("*")))
    return {
        "reviewed": sum(by_status.values()),
        "overridden": by_status.get(ReviewStatus.OVERRIDDEN, 0),
    }
