"""Service-plan pages: requests and the coordinator's decision, the plan and its parties,
objectives and actions, what each party sees, the participant's view, regional networks.

Views stay thin: bind a form, call a selector (404 for missing and not-yours alike) or an action,
render. Pages that show a participant's information record one access-log row.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.consent.models import InformationCategory
from sentier.core.forms import FormT, bind_form, not_before
from sentier.network.models import Organization
from sentier.participants.models import Participant
from sentier.participants.selectors import get_participant_for_user
from sentier.serviceplans import actions, selectors, states
from sentier.serviceplans.forms import (
    ActionForm,
    ActionStatusForm,
    AgreementForm,
    DeclineForm,
    EndForm,
    FollowUpForm,
    FollowUpUpdateForm,
    ItemAgreementForm,
    LeaveForm,
    NoteForm,
    ObjectiveForm,
    ObjectiveUpdateForm,
    PartyConsentForm,
    PartyForm,
    RequestForm,
    show_refusal,
)
from sentier.serviceplans.models import (
    AgreementChannel,
    FollowUp,
    NetworkMember,
    Objective,
    Party,
    PlanStatus,
    RequestStatus,
    ServicePlan,
    ServicePlanRequest,
)


def _require_staff(user: User) -> None:
    if not may(user, "serviceplans.run_plans"):
        raise PermissionDenied


def _full_plan(request: HttpRequest, plan_uuid: uuid.UUID) -> tuple[User, ServicePlan]:
    """A plan the user sees whole (the region's staff); partner staff get the same 404."""
    user = request_user(request)
    plan = selectors.get_plan_for_user(user, plan_uuid)
    if not user.has_perm("serviceplans.view_plan", plan):
        raise Http404
    return user, plan


def _changeable_plan(request: HttpRequest, plan_uuid: uuid.UUID) -> tuple[User, ServicePlan]:
    user, plan = _full_plan(request, plan_uuid)
    if not user.has_perm("serviceplans.change_plan", plan):
        raise Http404
    return user, plan


def _writable_plan(
    request: HttpRequest, plan_uuid: uuid.UUID
) -> tuple[User, ServicePlan, Party | None, frozenset[str]]:
    """A plan the user writes in: the region's staff (party None, every kind of information),
    or a party of an active plan, in the kinds of information the person shares with it. Anyone
    else, and a party that is shared nothing, gets the same 404 as for a missing plan."""
    user = request_user(request)
    plan = selectors.get_plan_for_user(user, plan_uuid)
    if user.has_perm("serviceplans.change_plan", plan):
        return user, plan, None, frozenset(InformationCategory.values)
    party = selectors.party_of_user(plan, user)
    if party is None or not user.has_perm("serviceplans.view_plan_as_party", plan):
        raise Http404
    categories = selectors.party_categories(plan, party)
    if not categories:
        raise Http404
    return user, plan, party, categories


def _only_categories(form: FormT, categories: frozenset[str]) -> FormT:
    field = form.fields["category"]
    assert isinstance(field, forms.ChoiceField)
    field.choices = [(v, label) for v, label in InformationCategory.choices if v in categories]
    return form


def _within_plan(form: FormT, plan: ServicePlan) -> FormT:
    """No date of the plan's forms before the day it was opened (the forms bound the rest)."""
    not_before(
        form,
        timezone.localdate(plan.created_at),
        _("The date cannot be before the plan was opened."),
    )
    return form


def _url_or_empty(name: str) -> str:
    """A page of another capability, if it exists yet."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def _items(view: selectors.PlanView) -> list[Objective | FollowUp]:
    """The objectives and follow-ups the person agrees to, one by one (000)."""
    return [*view.objectives, *view.follow_ups]


def _active_parties(plan: ServicePlan):  # type: ignore[no-untyped-def]
    return plan.parties.filter(removed_at__isnull=True).order_by("added_at")


# ---------------------------------------------------------------------------------------------
# Lists, request, decision


def _form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    template: str,
    context: dict[str, Any],
    *,
    save: Callable[[dict[str, Any]], Any],
    done: str | Callable[[Any], str],
    then: Callable[[Any], HttpResponse],
    shown: Participant,
    kind: AccessKind = AccessKind.SERVICE_PLAN,
) -> HttpResponse:
    """The shape of every form page here: a valid POST saves through its action (a refusal goes
    on the form, next to its field), says so and moves on; otherwise the page, 400 after a POST,
    its viewing of the person's file recorded."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, done(saved) if callable(done) else done)
            return then(saved)
    record_access(user=request_user(request), shown=shown, kind=kind, request=request)
    return render(
        request,
        template,
        {**context, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _plan_form(
    request: HttpRequest,
    plan: ServicePlan,
    form: forms.BaseForm,
    template: str,
    *,
    save: Callable[[dict[str, Any]], Any],
    done: str | Callable[[Any], str],
    then: Callable[[Any], HttpResponse] | None = None,
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """A form page of one plan: back to the plan once saved, unless ``then`` says where."""
    return _form_page(
        request,
        form,
        template,
        {"plan": plan, **(context or {})},
        save=save,
        done=done,
        then=then or (lambda _saved: redirect("serviceplans:plan", plan_uuid=plan.uuid)),
        shown=plan.participant,
    )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """Caseworker: their requests and plans. Coordinator: the region's queue, decisions and
    plans. Administrator: everything. Partner staff: the plans their organization is a party to."""
    user = request_user(request)
    if not may(user, "serviceplans.open_plans"):
        raise PermissionDenied
    plans = selectors.list_plans_for_user(user)
    decides_requests = may(user, "serviceplans.decide_requests")
    if may(user, "participants.hold_caseload"):
        plans = plans.filter(request__requested_by=user) | plans.filter(
            participant__caseworker=user
        )
    requests = selectors.list_requests_for_user(user).exclude(status=RequestStatus.PENDING)
    is_partner = may(user, "accounts.work_for_organization") or may(
        user, "serviceplans.act_for_public_body"
    )
    queue = list(selectors.coordinator_queue(user))
    pending = (
        list(selectors.list_requests_for_user(user).filter(status=RequestStatus.PENDING))
        if not decides_requests
        else []
    )
    decided = list(requests.order_by("-decided_at")[:50])
    shown_plans = list(plans.distinct().order_by("-created_at")[:100])
    # Every person named on the page (partner staff see plans by date, not by name).
    named: list[ServicePlanRequest | ServicePlan] = [
        *queue,
        *pending,
        *decided,
        *([] if is_partner else shown_plans),
    ]
    record_access(
        user=user,
        shown=[row.participant_id for row in named],
        kind=AccessKind.SERVICE_PLANS,
        request=request,
    )
    return render(
        request,
        "serviceplans/list.html",
        {
            "queue": queue,
            "pending": pending,
            "decided": decided,
            "plans": shown_plans,
            "is_partner": is_partner,
            "decides_requests": decides_requests,
        },
    )


@login_required
def request_plan(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    """A caseworker ticks the situations, says why and who initiates; the coordinator decides."""
    user = request_user(request)
    participant = get_participant_for_user(user, participant_uuid)
    if not user.has_perm("serviceplans.request_plan", participant):
        raise Http404
    form = bind_form(request, RequestForm, region_id=participant.region_id)
    return _form_page(
        request,
        form,
        "serviceplans/request_form.html",
        {"participant": participant},
        save=lambda data: actions.request_service_plan(
            actor=user, participant=participant, **_request_fields(data)
        ),
        done=_("The request was sent to the Ministry coordinator of the region."),
        then=_to_request,
        shown=participant,
        kind=AccessKind.SERVICE_PLAN_REQUEST,
    )


def _request_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What a request or an evolution says: the situations, why, and who initiates it."""
    names = ("situations", "reasons", "initiator_kind", "initiator_name")
    return {name: data[name] for name in (*names, "initiator_member", "initiator_organization")}


def _to_request(created: ServicePlanRequest) -> HttpResponse:
    return redirect("serviceplans:request_detail", request_uuid=created.uuid)


@login_required
def evolve(request: HttpRequest, support_plan_uuid: uuid.UUID) -> HttpResponse:
    """Ask for a service plan that carries a personalized support plan's objectives."""
    user = request_user(request)
    support_plan = selectors.get_support_plan_to_evolve(user, support_plan_uuid)
    participant = support_plan.participant
    form = bind_form(request, RequestForm, region_id=participant.region_id)
    return _form_page(
        request,
        form,
        "serviceplans/request_form.html",
        {"participant": participant, "support_plan": support_plan},
        save=lambda data: actions.request_evolution(
            actor=user, support_plan=support_plan, **_request_fields(data)
        ),
        done=_(
            "The request was sent to the coordinator. The support plan continues until "
            "the service plan is approved; its objectives will then be carried over."
        ),
        then=_to_request,
        shown=participant,
        kind=AccessKind.SERVICE_PLAN_REQUEST,
    )


@login_required
def request_detail(request: HttpRequest, request_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    found = selectors.get_request_for_user(user, request_uuid)
    record_access(
        user=user, shown=found.participant, kind=AccessKind.SERVICE_PLAN_REQUEST, request=request
    )
    return render(
        request,
        "serviceplans/request_detail.html",
        {
            "req": found,
            "can_decide": found.status == RequestStatus.PENDING
            and user.has_perm("serviceplans.decide_request", found),
            "plan": getattr(found, "plan", None),
        },
    )


@login_required
def decide(request: HttpRequest, request_uuid: uuid.UUID) -> HttpResponse:
    """The coordinator approves, or declines with a reason and a proposed next step."""
    user = request_user(request)
    found = selectors.get_request_for_user(user, request_uuid)
    if not user.has_perm("serviceplans.decide_request", found):
        raise Http404
    if found.status != RequestStatus.PENDING:
        messages.info(request, _("This request was already decided."))
        return redirect("serviceplans:request_detail", request_uuid=found.uuid)
    decline_form = DeclineForm(request.POST if request.POST.get("decision") == "decline" else None)
    refusal = ""
    if request.method == "POST":
        if request.POST.get("decision") == "approve":
            try:
                plan = actions.approve_request(actor=user, request=found)
            except ValidationError as error:
                refusal = " ".join(error.messages)
            else:
                messages.success(
                    request,
                    _("The service plan is open. Record the person's agreement with them."),
                )
                return redirect("serviceplans:plan", plan_uuid=plan.uuid)
        elif decline_form.is_valid():
            try:
                actions.decline_request(
                    actor=user,
                    request=found,
                    reason=decline_form.cleaned_data["reason"],
                    next_step=decline_form.cleaned_data["next_step"],
                    next_step_details=decline_form.cleaned_data["next_step_details"],
                )
            except ValidationError as error:
                show_refusal(decline_form, error)
            else:
                messages.success(
                    request, _("The request is declined; the caseworker sees your next step.")
                )
                return redirect("serviceplans:list")
    record_access(
        user=user, shown=found.participant, kind=AccessKind.SERVICE_PLAN_DECISION, request=request
    )
    return render(
        request,
        "serviceplans/decide.html",
        {"req": found, "decline_form": decline_form, "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )


# ---------------------------------------------------------------------------------------------
# The plan


@login_required
def plan_detail(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """The whole plan for the region's staff; partner staff see only their organization's share
    (consented categories), the rest is left out."""
    user = request_user(request)
    plan = selectors.get_plan_for_user(user, plan_uuid)
    full = user.has_perm("serviceplans.view_plan", plan)
    party = None if full else selectors.party_of_user(plan, user)
    if not full and party is None:
        raise Http404
    view = selectors.plan_view(plan, party)
    record_access(user=user, shown=plan.participant, kind=AccessKind.SERVICE_PLAN, request=request)
    can_change = full and user.has_perm("serviceplans.change_plan", plan)
    open_plan = plan.status != PlanStatus.ENDED
    categories = selectors.categories_by_party(plan, view.parties) if full else {}
    # What this reader writes in: everything (the region's staff) or its party's share.
    writes_in: frozenset[str] = (
        frozenset(InformationCategory.values)
        if can_change
        else view.categories
        if party is not None and plan.status == PlanStatus.ACTIVE
        else frozenset()
    )
    return render(
        request,
        "serviceplans/plan.html",
        {
            "plan": plan,
            "view": view,
            "full": full,
            "party": party,
            "can_change": can_change and open_plan,
            # The moves the region's staff may make now: the template's buttons.
            "moves": states.SERVICE_PLAN.open_moves(user, plan, side=states.STAFF)
            if can_change
            else [],
            "shares": [
                (p, selectors.category_labels(categories.get(p.pk, frozenset())))
                for p in view.parties
            ]
            if full
            else [],
            "note_form": NoteForm() if can_change and open_plan else None,
            # A party adds its own objectives and notes in what is shared with it (000).
            "party_note_form": _only_categories(NoteForm(), view.categories)
            if party is not None and plan.status == PlanStatus.ACTIVE and view.categories
            else None,
            "status_form": ActionStatusForm(),
            "writes_follow_ups": bool(writes_in) and open_plan,
            # Objectives and follow-ups whose agreement this reader may record, or update.
            "agreement_ids": {
                item.uuid
                for item in _items(view)
                if open_plan and item.category in writes_in and not item.person_agreed
            },
            "follow_up_ids": {
                f.uuid
                for f in view.follow_ups
                if open_plan
                and f.category in writes_in
                and (party is None or f.party_id == party.pk)
            },
            "owned_action_ids": {
                a.pk
                for o in view.objectives
                for a in o.actions.all()
                if party is not None and a.owner_id == party.pk and plan.status == "active"
            },
        },
    )


@login_required
def agreement(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user, plan = _changeable_plan(request, plan_uuid)
    if plan.status != PlanStatus.AWAITING_AGREEMENT:
        return redirect("serviceplans:plan", plan_uuid=plan.uuid)
    form = _within_plan(bind_form(request, AgreementForm), plan)
    return _plan_form(
        request,
        plan,
        form,
        "serviceplans/agreement.html",
        save=lambda data: actions.record_agreement(
            actor=user,
            plan=plan,
            agrees=data["agrees"],
            on=data["on"],
            channel=data["channel"],
            note=data["note"],
        ),
        done=_("The person's answer is recorded."),
    )


@login_required
def end_plan(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user, plan = _changeable_plan(request, plan_uuid)
    if plan.status == PlanStatus.ENDED:
        return redirect("serviceplans:plan", plan_uuid=plan.uuid)
    return _plan_form(
        request,
        plan,
        bind_form(request, EndForm),
        "serviceplans/end.html",
        save=lambda data: actions.end_plan(actor=user, plan=plan, reason=data["reason"]),
        done=_("The service plan has ended."),
    )


@login_required
@require_POST
def add_note(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user, plan, _party, categories = _writable_plan(request, plan_uuid)
    form = _only_categories(NoteForm(request.POST), categories)
    if form.is_valid():
        try:
            actions.add_note(
                actor=user,
                plan=plan,
                text=form.cleaned_data["text"],
                category=form.cleaned_data["category"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The note is on the shared timeline."))
    else:
        messages.error(request, _("Write the note and choose the kind of information it holds."))
    return redirect("serviceplans:plan", plan_uuid=plan.uuid)


# ---------------------------------------------------------------------------------------------
# Parties and what they see


@login_required
def add_party(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user, plan = _changeable_plan(request, plan_uuid)
    members = NetworkMember.objects.filter(network__region_id=plan.region_id).exclude(
        sector="ministry"
    )
    organizations = Organization.objects.filter(locations__region_id=plan.region_id).distinct()
    form = bind_form(request, PartyForm, members=members, organizations=organizations)
    return _plan_form(
        request,
        plan,
        form,
        "serviceplans/party_form.html",
        save=lambda data: actions.add_party(
            actor=user,
            plan=plan,
            kind=data["kind"],
            name=data["name"],
            organization=data["organization"],
            member=data["member"],
            contact=data["contact"],
        ),
        done=lambda party: (
            _("%(name)s takes part in the plan. Record what the person agrees to share with it.")
            % {"name": party.name}
        ),
        then=lambda party: redirect(
            "serviceplans:party", plan_uuid=plan.uuid, party_uuid=party.uuid
        ),
    )


@login_required
def party_detail(request: HttpRequest, plan_uuid: uuid.UUID, party_uuid: uuid.UUID) -> HttpResponse:
    """Who may see what for one party: the categories consented, recording a consent heard by
    phone, in person or on paper, and removing the party."""
    user, plan = _full_plan(request, plan_uuid)
    party = selectors.get_party(plan, party_uuid)
    can_change = (
        user.has_perm("serviceplans.change_plan", plan)
        and plan.status != PlanStatus.ENDED
        and party.removed_at is None
        and not party.is_ministry
    )
    # Consents are recorded by whoever may change the file (the caseworker), as in the consent app.
    can_record = can_change and user.has_perm("participants.change_participant", plan.participant)
    form = PartyConsentForm(request.POST or None) if can_record else None
    if request.method == "POST":
        if not can_change:
            raise Http404
        if request.POST.get("remove"):
            try:
                actions.remove_party(actor=user, party=party)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("%(name)s no longer takes part.") % {"name": party.name}
                )
            return redirect("serviceplans:plan", plan_uuid=plan.uuid)
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                actions.record_party_consent(
                    actor=user,
                    party=party,
                    categories=form.cleaned_data["categories"],
                    channel=form.cleaned_data["channel"],
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The consent is recorded."))
                return redirect("serviceplans:party", plan_uuid=plan.uuid, party_uuid=party.uuid)
    record_access(user=user, shown=plan.participant, kind=AccessKind.SERVICE_PLAN, request=request)
    categories = selectors.category_labels(selectors.party_categories(plan, party))
    return render(
        request,
        "serviceplans/party.html",
        {
            "plan": plan,
            "party": party,
            "categories": categories,
            "form": form,
            "can_change": can_change,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def party_view(request: HttpRequest, plan_uuid: uuid.UUID, party_uuid: uuid.UUID) -> HttpResponse:
    """The plan exactly as one party sees it (for the region's staff to check before sharing)."""
    user, plan = _full_plan(request, plan_uuid)
    party = selectors.get_party(plan, party_uuid)
    view = selectors.plan_view(plan, party)
    record_access(user=user, shown=plan.participant, kind=AccessKind.SERVICE_PLAN, request=request)
    return render(
        request,
        "serviceplans/plan.html",
        {
            "plan": plan,
            "view": view,
            "full": False,
            "party": party,
            "preview": True,
            "can_change": False,
            "owned_action_ids": set(),
            "agreement_ids": set(),
            "follow_up_ids": set(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Objectives and actions


@login_required
def add_objective(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user, plan, party, categories = _writable_plan(request, plan_uuid)
    parties = _active_parties(plan)
    if party is not None:
        parties = parties.filter(pk=party.pk)
    form = bind_form(request, ObjectiveForm, parties=parties)
    return _plan_form(
        request,
        plan,
        _only_categories(_within_plan(form, plan), categories),
        "serviceplans/objective_form.html",
        save=lambda data: actions.add_objective(
            actor=user,
            plan=plan,
            text=data["text"],
            category=data["category"],
            owner=data["owner"],
            due_on=data["due_on"],
        ),
        done=_("The objective is added."),
    )


@login_required
def objective_detail(
    request: HttpRequest, plan_uuid: uuid.UUID, objective_uuid: uuid.UUID
) -> HttpResponse:
    """Update an objective (status, owner, date) and add actions to it."""
    user, plan = _changeable_plan(request, plan_uuid)
    objective = selectors.get_objective(plan, objective_uuid)
    parties = _active_parties(plan)
    step = request.POST.get("step", "")
    update_form = ObjectiveUpdateForm(
        request.POST if step == "update" else None,
        parties=parties,
        initial={
            "status": objective.status,
            "owner": objective.owner,
            "due_on": objective.due_on,
            "category": objective.category,
        },
    )
    action_form = ActionForm(
        request.POST if step == "action" else None,
        parties=parties,
        initial={"owner": objective.owner},
    )
    _within_plan(update_form, plan)
    _within_plan(action_form, plan)
    if request.method == "POST":
        try:
            if step == "update" and update_form.is_valid():
                actions.update_objective(
                    actor=user,
                    objective=objective,
                    status=update_form.cleaned_data["status"],
                    owner=update_form.cleaned_data["owner"],
                    due_on=update_form.cleaned_data["due_on"],
                    category=update_form.cleaned_data["category"],
                )
                messages.success(request, _("The objective is updated."))
                return redirect("serviceplans:plan", plan_uuid=plan.uuid)
            if step == "action" and action_form.is_valid():
                actions.add_action(
                    actor=user,
                    objective=objective,
                    text=action_form.cleaned_data["text"],
                    owner=action_form.cleaned_data["owner"],
                    due_on=action_form.cleaned_data["due_on"],
                )
                messages.success(request, _("The action is added."))
                return redirect(
                    "serviceplans:objective", plan_uuid=plan.uuid, objective_uuid=objective.uuid
                )
        except ValidationError as error:
            show_refusal(update_form if step == "update" else action_form, error)
    record_access(user=user, shown=plan.participant, kind=AccessKind.SERVICE_PLAN, request=request)
    return render(
        request,
        "serviceplans/objective.html",
        {
            "plan": plan,
            "objective": objective,
            "update_form": update_form,
            "action_form": action_form,
            "plan_actions": objective.actions.select_related("owner"),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def action_status(
    request: HttpRequest, plan_uuid: uuid.UUID, action_uuid: uuid.UUID
) -> HttpResponse:
    """The region's staff, or staff of the organization that owns the action, change its status."""
    user = request_user(request)
    plan = selectors.get_plan_for_user(user, plan_uuid)
    action = selectors.get_action(plan, action_uuid)
    full = user.has_perm("serviceplans.view_plan", plan)
    if not full:
        party = selectors.party_of_user(plan, user)
        if party is None or action.objective.category not in selectors.party_categories(
            plan, party
        ):
            raise Http404
    form = ActionStatusForm(request.POST)
    if form.is_valid():
        try:
            actions.update_action_status(
                actor=user, action=action, status=form.cleaned_data["status"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The action is updated."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect("serviceplans:plan", plan_uuid=plan.uuid)


# ---------------------------------------------------------------------------------------------
# Follow-ups and the person's agreement to each objective and follow-up (000)


@login_required
def add_follow_up(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """Any party adds a follow-up in the kinds of information shared with it (the region's
    staff: any, for the Ministry)."""
    user, plan, _party, categories = _writable_plan(request, plan_uuid)
    return _plan_form(
        request,
        plan,
        _only_categories(_within_plan(bind_form(request, FollowUpForm), plan), categories),
        "serviceplans/follow_up_form.html",
        save=lambda data: actions.add_follow_up(
            actor=user,
            plan=plan,
            scheduled_for=data["scheduled_for"],
            mode=data["mode"],
            status=data["status"],
            notes=data["notes"],
            outcome=data["outcome"],
            category=data["category"],
        ),
        done=_("The follow-up is added."),
    )


def _writable_follow_up(
    request: HttpRequest, plan_uuid: uuid.UUID, follow_up_uuid: uuid.UUID
) -> tuple[User, ServicePlan, FollowUp]:
    """A follow-up the user may update: the region's staff, or the party that wrote it in a
    kind of information still shared with it; else the missing follow-up's 404."""
    user, plan, party, categories = _writable_plan(request, plan_uuid)
    follow_up = selectors.get_follow_up(plan, follow_up_uuid)
    if follow_up.category not in categories or (
        party is not None and follow_up.party_id != party.pk
    ):
        raise Http404
    return user, plan, follow_up


@login_required
def follow_up_detail(
    request: HttpRequest, plan_uuid: uuid.UUID, follow_up_uuid: uuid.UUID
) -> HttpResponse:
    """Write what happened at a follow-up (held, missed, cancelled), notes and outcome."""
    user, plan, follow_up = _writable_follow_up(request, plan_uuid, follow_up_uuid)
    form = FollowUpUpdateForm(
        request.POST if request.method == "POST" else None,
        initial={
            "status": follow_up.status,
            "notes": follow_up.notes,
            "outcome": follow_up.outcome,
        },
    )
    return _plan_form(
        request,
        plan,
        form,
        "serviceplans/follow_up.html",
        save=lambda data: actions.update_follow_up(
            actor=user,
            follow_up=follow_up,
            status=data["status"],
            notes=data["notes"],
            outcome=data["outcome"],
        ),
        done=_("The follow-up is updated."),
        context={"follow_up": follow_up},
    )


def _item_agreement(
    request: HttpRequest, plan: ServicePlan, user: User, item: Objective | FollowUp, what: str
) -> HttpResponse:
    return _plan_form(
        request,
        plan,
        _within_plan(bind_form(request, ItemAgreementForm), plan),
        "serviceplans/item_agreement.html",
        save=lambda data: actions.record_item_agreement(
            actor=user, item=item, on=data["on"], channel=data["channel"]
        ),
        done=_("The person's agreement is recorded."),
        context={"item": item, "what": what},
    )


@login_required
def objective_agreement(
    request: HttpRequest, plan_uuid: uuid.UUID, objective_uuid: uuid.UUID
) -> HttpResponse:
    """Record that the person agreed to an objective (date, how), heard by the region's staff
    or by a party in a kind of information shared with it."""
    user, plan, _party, categories = _writable_plan(request, plan_uuid)
    objective = selectors.get_objective(plan, objective_uuid)
    if objective.category not in categories:
        raise Http404
    return _item_agreement(request, plan, user, objective, objective.text)


@login_required
def follow_up_agreement(
    request: HttpRequest, plan_uuid: uuid.UUID, follow_up_uuid: uuid.UUID
) -> HttpResponse:
    """Record that the person agreed to a follow-up (date, how)."""
    user, plan, _party, categories = _writable_plan(request, plan_uuid)
    follow_up = selectors.get_follow_up(plan, follow_up_uuid)
    if follow_up.category not in categories:
        raise Http404
    when = f"{timezone.localtime(follow_up.scheduled_for):%Y-%m-%d %H:%M}"
    what = _("Follow-up of %(day)s") % {"day": when}
    return _item_agreement(request, plan, user, follow_up, what)


# ---------------------------------------------------------------------------------------------
# The participant


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """The participant's service plan in plain language: who takes part, who sees what, and
    ending their participation (no effect on their benefit)."""
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        raise Http404
    plans = selectors.get_own_plans(user)
    current = next((p for p in plans if p.status != PlanStatus.ENDED), None)
    view = selectors.plan_view(current) if current is not None else None
    shares = []
    if view is not None and current is not None:
        parties = [p for p in view.parties if p.removed_at is None]
        categories = selectors.categories_by_party(current, parties)
        shares = [(p, selectors.category_labels(categories[p.pk])) for p in parties]
    if (
        request.method == "POST"
        and current is not None
        and current.status == PlanStatus.AWAITING_AGREEMENT
        and request.POST.get("answer") in ("yes", "no")
    ):
        agrees = request.POST["answer"] == "yes"
        actions.record_agreement(
            actor=user,
            plan=current,
            agrees=agrees,
            on=timezone.localdate(),
            channel=AgreementChannel.ONLINE,
        )
        messages.success(
            request,
            _("Thank you: your service plan starts.")
            if agrees
            else _("Your answer is recorded. Nothing changes to your benefit."),
        )
        return redirect("serviceplans:mine")
    agree_to = request.POST.get("agree_to", "") if request.method == "POST" else ""
    if agree_to and current is not None and view is not None:
        # "avec votre accord" (000): the person agrees to one objective or follow-up online.
        items = {str(item.uuid): item for item in _items(view)}
        item = items.get(agree_to)
        if item is None:
            raise Http404
        try:
            actions.record_item_agreement(
                actor=user, item=item, on=timezone.localdate(), channel=AgreementChannel.ONLINE
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your agreement is recorded."))
        return redirect("serviceplans:mine")
    form = LeaveForm(request.POST or None)
    if (
        request.method == "POST"
        and current is not None
        and current.status == PlanStatus.ACTIVE
        and form.is_valid()
    ):
        actions.end_plan(
            actor=user,
            plan=current,
            reason=form.cleaned_data["reason"] or _("The person ended their participation."),
        )
        messages.success(
            request, _("Your participation has ended. Nothing changes to your benefit.")
        )
        return redirect("serviceplans:mine")
    return render(
        request,
        "serviceplans/mine.html",
        {
            "plan": current,
            "view": view,
            "shares": shares,
            "form": form,
            "consent_url": _url_or_empty("consent:mine"),
        },
        status=400 if request.method == "POST" else 200,
    )


# ---------------------------------------------------------------------------------------------
# Regional support networks


@login_required
def networks(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not may(user, "serviceplans.view_networks"):
        raise PermissionDenied
    return render(request, "serviceplans/networks.html", {"networks": selectors.list_networks()})


@login_required
def network(request: HttpRequest, region_code: str) -> HttpResponse:
    """A network's members and the plans they take part in (counts only for those who may not
    open the region's plans)."""
    user = request_user(request)
    if not may(user, "serviceplans.view_networks"):
        raise PermissionDenied
    found = selectors.get_network(region_code)
    rows = selectors.network_members_with_plans(found)
    may_list = user.has_perm("serviceplans.list_network_plans", found)
    if may_list:
        record_access(
            user=user,
            shown=[plan.participant_id for row in rows for plan in row.plans],
            kind=AccessKind.REGIONAL_NETWORK,
            request=request,
        )
    return render(
        request,
        "serviceplans/network.html",
        {"network": found, "rows": rows, "may_list": may_list},
    )
