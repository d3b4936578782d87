"""Every decision of ODSP intake after the application arrives, and the package's way back.

Intake staff (the centralized unit, or the First Nations site serving the applicant) decide an
application that is ``received`` or waiting for information: confirm financial eligibility
(``sentier.ontario.actions.confirm_odsp_financial_eligibility``), **refuse** it with a reason of
the configured list (the applicant's notice goes with it: ``ontario.notices``), **close** it
on withdrawal, or **ask for missing information** by a date; an unanswered request closes the
application once its date has passed (``close_unanswered``, run by ``sentier scheduled``).

The Disability Determination Package is mailed in most scenarios (``ontario.mailing``); staff
may give it another way with a reason. It comes back (the date it was received), goes to the
Disability Adjudication Unit, whose answer is recorded (004 Q13).

Each action: keyword-only, atomic, locks the row, checks permission, refuses a page sent from
an older version (:class:`DecidedMeanwhile`, nothing changed), validates field by field, moves
through ``ontario.states`` and writes a timeline event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.ontario import states
from sentier.ontario.models import (
    Adjudication,
    Delivery,
    DeterminationPackage,
    MailingStatus,
    ODSPApplication,
    ODSPRefusalReason,
    ODSPStatus,
    RefusalGrounds,
)
from sentier.ontario.notices import issue_refusal_notice
from sentier.ontario.permissions import works_odsp_application
from sentier.ontario.timeline_kinds import OntarioEventKind, names_of
from sentier.participants.actions import add_event

#: The longest an applicant is given to send missing information.
INFO_DAYS_MAX = 90
#: The package's return is reminded this many days before its date (the queue's "due soon").
RETURN_REMINDER_DAYS = 14

OPEN = (ODSPStatus.RECEIVED, ODSPStatus.INFO_REQUESTED)


def disability_not_confirmed_names() -> dict[str, str]:
    """The reason a notice after the Disability Adjudication Unit's "not eligible" answer keeps,
    in each language: the answer's own label (the notice's text says the rest)."""
    names = {}
    for language in ("fr-ca", "en-ca"):
        with translation.override(language):
            names[language] = str(Adjudication.NOT_ELIGIBLE.label)
    return names


class DecidedMeanwhile(ValidationError):
    """Someone else decided since the page was shown (a second decision, or a stale tab); the
    row as it is now is in ``current``. Nothing was changed."""

    def __init__(self, current: ODSPApplication | DeterminationPackage) -> None:
        label = current.get_status_display()
        super().__init__(
            _(
                "Someone decided this in the meantime: it is now “%(status)s”. Nothing was "
                "changed; what you typed is kept below."
            )
            % {"status": label}
        )
        self.current = current


def lock_application(
    *, actor: User | None, odsp_application: ODSPApplication, expected_version: int | None
) -> ODSPApplication:
    """Lock the application; refuse someone who does not work its queue (PermissionDenied) or a
    page sent from an older version (:class:`DecidedMeanwhile`)."""
    odsp = (
        ODSPApplication.objects.select_for_update(of=("self",))
        .select_related("participant")
        .get(pk=odsp_application.pk)
    )
    if actor is not None and not works_odsp_application(actor, odsp):
        raise PermissionDenied
    if expected_version is not None and expected_version != odsp.version:
        raise DecidedMeanwhile(odsp)
    return odsp


def _require_open(odsp: ODSPApplication) -> None:
    if odsp.status not in OPEN:
        raise DecidedMeanwhile(odsp)


def _event(odsp: ODSPApplication, actor: User | None, at: dt.datetime, **data: Any) -> None:
    add_event(
        participant=odsp.participant,
        kind=OntarioEventKind.ODSP_INTAKE,
        actor=actor,
        data={"odsp_application": str(odsp.uuid), **data},
        occurred_at=at,
    )


def _close(odsp: ODSPApplication, actor: User | None, at: dt.datetime) -> None:
    odsp.closed_at = at
    odsp.closed_by = actor
    odsp.version += 1
    odsp.save()


@transaction.atomic
def refuse_odsp_application(
    *,
    actor: User,
    odsp_application: ODSPApplication,
    reason: ODSPRefusalReason | None,
    note: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ODSPApplication:
    """Refuse financial eligibility, for a reason of the list in force (none: refused)."""
    odsp = lock_application(
        actor=actor, odsp_application=odsp_application, expected_version=expected_version
    )
    _require_open(odsp)
    at = at or timezone.now()
    if reason is None:
        raise ValidationError({"reason": _("Choose the reason for the refusal.")})
    if not reason.applies_on(timezone.localdate(at)):
        raise ValidationError({"reason": _("This reason is not on the list in force today.")})
    # The applicant's notice, in this transaction (written first: the refusal's move stays the
    # last row of the transition log).
    issue_refusal_notice(actor=actor, odsp=odsp, reason_names=names_of(reason), at=at)
    states.ODSP_APPLICATION.apply(
        odsp,
        ODSPStatus.REFUSED,
        side=states.ODSP_INTAKE,
        actor=actor,
        reason=reason.code,
        at=at,
    )
    odsp.refusal_reason = reason
    odsp.decision_note = note.strip()
    _close(odsp, actor, at)
    _event(odsp, actor, at, step="refused", reason=reason.code, reason_names=names_of(reason))
    return odsp


@transaction.atomic
def withdraw_odsp_application(
    *,
    actor: User,
    odsp_application: ODSPApplication,
    note: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ODSPApplication:
    """Close the application because the applicant withdrew it (said so by phone, in person or
    in writing: staff record it)."""
    odsp = lock_application(
        actor=actor, odsp_application=odsp_application, expected_version=expected_version
    )
    _require_open(odsp)
    at = at or timezone.now()
    states.ODSP_APPLICATION.apply(
        odsp, ODSPStatus.WITHDRAWN, side=states.ODSP_INTAKE, actor=actor, at=at
    )
    odsp.decision_note = note.strip()
    _close(odsp, actor, at)
    _event(odsp, actor, at, step="withdrawn")
    return odsp


@transaction.atomic
def request_odsp_information(
    *,
    actor: User,
    odsp_application: ODSPApplication,
    what: str,
    due_on: dt.date | None,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ODSPApplication:
    """Ask the applicant for missing information by ``due_on`` (after today, within 90 days)."""
    odsp = lock_application(
        actor=actor, odsp_application=odsp_application, expected_version=expected_version
    )
    if odsp.status != ODSPStatus.RECEIVED:
        raise DecidedMeanwhile(odsp)
    at = at or timezone.now()
    today = timezone.localdate(at)
    errors: dict[str, str] = {}
    if not what.strip():
        errors["what"] = _("Say which information is missing.")
    if due_on is None:
        errors["due_on"] = _("Give the date the information is due.")
    elif due_on <= today:
        errors["due_on"] = _("The due date must be after today.")
    elif due_on > today + dt.timedelta(days=INFO_DAYS_MAX):
        errors["due_on"] = _("Give the applicant at most %(days)s days.") % {"days": INFO_DAYS_MAX}
    if errors:
        raise ValidationError(errors)
    assert due_on is not None
    states.ODSP_APPLICATION.apply(
        odsp,
        ODSPStatus.INFO_REQUESTED,
        side=states.ODSP_INTAKE,
        actor=actor,
        reason=what.strip(),
        at=at,
    )
    odsp.info_requested = what.strip()
    odsp.info_due_on = due_on
    odsp.info_requested_at = at
    odsp.version += 1
    odsp.save()
    _event(odsp, actor, at, step="info_requested", due_on=due_on.isoformat())
    return odsp


@transaction.atomic
def record_odsp_information_received(
    *,
    actor: User,
    odsp_application: ODSPApplication,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ODSPApplication:
    """The information asked for came: the application is to decide again."""
    odsp = lock_application(
        actor=actor, odsp_application=odsp_application, expected_version=expected_version
    )
    if odsp.status != ODSPStatus.INFO_REQUESTED:
        raise DecidedMeanwhile(odsp)
    at = at or timezone.now()
    states.ODSP_APPLICATION.apply(
        odsp, ODSPStatus.RECEIVED, side=states.ODSP_INTAKE, actor=actor, at=at
    )
    odsp.version += 1
    odsp.save()
    _event(odsp, actor, at, step="info_received")
    return odsp


@transaction.atomic
def close_unanswered_requests(*, now: dt.datetime | None = None) -> list[ODSPApplication]:
    """Close every application whose request for information went unanswered: its due date
    (a local day) has passed. Idempotent; run by ``sentier scheduled``."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    closed = []
    for odsp in (
        ODSPApplication.objects.select_for_update(of=("self",))
        .select_related("participant")
        .filter(status=ODSPStatus.INFO_REQUESTED, info_due_on__lt=today)
        .order_by("info_due_on", "id")
    ):
        states.ODSP_APPLICATION.apply(
            odsp,
            ODSPStatus.CLOSED,
            side=states.SCHEDULE,
            actor_label="sentier scheduled",
            at=now,
        )
        _close(odsp, None, now)
        due_on = odsp.info_due_on.isoformat() if odsp.info_due_on else ""
        _event(odsp, None, now, step="closed_unanswered", due_on=due_on)
        closed.append(odsp)
    return closed


# ---------------------------------------------------------------- the package's way back


def lock_package(
    *, actor: User, package: DeterminationPackage, expected_version: int | None
) -> DeterminationPackage:
    locked = (
        DeterminationPackage.objects.select_for_update(of=("self",))
        .select_related("odsp_application__participant")
        .defer("pdf")
        .get(pk=package.pk)
    )
    if not works_odsp_application(actor, locked.odsp_application):
        raise PermissionDenied
    if expected_version is not None and expected_version != locked.version:
        raise DecidedMeanwhile(locked)
    return locked


def _package_event(
    package: DeterminationPackage, actor: User, at: dt.datetime, **data: Any
) -> None:
    add_event(
        participant=package.odsp_application.participant,
        kind=OntarioEventKind.ODSP_INTAKE,
        actor=actor,
        data={"package": str(package.uuid), **data},
        occurred_at=at,
    )


def _move_package(
    package: DeterminationPackage,
    target: str,
    *,
    actor: User,
    at: dt.datetime,
    reason: str = "",
) -> None:
    if not states.PACKAGE.allows(package.status, target, states.ODSP_INTAKE):
        raise DecidedMeanwhile(package)
    states.PACKAGE.apply(
        package, target, side=states.ODSP_INTAKE, actor=actor, reason=reason, at=at
    )
    package.version += 1


def _day_in_range(
    day: dt.date | None, *, field: str, earliest: dt.date, today: dt.date, missing: str
) -> dt.date:
    """``day`` between ``earliest`` and today, else a field error."""
    if day is None:
        raise ValidationError({field: missing})
    if day > today:
        raise ValidationError({field: _("This date cannot be in the future.")})
    if day < earliest:
        raise ValidationError(
            {field: _("This date cannot be before %(day)s.") % {"day": earliest.isoformat()}}
        )
    return day


@transaction.atomic
def deliver_package_otherwise(
    *,
    actor: User,
    package: DeterminationPackage,
    delivery: str,
    reason: str,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> DeterminationPackage:
    """The package is not mailed but handed over in person, made in an alternate format or sent
    to a representative; the reason is required."""
    locked = lock_package(actor=actor, package=package, expected_version=expected_version)
    if locked.status != MailingStatus.QUEUED:
        raise DecidedMeanwhile(locked)
    errors: dict[str, str] = {}
    if delivery not in Delivery.values or delivery == Delivery.MAIL:
        errors["delivery"] = _("Choose how the package is given to the applicant.")
    if not reason.strip():
        errors["reason"] = _("Say why the package is not mailed.")
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    _move_package(locked, MailingStatus.DELIVERED, actor=actor, at=at, reason=reason.strip())
    locked.delivery = delivery
    locked.delivery_reason = reason.strip()
    locked.mailed_at = at
    locked.mailed_by = actor
    locked.save()
    _package_event(locked, actor, at, step="delivered", delivery=delivery)
    return locked


@transaction.atomic
def record_package_returned(
    *,
    actor: User,
    package: DeterminationPackage,
    returned_on: dt.date | None,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> DeterminationPackage:
    """The completed package came back on ``returned_on`` (not before it was sent, not after
    today)."""
    locked = lock_package(actor=actor, package=package, expected_version=expected_version)
    at = at or timezone.now()
    today = timezone.localdate(at)
    sent = timezone.localdate(locked.mailed_at) if locked.mailed_at else today
    if locked.status not in (MailingStatus.MAILED, MailingStatus.DELIVERED):
        raise DecidedMeanwhile(locked)
    day = _day_in_range(
        returned_on,
        field="returned_on",
        earliest=sent,
        today=today,
        missing=_("Give the date the package was received."),
    )
    _move_package(locked, MailingStatus.RETURNED, actor=actor, at=at)
    locked.returned_on = day
    locked.save()
    _package_event(locked, actor, at, step="returned", returned_on=day.isoformat())
    return locked


@transaction.atomic
def send_package_to_adjudication(
    *,
    actor: User,
    package: DeterminationPackage,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> DeterminationPackage:
    """The returned package goes to the Disability Adjudication Unit (004 Q13)."""
    locked = lock_package(actor=actor, package=package, expected_version=expected_version)
    at = at or timezone.now()
    _move_package(locked, MailingStatus.WITH_DAU, actor=actor, at=at)
    locked.sent_to_dau_at = at
    locked.save()
    _package_event(locked, actor, at, step="sent_to_dau")
    return locked


#: The Disability Adjudication Unit's answer → where the package and the application go.
ANSWER_MOVES = {
    Adjudication.ELIGIBLE: (MailingStatus.GRANTED, ODSPStatus.GRANTED),
    Adjudication.NOT_ELIGIBLE: (MailingStatus.NOT_GRANTED, ODSPStatus.NOT_GRANTED),
    Adjudication.MORE_INFORMATION: (MailingStatus.DAU_INFO, ODSPStatus.DAU_INFO),
}


def _application_for(package: DeterminationPackage, target: str, *, actor: User) -> ODSPApplication:
    """The application follows its package's answer (locked, checked against its lifecycle
    first: a refused move raises before anything is written)."""
    odsp = lock_application(
        actor=actor, odsp_application=package.odsp_application, expected_version=None
    )
    if not states.ODSP_APPLICATION.allows(odsp.status, target, states.ODSP_INTAKE):
        raise DecidedMeanwhile(odsp)
    return odsp


@transaction.atomic
def record_adjudication(
    *,
    actor: User,
    package: DeterminationPackage,
    answer: str | None,
    decided_on: dt.date | None,
    note: str = "",
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> DeterminationPackage:
    """The Disability Adjudication Unit's answer, on its date: eligible (ODSP granted), not
    eligible (refused: the applicant reads how to ask for the decision to be looked at again),
    or more information needed (``note`` says which; the applicant is told). The package and
    the application move together, each with its transition row. "Not eligible" issues the
    applicant's refusal notice (``ontario.notices``: disability not confirmed, review rights),
    by e-mail or as a letter in the day's mailing."""
    locked = lock_package(actor=actor, package=package, expected_version=expected_version)
    if locked.status != MailingStatus.WITH_DAU:
        raise DecidedMeanwhile(locked)
    at = at or timezone.now()
    today = timezone.localdate(at)
    if answer not in Adjudication.values:
        raise ValidationError({"answer": _("Choose the Disability Adjudication Unit's answer.")})
    if answer == Adjudication.MORE_INFORMATION and not note.strip():
        raise ValidationError(
            {"note": _("Say which information the Disability Adjudication Unit asks for.")}
        )
    sent = timezone.localdate(locked.sent_to_dau_at) if locked.sent_to_dau_at else today
    day = _day_in_range(
        decided_on,
        field="decided_on",
        earliest=sent,
        today=today,
        missing=_("Give the date of the Disability Adjudication Unit's decision."),
    )
    package_target, file_target = ANSWER_MOVES[Adjudication(answer)]
    reason = note.strip() if answer == Adjudication.MORE_INFORMATION else ""
    odsp = _application_for(locked, file_target, actor=actor)
    if answer == Adjudication.NOT_ELIGIBLE:
        # The applicant's notice (disability not confirmed; how to ask for a review), in this
        # transaction, written before the moves as at intake's refusal.
        issue_refusal_notice(
            actor=actor,
            odsp=odsp,
            reason_names=disability_not_confirmed_names(),
            grounds=RefusalGrounds.DISABILITY,
            decided_on=day,
            at=at,
        )
    _move_package(locked, package_target, actor=actor, at=at, reason=reason)
    states.ODSP_APPLICATION.apply(
        odsp, file_target, side=states.ODSP_INTAKE, actor=actor, reason=reason, at=at
    )
    odsp.version += 1
    odsp.save(update_fields=["status", "version"])
    locked.adjudicated_on = day
    locked.adjudication_note = note.strip()
    locked.save()
    _package_event(
        locked,
        actor,
        at,
        step="adjudicated",
        answer=answer,
        granted=answer == Adjudication.ELIGIBLE,
    )
    return locked


@transaction.atomic
def record_adjudication_information_sent(
    *,
    actor: User,
    package: DeterminationPackage,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> DeterminationPackage:
    """The information the Disability Adjudication Unit asked for went to it: the package is
    with the unit again, the application waits for its answer."""
    locked = lock_package(actor=actor, package=package, expected_version=expected_version)
    if locked.status != MailingStatus.DAU_INFO:
        raise DecidedMeanwhile(locked)
    at = at or timezone.now()
    odsp = _application_for(locked, ODSPStatus.CONFIRMED, actor=actor)
    _move_package(locked, MailingStatus.WITH_DAU, actor=actor, at=at)
    states.ODSP_APPLICATION.apply(
        odsp, ODSPStatus.CONFIRMED, side=states.ODSP_INTAKE, actor=actor, at=at
    )
    odsp.version += 1
    odsp.save(update_fields=["status", "version"])
    locked.sent_to_dau_at = at
    locked.save()
    _package_event(locked, actor, at, step="dau_info_sent")
    return locked
