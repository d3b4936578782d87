"""Every write of service plans: check permission, change, then record it.

Refusals raise :class:`~django.core.exceptions.ValidationError` keyed by the form field they are
about and change nothing (each action is one transaction). Each action ends with a row of the
plan's shared timeline (:class:`PlanEvent`, tagged with an information category) and/or a
participant timeline event (``SERVICE_PLAN_*``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

import sentier_rules
from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.actions import record_consent
from sentier.consent.models import Consent, InformationCategory, Purpose
from sentier.decisions.actions import decide_for_participant, decision_request
from sentier.decisions.models import Measure
from sentier.network.models import Organization
from sentier.participants.actions import add_event
from sentier.participants.models import Participant
from sentier.plans import states as support_states
from sentier.plans.models import FollowUpMode, FollowUpStatus, SupportPlan
from sentier.serviceplans import states
from sentier.serviceplans.events import record_plan_event
from sentier.serviceplans.evolve import carry_support_plan
from sentier.serviceplans.models import (
    AgreementChannel,
    FollowUp,
    InitiatorKind,
    ItemStatus,
    MemberKind,
    NetworkMember,
    NextStep,
    Objective,
    Party,
    PartyKind,
    PlanAction,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    RequestStatus,
    ServicePlan,
    ServicePlanRequest,
    Situation,
)
from sentier.serviceplans.selectors import party_categories, party_of_user
from sentier.serviceplans.timeline_kinds import ServicePlanEventKind

MINISTRY_NAME = "Ministère de l’Emploi et de la Solidarité sociale"


def _on_the_file(plan: ServicePlan, actor: User, change: str, **data: str) -> None:
    """The participant's own timeline says the service plan changed (which plan, what change);
    the plan's shared timeline (``record_plan_event``) keeps the detail."""
    add_event(
        participant=plan.participant,
        kind=ServicePlanEventKind.SERVICE_PLAN_UPDATED,
        actor=actor,
        data={"plan": str(plan.uuid), **data, "change": change},
    )


def _reason_text(reasons: list[dict[str, Any]]) -> str:
    """The main reason of a rules answer, in the current language."""
    language = "en" if (get_language() or "fr").startswith("en") else "fr"
    return str(reasons[0][language]) if reasons else ""


def rules_answer(participant: Participant, initiator_kind: str, on: dt.date) -> dict[str, Any]:
    """Ask the rules whether this initiator may start a service plan for this person on ``on``."""
    body = decision_request(
        participant,
        measure=Measure.SERVICE_PLAN,
        date=on,
        initiated_by=InitiatorKind(initiator_kind).rules_code,
    )
    return sentier_rules.decide([body])[0]


# ---------------------------------------------------------------------------------------------
# Request and decision


@transaction.atomic
def request_service_plan(
    *,
    actor: User,
    participant: Participant,
    situations: Iterable[Situation],
    reasons: str,
    initiator_kind: str,
    initiator_name: str = "",
    initiator_member: NetworkMember | None = None,
    initiator_organization: Organization | None = None,
    support_plan_uuid: Any = None,
    at: dt.datetime | None = None,
) -> ServicePlanRequest:
    """A caseworker asks the coordinator of the participant's region for a service plan.

    The person need not ask (000, Q&A). The rules must allow the initiator on that date: the
    Ministry initiates only where and when the plan is deployed (dated parameter
    ``service_plan.ministry_initiation_regions``); it may always join a plan initiated by another
    ministry or organization. That body is picked from the region's support network or the
    directory (``initiator_member``, ``initiator_organization``), or named (another body).
    """
    if not actor.has_perm("serviceplans.request_plan", participant):
        raise PermissionDenied
    at = at or timezone.now()
    chosen = list(situations)
    errors: dict[str, str] = {}
    if not chosen:
        errors["situations"] = _("Tick at least one situation that justifies a service plan.")
    if not reasons.strip():
        errors["reasons"] = _("Say why a service plan would help this person.")
    if initiator_kind not in InitiatorKind.values:
        errors["initiator_kind"] = _("Say who initiates the plan.")
    elif initiator_kind != InitiatorKind.MINISTRY:
        if initiator_member is not None:
            if (
                initiator_member.network.region_id != participant.region_id
                or initiator_member.kind == MemberKind.MINISTRY
            ):
                errors["initiator_body"] = _("Choose a body of this region's network.")
            else:
                initiator_name = initiator_member.name
        elif initiator_organization is not None:
            initiator_name = initiator_organization.name
        elif not initiator_name.strip():
            errors["initiator_name"] = _("Name the ministry, public body or organization.")
    if ServicePlanRequest.objects.filter(
        participant=participant, status=RequestStatus.PENDING
    ).exists():
        errors["__all__"] = _("A request for this person is already waiting for the coordinator.")
    elif (
        ServicePlan.objects.filter(participant=participant)
        .exclude(status=PlanStatus.ENDED)
        .exists()
    ):
        errors["__all__"] = _("This person already has a service plan.")
    if errors:
        raise ValidationError(errors)
    decision = decide_for_participant(
        actor=actor,
        participant=participant,
        measure=Measure.SERVICE_PLAN,
        date=timezone.localdate(at),
        initiated_by=InitiatorKind(initiator_kind).rules_code,
    )
    if not decision.eligible:
        # The whole transaction rolls back: no decision, no request, no event is kept.
        raise ValidationError({"initiator_kind": _reason_text(decision.reasons)})
    request = ServicePlanRequest.objects.create(
        participant=participant,
        region_id=participant.region_id,
        requested_by=actor,
        requested_at=at,
        reasons=reasons.strip(),
        initiator_kind=initiator_kind,
        initiator_name="" if initiator_kind == InitiatorKind.MINISTRY else initiator_name.strip(),
        initiator_member=None if initiator_kind == InitiatorKind.MINISTRY else initiator_member,
        initiator_organization=None
        if initiator_kind == InitiatorKind.MINISTRY
        else initiator_organization,
        support_plan_uuid=support_plan_uuid,
        rules_decision=decision,
    )
    request.situations.set(chosen)
    states.REQUEST.start(request, side=states.CASEWORKER, actor=actor, at=at)
    add_event(
        participant=participant,
        kind=ServicePlanEventKind.SERVICE_PLAN_REQUESTED,
        actor=actor,
        data={
            "request": str(request.uuid),
            "situations": [s.code for s in chosen],
            "initiator_kind": request.initiator_kind,
            "initiator_name": request.initiator_name,
        },
        occurred_at=at,
    )
    return request


@transaction.atomic
def request_evolution(
    *,
    actor: User,
    support_plan: SupportPlan,
    situations: Iterable[Situation],
    reasons: str,
    initiator_kind: str,
    initiator_name: str = "",
    initiator_member: NetworkMember | None = None,
    initiator_organization: Organization | None = None,
) -> ServicePlanRequest:
    """Ask the coordinator for a service plan that carries this personalized support plan's
    objectives (000, 001); the support plan runs on until the service plan is approved
    (:func:`~sentier.serviceplans.evolve.carry_support_plan`)."""
    support_plan = SupportPlan.objects.select_for_update().get(pk=support_plan.pk)
    if not actor.has_perm("plans.manage_plan", support_plan):
        raise PermissionDenied
    if support_plan.status not in support_states.RUNNING:
        raise ValidationError({"__all__": _("Only a support plan in progress can evolve.")})
    return request_service_plan(
        actor=actor,
        participant=support_plan.participant,
        situations=situations,
        reasons=reasons,
        initiator_kind=initiator_kind,
        initiator_name=initiator_name,
        initiator_member=initiator_member,
        initiator_organization=initiator_organization,
        support_plan_uuid=support_plan.uuid,
    )


@transaction.atomic
def decline_request(
    *,
    actor: User,
    request: ServicePlanRequest,
    reason: str,
    next_step: str,
    next_step_details: str = "",
    at: dt.datetime | None = None,
) -> ServicePlanRequest:
    """The coordinator declines: always with a reason and a proposed next step."""
    request = ServicePlanRequest.objects.select_for_update().get(pk=request.pk)
    if not actor.has_perm("serviceplans.decide_request", request):
        raise PermissionDenied
    errors: dict[str, str] = {}
    if request.status != RequestStatus.PENDING:
        errors["__all__"] = _("This request was already decided.")
    if not reason.strip():
        errors["reason"] = _("Give the reason for declining.")
    if next_step not in NextStep.values:
        errors["next_step"] = _("Propose a next step.")
    elif next_step == NextStep.OTHER and not next_step_details.strip():
        errors["next_step_details"] = _("Describe the next step you propose.")
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    states.REQUEST.apply(
        request,
        RequestStatus.DECLINED,
        side=states.COORDINATOR,
        actor=actor,
        reason=reason.strip(),
        at=at,
    )
    request.decided_by = actor
    request.decided_at = at
    request.decline_reason = reason.strip()
    request.next_step = next_step
    request.next_step_details = next_step_details.strip()
    request.save()
    add_event(
        participant=request.participant,
        kind=ServicePlanEventKind.SERVICE_PLAN_DECIDED,
        actor=actor,
        data={"request": str(request.uuid), "status": request.status, "next_step": next_step},
        occurred_at=at,
    )
    return request


def _initiator_party_fields(request: ServicePlanRequest) -> dict[str, Any]:
    """The party of the body that initiated a plan the Ministry joins: the member of the
    region's network or the directory organization picked (or, for a request written before
    the pick list, of that name); else another public body (another ministry) named as the
    caseworker wrote it."""
    name = request.initiator_name.strip()
    member = request.initiator_member or (
        NetworkMember.objects.filter(network__region_id=request.region_id, name__iexact=name)
        .exclude(kind=MemberKind.MINISTRY)
        .select_related("organization")
        .first()
    )
    if member is not None:
        kind = member.sector
        if kind == PartyKind.ORGANIZATION and member.organization is None:
            kind = PartyKind.OTHER_PUBLIC
        return {
            "kind": kind,
            "name": member.name,
            "organization": member.organization,
            "member": member,
        }
    organization = (
        request.initiator_organization or Organization.objects.filter(name__iexact=name).first()
    )
    if organization is not None:
        return {
            "kind": PartyKind.ORGANIZATION,
            "name": organization.name,
            "organization": organization,
        }
    return {"kind": PartyKind.OTHER_PUBLIC, "name": name}


@transaction.atomic
def approve_request(
    *, actor: User, request: ServicePlanRequest, at: dt.datetime | None = None
) -> ServicePlan:
    """The coordinator approves: the plan opens and waits for the person's agreement
    (participation is voluntary). Who coordinates it follows who initiated it (000: the
    Ministry "peut [...] collaborer à l'élaboration d'un plan de services amorcé par un autre
    ministère ou par un organisme, [...] mais peut également amorcer l'élaboration d'un tel
    plan"): a plan the Ministry initiates is coordinated by the approving Ministry coordinator;
    a plan initiated by a CISSS, a school service centre or an organization is coordinated by
    that body, and the Ministry takes part as a party."""
    request = ServicePlanRequest.objects.select_for_update().get(pk=request.pk)
    if not actor.has_perm("serviceplans.decide_request", request):
        raise PermissionDenied
    if request.status != RequestStatus.PENDING:
        raise ValidationError({"__all__": _("This request was already decided.")})
    at = at or timezone.now()
    participant = request.participant
    answer = rules_answer(participant, request.initiator_kind, timezone.localdate(at))
    if "error" in answer or not answer["eligible"]:
        reasons = answer.get("reasons", [])
        raise ValidationError({"__all__": _reason_text(reasons) or _("The rules do not allow it.")})
    states.REQUEST.apply(
        request, RequestStatus.APPROVED, side=states.COORDINATOR, actor=actor, at=at
    )
    request.decided_by = actor
    request.decided_at = at
    request.save()
    ministry_initiates = request.initiator_kind == InitiatorKind.MINISTRY
    plan = ServicePlan.objects.create(
        request=request,
        participant=participant,
        region_id=request.region_id,
        coordinator=actor if ministry_initiates else None,
        initiator_kind=request.initiator_kind,
        initiator_name=request.initiator_name,
        created_at=at,
    )
    states.SERVICE_PLAN.start(plan, side=states.COORDINATOR, actor=actor, at=at)
    if not ministry_initiates:
        # The initiating body coordinates; it comes first among the parties.
        Party.objects.create(
            plan=plan,
            coordinates=True,
            added_by=actor,
            added_at=at,
            **_initiator_party_fields(request),
        )
    ministry = Party.objects.create(
        plan=plan,
        kind=PartyKind.MINISTRY,
        name=MINISTRY_NAME,
        contact=str(request.requested_by),
        coordinates=ministry_initiates,
        added_by=actor,
        added_at=at,
    )
    record_plan_event(
        plan,
        PlanEventKind.OPENED,
        actor,
        data={"initiator_kind": request.initiator_kind, "initiator_name": request.initiator_name},
        party=ministry,
        at=at,
    )
    if request.support_plan_uuid is not None:
        carry_support_plan(actor=actor, plan=plan, owner=ministry, at=at)
    add_event(
        participant=participant,
        kind=ServicePlanEventKind.SERVICE_PLAN_DECIDED,
        actor=actor,
        data={"request": str(request.uuid), "status": request.status, "plan": str(plan.uuid)},
        occurred_at=at,
    )
    return plan


# ---------------------------------------------------------------------------------------------
# The plan


def _require_change(actor: User, plan: ServicePlan) -> None:
    if not actor.has_perm("serviceplans.change_plan", plan):
        raise PermissionDenied


def _writing_party(actor: User, plan: ServicePlan, category: str) -> Party | None:
    """Who writes: the region's staff (None: anything), or the party the actor works for, only
    in a kind of information the person consented to share with it (000: objectives, actions
    and follow-ups are set in concert by every party). Anyone else: PermissionDenied."""
    if actor.has_perm("serviceplans.change_plan", plan):
        return None
    if actor.has_perm("serviceplans.view_plan_as_party", plan):
        party = party_of_user(plan, actor)
        if party is not None and category in party_categories(plan, party):
            return party
    raise PermissionDenied


def _require_open(plan: ServicePlan) -> None:
    if plan.status == PlanStatus.ENDED:
        raise ValidationError({"__all__": _("This service plan has ended.")})


def _lock(plan: ServicePlan) -> ServicePlan:
    return ServicePlan.objects.select_for_update().get(pk=plan.pk)


@transaction.atomic
def record_agreement(
    *,
    actor: User,
    plan: ServicePlan,
    agrees: bool,
    on: dt.date,
    channel: str,
    note: str = "",
) -> ServicePlan:
    """Record the person's answer (date, channel, who recorded it): given online by the person
    from their portal, or heard by the region's staff. Saying no ends the plan, with no effect
    on their benefit (000)."""
    plan = _lock(plan)
    by_the_person = may(actor, "serviceplans.answer_as_the_person", plan)
    if by_the_person != (channel == AgreementChannel.ONLINE):
        raise PermissionDenied  # "online" is only ever the person, and the person only online
    if not by_the_person:
        _require_change(actor, plan)
    errors: dict[str, str] = {}
    if plan.status != PlanStatus.AWAITING_AGREEMENT:
        errors["__all__"] = _("The person's answer was already recorded.")
    if channel not in AgreementChannel.values:
        errors["channel"] = _("Say how the person gave their answer.")
    today = timezone.localdate()
    if on > today:
        errors["on"] = _("The date cannot be in the future.")
    elif on < timezone.localdate(plan.created_at):
        errors["on"] = _("The date cannot be before the plan was opened.")
    if errors:
        raise ValidationError(errors)
    now = timezone.now()
    plan.agreed_on = on if agrees else None
    plan.agreement_channel = channel
    plan.agreement_recorded_by = actor
    plan.agreement_note = note.strip()
    side = states.PARTICIPANT if by_the_person else states.STAFF
    if agrees:
        states.SERVICE_PLAN.apply(plan, PlanStatus.ACTIVE, side=side, actor=actor, at=now)
        plan.save()
        record_plan_event(plan, PlanEventKind.AGREED, actor, data={"channel": channel})
        _on_the_file(plan, actor, PlanEventKind.AGREED, channel=channel, on=on.isoformat())
        return plan
    plan.ended_at = now
    plan.ended_by = actor
    plan.end_reason = ""  # ServicePlan.end_reason_text says it in the reader's language
    # The transition log keeps the reason as the person acting read it.
    reason = _("The person did not wish to take part.")
    states.SERVICE_PLAN.apply(plan, PlanStatus.ENDED, side=side, actor=actor, reason=reason, at=now)
    plan.save()
    record_plan_event(plan, PlanEventKind.REFUSED, actor, data={"channel": channel})
    add_event(
        participant=plan.participant,
        kind=ServicePlanEventKind.SERVICE_PLAN_ENDED,
        actor=actor,
        data={
            "plan": str(plan.uuid),
            "channel": channel,
            "on": on.isoformat(),
            "change": PlanEventKind.REFUSED,
        },
    )
    return plan


@transaction.atomic
def end_plan(*, actor: User, plan: ServicePlan, reason: str) -> ServicePlan:
    """End the plan: by the person (from their portal) or by the region's staff, with a reason.
    Ending it never changes a benefit (000)."""
    plan = _lock(plan)
    by_the_person = may(actor, "serviceplans.answer_as_the_person", plan)
    if not by_the_person:
        _require_change(actor, plan)
    _require_open(plan)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the plan ends.")})
    plan.ended_at = timezone.now()
    plan.ended_by = actor
    plan.end_reason = reason.strip()
    states.SERVICE_PLAN.apply(
        plan,
        PlanStatus.ENDED,
        side=states.PARTICIPANT if by_the_person else states.STAFF,
        actor=actor,
        reason=plan.end_reason,
        at=plan.ended_at,
    )
    plan.save()
    record_plan_event(plan, PlanEventKind.ENDED, actor, text=plan.end_reason)
    add_event(
        participant=plan.participant,
        kind=ServicePlanEventKind.SERVICE_PLAN_ENDED,
        actor=actor,
        summary=plan.end_reason[:200],  # the reason as written
        data={"plan": str(plan.uuid), "by_the_person": by_the_person},
    )
    return plan


@transaction.atomic
def add_party(
    *,
    actor: User,
    plan: ServicePlan,
    kind: str = "",
    name: str = "",
    organization: Organization | None = None,
    member: NetworkMember | None = None,
    contact: str = "",
) -> Party:
    """Add a party: a member of the regional network, a community organization of the directory,
    or another body or the person's family named here."""
    plan = _lock(plan)
    _require_change(actor, plan)
    _require_open(plan)
    if member is not None:
        if member.network.region_id != plan.region_id:
            raise ValidationError({"member": _("Choose a member of this region's network.")})
        kind, name, organization = member.sector, member.name, member.organization
        if kind == PartyKind.ORGANIZATION and organization is None:
            kind = PartyKind.OTHER_PUBLIC
    elif organization is not None:
        kind, name = PartyKind.ORGANIZATION, organization.name
    errors: dict[str, str] = {}
    if kind not in PartyKind.values or kind == PartyKind.MINISTRY:
        errors["kind"] = _("Choose what kind of party it is.")
    elif kind == PartyKind.ORGANIZATION and organization is None:
        errors["organization"] = _("Choose the organization in the directory.")
    if not name.strip():
        errors["name"] = _("Give the party's name.")
    if not errors and (
        plan.parties.filter(removed_at__isnull=True, name=name.strip()).exists()
        or (
            organization is not None
            and plan.parties.filter(removed_at__isnull=True, organization=organization).exists()
        )
    ):
        errors["__all__"] = _("%(name)s already takes part in this plan.") % {"name": name}
    if errors:
        raise ValidationError(errors)
    party = Party.objects.create(
        plan=plan,
        kind=kind,
        name=name.strip(),
        organization=organization,
        member=member,
        contact=contact.strip(),
        added_by=actor,
        added_at=timezone.now(),
    )
    record_plan_event(plan, PlanEventKind.PARTY_ADDED, actor, summary=party.name, party=party)
    _on_the_file(plan, actor, "party_added", party=str(party.uuid), party_name=party.name)
    return party


@transaction.atomic
def remove_party(*, actor: User, party: Party) -> Party:
    """A party leaves the plan (dated); the Ministry stays. Its objectives stay with their owner
    name for the record."""
    plan = _lock(party.plan)
    _require_change(actor, plan)
    _require_open(plan)
    party = Party.objects.select_for_update().get(pk=party.pk)
    if party.is_ministry:
        raise ValidationError({"__all__": _("The Ministry stays a party of the plan.")})
    if party.coordinates:
        raise ValidationError(
            {"__all__": _("The body that coordinates the plan stays a party of it.")}
        )
    if party.removed_at is not None:
        return party
    party.removed_at = timezone.now()
    party.save(update_fields=["removed_at"])
    record_plan_event(plan, PlanEventKind.PARTY_REMOVED, actor, summary=party.name, party=party)
    _on_the_file(plan, actor, "party_removed", party=str(party.uuid), party_name=party.name)
    return party


def _check_owner(plan: ServicePlan, owner: Party) -> None:
    if owner.plan_id != plan.pk or owner.removed_at is not None:
        raise ValidationError({"owner": _("Choose a party of this plan.")})


def _check_item(text: str, status: str, due_on: dt.date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = _("Write it in a few words.")
    if status not in ItemStatus.values:
        errors["status"] = _("Choose a status.")
    return errors


@transaction.atomic
def add_objective(
    *,
    actor: User,
    plan: ServicePlan,
    text: str,
    category: str,
    owner: Party,
    due_on: dt.date | None = None,
    carried_from: str = "",
) -> Objective:
    """Add an objective owned by a party, tagged with the kind of information it reveals. A
    party other than the Ministry adds its own, in a kind of information shared with it."""
    plan = _lock(plan)
    party = _writing_party(actor, plan, category)
    _require_open(plan)
    errors = _check_item(text, ItemStatus.PLANNED, due_on)
    if party is not None and owner.pk != party.pk:
        errors["owner"] = _("Your organization adds its own objectives.")
    if category not in InformationCategory.values:
        errors["category"] = _("Choose the kind of information this objective reveals.")
    try:
        _check_owner(plan, owner)
    except ValidationError as error:
        errors["owner"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    objective = Objective.objects.create(
        plan=plan,
        text=text.strip(),
        category=category,
        owner=owner,
        due_on=due_on,
        carried_from=carried_from,
        created_by=actor,
        created_at=timezone.now(),
    )
    record_plan_event(
        plan,
        PlanEventKind.OBJECTIVE_ADDED,
        actor,
        summary=objective.text,
        category=category,
        party=owner,
    )
    _on_the_file(plan, actor, PlanEventKind.OBJECTIVE_ADDED, objective=str(objective.uuid))
    return objective


@transaction.atomic
def update_objective(
    *,
    actor: User,
    objective: Objective,
    status: str,
    owner: Party,
    due_on: dt.date | None,
    category: str | None = None,
) -> Objective:
    """Status, owner, date and kind of information of an objective (re-tagging it changes which
    parties see it)."""
    plan = _lock(objective.plan)
    _require_change(actor, plan)
    _require_open(plan)
    errors = _check_item(objective.text, status, due_on)
    category = category or objective.category
    if category not in InformationCategory.values:
        errors["category"] = _("Choose the kind of information this objective reveals.")
    try:
        _check_owner(plan, owner)
    except ValidationError as error:
        errors["owner"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    objective.status = status
    objective.owner = owner
    objective.due_on = due_on
    objective.category = category
    objective.save(update_fields=["status", "owner", "due_on", "category"])
    record_plan_event(
        plan,
        PlanEventKind.OBJECTIVE_UPDATED,
        actor,
        summary=objective.text,
        data={"status": objective.status},
        category=objective.category,
        party=owner,
    )
    return objective


@transaction.atomic
def add_action(
    *,
    actor: User,
    objective: Objective,
    text: str,
    owner: Party,
    due_on: dt.date | None = None,
) -> PlanAction:
    """An action towards an objective: who (a party), what, by when."""
    plan = _lock(objective.plan)
    _require_change(actor, plan)
    _require_open(plan)
    errors = _check_item(text, ItemStatus.PLANNED, due_on)
    try:
        _check_owner(plan, owner)
    except ValidationError as error:
        errors["owner"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    action = PlanAction.objects.create(
        objective=objective,
        text=text.strip(),
        owner=owner,
        due_on=due_on,
        created_by=actor,
        created_at=timezone.now(),
    )
    record_plan_event(
        plan,
        PlanEventKind.ACTION_ADDED,
        actor,
        summary=action.text,
        category=objective.category,
        party=owner,
    )
    return action


@transaction.atomic
def update_action_status(*, actor: User, action: PlanAction, status: str) -> PlanAction:
    """The region's staff, or staff of the organization that owns the action, update it."""
    plan = _lock(action.objective.plan)
    if not (
        actor.has_perm("serviceplans.change_plan", plan)
        or actor.has_perm("serviceplans.update_own_action", action)
    ):
        raise PermissionDenied
    _require_open(plan)
    if status not in ItemStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    action.status = status
    action.save(update_fields=["status"])
    record_plan_event(
        plan,
        PlanEventKind.ACTION_UPDATED,
        actor,
        summary=action.text,
        data={"status": action.status},
        category=action.objective.category,
        party=action.owner,
    )
    return action


@transaction.atomic
def add_note(*, actor: User, plan: ServicePlan, text: str, category: str) -> PlanEvent:
    """A note on the shared timeline, tagged with the kind of information it holds; by the
    region's staff, or by a party in a kind of information shared with it."""
    plan = _lock(plan)
    party = _writing_party(actor, plan, category)
    _require_open(plan)
    errors: dict[str, str] = {}
    if not text.strip():
        errors["text"] = _("Write the note.")
    if category not in InformationCategory.values:
        errors["category"] = _("Choose the kind of information this note holds.")
    if errors:
        raise ValidationError(errors)
    return record_plan_event(
        plan, PlanEventKind.NOTE, actor, text=text.strip(), category=category, party=party
    )


# ---------------------------------------------------------------------------------------------
# Follow-ups (000: "les suivis sont établis [...] avec votre accord")


def _ministry_party(plan: ServicePlan) -> Party:
    return plan.parties.get(kind=PartyKind.MINISTRY)


def _check_follow_up(
    *, scheduled_for: dt.datetime | None, mode: str, status: str, outcome: str, category: str
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if scheduled_for is None:
        errors["scheduled_for"] = _("Give the date and time of the follow-up.")
    if mode not in FollowUpMode.values:
        errors["mode"] = _("Choose how the contact takes place.")
    if status not in FollowUpStatus.values:
        errors["status"] = _("Choose a status.")
    elif (
        status in (FollowUpStatus.DONE, FollowUpStatus.MISSED)
        and scheduled_for is not None
        and scheduled_for > timezone.now()
    ):
        errors["status"] = _("A follow-up in the future cannot be held or missed yet.")
    elif status == FollowUpStatus.DONE and not outcome.strip():
        errors["outcome"] = _("Write what came out of the contact.")
    if category not in InformationCategory.values:
        errors["category"] = _("Choose the kind of information this follow-up holds.")
    return errors


@transaction.atomic
def add_follow_up(
    *,
    actor: User,
    plan: ServicePlan,
    scheduled_for: dt.datetime | None,
    mode: str,
    category: str,
    status: str = FollowUpStatus.SCHEDULED,
    notes: str = "",
    outcome: str = "",
) -> FollowUp:
    """A follow-up of the plan (date, mode, notes, outcome) by the region's staff (for the
    Ministry) or by a party, in a kind of information the person shares with it; it carries its
    author and their party."""
    plan = _lock(plan)
    party = _writing_party(actor, plan, category)
    _require_open(plan)
    errors = _check_follow_up(
        scheduled_for=scheduled_for, mode=mode, status=status, outcome=outcome, category=category
    )
    if errors:
        raise ValidationError(errors)
    assert scheduled_for is not None
    now = timezone.now()
    follow_up = FollowUp.objects.create(
        plan=plan,
        scheduled_for=scheduled_for,
        mode=mode,
        status=status,
        notes=notes.strip(),
        outcome=outcome.strip(),
        category=category,
        party=party or _ministry_party(plan),
        written_by=actor,
        written_at=now,
        changed_by=actor,
    )
    record_plan_event(
        plan,
        PlanEventKind.FOLLOW_UP_ADDED,
        actor,
        summary=follow_up.party.name,
        data={"follow_up": str(follow_up.uuid), "mode": mode, "status": status},
        category=category,
        party=follow_up.party,
    )
    _on_the_file(plan, actor, PlanEventKind.FOLLOW_UP_ADDED, follow_up=str(follow_up.uuid))
    return follow_up


@transaction.atomic
def update_follow_up(
    *,
    actor: User,
    follow_up: FollowUp,
    status: str,
    notes: str,
    outcome: str,
) -> FollowUp:
    """Write what happened at a follow-up (held, missed, cancelled): the region's staff, or the
    party that wrote it while the person still shares that kind of information with it."""
    plan = _lock(follow_up.plan)
    party = _writing_party(actor, plan, follow_up.category)
    if party is not None and party.pk != follow_up.party_id:
        raise PermissionDenied
    _require_open(plan)
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    errors = _check_follow_up(
        scheduled_for=follow_up.scheduled_for,
        mode=follow_up.mode,
        status=status,
        outcome=outcome,
        category=follow_up.category,
    )
    if errors:
        raise ValidationError(errors)
    follow_up.status = status
    follow_up.notes = notes.strip()
    follow_up.outcome = outcome.strip()
    follow_up.changed_by = actor
    follow_up.save(update_fields=["status", "notes", "outcome", "changed_by"])
    record_plan_event(
        plan,
        PlanEventKind.FOLLOW_UP_UPDATED,
        actor,
        summary=follow_up.party.name,
        data={"follow_up": str(follow_up.uuid), "mode": follow_up.mode, "status": status},
        category=follow_up.category,
        party=follow_up.party,
    )
    return follow_up


# ---------------------------------------------------------------------------------------------
# The person's agreement, objective by objective and follow-up by follow-up (000)


@transaction.atomic
def record_item_agreement(
    *,
    actor: User,
    item: Objective | FollowUp,
    on: dt.date,
    channel: str,
) -> Objective | FollowUp:
    """Record that the person agreed to one objective or follow-up: the day, how (in person, by
    phone, on a signed form, or online by the person), and who recorded it. Online is only ever
    the person, from their portal; the others are the region's staff or a party writing in that
    kind of information. Refused, with nothing changed: a day in the future, a day before the
    plan existed, an agreement already recorded."""
    plan = _lock(item.plan)
    by_the_person = may(actor, "serviceplans.answer_as_the_person", plan)
    if by_the_person != (channel == AgreementChannel.ONLINE):
        raise PermissionDenied  # "online" is only ever the person, and the person only online
    if not by_the_person:
        _writing_party(actor, plan, item.category)
    _require_open(plan)
    item = type(item).objects.select_for_update().get(pk=item.pk)
    errors: dict[str, str] = {}
    if item.agreed_on is not None:
        errors["__all__"] = _("The person's agreement was already recorded.")
    if channel not in AgreementChannel.values:
        errors["channel"] = _("Say how the person gave their agreement.")
    if on > timezone.localdate():
        errors["on"] = _("The date cannot be in the future.")
    elif on < timezone.localdate(plan.created_at):
        errors["on"] = _("The date cannot be before the plan was opened.")
    if errors:
        raise ValidationError(errors)
    item.agreed_on = on
    item.agreement_channel = channel
    item.agreement_recorded_by = actor
    item.agreement_recorded_at = timezone.now()
    item.save(
        update_fields=[
            "agreed_on",
            "agreement_channel",
            "agreement_recorded_by",
            "agreement_recorded_at",
        ]
    )
    is_objective = isinstance(item, Objective)
    summary = item.text if isinstance(item, Objective) else _follow_up_label(item)
    record_plan_event(
        plan,
        PlanEventKind.ITEM_AGREED,
        actor,
        summary=summary[:300],
        data={
            "channel": channel,
            "on": on.isoformat(),
            "objective" if is_objective else "follow_up": str(item.uuid),
        },
        category=item.category,
        party=item.owner if isinstance(item, Objective) else item.party,
    )
    item_key = "objective" if is_objective else "follow_up"
    _on_the_file(
        plan,
        actor,
        PlanEventKind.ITEM_AGREED,
        **{item_key: str(item.uuid)},
        channel=channel,
        on=on.isoformat(),
    )
    return item


def _follow_up_label(follow_up: FollowUp) -> str:
    """A follow-up as the timeline names it: its day and local time (a date reads the same in
    every language)."""
    return f"{timezone.localtime(follow_up.scheduled_for):%Y-%m-%d %H:%M}"


@transaction.atomic
def record_party_consent(
    *, actor: User, party: Party, categories: Iterable[str], channel: str
) -> Consent:
    """Record, on the person's behalf, what they agree to share with one party (purpose:
    coordination of their service plan). The consent app keeps the text shown and its version."""
    plan = _lock(party.plan)
    _require_change(actor, plan)
    _require_open(plan)
    if party.is_ministry or party.removed_at is not None:
        raise ValidationError({"__all__": _("Consent is recorded for another party of the plan.")})
    consent = record_consent(
        actor=actor,
        participant=plan.participant,
        purpose=Purpose.SERVICE_PLAN,
        recipient_kind=party.recipient_kind,
        recipient_organization=party.organization if party.kind == PartyKind.ORGANIZATION else None,
        categories=categories,
        channel=channel,
    )
    record_plan_event(
        plan,
        PlanEventKind.CONSENT_RECORDED,
        actor,
        summary=party.name,
        data={"categories": list(consent.categories)},
        party=party,
    )
    return consent
