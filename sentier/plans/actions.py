"""Every write of a personalized support plan: check permission, change, then record it.

Each action is keyword-only and atomic, checks the permission first, moves the status only
through :mod:`sentier.plans.states` (a :class:`PlanTransition` row each time) and ends with a
timeline event on the participant's file. Refusals raise
:class:`~django.core.exceptions.ValidationError` keyed by the form field they are about and change
nothing. Edits carry the ``version`` they started from; when someone saved in between,
:class:`EditConflict` is raised with the saved row and nothing is written.

Nothing here touches a benefit: no decision, payment or financial field of the file is written
(001: taking part, refusing or ending has no effect on benefits and pays no allowance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.models import InformationCategory, Purpose
from sentier.consent.selectors import consented_categories
from sentier.core.formatting import long_date
from sentier.core.lifecycle import Refusal
from sentier.decisions.actions import decide_for_participant
from sentier.decisions.models import Measure
from sentier.network.models import Organization
from sentier.participants.actions import add_event
from sentier.participants.models import Participant
from sentier.plans import states
from sentier.plans.models import (
    ActionKind,
    ActionStatus,
    CalendarFeed,
    Channel,
    Difficulty,
    Extension,
    ExtensionStatus,
    FollowUp,
    FollowUpMode,
    FollowUpStatus,
    Objective,
    ObjectiveStatus,
    Origin,
    PlanAction,
    PlanShare,
    PlanStatus,
    SupportPlan,
    Who,
)
from sentier.plans.selectors import shared_categories
from sentier.plans.timeline_kinds import SupportPlanEventKind

# The version of the plain-language agreement summary (plans/agreement_summary.txt). Change it
# whenever that text changes: each agreement keeps the text and the version the person saw.
AGREEMENT_VERSION = "2026-04-01.1"

RowT = TypeVar("RowT", bound=models.Model)


class EditConflict(Exception):
    """Someone saved this row after the editor opened it: ``saved`` is the row as it is now."""

    def __init__(self, saved: models.Model) -> None:
        super().__init__("edit conflict")
        self.saved = saved


# ---------------------------------------------------------------------------------------------
# Helpers


def _side(actor: User, plan: SupportPlan) -> str:
    """Which side ``actor`` acts for on ``plan`` (raises PermissionDenied for neither)."""
    side = states.SUPPORT_PLAN.side_of(actor, plan)
    if side is None:
        raise PermissionDenied
    return side


def _require_manager(actor: User, plan: SupportPlan) -> None:
    if _side(actor, plan) != states.CASEWORKER:
        raise PermissionDenied


def _lock(plan: SupportPlan) -> SupportPlan:
    return SupportPlan.objects.select_for_update().select_related("participant").get(pk=plan.pk)


def _move(
    plan: SupportPlan, to_status: str, *, actor: User | None, side: str, reason: str = ""
) -> None:
    """Change the status through the lifecycle, which logs the transition."""
    try:
        states.SUPPORT_PLAN.apply(plan, to_status, side=side, actor=actor, reason=reason)
    except Refusal as refused:
        raise ValidationError({"status": str(refused)}) from None


def _event(
    plan: SupportPlan, kind: str, actor: User | None, summary: str = "", **data: Any
) -> None:
    add_event(
        participant=plan.participant,
        kind=kind,
        actor=actor,
        summary=summary,
        data={"plan": str(plan.uuid), **data},
    )


def _bump(row: RowT, expected_version: int | None) -> RowT:
    """Lock ``row``; raise :class:`EditConflict` if its version moved since the editor read it."""
    manager = type(row)._default_manager
    locked = manager.select_for_update().get(pk=row.pk)
    current = int(locked.version)  # type: ignore[attr-defined]
    if expected_version is not None and expected_version != current:
        raise EditConflict(locked)
    locked.version = current + 1  # type: ignore[attr-defined]
    return locked


def _open_plan_of(participant: Participant) -> SupportPlan | None:
    return (
        SupportPlan.objects.select_for_update()
        .filter(participant=participant, status__in=states.OPEN)
        .first()
    )


def _check_not_already_open(participant: Participant) -> None:
    # Lock the file row: two caseworkers starting a plan at the same time make one plan.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    if _open_plan_of(participant) is not None:
        raise ValidationError(
            {"__all__": _("This person already has a support plan in progress: open it.")}
        )


def _decide(actor: User, participant: Participant, on: dt.date) -> Any:
    return decide_for_participant(
        actor=actor, participant=participant, measure=Measure.SUPPORT_PLAN, date=on
    )


def _check_dates(planned_end_on: dt.date | None, start: dt.date) -> None:
    if planned_end_on is not None and planned_end_on <= start:
        raise ValidationError(
            {
                "planned_end_on": _("The planned end must be after %(day)s.")
                % {"day": long_date(start)}
            }
        )


def _set_difficulties(plan: SupportPlan, difficulties: Iterable[Difficulty]) -> None:
    plan.difficulties.set(list(difficulties))


# ---------------------------------------------------------------------------------------------
# Start: a request recorded, or a proposal; the rules decide eligibility


@transaction.atomic
def record_request(
    *,
    actor: User,
    participant: Participant,
    channel: str,
    note: str = "",
    today: dt.date | None = None,
) -> SupportPlan:
    """The person asked for a plan by phone or in person (no form for them, 001): the caseworker
    records it with its channel, the rules decide, and the answer is kept with the plan.

    An ineligible request is kept as a plan in ``ineligible`` status with the decision, so the
    caseworker can answer with its reasons and what else exists.
    """
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    if channel not in (Channel.PHONE, Channel.IN_PERSON):
        raise ValidationError({"channel": _("Choose how the person asked: by phone or in person.")})
    _check_not_already_open(participant)
    on = today or timezone.localdate()
    decision = _decide(actor, participant, on)
    plan = SupportPlan(
        participant=participant,
        caseworker=participant.caseworker if _is_caseworker(participant.caseworker) else actor,
        status="",
        origin=Origin.REQUESTED,
        request_channel=channel,
        request_note=note,
        decision=decision,
    )
    target = PlanStatus.REQUESTED if decision.eligible else PlanStatus.INELIGIBLE
    plan.save()
    _move(plan, target, actor=actor, side=states.CASEWORKER, reason=note)
    plan.save(update_fields=["status"])
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_REQUESTED,
        actor,
        channel=channel,
        eligible=decision.eligible,
    )
    return plan


def _is_caseworker(user: User | None) -> bool:
    return user is not None and may(user, "participants.hold_caseload")


@transaction.atomic
def propose_plan(
    *,
    actor: User,
    participant: Participant,
    difficulties: Iterable[Difficulty] = (),
    other_difficulty: str = "",
    purpose: str = "",
    planned_end_on: dt.date | None = None,
    objectives: Iterable[str] = (),
    plan: SupportPlan | None = None,
    today: dt.date | None = None,
) -> SupportPlan:
    """The caseworker proposes a plan: a new one, or the answer to a recorded request.

    The rules decide eligibility first (a new decision each time, kept in the file). When they
    say no, the plan is kept in ``ineligible`` status with the decision and nothing else.
    """
    on = today or timezone.localdate()
    difficulties = list(difficulties)
    errors: dict[str, list[str]] = {}
    if not difficulties and not other_difficulty.strip():
        errors.setdefault("difficulties", []).append(
            _("Choose at least one difficulty, or describe it in your own words.")
        )
    try:
        _check_dates(planned_end_on, on)
    except ValidationError as error:
        errors.setdefault("planned_end_on", []).extend(error.messages)
    if plan is not None:
        plan = _lock(plan)
        _require_manager(actor, plan)
        participant = plan.participant
        if plan.status != PlanStatus.REQUESTED:
            errors.setdefault("__all__", []).append(_("This plan was already answered."))
        if errors:
            raise ValidationError(errors)
        decision = _decide(actor, participant, on)
        plan.decision = decision
    else:
        if not actor.has_perm("participants.change_participant", participant):
            raise PermissionDenied
        if errors:
            raise ValidationError(errors)
        _check_not_already_open(participant)
        decision = _decide(actor, participant, on)
        plan = SupportPlan(
            participant=participant,
            caseworker=participant.caseworker if _is_caseworker(participant.caseworker) else actor,
            status="",
            origin=Origin.PROPOSED,
            decision=decision,
        )
        plan.save()
    if not decision.eligible:
        _move(plan, PlanStatus.INELIGIBLE, actor=actor, side=states.CASEWORKER)
        plan.save(update_fields=["status", "decision"])
        _event(plan, SupportPlanEventKind.SUPPORT_PLAN_PROPOSED, actor, eligible=False)
        return plan
    plan.other_difficulty = other_difficulty.strip()
    plan.purpose = purpose.strip()
    plan.planned_end_on = planned_end_on
    _move(plan, PlanStatus.PROPOSED, actor=actor, side=states.CASEWORKER)
    plan.save()
    _set_difficulties(plan, difficulties)
    Objective.objects.bulk_create(
        [
            Objective(plan=plan, text=text.strip()[:300], position=index)
            for index, text in enumerate(objectives, start=1)
            if text.strip()
        ]
    )
    _event(plan, SupportPlanEventKind.SUPPORT_PLAN_PROPOSED, actor, eligible=True)
    return plan


def agreement_summary(plan: SupportPlan, language: str) -> str:
    """The plain-language summary the person agrees to, in their language (version
    :data:`AGREEMENT_VERSION`)."""
    with translation.override(language):
        return render_to_string(
            "plans/agreement_summary.txt",
            {
                "plan": plan,
                "difficulties": [d.name_in(language) for d in plan.difficulties.all()],
                "objectives": list(plan.objectives.all()),
            },
        ).strip()


@transaction.atomic
def record_agreement(
    *, actor: User, plan: SupportPlan, channel: str, today: dt.date | None = None
) -> SupportPlan:
    """The person agrees, freely. Keeps the summary they agreed to (text and version, in their
    language), the date, the channel and who recorded it; the plan starts."""
    plan = _lock(plan)
    side = _side(actor, plan)
    if side == states.PARTICIPANT:
        channel = Channel.ONLINE
    elif channel not in (Channel.PHONE, Channel.IN_PERSON):
        raise ValidationError({"channel": _("Choose how the person agreed.")})
    on = today or timezone.localdate()
    # Bad input: an agreement dated in the future, or before the plan existed, is refused.
    if on > timezone.localdate():
        raise ValidationError({"today": _("The date cannot be in the future.")})
    if on < timezone.localdate(plan.created_at):
        raise ValidationError({"today": _("The date cannot be before the plan was opened.")})
    if plan.status == PlanStatus.PROPOSED and not plan.objectives.exists():
        raise ValidationError({"__all__": _("Write at least one objective with the person first.")})
    if plan.planned_end_on is not None and plan.planned_end_on <= on:
        raise ValidationError(
            {"__all__": _("The planned end has passed: change it before the agreement.")}
        )
    _move(plan, PlanStatus.ACTIVE, actor=actor, side=side)
    language = plan.participant.preferred_language
    plan.agreement_summary = agreement_summary(plan, language)
    plan.agreement_version = AGREEMENT_VERSION
    plan.agreement_language = language
    plan.agreed_at = timezone.now()
    plan.agreement_channel = channel
    plan.agreement_recorded_by = actor
    plan.started_on = on
    plan.version += 1
    plan.save()
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_AGREED,
        actor,
        channel=channel,
        version=AGREEMENT_VERSION,
    )
    return plan


@transaction.atomic
def decline_plan(*, actor: User, plan: SupportPlan, note: str = "") -> SupportPlan:
    """The person says no to a proposal or withdraws a request: nothing changes to their
    benefit."""
    plan = _lock(plan)
    side = _side(actor, plan)
    _move(plan, PlanStatus.DECLINED, actor=actor, side=side, reason=note)
    plan.ended_at = timezone.now()
    plan.ended_by = actor
    plan.end_note = note
    plan.version += 1
    plan.save()
    _event(plan, SupportPlanEventKind.SUPPORT_PLAN_ENDED, actor, status=PlanStatus.DECLINED)
    return plan


# ---------------------------------------------------------------------------------------------
# Content: the plan itself, objectives, actions, follow-ups (optimistic concurrency)


def _require_editable(plan: SupportPlan) -> None:
    if plan.status not in states.EDITABLE:
        raise ValidationError({"__all__": _("This plan is closed: it can no longer change.")})


@transaction.atomic
def update_plan(
    *,
    actor: User,
    plan: SupportPlan,
    expected_version: int | None,
    difficulties: Iterable[Difficulty],
    other_difficulty: str,
    purpose: str,
    planned_end_on: dt.date | None,
) -> SupportPlan:
    """Change the difficulties, the purpose or the planned end (the end date of a running plan
    changes through an extension, not here)."""
    _require_manager(actor, plan)
    locked = _bump(plan, expected_version)
    _require_editable(locked)
    difficulties = list(difficulties)
    if not difficulties and not other_difficulty.strip():
        raise ValidationError(
            {"difficulties": _("Choose at least one difficulty, or describe it in your own words.")}
        )
    if locked.status in states.RUNNING and planned_end_on != locked.planned_end_on:
        raise ValidationError(
            {"planned_end_on": _("The end of a plan in progress changes through an extension.")}
        )
    _check_dates(planned_end_on, locked.started_on or timezone.localdate())
    locked.other_difficulty = other_difficulty.strip()
    locked.purpose = purpose.strip()
    locked.planned_end_on = planned_end_on
    locked.save()
    _set_difficulties(locked, difficulties)
    _event(locked, SupportPlanEventKind.SUPPORT_PLAN_UPDATED, actor, what="plan")
    return locked


def _require_writer(actor: User, plan: SupportPlan, *categories: str) -> bool:
    """The caseworker who runs the plan writes anything; staff of an organization the plan is
    shared with write only the kinds of information the person consented to share with it.
    Returns whether ``actor`` writes for such an organization."""
    if states.SUPPORT_PLAN.side_of(actor, plan) == states.CASEWORKER:
        return False
    allowed = shared_categories(actor, plan)
    if allowed and set(categories) <= allowed:
        return True
    raise PermissionDenied


def _check_category(category: str) -> dict[str, str]:
    if category not in InformationCategory.values:
        return {"category": _("Choose the kind of information it holds.")}
    return {}


def _author(actor: User) -> dict[str, Any]:
    """What the timeline keeps of who wrote a change: an organization's staff are named with it."""
    organization = actor.organization if actor.organization_id else None
    return {"organization": organization.name} if organization is not None else {}


@transaction.atomic
def add_objective(
    *,
    actor: User,
    plan: SupportPlan,
    text: str,
    category: str = InformationCategory.PLAN,
) -> Objective:
    _require_writer(actor, plan, category)
    plan = _lock(plan)
    _require_editable(plan)
    errors = _check_category(category)
    if not text.strip():
        errors["text"] = _("Write the objective.")
    if errors:
        raise ValidationError(errors)
    last = plan.objectives.aggregate(models.Max("position"))["position__max"] or 0
    objective = Objective.objects.create(
        plan=plan,
        text=text.strip()[:300],
        position=last + 1,
        category=category,
        written_by=actor,
        changed_by=actor,
    )
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_UPDATED,
        actor,
        summary=objective.text,
        what="objective",
        **_author(actor),
    )
    return objective


@transaction.atomic
def update_objective(
    *,
    actor: User,
    objective: Objective,
    expected_version: int | None,
    text: str,
    status: str,
    category: str | None = None,
) -> Objective:
    category = category or objective.category
    _require_writer(actor, objective.plan, objective.category, category)
    locked = _bump(objective, expected_version)
    _require_editable(objective.plan)
    errors = _check_category(category)
    if not text.strip():
        errors["text"] = _("Write the objective.")
    if status not in ObjectiveStatus.values:
        errors["status"] = _("Choose a status.")
    if errors:
        raise ValidationError(errors)
    locked.text = text.strip()[:300]
    locked.status = status
    locked.category = category
    locked.changed_by = actor
    locked.save()
    _event(
        objective.plan,
        SupportPlanEventKind.SUPPORT_PLAN_UPDATED,
        actor,
        summary=locked.text,
        what="objective",
        **_author(actor),
    )
    return locked


def _check_action(
    plan: SupportPlan,
    objective: Objective | None,
    who: str,
    what: str,
    status: str,
    kind: str = ActionKind.STEP,
    category: str = InformationCategory.PLAN,
) -> None:
    errors = _check_category(category)
    if not what.strip():
        errors["what"] = _("Write what will be done.")
    if who not in Who.values:
        errors["who"] = _("Choose who does it.")
    if status not in ActionStatus.values:
        errors["status"] = _("Choose a status.")
    if kind not in ActionKind.values:
        errors["kind"] = _("Choose the kind of action.")
    if objective is not None and objective.plan_id != plan.pk:
        errors["objective"] = _("Choose an objective of this plan.")
    if errors:
        raise ValidationError(errors)


def _objective_categories(objective: Objective | None) -> tuple[str, ...]:
    """Writing under an objective reveals it: its kind of information must be shared too."""
    return (objective.category,) if objective is not None else ()


@transaction.atomic
def add_action(
    *,
    actor: User,
    plan: SupportPlan,
    what: str,
    who: str,
    who_detail: str = "",
    due_on: dt.date | None = None,
    objective: Objective | None = None,
    status: str = ActionStatus.PLANNED,
    kind: str = ActionKind.STEP,
    category: str = InformationCategory.PLAN,
) -> PlanAction:
    _require_writer(actor, plan, category, *_objective_categories(objective))
    plan = _lock(plan)
    _require_editable(plan)
    _check_action(plan, objective, who, what, status, kind, category)
    action = PlanAction.objects.create(
        plan=plan,
        objective=objective,
        who=who,
        who_detail=who_detail.strip(),
        what=what.strip()[:300],
        kind=kind,
        due_on=due_on,
        status=status,
        category=category,
        written_by=actor,
        changed_by=actor,
    )
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_UPDATED,
        actor,
        summary=action.what,
        what="action",
        **_author(actor),
    )
    return action


@transaction.atomic
def update_action(
    *,
    actor: User,
    action: PlanAction,
    expected_version: int | None,
    what: str,
    who: str,
    who_detail: str,
    due_on: dt.date | None,
    objective: Objective | None,
    status: str,
    kind: str | None = None,
    category: str | None = None,
) -> PlanAction:
    kind = kind or action.kind
    category = category or action.category
    _require_writer(
        actor, action.plan, action.category, category, *_objective_categories(objective)
    )
    locked = _bump(action, expected_version)
    _require_editable(action.plan)
    _check_action(action.plan, objective, who, what, status, kind, category)
    locked.what = what.strip()[:300]
    locked.who = who
    locked.who_detail = who_detail.strip()
    locked.due_on = due_on
    locked.objective = objective
    locked.status = status
    locked.kind = kind
    locked.category = category
    locked.changed_by = actor
    locked.save()
    _event(
        action.plan,
        SupportPlanEventKind.SUPPORT_PLAN_UPDATED,
        actor,
        summary=locked.what,
        what="action",
        **_author(actor),
    )
    return locked


@transaction.atomic
def schedule_follow_up(
    *,
    actor: User,
    plan: SupportPlan,
    scheduled_for: dt.datetime,
    mode: str,
    notes: str = "",
    category: str = InformationCategory.PLAN,
) -> FollowUp:
    """Schedule a contact with the person (the pace is theirs: 001, "suivi ajusté")."""
    _require_writer(actor, plan, category)
    plan = _lock(plan)
    _require_editable(plan)
    errors = _check_category(category)
    if mode not in FollowUpMode.values:
        errors["mode"] = _("Choose how the contact takes place.")
    if errors:
        raise ValidationError(errors)
    follow_up = FollowUp.objects.create(
        plan=plan,
        scheduled_for=scheduled_for,
        mode=mode,
        notes=notes.strip(),
        category=category,
        written_by=actor,
        changed_by=actor,
    )
    _event(
        plan,
        SupportPlanEventKind.FOLLOW_UP,
        actor,
        follow_up=str(follow_up.uuid),
        mode=mode,
        status=FollowUpStatus.SCHEDULED,
        scheduled_for=scheduled_for.isoformat(),
        **_author(actor),
    )
    return follow_up


@transaction.atomic
def record_follow_up(
    *,
    actor: User,
    follow_up: FollowUp,
    expected_version: int | None,
    status: str,
    notes: str,
    outcome: str,
    scheduled_for: dt.datetime | None = None,
) -> FollowUp:
    """Write what happened at a contact (held, missed, cancelled) or move it."""
    _require_writer(actor, follow_up.plan, follow_up.category)
    locked = _bump(follow_up, expected_version)
    if status not in FollowUpStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status == FollowUpStatus.DONE and not outcome.strip():
        raise ValidationError({"outcome": _("Write what came out of the contact.")})
    locked.status = status
    locked.notes = notes.strip()
    locked.outcome = outcome.strip()
    locked.changed_by = actor
    if scheduled_for is not None and scheduled_for != locked.scheduled_for:
        locked.scheduled_for = scheduled_for
        locked.reminded_at = None
    locked.save()
    _event(
        follow_up.plan,
        SupportPlanEventKind.FOLLOW_UP,
        actor,
        follow_up=str(locked.uuid),
        status=status,
        **_author(actor),
    )
    return locked


# ---------------------------------------------------------------------------------------------
# Sharing the running of the plan with an organization (001, 003)


@transaction.atomic
def share_plan(*, actor: User, plan: SupportPlan, organization: Organization) -> PlanShare:
    """Share the running of the plan with an organization of the directory. The person must
    have consented to share at least one kind of information with it for this purpose; the
    caseworker stays responsible (the plan stays theirs) and can take it back."""
    _require_manager(actor, plan)
    plan = _lock(plan)
    _require_editable(plan)
    if plan.shares.filter(organization=organization, taken_back_at__isnull=True).exists():
        raise ValidationError(
            {"organization": _("The plan is already shared with this organization.")}
        )
    if not consented_categories(
        participant=plan.participant, purpose=Purpose.SUPPORT_PLAN, organization=organization
    ):
        raise ValidationError(
            {
                "organization": _(
                    "The person has not consented to share their plan with this organization: "
                    "record their consent first."
                )
            }
        )
    share = PlanShare.objects.create(
        plan=plan, organization=organization, shared_by=actor, shared_at=timezone.now()
    )
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_SHARED,
        actor,
        summary=organization.name,
        share=str(share.uuid),
    )
    return share


@transaction.atomic
def take_back_plan(*, actor: User, share: PlanShare) -> PlanShare:
    """The caseworker takes the running of the plan back: the organization's staff no longer
    open it. What they wrote stays, with their name."""
    _require_manager(actor, share.plan)
    locked = (
        PlanShare.objects.select_for_update()
        .select_related("plan", "organization")
        .get(pk=share.pk)
    )
    if locked.taken_back_at is not None:
        raise ValidationError({"__all__": _("The plan was already taken back.")})
    locked.taken_back_at = timezone.now()
    locked.taken_back_by = actor
    locked.save(update_fields=["taken_back_at", "taken_back_by"])
    _event(
        locked.plan,
        SupportPlanEventKind.SUPPORT_PLAN_TAKEN_BACK,
        actor,
        summary=locked.organization.name,
        share=str(locked.uuid),
    )
    return locked


# ---------------------------------------------------------------------------------------------
# Extension


@transaction.atomic
def request_extension(
    *,
    actor: User,
    plan: SupportPlan,
    why: str,
    wished_end_on: dt.date | None = None,
    channel: str = Channel.ONLINE,
) -> Extension:
    """Ask for more time (001: at the person's request, if objectives are not attained or new
    needs arise). The person asks online; the caseworker records a request made by phone or in
    person."""
    plan = _lock(plan)
    side = _side(actor, plan)
    if side == states.PARTICIPANT:
        channel = Channel.ONLINE
    elif channel not in (Channel.PHONE, Channel.IN_PERSON):
        raise ValidationError({"channel": _("Choose how the person asked.")})
    errors: dict[str, str] = {}
    if plan.status == PlanStatus.EXTENSION_REQUESTED:
        errors["__all__"] = _("An extension was already asked for: the caseworker will answer.")
    elif plan.status != PlanStatus.ACTIVE:
        errors["__all__"] = _("Only a plan in progress can be extended.")
    if wished_end_on is not None and plan.planned_end_on and wished_end_on <= plan.planned_end_on:
        errors["wished_end_on"] = _("Choose a date after the planned end (%(day)s).") % {
            "day": long_date(plan.planned_end_on)
        }
    if errors:
        raise ValidationError(errors)
    _move(plan, PlanStatus.EXTENSION_REQUESTED, actor=actor, side=side, reason=why)
    plan.version += 1
    plan.save()
    extension = Extension.objects.create(
        plan=plan,
        requested_at=timezone.now(),
        requested_by=actor,
        channel=channel,
        why=why.strip(),
        wished_end_on=wished_end_on,
    )
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_EXTENSION,
        actor,
        extension=str(extension.uuid),
        status=ExtensionStatus.PENDING,
    )
    return extension


@transaction.atomic
def decide_extension(
    *,
    actor: User,
    extension: Extension,
    grant: bool,
    reason: str,
    new_end_on: dt.date | None = None,
) -> Extension:
    """The caseworker grants (with a new end date) or refuses, always with a reason."""
    plan = _lock(extension.plan)
    _require_manager(actor, plan)
    extension = Extension.objects.select_for_update().get(pk=extension.pk)
    errors: dict[str, str] = {}
    if extension.status != ExtensionStatus.PENDING:
        errors["__all__"] = _("This request was already answered.")
    if not reason.strip():
        errors["reason"] = _("Give the reason for your decision: the person will read it.")
    if grant:
        if new_end_on is None:
            errors["new_end_on"] = _("Give the new end date.")
        elif plan.planned_end_on is not None and new_end_on <= plan.planned_end_on:
            errors["new_end_on"] = _("Choose a date after the planned end (%(day)s).") % {
                "day": long_date(plan.planned_end_on)
            }
    if errors:
        raise ValidationError(errors)
    _move(plan, PlanStatus.ACTIVE, actor=actor, side=states.CASEWORKER, reason=reason)
    extension.status = ExtensionStatus.GRANTED if grant else ExtensionStatus.REFUSED
    extension.decided_at = timezone.now()
    extension.decided_by = actor
    extension.decision_reason = reason.strip()
    extension.previous_end_on = plan.planned_end_on
    if grant:
        extension.new_end_on = new_end_on
        plan.planned_end_on = new_end_on
    extension.save()
    plan.version += 1
    plan.save()
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_EXTENSION,
        actor,
        extension=str(extension.uuid),
        status=extension.status,
    )
    return extension


# ---------------------------------------------------------------------------------------------
# End


@transaction.atomic
def end_plan(*, actor: User, plan: SupportPlan, reason: str, note: str = "") -> SupportPlan:
    """End the plan: the person at any time (their choice), or the caseworker with a reason;
    completion with objectives attained or not; or evolved into a service plan (called by the
    service-plan side). A pending extension request lapses. Nothing changes to the benefit."""
    plan = _lock(plan)
    side = _side(actor, plan)
    errors: dict[str, str] = {}
    if reason not in states.END_REASONS_FOR[side]:
        errors["reason"] = _("Choose why the plan ends.")
    elif reason in states.NOTE_REQUIRED and not note.strip():
        errors["note"] = _("Write why you end the plan: the person will read it.")
    if plan.status not in states.RUNNING:
        errors["__all__"] = _("Only a plan in progress can end.")
    if errors:
        raise ValidationError(errors)
    _move(plan, states.END_STATUS[reason], actor=actor, side=side, reason=note)
    plan.ended_at = timezone.now()
    plan.ended_by = actor
    plan.end_reason = reason
    plan.end_note = note.strip()
    plan.version += 1
    plan.save()
    Extension.objects.filter(plan=plan, status=ExtensionStatus.PENDING).update(
        status=ExtensionStatus.REFUSED,
        decided_at=plan.ended_at,
        decided_by=actor,
        decision_reason=_("The plan ended."),
    )
    _event(
        plan,
        SupportPlanEventKind.SUPPORT_PLAN_ENDED,
        actor,
        reason=reason,
        status=plan.status,
    )
    return plan


# ---------------------------------------------------------------------------------------------
# Calendar feed


@transaction.atomic
def create_calendar_feed(*, actor: User) -> CalendarFeed:
    """A new secret address for the caseworker's follow-ups (the old one stops working)."""
    if not may(actor, "participants.hold_caseload"):
        raise PermissionDenied
    CalendarFeed.objects.filter(user=actor).delete()
    return CalendarFeed.objects.create(user=actor)


@transaction.atomic
def revoke_calendar_feed(*, actor: User) -> None:
    CalendarFeed.objects.filter(user=actor).delete()


# ---------------------------------------------------------------------------------------------
# Reminders


def mark_reminded(follow_ups: Iterable[FollowUp], at: dt.datetime) -> int:
    """Remember which follow-ups were reminded (so the next run does not repeat them)."""
    return FollowUp.objects.filter(pk__in=[f.pk for f in follow_ups], reminded_at=None).update(
        reminded_at=at
    )
