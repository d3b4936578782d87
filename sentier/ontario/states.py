"""The Ontario lifecycles, in one place (see :mod:`sentier.core.lifecycle`); each move is a
:class:`~sentier.core.models.Transition` row.

- An Ontario Works application arrives from the applicant (``pending``); the provincial Ontario
  Works intake unit decides it (004 Q11, Q15): grants financial assistance (``granted``), refuses
  it with a reason (``refused``), closes it on withdrawal (``withdrawn``), or asks for missing
  information by a date (``info_asked``, back to ``pending`` when it comes). A request left
  unanswered closes the application on its date (``closed``, by the scheduled job).
- A common assessment opens at the grant (``to_do``) and is completed (``done``).
- An ODSP application arrives from the applicant (``received``); the centralized intake unit (or
  the First Nations site serving the applicant) confirms financial eligibility (``confirmed``),
  refuses it with a reason (``refused``), closes it on withdrawal (``withdrawn``) or asks for
  missing information by a date (``info_requested``, back to ``received`` when it comes). An
  unanswered request is closed on its date by the scheduled jobs (``closed``).
- Its Disability Determination Package is queued at the confirmation, then mailed (most
  scenarios) or given another way with a reason; it comes back completed (``returned``), goes to
  the Disability Adjudication Unit (``with_dau``), whose answer is recorded (``granted`` or
  ``not_granted``), 004 Q13, or who asks for more information (``dau_info``, back to
  ``with_dau`` once sent). The answer moves the application the same way: ``confirmed`` to
  ``granted``, ``not_granted`` or ``dau_info`` (back to ``confirmed`` once the information is
  sent).
- A refusal notice is issued with the refusal of either application: to send by e-mail
  (``to_email``, sent by a background task: ``emailed``) when the file has an address, else to
  mail (``to_mail``), which the unit that refused prints and marks as mailed (``mailed``).
"""

from __future__ import annotations

from typing import Any

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.lifecycle import Lifecycle, move
from sentier.ontario.models import (
    AssessmentStatus,
    MailingStatus,
    NoticeStatus,
    ODSPApplication,
    ODSPStatus,
    OWStatus,
    RefusalNotice,
)
from sentier.ontario.permissions import works_odsp_application

APPLICANT = "applicant"
OW_STAFF = "ow_staff"  # the service area's Ontario Works staff (the local office)
OW_INTAKE = "ow_intake"  # the provincial Ontario Works intake unit
ODSP_INTAKE = "odsp_intake"  # the ODSP centralized intake unit, or the applicant's FN site
SCHEDULE = "schedule"  # the scheduled jobs (no person): an unanswered request closes on its date


def _ow_staff(user: User, obj: Any) -> bool:
    """OW application or common assessment: staff of its service area who may change the file."""
    return may(user, "ontario.work_ow_area", obj) and user.has_perm(
        "participants.change_participant", obj.participant
    )


def _ow_intake(user: User, obj: Any) -> bool:
    """OW application: the intake unit's staff who may change the applicant's file."""
    return may(user, "ontario.work_ow_intake") and user.has_perm(
        "participants.change_participant", obj.participant
    )


def _odsp_intake(user: User, obj: Any) -> bool:
    """Staff of the queue the application (or the package's) is in: the centralized unit, or
    the First Nations site serving the applicant; administrators."""
    odsp = getattr(obj, "odsp_application", obj)
    return works_odsp_application(user, odsp)


def _notice_staff(user: User, obj: RefusalNotice) -> bool:
    """A refusal notice: the staff of the unit that refused the application."""
    if obj.ow_application is not None:
        return _ow_intake(user, obj.ow_application)
    return obj.odsp_application is not None and _odsp_intake(user, obj.odsp_application)


def _nobody(user: User, obj: Any) -> bool:
    """A side no person holds (only the scheduled jobs name it)."""
    return False


OW_APPLICATION = Lifecycle(
    "ontario.ow_application",
    [
        move("", OWStatus.PENDING, APPLICANT),
        move(OWStatus.PENDING, OWStatus.GRANTED, OW_INTAKE),
        move(OWStatus.PENDING, OWStatus.REFUSED, OW_INTAKE, reason=True),
        move(OWStatus.PENDING, OWStatus.WITHDRAWN, OW_INTAKE),
        move(OWStatus.PENDING, OWStatus.INFO_ASKED, OW_INTAKE, reason=True),
        move(OWStatus.INFO_ASKED, OWStatus.PENDING, OW_INTAKE),
        move(OWStatus.INFO_ASKED, OWStatus.GRANTED, OW_INTAKE),
        move(OWStatus.INFO_ASKED, OWStatus.REFUSED, OW_INTAKE, reason=True),
        move(OWStatus.INFO_ASKED, OWStatus.WITHDRAWN, OW_INTAKE),
        move(OWStatus.INFO_ASKED, OWStatus.CLOSED, SCHEDULE, reason=True),
    ],
    order=OWStatus.values,
    labels=dict(OWStatus.choices),
    sides={OW_INTAKE: _ow_intake},
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
        move(ODSPStatus.RECEIVED, ODSPStatus.REFUSED, ODSP_INTAKE, reason=True),
        move(ODSPStatus.RECEIVED, ODSPStatus.WITHDRAWN, ODSP_INTAKE),
        move(ODSPStatus.RECEIVED, ODSPStatus.INFO_REQUESTED, ODSP_INTAKE, reason=True),
        move(ODSPStatus.INFO_REQUESTED, ODSPStatus.RECEIVED, ODSP_INTAKE),
        move(ODSPStatus.INFO_REQUESTED, ODSPStatus.CONFIRMED, ODSP_INTAKE),
        move(ODSPStatus.INFO_REQUESTED, ODSPStatus.REFUSED, ODSP_INTAKE, reason=True),
        move(ODSPStatus.INFO_REQUESTED, ODSPStatus.WITHDRAWN, ODSP_INTAKE),
        move(ODSPStatus.INFO_REQUESTED, ODSPStatus.CLOSED, SCHEDULE),
        # The Disability Adjudication Unit's answer on the returned package (004 Q13).
        move(ODSPStatus.CONFIRMED, ODSPStatus.GRANTED, ODSP_INTAKE),
        move(ODSPStatus.CONFIRMED, ODSPStatus.NOT_GRANTED, ODSP_INTAKE),
        move(ODSPStatus.CONFIRMED, ODSPStatus.DAU_INFO, ODSP_INTAKE, reason=True),
        move(ODSPStatus.DAU_INFO, ODSPStatus.CONFIRMED, ODSP_INTAKE),
    ],
    order=ODSPStatus.values,
    labels=dict(ODSPStatus.choices),
    sides={ODSP_INTAKE: _odsp_intake, SCHEDULE: _nobody},
)

PACKAGE = Lifecycle(
    "ontario.package",
    [
        move("", MailingStatus.QUEUED, ODSP_INTAKE),
        move(MailingStatus.QUEUED, MailingStatus.MAILED, ODSP_INTAKE),
        move(MailingStatus.QUEUED, MailingStatus.DELIVERED, ODSP_INTAKE, reason=True),
        move(MailingStatus.MAILED, MailingStatus.RETURNED, ODSP_INTAKE),
        move(MailingStatus.DELIVERED, MailingStatus.RETURNED, ODSP_INTAKE),
        move(MailingStatus.RETURNED, MailingStatus.WITH_DAU, ODSP_INTAKE),
        move(MailingStatus.WITH_DAU, MailingStatus.GRANTED, ODSP_INTAKE),
        move(MailingStatus.WITH_DAU, MailingStatus.NOT_GRANTED, ODSP_INTAKE),
        move(MailingStatus.WITH_DAU, MailingStatus.DAU_INFO, ODSP_INTAKE, reason=True),
        move(MailingStatus.DAU_INFO, MailingStatus.WITH_DAU, ODSP_INTAKE),
    ],
    order=MailingStatus.values,
    labels=dict(MailingStatus.choices),
    sides={ODSP_INTAKE: _odsp_intake},
)

NOTICE_STAFF = "notice_staff"  # the unit that refused (OW intake, ODSP intake or the FN site)

REFUSAL_NOTICE = Lifecycle(
    "ontario.refusal_notice",
    [
        move("", NoticeStatus.TO_MAIL, NOTICE_STAFF),
        move("", NoticeStatus.TO_EMAIL, NOTICE_STAFF),
        move(NoticeStatus.TO_MAIL, NoticeStatus.MAILED, NOTICE_STAFF),
        move(NoticeStatus.TO_EMAIL, NoticeStatus.EMAILED, SCHEDULE),
    ],
    order=NoticeStatus.values,
    labels=dict(NoticeStatus.choices),
    sides={NOTICE_STAFF: _notice_staff, SCHEDULE: _nobody},
)


# Between the confirmation and the Disability Adjudication Unit's answer, the application moves
# with the answer recorded on its package (004 Q13), never by the application page's own forms.
AWAITING_ADJUDICATION = frozenset({ODSPStatus.CONFIRMED, ODSPStatus.DAU_INFO})


def intake_decision_open(odsp: ODSPApplication) -> bool:
    """The intake unit's own decision (confirm, ask, refuse, withdraw) is still to take."""
    return not ODSP_APPLICATION.settled(odsp) and odsp.status not in AWAITING_ADJUDICATION
