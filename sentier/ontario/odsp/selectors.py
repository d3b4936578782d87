"""Guarded reads of the ODSP centralized intake unit: its queue, applications and packages.

Administrators see the whole province; the centralized unit its central queue (applicants not
served by a First Nations site); a First Nations site's staff their site's queue only;
coordinators read their own area; everyone else sees nothing. Same 404 for "does not exist"
and "not yours".
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.text import french
from sentier.ontario.models import (
    ODSP_ENDED,
    PACKAGE_OUT,
    DeterminationPackage,
    MailingStatus,
    NoticeStatus,
    ODSPApplication,
    ODSPStatus,
    RefusalNotice,
)
from sentier.ontario.odsp.actions import RETURN_REMINDER_DAYS
from sentier.ontario.permissions import odsp_queue_q, odsp_workers
from sentier.ontario.selectors import ow_applications_for_user, parse_key
from sentier.ontario.units import first_nations_site_of

#: The queue's stages (the ``stage`` filter): what is left to do, and where each file stands.
STAGE_OPEN = "open"  # eligibility to confirm, or a package to mail
STAGE_RECEIVED = "received"
STAGE_CONFIRMED = "confirmed"  # confirmed, no package (member of a prescribed class)
STAGE_QUEUED = "queued"
STAGE_MAILED = "mailed"  # out with the applicant (mailed or given): return awaited
STAGE_INFO = "info"
STAGE_RETURN_DUE = "return_due"  # return awaited, due within the reminder's days, or late
STAGE_RETURNED = "returned"
STAGE_WITH_DAU = "with_dau"
STAGE_CLOSED = "closed"
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


def notices_to_mail_for_user(user: User) -> QuerySet[RefusalNotice]:
    """ODSP refusal notices waiting to be mailed (refused at intake, or the disability not
    confirmed), of the applications the user may see, oldest first, without their PDF bytes:
    the day's mailing lists them beside the packages."""
    return (
        RefusalNotice.objects.filter(
            odsp_application__in=odsp_for_user(user), status=NoticeStatus.TO_MAIL
        )
        .select_related("participant", "odsp_application")
        .defer("pdf")
        .order_by("issued_at", "id")
    )


def notices_by_keys_for_user(user: User, keys: Iterable[uuid.UUID]) -> list[RefusalNotice]:
    """The ODSP refusal notices named by ``keys`` that the user may see, oldest first."""
    return list(
        RefusalNotice.objects.filter(odsp_application__in=odsp_for_user(user), uuid__in=list(keys))
        .select_related("participant", "odsp_application")
        .defer("pdf")
        .order_by("issued_at", "id")
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
    out = Q(package__status__in=PACKAGE_OUT)
    if stage == STAGE_OPEN:
        queryset = queryset.filter(
            Q(status=ODSPStatus.RECEIVED)
            | queued
            | Q(package__status=MailingStatus.RETURNED)
            | (out & Q(package__return_by__lte=return_reminder_day()))
        )
    elif stage == STAGE_INFO:
        queryset = queryset.filter(status=ODSPStatus.INFO_REQUESTED)
    elif stage == STAGE_RETURN_DUE:
        queryset = queryset.filter(out, package__return_by__lte=return_reminder_day())
    elif stage == STAGE_RETURNED:
        queryset = queryset.filter(package__status=MailingStatus.RETURNED)
    elif stage == STAGE_WITH_DAU:
        queryset = queryset.filter(package__status=MailingStatus.WITH_DAU)
    elif stage == STAGE_CLOSED:
        queryset = queryset.filter(status__in=ODSP_ENDED)
    elif stage == STAGE_RECEIVED:
        queryset = queryset.filter(status=ODSPStatus.RECEIVED)
    elif stage == STAGE_CONFIRMED:
        queryset = queryset.filter(status=ODSPStatus.CONFIRMED, package__isnull=True)
    elif stage == STAGE_QUEUED:
        queryset = queryset.filter(queued)
    elif stage == STAGE_MAILED:
        queryset = queryset.filter(out)
    channel = params.get("channel")
    if channel:
        queryset = queryset.filter(channel=channel)
    assigned = params.get("assigned") or "all"
    if assigned == "me":
        queryset = queryset.filter(assigned_to=user)
    elif assigned == "nobody":
        queryset = queryset.filter(assigned_to__isnull=True)
    return queryset


def return_reminder_day(today: dt.date | None = None) -> dt.date:
    """Packages due back by this day are reminded in the queue (the worklist)."""
    return (today or timezone.localdate()) + dt.timedelta(days=RETURN_REMINDER_DAYS)


def returns_due_for_user(user: User) -> QuerySet[DeterminationPackage]:
    """Packages out with applicants and due back soon or late, soonest first (the reminder)."""
    return (
        packages_for_user(user)
        .filter(status__in=PACKAGE_OUT, return_by__lte=return_reminder_day())
        .order_by("return_by", "id")
    )


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


def odsp_colleagues(user: User | None = None) -> QuerySet[User]:
    """Whom an application can be assigned to: the staff of the ODSP centralized intake unit,
    or of the user's First Nations site."""
    site_id = first_nations_site_of(user) if user is not None else None
    return odsp_workers(site_id).order_by(*french("last_name", "first_name"), "id")


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


def get_notice_for_user(user: User, key: object) -> RefusalNotice:
    """A refusal notice, for those who may read the application it refuses (Ontario Works or
    ODSP); the same 404 for a missing one and another unit's."""
    found = (
        RefusalNotice.objects.filter(
            Q(ow_application__in=ow_applications_for_user(user))
            | Q(odsp_application__in=odsp_for_user(user))
        )
        .select_related("participant", "ow_application__participant", "odsp_application")
        .filter(uuid=parse_key(key))
        .first()
    )
    if found is None:
        raise Http404
    return found
