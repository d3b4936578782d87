"""Who works which row of the worklist: an Ontario Works application waiting for its decision
to someone of the OW intake unit; a transferred client (action plan to set) or a common
assessment to a caseworker of the area's OW local office (oneself, usually); or to nobody.

Permission first (the intake unit for its applications; ``ontario.hand_out_ow_work`` for the
local office: the area's caseworkers, and its coordinator, who hands out work); the assignee must
work the same rows (the intake unit; or Ontario Works files of the same area: not an intake unit,
not another area, not a coordinator, not an administrator); the row is locked so that two
people taking the same row at once cannot both get it. A mere assignment adds no
timeline event: simple_history keeps who assigned whom, and when.
"""

from __future__ import annotations

from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.ontario.models import OW_UNDECIDED, CommonAssessment, OWApplication

RowT = TypeVar("RowT", OWApplication, CommonAssessment)


def _assign(
    *,
    actor: User,
    row: RowT,
    assignee: User | None,
    only_if_unassigned: bool,
    intake: bool = False,
) -> RowT:
    hand_out, works = (
        ("ontario.work_ow_intake", "ontario.work_ow_intake")
        if intake
        else ("ontario.hand_out_ow_work", "ontario.work_ow_area")
    )
    if not may(actor, hand_out, row):
        raise PermissionDenied
    if assignee is not None and (
        not may(assignee, "participants.hold_caseload")
        or not assignee.is_active
        or not may(assignee, works, row)
        or (intake and not may(assignee, "ontario.view_ow_intake_queue"))
    ):
        if intake:
            message = _(
                "%(name)s does not decide Ontario Works applications: choose a colleague of the"
                " intake unit."
            )
        else:
            message = _(
                "%(name)s does not work Ontario Works files of this area: choose a colleague"
                " of the local office."
            )
        raise ValidationError({"assignee": message % {"name": assignee}})
    locked = (
        type(row)
        .objects.select_for_update(of=("self",))
        .select_related("assigned_to")
        .get(pk=row.pk)
    )
    current = locked.assigned_to
    if only_if_unassigned and current is not None and current != assignee:
        raise ValidationError(
            {"assignee": _("%(name)s took this one a moment ago.") % {"name": current}}
        )
    if current != assignee:
        locked.assigned_to = assignee
        locked._history_user = actor  # type: ignore[attr-defined]  # simple_history's "who"
        locked.save(update_fields=["assigned_to"])
    row.assigned_to = assignee
    return row


@transaction.atomic
def assign_ow_application(
    *,
    actor: User,
    ow_application: OWApplication,
    assignee: User | None,
    only_if_unassigned: bool = False,
) -> OWApplication:
    """Give an application waiting for its decision to someone of the intake unit, or a
    transferred client to a caseworker of their area (None: nobody).

    ``only_if_unassigned`` ("Assign to me" on a list) refuses if someone took it meanwhile.
    """
    intake = ow_application.transferred_at is None
    if not may(
        actor, "ontario.work_ow_intake" if intake else "ontario.hand_out_ow_work", ow_application
    ):
        raise PermissionDenied
    if intake and ow_application.status not in OW_UNDECIDED:
        raise ValidationError(_("This application was already decided."))
    return _assign(
        actor=actor,
        row=ow_application,
        assignee=assignee,
        only_if_unassigned=only_if_unassigned,
        intake=intake,
    )


@transaction.atomic
def assign_assessment(
    *,
    actor: User,
    assessment: CommonAssessment,
    assignee: User | None,
    only_if_unassigned: bool = False,
) -> CommonAssessment:
    """Give a common assessment (and the reviews of its action plan) to a caseworker of its
    area (None: nobody). A completed assessment keeps its caseworker for the plan's reviews."""
    return _assign(
        actor=actor, row=assessment, assignee=assignee, only_if_unassigned=only_if_unassigned
    )
