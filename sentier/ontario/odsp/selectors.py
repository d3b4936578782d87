"""Guarded reads of the ODSP centralized intake unit: its queue, applications and packages.

The unit and administrators see the whole province; coordinators read their own area; everyone
else sees nothing. Same 404 for "does not exist" and "not yours".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from django.db.models import Q, QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.text import french
from sentier.ontario.models import (
    DeterminationPackage,
    MailingStatus,
    ODSPApplication,
    ODSPStatus,
)
from sentier.ontario.permissions import odsp_queue_q, odsp_workers
from sentier.ontario.selectors import parse_key

#: The queue's stages (the ``stage`` filter): what is left to do, and where each file stands.
STAGE_OPEN = "open"  # eligibility to confirm, or a package to mail
STAGE_RECEIVED = "received"
STAGE_CONFIRMED = "confirmed"  # confirmed, no package (member of a prescribed class)
STAGE_QUEUED = "queued"
STAGE_MAILED = "mailed"
STAGE_ALL = "all"


def odsp_for_user(user: User) -> QuerySet[ODSPApplication]:
    """The ODSP intake unit's queue: the whole province for the unit and administrators, the
    coordinator's own area (read only) for coordinators."""
    queryset = ODSPApplication.objects.select_related(
        "participant", "prescribed_class", "application"
    )
    if not may(user, "ontario.view_odsp_queue"):
        return queryset.none()
    read = odsp_queue_q(user)
    return queryset.none() if read is None else queryset.filter(read)


def odsp_received_for_user(user: User) -> QuerySet[ODSPApplication]:
    return odsp_for_user(user).filter(status=ODSPStatus.RECEIVED).order_by("received_at", "id")


def mailing_queue_for_user(user: User) -> QuerySet[DeterminationPackage]:
    return (
        DeterminationPackage.objects.filter(odsp_application__in=odsp_for_user(user))
        .filter(status=MailingStatus.QUEUED)
        .select_related("odsp_application__participant")
        .defer("pdf")
        .order_by("generated_at", "id")
    )


def odsp_list_for_user(user: User) -> QuerySet[ODSPApplication]:
    """The queue's rows with what each row shows (person, channel, assignee, package), oldest
    first; the packages' PDF bytes are left in the database."""
    return (
        odsp_for_user(user)
        .select_related("assigned_to", "package")
        .defer("package__pdf")
        .order_by("received_at", "id")
    )


def filter_odsp_queue(
    user: User, queryset: QuerySet[ODSPApplication], params: Mapping[str, object]
) -> QuerySet[ODSPApplication]:
    """Narrow the queue by stage (default: what is left to do), channel and assignee."""
    stage = params.get("stage") or STAGE_OPEN
    queued = Q(status=ODSPStatus.CONFIRMED, package__status=MailingStatus.QUEUED)
    if stage == STAGE_OPEN:
        queryset = queryset.filter(Q(status=ODSPStatus.RECEIVED) | queued)
    elif stage == STAGE_RECEIVED:
        queryset = queryset.filter(status=ODSPStatus.RECEIVED)
    elif stage == STAGE_CONFIRMED:
        queryset = queryset.filter(status=ODSPStatus.CONFIRMED, package__isnull=True)
    elif stage == STAGE_QUEUED:
        queryset = queryset.filter(queued)
    elif stage == STAGE_MAILED:
        queryset = queryset.filter(package__status=MailingStatus.MAILED)
    channel = params.get("channel")
    if channel:
        queryset = queryset.filter(channel=channel)
    assigned = params.get("assigned") or "all"
    if assigned == "me":
        queryset = queryset.filter(assigned_to=user)
    elif assigned == "nobody":
        queryset = queryset.filter(assigned_to__isnull=True)
    return queryset


def packages_for_user(user: User) -> QuerySet[DeterminationPackage]:
    """The packages of the applications the user may see, without their PDF bytes."""
    return (
        DeterminationPackage.objects.filter(odsp_application__in=odsp_for_user(user))
        .select_related("odsp_application__participant")
        .defer("pdf")
        .order_by("generated_at", "id")
    )


def packages_by_keys_for_user(user: User, keys: Iterable[uuid.UUID]) -> list[DeterminationPackage]:
    """The packages named by ``keys`` that the user may see, oldest first (others dropped)."""
    return list(packages_for_user(user).filter(uuid__in=list(keys)))


def odsp_colleagues() -> QuerySet[User]:
    """The staff of the ODSP centralized intake unit (to whom an application can be assigned)."""
    return odsp_workers().order_by(*french("last_name", "first_name"), "id")


def get_odsp_for_user(user: User, key: object) -> ODSPApplication:
    found = odsp_for_user(user).filter(uuid=parse_key(key)).first()
    if found is None:
        raise Http404
    return found


def get_package_for_user(user: User, key: object) -> DeterminationPackage:
    found = (
        DeterminationPackage.objects.filter(odsp_application__in=odsp_for_user(user))
        .select_related("odsp_application__participant")
        .filter(uuid=parse_key(key))
        .first()
    )
    if found is None:
        raise Http404
    return found
