"""Writes of the single window: start, save a step, submit (idempotent), review a recommendation."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import sentier_rules
from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.decisions.actions import DecisionInputError, decide_for_participant
from sentier.intake import notify
from sentier.intake.hooks import run_submitted_handlers
from sentier.intake.models import (
    REVIEW_COMMENT_MAX_LENGTH,
    Application,
    ApplicationStatus,
    Channel,
    Path,
    Recommendation,
    ReviewStatus,
)
from sentier.intake.steps import STEPS, asks_employment_ontario_consent
from sentier.intake.timeline_kinds import IntakeEventKind
from sentier.participants.actions import add_event, events_in_one_insert, next_file_number
from sentier.participants.models import EventKind, FileStatus, Participant
from sentier.reference.models import Program, Region

# The paths whose acceptance asks the rules for an eligibility decision straight away.
MEASURE_OF_PATH = {
    Path.SUPPORT_PLAN: "support_plan",
    Path.SERVICE_PLAN: "service_plan",
    Path.PAAS_ACTION: "paas_action",
}
HOURS_OF_ANSWER = {"up_to_6": 6, "up_to_12": 12, "up_to_20": 20}


class IncompleteApplication(ValidationError):
    """A required step has no valid answers yet; ``step`` says which."""

    def __init__(self, step: str) -> None:
        super().__init__(_("This step is not complete yet."), code="incomplete")
        self.step = step


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def start_application(
    *, channel: str, applicant: User | None = None, entered_by: User | None = None
) -> Application:
    """A new draft. Phone and in-person applications are entered by a caseworker."""
    if channel not in Channel.values:
        raise ValidationError(_("Unknown channel."))
    if channel != Channel.ONLINE and (
        entered_by is None or not may(entered_by, "intake.enter_application")
    ):
        raise PermissionDenied
    answers: dict[str, Any] = {}
    if entered_by is not None and entered_by.region is not None:
        answers["_defaults"] = {"region": entered_by.region.code}
    if applicant is not None and not may(applicant, "participants.view_own_file"):
        applicant = None
    return Application.objects.create(
        channel=channel, applicant=applicant, entered_by=entered_by, answers=answers
    )


def save_step(
    *,
    application: Application,
    step: str,
    typed: dict[str, Any],
    cleaned: dict[str, Any] | None,
    unchecked: bool = False,
) -> Application:
    """Keep what was typed on a step, and its checked values when the step is valid.

    ``unchecked``: kept on the way elsewhere (the language switch) rather than sent with "Save
    and continue": the step shows it back as typed, without errors, until it is sent.
    """
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("This application was already sent."))
    answers = dict(application.answers)
    typed_all = dict(answers.get("_typed", {}))
    typed_all[step] = typed
    answers["_typed"] = typed_all
    kept = [code for code in answers.get("_unchecked", []) if code != step]
    answers["_unchecked"] = [*kept, step] if unchecked else kept
    if cleaned is not None:
        # Unanswered questions are left out rather than kept as "" or [].
        answers[step] = {
            key: _jsonable(value)
            for key, value in cleaned.items()
            if step != "questionnaire" or value not in ("", None, [])
        }
    application.answers = answers
    # A draft's steps are not history: the answers are excluded from it, and the sending is kept.
    application.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        application.save(update_fields=["answers", "updated_at"])
    finally:
        del application.skip_history_when_saving  # type: ignore[attr-defined]
    return application


def first_incomplete_step(application: Application) -> str | None:
    for step in STEPS:  # every added step (Ontario's consent page) is optional
        if not step.optional and step.code not in application.answers:
            return step.code
    return None


@transaction.atomic
def submit_application(*, application_id: int) -> Recommendation:
    """Send the application: open a file, run the triage, queue the recommendation for review,
    and the applicant's confirmation e-mail when they gave an address.

    Idempotent: a second call (double click, network retry) returns the first recommendation.
    """
    application = Application.objects.select_for_update().get(pk=application_id)
    if application.status == ApplicationStatus.SUBMITTED:
        return application.recommendation
    missing = first_incomplete_step(application)
    if missing is not None:
        raise IncompleteApplication(missing)
    answers = application.answers
    identity, contact = answers["identity"], answers["contact"]
    household, program_answers = answers["household"], answers["program"]
    region = Region.objects.get(code=contact["region"])
    program = Program.objects.get(code=program_answers["program"])
    actor = application.entered_by or application.applicant
    participant = Participant.objects.create(
        file_number=next_file_number(),
        user=application.applicant,
        first_name=identity["first_name"],
        last_name=identity["last_name"],
        birth_date=dt.date.fromisoformat(identity["birth_date"]),
        preferred_language=identity["preferred_language"],
        # Applications saved before these questions existed have no answer: nothing is invented.
        languages_spoken=list(identity.get("languages_spoken") or []),
        interpreter_language=identity.get("interpreter_language") or "",
        email=contact.get("email") or "",
        phone=contact.get("phone") or "",
        address=contact.get("address") or "",
        city=contact.get("city") or "",
        postal_code=contact.get("postal_code") or "",
        region=region,
        program=program,
        claim_booklet=program_answers.get("claim_booklet") or "",
        asylum_seeker=bool(program_answers.get("asylum_seeker")),
        household_type=household["household_type"],
        adults=household["adults"],
        children=household["children"],
        first_nations_site=bool(contact.get("first_nations_site")),
        status=FileStatus.PENDING,
    )
    now = timezone.now()
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.participant = participant
    application.save(update_fields=["status", "submitted_at", "participant", "updated_at"])
    try:
        result = sentier_rules.triage(
            answers.get("questionnaire", {}),
            date=timezone.localdate().isoformat(),
            jurisdiction=program.jurisdiction,
            program=program.code,
            region=region.code if region.jurisdiction == "QC" else None,
            application_channel=application.channel,
            first_nations_site=participant.first_nations_site,
            employment_ontario_consent=_employment_ontario_consent(application, program),
            # Every fact the rules use and the application collects reaches the triage (001:
            # ASM-2 and ASM-5 holders are not eligible for the support plan).
            claim_booklet=participant.claim_booklet or None,
            asylum_seeker=participant.asylum_seeker,
        )
    except sentier_rules.TriageInputError as error:
        # The questionnaire changed since these answers were given: ask them again.
        raise IncompleteApplication("questionnaire") from error
    recommendation = Recommendation.objects.create(
        application=application,
        participant=participant,
        region=region,
        path=result["path"],
        factors=result["factors"],
        scores=result["scores"],
        used_information=result["used_information"],
        employment_ready=bool(result["employment_ready"]),
        questionnaire_version=result["questionnaire_version"],
        rules_version=result["rules_version"],
    )
    # The events of a sending (three, and the hooks', such as Ontario's routing) in one insert,
    # in order:
    # the timeline sorts by time, then id.
    with events_in_one_insert():
        add_event(participant=participant, kind=EventKind.FILE_OPENED, actor=actor, occurred_at=now)
        add_event(
            participant=participant,
            kind=IntakeEventKind.APPLICATION_SUBMITTED,
            actor=actor,
            occurred_at=now,
            data={"application": str(application.uuid), "channel": application.channel},
        )
        add_event(
            participant=participant,
            kind=IntakeEventKind.RECOMMENDATION,
            actor=None,
            occurred_at=now,
            data={"recommendation": str(recommendation.uuid), "path": result["path"]},
        )
        # Other capabilities' part of a sending (Ontario routes to its unit), see intake.hooks.
        run_submitted_handlers(
            application=application, recommendation=recommendation, at=now, actor=actor
        )
    if participant.email:
        # The file number and the link, in the applicant's language (queued with this sending).
        notify.email_confirmation.enqueue(str(application.uuid))
    return recommendation


def _employment_ontario_consent(application: Application, program: Program) -> bool | None:
    """The answer to the Employment Ontario consent page (004 Q10): None where it is not
    asked (Québec, ODSP, or a person the fast track cannot apply to); an unanswered page is a
    "no", as nothing is shared without a yes."""
    if program.jurisdiction != "ON" or not asks_employment_ontario_consent(
        application.answers, channel=application.channel
    ):
        return None
    return bool(application.answers.get("eo_consent", {}).get("eo_consent"))


class AlreadyReviewed(ValidationError):
    """Someone decided the recommendation since it was read; ``saved`` is it as decided."""

    def __init__(self, saved: Recommendation) -> None:
        super().__init__(_("This recommendation was already reviewed."), code="reviewed")
        self.saved = saved


def _require_reviewer(actor: User, recommendation: Recommendation) -> None:
    if not may(actor, "intake.review_application", recommendation):
        raise PermissionDenied


@transaction.atomic
def assign_recommendation(
    *, actor: User, recommendation: Recommendation, assignee: User
) -> Recommendation:
    """Give a queued recommendation to a caseworker of its region (oneself, usually)."""
    _require_reviewer(actor, recommendation)
    _require_reviewer(assignee, recommendation)
    recommendation.assigned_to = assignee
    recommendation.save(update_fields=["assigned_to"])
    return recommendation


@transaction.atomic
def review_recommendation(
    *,
    actor: User,
    recommendation: Recommendation,
    final_path: str,
    reason: str = "",
) -> Recommendation:
    """The human final decision: accept the recommended path, or choose another with a reason.

    The accepted path starts its next step where one exists: an eligibility decision. Read
    again under a row lock: if it was decided meanwhile (another tab, a colleague),
    :class:`AlreadyReviewed` carries that decision and nothing is written.
    """
    _require_reviewer(actor, recommendation)
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.status != ReviewStatus.PENDING:
        raise AlreadyReviewed(recommendation)
    if final_path not in Path.values:
        raise ValidationError(_("Choose a path."), code="path")
    overridden = final_path != recommendation.path
    if overridden and not reason.strip():
        raise ValidationError(
            _("Explain why you choose another path than the recommended one."), code="reason"
        )
    recommendation.status = ReviewStatus.OVERRIDDEN if overridden else ReviewStatus.ACCEPTED
    recommendation.final_path = final_path
    recommendation.override_reason = reason.strip()
    recommendation.reviewed_by = actor
    recommendation.reviewed_at = timezone.now()
    recommendation.save(
        update_fields=["status", "final_path", "override_reason", "reviewed_by", "reviewed_at"]
    )
    participant = recommendation.participant
    if participant.caseworker_id is None and may(actor, "participants.hold_caseload"):
        participant.caseworker = actor
        participant.assigned_at = timezone.now()
        participant.save(update_fields=["caseworker", "assigned_at", "updated_at"])
    add_event(
        participant=participant,
        kind=IntakeEventKind.ORIENTATION_DECIDED,
        actor=actor,
        data={
            "recommendation": str(recommendation.uuid),
            "recommended": recommendation.path,
            "decided": final_path,
            "overridden": overridden,
            "reason": recommendation.override_reason,
        },
    )
    measure = MEASURE_OF_PATH.get(Path(final_path))
    if measure is not None and actor.has_perm("participants.change_participant", participant):
        hours = HOURS_OF_ANSWER.get(
            str(recommendation.application.answers.get("questionnaire", {}).get("weekly_hours"))
        )
        # If the rules lack a fact, the orientation stands; the caseworker decides from the file.
        with contextlib.suppress(DecisionInputError):
            decide_for_participant(
                actor=actor,
                participant=participant,
                measure=measure,
                date=timezone.localdate(),
                weekly_hours=hours if measure == "paas_action" else None,
            )
    return recommendation


def request_human_review(*, application: Application, comment: str = "") -> Application:
    """The person asks that a person review the automated recommendation (s. 65.2), and may
    say why in their own words (kept as typed, shown to the caseworker who reviews it).

    Asking again changes nothing: the first request and its comment stand.
    """
    comment = comment.strip()
    if len(comment) > REVIEW_COMMENT_MAX_LENGTH:
        raise ValidationError(comment_too_long(len(comment)), code="comment")
    recommendation = application.recommendation
    if recommendation.review_requested_at is None:
        recommendation.review_requested_at = timezone.now()
        recommendation.review_comment = comment
        recommendation.save(update_fields=["review_requested_at", "review_comment"])
    return application


def comment_too_long(length: int) -> str:
    """The message for a comment longer than the limit, in plain words."""
    return _(
        "Your comment is too long: write at most %(limit)s characters (you wrote %(count)s)."
    ) % {"limit": REVIEW_COMMENT_MAX_LENGTH, "count": length}


def purge_stale_drafts(*, older_than_days: int | None = None) -> int:
    """Delete unsent drafts untouched for longer than the retention period; returns how many.

    A draft holds personal information behind a bearer link: it should not live forever.
    """
    days = older_than_days if older_than_days is not None else settings.SENTIER_DRAFT_DAYS
    limit = timezone.now() - dt.timedelta(days=days)
    stale = Application.objects.filter(status=ApplicationStatus.DRAFT, updated_at__lt=limit)
    count = stale.count()
    stale.delete()
    return count
