"""The Ontario lifecycles, in one place (see :mod:`sentier.core.lifecycle`); each move is a
:class:`~sentier.core.models.Transition` row.

- An Ontario Works application arrives from the applicant (``pending``) and the service area's
  staff grant financial assistance (``granted``).
- A common assessment opens at the grant (``to_do``) and is completed (``done``).
- An ODSP application arrives from the applicant (``received``) and the centralized intake unit
  confirms financial eligibility (``confirmed``).
- Its Disability Determination Package is queued at the confirmation and mailed by the unit.
"""

from __future__ import annotations

from typing import Any

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.lifecycle import Lifecycle, move
from sentier.ontario.models import AssessmentStatus, MailingStatus, ODSPStatus, OWStatus

APPLICANT = "applicant"
OW_STAFF = "ow_staff"  # the service area's Ontario Works staff
ODSP_INTAKE = "odsp_intake"  # the ODSP centralized intake unit


def _ow_staff(user: User, obj: Any) -> bool:
    """OW application or common assessment: staff of its service area who may change the file."""
    return may(user, "ontario.work_ow_area", obj) and user.has_perm(
        "participants.change_participant", obj.participant
    )


def _odsp_intake(user: User, obj: Any) -> bool:
    return may(user, "ontario.work_odsp_intake")


OW_APPLICATION = Lifecycle(
    "ontario.ow_application",
    [
        move("", OWStatus.PENDING, APPLICANT),
        move(OWStatus.PENDING, OWStatus.GRANTED, OW_STAFF),
    ],
    order=OWStatus.values,
    labels=dict(OWStatus.choices),
    sides={OW_STAFF: _ow_staff},
)

ASSESSMENT = Lifecycle(
    "ontario.assessment",
    [
        move("", AssessmentStatus.TO_DO, OW_STAFF),
        move(AssessmentStatus.TO_DO, AssessmentStatus.DONE, OW_STAFF),
    ],
    order=AssessmentStatus.values,
    labels=dict(AssessmentStatus.choices),
    sides={OW_STAFF: _ow_staff},
)

ODSP_APPLICATION = Lifecycle(
    "ontario.odsp_application",
    [
        move("", ODSPStatus.RECEIVED, APPLICANT),
        move(ODSPStatus.RECEIVED, ODSPStatus.CONFIRMED, ODSP_INTAKE),
    ],
    order=ODSPStatus.values,
    labels=dict(ODSPStatus.choices),
    sides={ODSP_INTAKE: _odsp_intake},
)

PACKAGE = Lifecycle(
    "ontario.package",
    [
        move("", MailingStatus.QUEUED, ODSP_INTAKE),
        move(MailingStatus.QUEUED, MailingStatus.MAILED, ODSP_INTAKE),
    ],
    order=MailingStatus.values,
    labels=dict(MailingStatus.choices),
    sides={ODSP_INTAKE: _odsp_intake},
)
