"""Every write of the Ontario configuration: check the unit, act, then a timeline event.

- The provincial Ontario Works intake unit decides applications (004 Q11, Q15):
  ``grant_ow_application``: financial assistance granted; at that moment an applicant who
  applied online, was assessed ready and agreed to share is referred to Employment Ontario
  (fast track, 004 Q1); everyone else goes to the local office's common assessment (004 Q3);
  either way the case is transferred to the local office of the person's service area.
  Benefits are never touched by the referral (004 Q4). ``refuse_ow_application`` (a reason
  from the configured list; the applicant's notice goes with it: ``ontario.notices``),
  ``withdraw_ow_application``, ``ask_ow_information`` (by a date;
  ``record_ow_information_received`` puts it back to decide) and
  ``close_unanswered_ow_applications`` (the scheduled job, on the due date). A decision made
  from a page read before another one raises :class:`AlreadyDecided`, with the saved row.
- Common assessment: deferrals (reasons from the configured list), an Employment Ontario
  referral started by the caseworker, the personalized action plan and its reviews (30 days,
  then every 3 months: rules parameters).
- ODSP centralized intake: confirm financial eligibility, then the Disability Determination
  Package is generated and queued for mailing, except for a member of a prescribed class.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import sentier_rules
from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.actions import NoValidConsent, record_consent
from sentier.consent.models import Consent, InformationCategory, Purpose, RecipientKind
from sentier.consent.selectors import find_consent
from sentier.intake.models import Path, ReviewStatus
from sentier.network.loading import EMPLOYMENT_ONTARIO_SLUG
from sentier.network.models import Organization
from sentier.ontario import states
from sentier.ontario.mailing import mark_packages_mailed
from sentier.ontario.models import (
    OW_UNDECIDED,
    ActionPlan,
    ActionPlanReview,
    AssessmentStatus,
    CommonAssessment,
    Deferral,
    DeterminationPackage,
    MailingStatus,
    ODSPApplication,
    ODSPStatus,
    OWApplication,
    OWStatus,
    Route,
    ow_refusal_reasons,
)
from sentier.ontario.notices import issue_refusal_notice
from sentier.ontario.odsp.actions import DecidedMeanwhile, lock_application, lock_package
from sentier.ontario.package import (
    RETURN_DAYS,
    address_from_file,
    determination_package_pdf,
    generation_refused,
)
from sentier.ontario.permissions import works_odsp_application
from sentier.ontario.routing import employment_ontario
from sentier.ontario.sharing import EO_CATEGORIES, eo_message_payload
from sentier.ontario.timeline_kinds import OntarioEventKind, names_of
from sentier.outbox.actions import enqueue
from sentier.participants.actions import (
    add_event,
    events_in_one_insert,
    update_participant_details,
)
from sentier.participants.models import FileStatus, Participant
from sentier.reference.models import DeferralReason, PrescribedClass
from sentier.referrals.actions import send_referral
from sentier.referrals.models import Referral
from sentier_rules.ontario import first_review_on, next_review_on

#: The exchange channel that delivers referrals to Employment Ontario (004 Q10).
EO_CHANNEL = "employment_ontario"
EO_TOPIC = "employment_ontario.referral"


def _require_ow(
    actor: User, row: OWApplication | CommonAssessment | ActionPlan, participant: Participant
) -> None:
    """``row``: the OW application, assessment or action plan, of its service area."""
    if not may(actor, "ontario.work_ow_area", row):
        raise PermissionDenied
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied


def _require_ow_intake(actor: User, participant: Participant) -> None:
    if not may(actor, "ontario.work_ow_intake"):
        raise PermissionDenied
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied


class AlreadyDecided(ValidationError):
    """The application moved since the page was read (or was decided already): ``saved`` is
    the row as it is now. Nothing was changed."""

    def __init__(self, saved: OWApplication) -> None:
        super().__init__(
            _("This application was already decided: %(status)s.")
            % {"status": saved.get_status_display()}
        )
        self.saved = saved


#: The latest date a person can be asked to send missing information by (days from today).
INFO_DUE_MAX_DAYS = 60


# ---------------------------------------------------------------- Employment Ontario referral


def _refer_to_employment_ontario(
    *,
    actor: User,
    participant: Participant,
    consent: Consent,
    need: str,
    employment_ready: bool,
    at: dt.datetime,
    organization: Organization | None = None,
    fast_track: bool = False,
) -> Referral:
    """Send the referral (only the consented categories) and queue the EO data exchange."""
    organization = organization or employment_ontario()
    referral = send_referral(
        actor=actor,
        participant=participant,
        organization=organization,
        need=need,
        categories=consent.categories,
        purpose=Purpose.EMPLOYMENT_ONTARIO,
        at=at,
        consent=consent,
        exchange=EO_CHANNEL,
    )
    # Only the listed fields of the consented categories leave (``sharing``), never a copy of
    # the referral's payload.
    payload = eo_message_payload(
        referral_uuid=str(referral.uuid),
        need=referral.need,
        consented=list(referral.categories),
        sections={
            **referral.payload,
            InformationCategory.EMPLOYMENT: {"employment_ready": employment_ready},
        },
    )
    enqueue(topic=EO_TOPIC, payload=payload, referral=referral, channel=EO_CHANNEL, at=at)
    add_event(
        participant=participant,
        kind=OntarioEventKind.EMPLOYMENT_ONTARIO_REFERRAL,
        actor=actor,
        summary="" if fast_track else need,  # the need as the caseworker wrote it
        data={
            "referral": str(referral.uuid),
            "categories": list(referral.categories),
            **({"fast_track": True} if fast_track else {}),
        },
        occurred_at=at,
    )
    return referral


def _fast_track_answer(ow: OWApplication, day: dt.date) -> dict[str, object]:
    """The rules' answer for the fast track on ``day`` (program, channel, readiness, site)."""
    [answer] = sentier_rules.decide(
        {
            "measure": "employment_fast_track",
            "date": day.isoformat(),
            "person": {
                "jurisdiction": "ON",
                "program": ow.participant.program.code,
                "application_channel": ow.channel,
                "employment_ready": ow.employment_ready,
                "first_nations_site": ow.participant.first_nations_site,
            },
        }
    )
    return answer


def _eo_consent_in_force(ow: OWApplication, at: dt.datetime) -> Consent | None:
    """The consent given on the application when still in force (read with the application);
    otherwise the newest one in force for Employment Ontario (given again by phone, say)."""
    consent = ow.consent
    if (
        consent is not None
        and consent.is_active(at)
        and InformationCategory.IDENTITY in consent.categories
        and consent.recipient_organization is not None
        and consent.recipient_organization.slug == EMPLOYMENT_ONTARIO_SLUG
    ):
        return consent
    return find_consent(
        participant=ow.participant,
        purpose=Purpose.EMPLOYMENT_ONTARIO,
        organization=employment_ontario(),
        categories=[InformationCategory.IDENTITY],
        at=at,
    )


def _lock_undecided(actor: User, ow_application: OWApplication, seen: str | None) -> OWApplication:
    """The application locked for a decision by the intake unit: permission first, then
    :class:`AlreadyDecided` if it was decided, or moved since the page showing ``seen``."""
    ow = (
        OWApplication.objects.select_for_update(of=("self",))
        .select_related(
            "region",  # the transfer names the service area's office
            "participant__program",
            "participant__region",
            "application__recommendation",
            "consent__recipient_organization",
        )
        .get(pk=ow_application.pk)
    )
    if not may(actor, "ontario.work_ow_intake"):
        raise PermissionDenied
    # Decided already (the file may have left the unit with a grant): said as such to the unit.
    if ow.status not in OW_UNDECIDED or (seen is not None and seen != ow.status):
        raise AlreadyDecided(ow)
    _require_ow_intake(actor, ow.participant)
    return ow


def _ow_event(
    ow: OWApplication, actor: User | None, at: dt.datetime, step: str, **data: object
) -> None:
    add_event(
        participant=ow.participant,
        kind=OntarioEventKind.OW_GRANTED,
        actor=actor,
        data={"ow_application": str(ow.uuid), "step": step, **data},
        occurred_at=at,
    )


@transaction.atomic
def grant_ow_application(
    *,
    actor: User,
    ow_application: OWApplication,
    seen: str | None = None,
    at: dt.datetime | None = None,
) -> OWApplication:
    """The intake unit grants Ontario Works financial assistance; then the fast track or the
    common assessment, and the transfer to the local office of the person's service area."""
    ow = _lock_undecided(actor, ow_application, seen)
    at = at or timezone.now()
    with events_in_one_insert():
        _grant(actor, ow, at)
    return ow


@transaction.atomic
def refuse_ow_application(
    *,
    actor: User,
    ow_application: OWApplication,
    reason: str,
    note: str = "",
    seen: str | None = None,
    at: dt.datetime | None = None,
) -> OWApplication:
    """Refuse an application, for a reason of the configured list (none: refused)."""
    ow = _lock_undecided(actor, ow_application, seen)
    if reason not in ow_refusal_reasons():
        raise ValidationError({"reason": _("Choose the reason for the refusal.")})
    at = at or timezone.now()
    states.OW_APPLICATION.apply(
        ow, OWStatus.REFUSED, side=states.OW_INTAKE, actor=actor, reason=reason, at=at
    )
    ow.refusal_reason = reason
    ow.decision_note = note.strip()
    ow.closed_at = at
    ow.save(update_fields=["status", "refusal_reason", "decision_note", "closed_at"])
    _ow_event(ow, actor, at, "refused", reason=reason)
    label = ow_refusal_reasons()[reason]
    names = {}
    for language in ("fr-ca", "en-ca"):
        with translation.override(language):
            names[language] = str(label)
    issue_refusal_notice(actor=actor, ow=ow, reason_names=names, at=at)
    return ow


@transaction.atomic
def withdraw_ow_application(
    *,
    actor: User,
    ow_application: OWApplication,
    note: str = "",
    seen: str | None = None,
    at: dt.datetime | None = None,
) -> OWApplication:
    """Close an application the person withdrew (told by phone, in writing, in person)."""
    ow = _lock_undecided(actor, ow_application, seen)
    at = at or timezone.now()
    states.OW_APPLICATION.apply(
        ow, OWStatus.WITHDRAWN, side=states.OW_INTAKE, actor=actor, reason=note.strip(), at=at
    )
    ow.decision_note = note.strip()
    ow.closed_at = at
    ow.save(update_fields=["status", "decision_note", "closed_at"])
    _ow_event(ow, actor, at, "withdrawn")
    return ow


@transaction.atomic
def ask_ow_information(
    *,
    actor: User,
    ow_application: OWApplication,
    what: str,
    due_on: dt.date,
    seen: str | None = None,
    at: dt.datetime | None = None,
) -> OWApplication:
    """Ask the person for missing information by ``due_on`` (after today, within
    :data:`INFO_DUE_MAX_DAYS`); the application closes on that date if nothing comes."""
    ow = _lock_undecided(actor, ow_application, seen)
    at = at or timezone.now()
    today = timezone.localdate(at)
    errors: dict[str, str] = {}
    if not what.strip():
        errors["what"] = _("Say what information is missing.")
    if due_on <= today:
        errors["due_on"] = _("The due date must be after today.")
    elif due_on > today + dt.timedelta(days=INFO_DUE_MAX_DAYS):
        errors["due_on"] = _("Give the person at most 60 days.")
    if ow.status != OWStatus.PENDING:
        errors["__all__"] = _("Information was already asked: record it received first.")
    if errors:
        raise ValidationError(errors)
    states.OW_APPLICATION.apply(
        ow, OWStatus.INFO_ASKED, side=states.OW_INTAKE, actor=actor, reason=what.strip(), at=at
    )
    ow.info_asked = what.strip()
    ow.info_due_on = due_on
    ow.save(update_fields=["status", "info_asked", "info_due_on"])
    _ow_event(ow, actor, at, "info_asked", due_on=due_on.isoformat())
    return ow


@transaction.atomic
def record_ow_information_received(
    *,
    actor: User,
    ow_application: OWApplication,
    seen: str | None = None,
    at: dt.datetime | None = None,
) -> OWApplication:
    """The information asked came: the application is back to decide."""
    ow = _lock_undecided(actor, ow_application, seen)
    if ow.status != OWStatus.INFO_ASKED:
        raise ValidationError(_("No information is waiting on this application."))
    at = at or timezone.now()
    states.OW_APPLICATION.apply(ow, OWStatus.PENDING, side=states.OW_INTAKE, actor=actor, at=at)
    ow.info_due_on = None
    ow.save(update_fields=["status", "info_due_on"])
    _ow_event(ow, actor, at, "info_received")
    return ow


def close_unanswered_ow_applications(*, now: dt.datetime | None = None) -> int:
    """The scheduled job: every application whose asked information is still missing on its
    due date closes (idempotent: a closed one is not seen again). Returns how many closed."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = OWApplication.objects.filter(status=OWStatus.INFO_ASKED, info_due_on__lte=today)
    closed = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            ow = (
                OWApplication.objects.select_for_update(of=("self",))
                .select_related("participant")
                .get(pk=pk)
            )
            if ow.status != OWStatus.INFO_ASKED or ow.info_due_on is None:
                continue  # answered or closed meanwhile
            if ow.info_due_on > today:
                continue
            states.OW_APPLICATION.apply(
                ow,
                OWStatus.CLOSED,
                side=states.SCHEDULE,
                actor_label="sentier scheduled",
                reason="information_not_received",
                at=now,
            )
            ow.closed_at = now
            ow.save(update_fields=["status", "closed_at"])
            _ow_event(ow, None, now, "closed", due_on=ow.info_due_on.isoformat())
            closed += 1
    return closed


def _grant(actor: User, ow: OWApplication, at: dt.datetime) -> None:
    participant = ow.participant
    states.OW_APPLICATION.apply(ow, OWStatus.GRANTED, side=states.OW_INTAKE, actor=actor, at=at)
    ow.granted_at = at
    ow.granted_by = actor
    ow.info_due_on = None
    if participant.status == FileStatus.PENDING:
        participant.status = FileStatus.ACTIVE
        participant.save(update_fields=["status", "updated_at"])
    add_event(
        participant=participant,
        kind=OntarioEventKind.OW_GRANTED,
        actor=actor,
        data={"ow_application": str(ow.uuid)},
        occurred_at=at,
    )
    answer = _fast_track_answer(ow, timezone.localdate(at))
    reasons = list(answer.get("reasons") or [])  # type: ignore[call-overload]
    reason = str(reasons[0]["code"]) if reasons else ""
    explanation = {"fr": reasons[0]["fr"], "en": reasons[0]["en"]} if reasons else {}
    referral = None
    if answer.get("eligible"):
        recommendation = getattr(ow.application, "recommendation", None)
        if (
            recommendation is not None
            and recommendation.status == ReviewStatus.OVERRIDDEN
            and recommendation.final_path != Path.EMPLOYMENT_SERVICES
        ):
            reason = "caseworker_override"
            explanation = {}
        elif (consent := _eo_consent_in_force(ow, at)) is None:
            reason = "no_consent"
            explanation = {}
        else:
            try:
                referral = _refer_to_employment_ontario(
                    actor=actor,
                    participant=participant,
                    consent=consent,
                    need=_("Ontario Works client assessed ready: fast-track referral at grant."),
                    employment_ready=ow.employment_ready,
                    at=at,
                    organization=consent.recipient_organization,
                    fast_track=True,
                )
            except NoValidConsent:
                reason = "no_consent"
                explanation = {}
    ow.route_reason = reason
    ow.route_explanation = explanation
    if referral is not None:
        ow.route = Route.EMPLOYMENT_ONTARIO
        ow.referral = referral
    else:
        ow.route = Route.COMMON_ASSESSMENT
        assessment = CommonAssessment.objects.create(
            participant=participant,
            ow_application=ow,
            region=ow.region,
            why=reason,
            created_at=at,  # the local office hands it out: nobody at first
        )
        states.ASSESSMENT.start(assessment, side=states.OW_STAFF, actor=actor, at=at)
        add_event(
            participant=participant,
            kind=OntarioEventKind.COMMON_ASSESSMENT,
            actor=actor,
            data={"ow_application": str(ow.uuid), "why": reason, "step": "waiting"},
            occurred_at=at,
        )
    # The case goes to the local office of the person's service area (004 Q3), which hands
    # it out: the intake unit's assignment ends with its decision.
    ow.transferred_at = at
    ow.assigned_to = None
    ow.save(
        update_fields=[
            "status",
            "granted_at",
            "granted_by",
            "info_due_on",
            "route",
            "route_reason",
            "route_explanation",
            "referral",
            "transferred_at",
            "assigned_to",
        ]
    )
    add_event(
        participant=participant,
        kind=OntarioEventKind.OW_TRANSFERRED,
        actor=actor,
        data={"ow_application": str(ow.uuid), "region_names": names_of(ow.region)},
        occurred_at=at,
    )


# ---------------------------------------------------------------- common assessment


def _require_open(assessment: CommonAssessment) -> None:
    if assessment.status != AssessmentStatus.TO_DO:
        raise ValidationError(_("This common assessment is already completed."))


@transaction.atomic
def record_deferral(
    *,
    actor: User,
    assessment: CommonAssessment,
    reason: DeferralReason,
    review_on: dt.date,
    note: str = "",
    at: dt.datetime | None = None,
) -> Deferral:
    """Record why participation is deferred for now, and when to look at it again."""
    _require_ow(actor, assessment, assessment.participant)
    at = at or timezone.now()
    today = timezone.localdate(at)
    errors: dict[str, str] = {}
    if not reason.applies_on(today):
        errors["reason"] = _("This reason is not on the list in force today.")
    if review_on <= today:
        errors["review_on"] = _("The review date must be after today.")
    elif review_on > today + dt.timedelta(days=366):
        errors["review_on"] = _("Review a deferral within a year.")
    if errors:
        raise ValidationError(errors)
    deferral = Deferral.objects.create(
        assessment=assessment,
        reason=reason,
        note=note.strip(),
        review_on=review_on,
        recorded_by=actor,
        recorded_at=at,
    )
    add_event(
        participant=assessment.participant,
        kind=OntarioEventKind.COMMON_ASSESSMENT,
        actor=actor,
        data={
            "deferral": str(deferral.uuid),
            "reason": reason.code,
            "step": "deferral_recorded",
            "reason_names": names_of(reason),
        },
        occurred_at=at,
    )
    return deferral


@transaction.atomic
def review_deferral(
    *,
    actor: User,
    deferral: Deferral,
    keep: bool,
    review_on: dt.date | None = None,
    at: dt.datetime | None = None,
) -> Deferral:
    """Look at a deferral again: keep it until a new date, or end it."""
    deferral = Deferral.objects.select_for_update().get(pk=deferral.pk)
    assessment = deferral.assessment
    _require_ow(actor, assessment, assessment.participant)
    if deferral.ended_at is not None:
        raise ValidationError(_("This deferral has already ended."))
    at = at or timezone.now()
    today = timezone.localdate(at)
    if keep:
        if review_on is None or review_on <= today:
            raise ValidationError({"review_on": _("The review date must be after today.")})
        if review_on > today + dt.timedelta(days=366):
            raise ValidationError({"review_on": _("Review a deferral within a year.")})
        deferral.review_on = review_on
        step = "deferral_kept"
    else:
        deferral.ended_at = at
        step = "deferral_ended"
    deferral.reviewed_at = at
    deferral.save()
    add_event(
        participant=assessment.participant,
        kind=OntarioEventKind.COMMON_ASSESSMENT,
        actor=actor,
        data={
            "deferral": str(deferral.uuid),
            "kept": keep,
            "step": step,
            "reason_names": names_of(deferral.reason),
        },
        occurred_at=at,
    )
    return deferral


@transaction.atomic
def start_employment_ontario_referral(
    *,
    actor: User,
    assessment: CommonAssessment,
    categories: Iterable[str],
    channel: str,
    need: str,
    at: dt.datetime | None = None,
) -> Referral:
    """The caseworker refers a client to Employment Ontario after the person agreed to share
    (heard by phone or in person, or on a signed form: recorded first, then the referral)."""
    _require_ow(actor, assessment, assessment.participant)
    _require_open(assessment)
    if assessment.referral_id is not None:
        raise ValidationError(_("This client was already referred to Employment Ontario."))
    at = at or timezone.now()
    if not need.strip():
        raise ValidationError({"need": _("Say what the person needs from Employment Ontario.")})
    chosen = [c for c in dict.fromkeys(categories) if c in EO_CATEGORIES]
    if InformationCategory.IDENTITY not in chosen:
        raise ValidationError(
            {"categories": _("Employment Ontario needs at least the contact details.")}
        )
    consent = record_consent(
        actor=actor,
        participant=assessment.participant,
        purpose=Purpose.EMPLOYMENT_ONTARIO,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=employment_ontario(),
        categories=chosen,
        channel=channel,
        at=at,
    )
    ow = assessment.ow_application
    referral = _refer_to_employment_ontario(
        actor=actor,
        participant=assessment.participant,
        consent=consent,
        need=need.strip(),
        employment_ready=bool(ow and ow.employment_ready),
        at=at,
    )
    assessment.referral = referral
    assessment.save(update_fields=["referral"])
    return referral


@transaction.atomic
def put_action_plan_in_place(
    *,
    actor: User,
    assessment: CommonAssessment | None = None,
    ow_application: OWApplication | None = None,
    goal: str,
    activities: str,
    at: dt.datetime | None = None,
) -> ActionPlan:
    """The personalized action plan; its first review is set by the rules' parameters. Under
    the common assessment, or for a client fast-tracked at grant (``ow_application``), who has
    an action plan and progress tracking all the same (004 Q4)."""
    if assessment is not None:
        participant = assessment.participant
        _require_ow(actor, assessment, participant)
        region = assessment.region
    elif ow_application is not None:
        participant = ow_application.participant
        _require_ow(actor, ow_application, participant)
        if ow_application.transferred_at is None:
            raise ValidationError(_("The local office plans with the person after the grant."))
        region = ow_application.region
    else:
        raise TypeError("put_action_plan_in_place needs an assessment or an OW application")
    if ActionPlan.objects.filter(participant=participant).exists():
        raise ValidationError(_("This client already has an action plan."))
    errors: dict[str, str] = {}
    if not goal.strip():
        errors["goal"] = _("Write the goal agreed with the person.")
    if not activities.strip():
        errors["activities"] = _("Write the activities and supports agreed with the person.")
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    today = timezone.localdate(at)
    plan = ActionPlan.objects.create(
        participant=participant,
        assessment=assessment,
        region=region,
        goal=goal.strip(),
        activities=activities.strip(),
        put_in_place_on=today,
        next_review_on=first_review_on(today),
        created_by=actor,
    )
    add_event(
        participant=participant,
        kind=OntarioEventKind.ACTION_PLAN,
        actor=actor,
        data={
            "action_plan": str(plan.uuid),
            "next_review_on": plan.next_review_on.isoformat(),
            "step": "started",
        },
        occurred_at=at,
    )
    return plan


@transaction.atomic
def review_action_plan(
    *, actor: User, plan: ActionPlan, notes: str, at: dt.datetime | None = None
) -> ActionPlanReview:
    """Review the plan with the person; the next review follows the rules' interval."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    _require_ow(actor, plan, plan.participant)
    if not notes.strip():
        raise ValidationError({"notes": _("Write what was reviewed with the person.")})
    at = at or timezone.now()
    today = timezone.localdate(at)
    review = ActionPlanReview.objects.create(
        plan=plan,
        reviewed_on=today,
        was_due_on=plan.next_review_on,
        notes=notes.strip(),
        next_review_on=next_review_on(today),
        reviewed_by=actor,
        recorded_at=at,
    )
    plan.next_review_on = review.next_review_on
    plan.save(update_fields=["next_review_on"])
    add_event(
        participant=plan.participant,
        kind=OntarioEventKind.ACTION_PLAN,
        actor=actor,
        data={
            "action_plan": str(plan.uuid),
            "next_review_on": plan.next_review_on.isoformat(),
            "step": "reviewed",
        },
        occurred_at=at,
    )
    return review


@transaction.atomic
def complete_assessment(
    *, actor: User, assessment: CommonAssessment, summary: str, at: dt.datetime | None = None
) -> CommonAssessment:
    """Close the common assessment: only once an action plan is in place (004 Q3)."""
    assessment = CommonAssessment.objects.select_for_update().get(pk=assessment.pk)
    _require_ow(actor, assessment, assessment.participant)
    _require_open(assessment)
    errors: dict[str, str] = {}
    if not summary.strip():
        errors["summary"] = _("Write the assessment's conclusions.")
    if not ActionPlan.objects.filter(assessment=assessment).exists():
        errors["__all__"] = _("Put a personalized action plan in place first.")
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    states.ASSESSMENT.apply(
        assessment, AssessmentStatus.DONE, side=states.OW_STAFF, actor=actor, at=at
    )
    assessment.summary = summary.strip()
    assessment.completed_at = at
    assessment.completed_by = actor
    assessment.save()
    add_event(
        participant=assessment.participant,
        kind=OntarioEventKind.COMMON_ASSESSMENT,
        actor=actor,
        data={"assessment": str(assessment.uuid), "step": "completed"},
        occurred_at=at,
    )
    return assessment


# ---------------------------------------------------------------- ODSP centralized intake


@transaction.atomic
def confirm_odsp_financial_eligibility(
    *,
    actor: User,
    odsp_application: ODSPApplication,
    prescribed_class: PrescribedClass | None = None,
    expected_version: int | None = None,
    at: dt.datetime | None = None,
) -> ODSPApplication:
    """Intake staff confirm financial eligibility; the Disability Determination Package is then
    generated in the applicant's language and queued for mailing, except for a member of a
    prescribed class, who needs none (004 Q13). A page sent from an older version of the
    application (decided meanwhile) raises ``DecidedMeanwhile`` and changes nothing."""
    odsp = lock_application(
        actor=actor, odsp_application=odsp_application, expected_version=expected_version
    )
    if odsp.status not in (ODSPStatus.RECEIVED, ODSPStatus.INFO_REQUESTED):
        raise DecidedMeanwhile(odsp)
    at = at or timezone.now()
    if prescribed_class is not None and not prescribed_class.applies_on(timezone.localdate(at)):
        raise ValidationError(
            {"prescribed_class": _("This prescribed class is not on the list in force today.")}
        )
    if prescribed_class is None and (refused := generation_refused()) is not None:
        raise ValidationError(refused)
    states.ODSP_APPLICATION.apply(
        odsp, ODSPStatus.CONFIRMED, side=states.ODSP_INTAKE, actor=actor, at=at
    )
    odsp.confirmed_at = at
    odsp.confirmed_by = actor
    odsp.prescribed_class = prescribed_class
    odsp.version += 1
    odsp.save()
    participant = odsp.participant
    if prescribed_class is not None:
        add_event(
            participant=participant,
            kind=OntarioEventKind.ODSP_INTAKE,
            actor=actor,
            data={
                "odsp_application": str(odsp.uuid),
                "prescribed_class": prescribed_class.code,
                "step": "prescribed_class",
                "class_names": names_of(prescribed_class),
            },
            occurred_at=at,
        )
        return odsp
    package = DeterminationPackage(
        odsp_application=odsp,
        language=participant.preferred_language,
        generated_at=at,
        return_by=timezone.localdate(at) + dt.timedelta(days=RETURN_DAYS),
        **address_from_file(odsp),
    )
    package.pdf = determination_package_pdf(odsp, at=at, package=package)
    package.sha256 = hashlib.sha256(package.pdf).hexdigest()
    package.save()
    states.PACKAGE.start(package, side=states.ODSP_INTAKE, actor=actor, at=at)
    add_event(
        participant=participant,
        kind=OntarioEventKind.ODSP_INTAKE,
        actor=actor,
        data={"odsp_application": str(odsp.uuid), "package": str(package.uuid), "step": "queued"},
        occurred_at=at,
    )
    return odsp


@transaction.atomic
def set_package_address(
    *,
    actor: User,
    package: DeterminationPackage,
    street: str,
    city: str,
    province: str,
    postal_code: str,
    at: dt.datetime | None = None,
) -> DeterminationPackage:
    """Complete (or correct) the address a queued package is mailed to; the package is made
    again with it, so that what is printed is what was checked. An Ontario address is copied
    to the applicant's file as well (its history and a timeline event say so): letters, calls
    and the next package read the file, which would otherwise keep the incomplete address."""
    locked = lock_package(actor=actor, package=package, expected_version=None)
    if locked.status != MailingStatus.QUEUED:
        raise ValidationError(_("This package was already sent: its address cannot change."))
    values = {
        "street": street.strip(),
        "city": city.strip(),
        "province": province.strip().upper(),
        "postal_code": postal_code.strip().upper(),
    }
    errors = {
        field: _("This part of the address is required.") for field, v in values.items() if not v
    }
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    for field, value in values.items():
        setattr(locked, field, value)
    odsp = locked.odsp_application
    locked.pdf = determination_package_pdf(odsp, at=locked.generated_at, package=locked)
    locked.sha256 = hashlib.sha256(locked.pdf).hexdigest()
    locked.version += 1
    locked.save()
    add_event(
        participant=odsp.participant,
        kind=OntarioEventKind.ODSP_INTAKE,
        actor=actor,
        data={"package": str(locked.uuid), "step": "address_set"},
        occurred_at=at,
    )
    if values["province"] == "ON":  # the file has no province: it holds an Ontario address
        update_participant_details(
            actor=actor,
            participant=odsp.participant,
            changes={
                "address": values["street"],
                "city": values["city"],
                "postal_code": values["postal_code"],
            },
        )
    return locked


@transaction.atomic
def mark_package_mailed(
    *, actor: User, package: DeterminationPackage, at: dt.datetime | None = None
) -> DeterminationPackage:
    """One package mailed: the day's mailing with a single package (``mailing``)."""
    if not works_odsp_application(actor, package.odsp_application):
        raise PermissionDenied
    if DeterminationPackage.objects.filter(pk=package.pk, status=MailingStatus.QUEUED).exists():
        [mailed] = mark_packages_mailed(actor=actor, packages=[package], at=at)
        return mailed
    raise ValidationError(_("This package was already mailed."))
