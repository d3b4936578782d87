"""Who in the ODSP centralized intake unit works an application: assign it to oneself or to a
colleague of the unit, or take the assignment back. Keyword-only, atomic, permission first,
then a timeline row."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.ontario.models import ODSPApplication
from sentier.ontario.permissions import works_odsp_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.actions import add_event


@transaction.atomic
def assign_odsp_application(
    *,
    actor: User,
    odsp_application: ODSPApplication,
    assignee: User | None,
    at: dt.datetime | None = None,
) -> ODSPApplication:
    """Give the application to ``assignee`` (someone of the ODSP intake unit), or to nobody.
    Assigning it to whom it already is changes nothing and writes nothing."""
    if not may(actor, "ontario.work_odsp_intake"):
        raise PermissionDenied
    odsp = (
        ODSPApplication.objects.select_for_update(of=("self",))
        .select_related("participant")
        .get(pk=odsp_application.pk)
    )
    if not works_odsp_application(actor, odsp):
        raise PermissionDenied
    if assignee is not None and not (assignee.is_active and works_odsp_application(assignee, odsp)):
        raise ValidationError(
            {"assignee": _("Choose someone who works in the queue of this application.")}
        )
    new_id = assignee.pk if assignee is not None else None
    if odsp.assigned_to_id == new_id:
        return odsp
    odsp.assigned_to = assignee
    odsp.save(update_fields=["assigned_to"])
    who = (
        {"step": "unassigned"}
        if assignee is None
        else {"step": "assigned", "assignee_name": assignee.get_full_name() or assignee.email}
    )
    add_event(
        participant=odsp.participant,
        kind=OntarioEventKind.ODSP_INTAKE,
        actor=actor,
        data={"odsp_application": str(odsp.uuid), "assigned_to": new_id, **who},
        occurred_at=at or timezone.now(),
    )
    return odsp
