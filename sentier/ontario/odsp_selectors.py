"""Guarded reads of the ODSP centralized intake unit: its queue, applications and packages.

The unit and administrators see the whole province; coordinators read their own area; everyone
else sees nothing. Same 404 for "does not exist" and "not yours".
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from sentier.accounts.models import Role, User
from sentier.ontario.models import DeterminationPackage, MailingStatus, ODSPApplication, ODSPStatus
from sentier.ontario.selectors import can_see_odsp, parse_key


def odsp_for_user(user: User) -> QuerySet[ODSPApplication]:
    """The ODSP intake unit's queue: the whole province for the unit and administrators, the
    coordinator's own area (read only) for coordinators."""
    queryset = ODSPApplication.objects.select_related(
        "participant", "prescribed_class", "application"
    )
    if not can_see_odsp(user):
        return queryset.none()
    if user.role == Role.COORDINATOR:
        if user.region_id is None:
            return queryset.none()
        return queryset.filter(participant__region_id=user.region_id)
    return queryset


def odsp_received_for_user(user: User) -> QuerySet[ODSPApplication]:
    return odsp_for_user(user).filter(status=ODSPStatus.RECEIVED).order_by("received_at", "id")


def odsp_confirmed_for_user(user: User) -> QuerySet[ODSPApplication]:
    return odsp_for_user(user).filter(status=ODSPStatus.CONFIRMED).order_by("-confirmed_at", "-id")


def mailing_queue_for_user(user: User) -> QuerySet[DeterminationPackage]:
    return (
        DeterminationPackage.objects.filter(odsp_application__in=odsp_for_user(user))
        .filter(status=MailingStatus.QUEUED)
        .select_related("odsp_application__participant")
        .defer("pdf")
        .order_by("generated_at", "id")
    )


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
