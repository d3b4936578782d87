"""Support plan pages: the caseworker's plan page and its forms, the worklist, the calendar
feed; the participant's portal; the PDF.

Views stay thin: a selector (the same 404 for missing and not-yours), a form, an action, a
redirect. Pages showing personal information write one access-log row. An edit whose version
moved meanwhile gets the conflict screen (both versions, and the form to apply theirs again).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.consent.models import InformationCategory, Purpose
from sentier.core.formatting import long_date
from sentier.core.forms import FormT, bind_form, not_before, show_refusal
from sentier.participants.models import Participant
from sentier.participants.selectors import get_participant_for_user
from sentier.plans import actions, calendar, pdf, presenters, selectors, states
from sentier.plans.forms import (
    ActionForm,
    AgreementForm,
    CategoryForm,
    DeclineForm,
    EditActionForm,
    EditObjectiveForm,
    EditPlanForm,
    EndPlanForm,
    ExtensionDecisionForm,
    ExtensionRequestForm,
    FollowUpForm,
    ObjectiveForm,
    ParticipantEndForm,
    ProposeForm,
    RecordFollowUpForm,
    RequestForm,
    ShareForm,
    StaffExtensionRequestForm,
)
from sentier.plans.models import (
    Channel,
    EndReason,
    FollowUp,
    Objective,
    PlanAction,
    PlanStatus,
    SupportPlan,
)

FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


def _participant_to_manage(user: User, participant_uuid: uuid.UUID) -> Participant:
    participant = get_participant_for_user(user, participant_uuid)
    if not user.has_perm("participants.change_participant", participant):
        raise Http404
    return participant


def _status(form: forms.BaseForm) -> int:
    return 400 if form.is_bound and form.errors else 200


def _to_plan(plan: SupportPlan) -> HttpResponse:
    return redirect("plans:detail", plan_uuid=plan.uuid)


def _within_plan(form: FormT, plan: SupportPlan) -> FormT:
    """No date of the plan's forms before the day it was opened (the forms bound the rest)."""
    not_before(
        form,
        timezone.localdate(plan.created_at),
        _("The date cannot be before the plan was opened."),
    )
    return form


def _form_page(
    request: HttpRequest,
    *,
    plan: SupportPlan,
    form: forms.BaseForm,
    save: Callable[[dict[str, Any]], object],
    done: str,
    title: str,
    submit: str,
    conflict: tuple[list[str], str] | None = None,
    extra: dict[str, Any] | None = None,
    writer: selectors.Writer | None = None,
) -> HttpResponse:
    """The shape every plan form shares: on a valid POST, ``save(cleaned_data)`` calls the
    action; a stale version shows the conflict screen for ``conflict``'s fields (names, what);
    a refusal goes next to its field and keeps what was typed; success goes back to the plan."""
    _within_plan(form, plan)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except actions.EditConflict as stale:
            if conflict is None:
                raise
            names, what = conflict
            return _conflict(
                request,
                plan=plan,
                form=form,
                saved=stale.saved,
                names=names,
                action_url=request.path,
                what=what,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, done)
            return _back_to(writer) if writer is not None else _to_plan(plan)
    shared = writer is not None and not writer.manages
    return render(
        request,
        "plans/form_page.html",
        {
            "plan": plan,
            "form": form,
            "title": title,
            "submit": submit,
            "shared": shared,
            "person_label": _person_label(writer) if shared and writer is not None else "",
            **(extra or {}),
        },
        status=_status(form),
    )


def _back_to(writer: selectors.Writer) -> HttpResponse:
    """Back to the plan page of whoever wrote: the caseworker's, or the organization's."""
    if writer.manages:
        return _to_plan(writer.plan)
    return redirect("plans:shared_detail", plan_uuid=writer.plan.uuid)


def _person_label(writer: selectors.Writer) -> str:
    """How an organization names the person: by name only when identity is shared with it."""
    if writer.covers(InformationCategory.IDENTITY):
        return _("Support plan of %(name)s") % {"name": writer.plan.participant.full_name}
    return _("Support plan shared with your organization")


# ---------------------------------------------------------------------------------------------
# Start


@login_required
def record_request(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    """The person asked by phone or in person: the caseworker records it (no form for them)."""
    user = request_user(request)
    participant = _participant_to_manage(user, participant_uuid)
    form = bind_form(request, RequestForm)
    if request.method == "POST" and form.is_valid():
        try:
            plan = actions.record_request(
                actor=user,
                participant=participant,
                channel=form.cleaned_data["channel"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            if plan.status == PlanStatus.INELIGIBLE:
                messages.warning(request, _("The rules say this person is not eligible."))
            else:
                messages.success(request, _("The request is recorded: propose the plan."))
            return _to_plan(plan)
    record_access(
        user=user, shown=participant, kind=AccessKind.SUPPORT_PLAN_REQUEST, request=request
    )
    return render(
        request,
        "plans/record_request.html",
        {"participant": participant, "form": form},
        status=_status(form),
    )


@login_required
def propose(request: HttpRequest, participant_uuid: uuid.UUID) -> HttpResponse:
    """The caseworker proposes a plan (the rules decide eligibility first)."""
    user = request_user(request)
    participant = _participant_to_manage(user, participant_uuid)
    return _propose(request, user, participant, None)


@login_required
def answer_request(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """Answer a recorded request with a proposal."""
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    if plan.status != PlanStatus.REQUESTED:
        return _to_plan(plan)
    return _propose(request, user, plan.participant, plan)


def _propose(
    request: HttpRequest, user: User, participant: Participant, plan: SupportPlan | None
) -> HttpResponse:
    form = bind_form(request, ProposeForm)
    if request.method == "POST" and form.is_valid():
        try:
            plan = actions.propose_plan(
                actor=user,
                participant=participant,
                plan=plan,
                difficulties=form.cleaned_data["difficulties"],
                other_difficulty=form.cleaned_data["other_difficulty"],
                purpose=form.cleaned_data["purpose"],
                planned_end_on=form.cleaned_data["planned_end_on"],
                objectives=form.objective_lines(),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            if plan.status == PlanStatus.INELIGIBLE:
                messages.warning(request, _("The rules say this person is not eligible."))
            else:
                messages.success(
                    request, _("The plan is proposed: read it with the person for their agreement.")
                )
            return _to_plan(plan)
    record_access(
        user=user, shown=participant, kind=AccessKind.SUPPORT_PLAN_PROPOSAL, request=request
    )
    return render(
        request,
        "plans/propose.html",
        {"participant": participant, "form": form, "plan": plan},
        status=_status(form),
    )


# ---------------------------------------------------------------------------------------------
# The plan page


@login_required
def detail(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """Everything about the plan for the caseworker: content, agreement, extensions, timeline."""
    user = request_user(request)
    if not may(user, "accounts.work_as_staff"):
        raise Http404
    plan = selectors.get_plan_for_user(user, plan_uuid)
    content = presenters.present(selectors.plan_content(plan))
    can_manage = user.has_perm("plans.manage_plan", plan)
    shares = selectors.list_shares(plan)
    record_access(user=user, shown=plan.participant, kind=AccessKind.SUPPORT_PLAN, request=request)
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "content": content,
            "can_manage": can_manage,
            # The moves the caseworker may make now: the template's buttons.
            "moves": states.SUPPORT_PLAN.open_moves(user, plan, side=states.CASEWORKER)
            if can_manage
            else [],
            "editable": plan.status in states.EDITABLE,
            "manage_rows": can_manage and plan.status in states.EDITABLE,
            "running": plan.status in states.RUNNING,
            "objective_form": ObjectiveForm(),
            "shares": shares,
            "headers": presenters.action_headers(),
            "outcome_label": _("Outcome:"),
        },
    )


@login_required
def agreement(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """Read the plain-language summary with the person and record their free agreement."""
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    if plan.status != PlanStatus.PROPOSED:
        return _to_plan(plan)
    form = bind_form(request, AgreementForm)
    if request.method == "POST" and form.is_valid():
        try:
            plan = actions.record_agreement(
                actor=user, plan=plan, channel=form.cleaned_data["channel"]
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The agreement is recorded: the plan has started."))
            return _to_plan(plan)
    language = plan.participant.preferred_language
    record_access(user=user, shown=plan.participant, kind=AccessKind.SUPPORT_PLAN, request=request)
    return render(
        request,
        "plans/agreement.html",
        {
            "plan": plan,
            "form": form,
            "summary": actions.agreement_summary(plan, language),
            "summary_language": language,
            "version": actions.AGREEMENT_VERSION,
        },
        status=_status(form),
    )


@login_required
def decline(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """Record that the person said no (or withdrew their request): no effect on their benefit."""
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    if plan.status not in (PlanStatus.REQUESTED, PlanStatus.PROPOSED):
        return _to_plan(plan)
    form = bind_form(request, DeclineForm)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decline_plan(actor=user, plan=plan, note=form.cleaned_data["note"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Recorded: the person does not take part."))
            return _to_plan(plan)
    return render(request, "plans/decline.html", {"plan": plan, "form": form}, status=_status(form))


# ---------------------------------------------------------------------------------------------
# Edits with optimistic concurrency


def _display(form: forms.BaseForm, name: str, value: Any) -> str:
    """A field's value as people read it (choices by label, dates in words)."""
    if isinstance(value, models.QuerySet | list | tuple):
        return ", ".join(_display(form, name, item) for item in value) or "—"
    if value is None or value == "":
        return "—"
    field = form.fields[name]
    if isinstance(field, forms.ModelChoiceField):
        label_from = getattr(field, "label_from_instance", str)
        return str(label_from(value))
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))  # type: ignore[arg-type]
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value)
        return f"{long_date(local)}, {local:%H:%M}"
    if isinstance(value, dt.date):
        return long_date(value)
    return str(value)


def _conflict(
    request: HttpRequest,
    *,
    plan: SupportPlan,
    form: forms.BaseForm,
    saved: models.Model,
    names: list[str],
    action_url: str,
    what: str,
) -> HttpResponse:
    """Both versions side by side, and the form filled with theirs at the saved version so that
    one click applies it again."""
    rows = []
    for name in names:
        saved_value: Any = getattr(saved, name)
        if hasattr(saved_value, "all"):
            saved_value = list(saved_value.all())
        rows.append(
            {
                "label": form.fields[name].label,
                "yours": _display(form, name, form.cleaned_data.get(name)),
                "saved": _display(form, name, saved_value),
                "same": _display(form, name, form.cleaned_data.get(name))
                == _display(form, name, saved_value),
            }
        )
    data = request.POST.copy()
    data["version"] = str(saved.version)  # type: ignore[attr-defined]
    kwargs: dict[str, Any] = (
        {"objectives": plan.objectives.all()} if "objective" in form.fields else {}
    )
    if isinstance(form, CategoryForm):
        kwargs["categories"] = form.categories
    again = type(form)(data=data, **kwargs)
    again.is_valid()
    return render(
        request,
        "plans/conflict.html",
        {"plan": plan, "rows": rows, "form": again, "action_url": action_url, "what": what},
        status=409,
    )


@login_required
def edit_plan(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    if plan.status not in states.EDITABLE:
        return _to_plan(plan)
    initial = {
        "version": plan.version,
        "difficulties": list(plan.difficulties.all()),
        "other_difficulty": plan.other_difficulty,
        "purpose": plan.purpose,
        "planned_end_on": plan.planned_end_on,
    }
    form = bind_form(request, EditPlanForm, initial=initial)
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.update_plan(
            actor=user,
            plan=plan,
            expected_version=d["version"],
            difficulties=d["difficulties"],
            other_difficulty=d["other_difficulty"],
            purpose=d["purpose"],
            planned_end_on=d["planned_end_on"],
        ),
        done=_("The plan is saved."),
        title=_("Change the plan"),
        submit=_("Save the plan"),
        conflict=(["difficulties", "other_difficulty", "purpose", "planned_end_on"], _("the plan")),
        extra={"running": plan.status in states.RUNNING},
    )


@login_required
def add_objective(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    writer = selectors.get_plan_to_write(user, plan_uuid)
    plan = writer.plan
    form = bind_form(request, ObjectiveForm, categories=_limit(writer))
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.add_objective(
            actor=user, plan=plan, text=d["text"], category=d["category"]
        ),
        done=_("The objective is added."),
        title=_("Add an objective"),
        submit=_("Add"),
        writer=writer,
    )


def _limit(writer: selectors.Writer) -> frozenset[str] | None:
    """The kinds of information a form offers: all for the caseworker (None), else the shared."""
    return None if writer.manages else writer.categories


def _objectives_for(writer: selectors.Writer) -> models.QuerySet[Any]:
    return writer.plan.objectives.filter(category__in=writer.categories)


@login_required
def edit_objective(request: HttpRequest, objective_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    objective, writer = selectors.get_row_to_write(Objective, user, objective_uuid)
    plan = objective.plan
    form = bind_form(
        request,
        EditObjectiveForm,
        categories=_limit(writer),
        initial={
            "version": objective.version,
            "text": objective.text,
            "status": objective.status,
            "category": objective.category,
        },
    )
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.update_objective(
            actor=user,
            objective=objective,
            expected_version=d["version"],
            text=d["text"],
            status=d["status"],
            category=d["category"],
        ),
        done=_("The objective is saved."),
        title=_("Change the objective"),
        submit=_("Save"),
        conflict=(["text", "status"], _("the objective")),
        writer=writer,
    )


ACTION_FIELDS = ["what", "who", "who_detail", "due_on", "objective", "status", "kind", "category"]


def _action_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    return {name: data[name] for name in ACTION_FIELDS}


@login_required
def add_action(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    writer = selectors.get_plan_to_write(user, plan_uuid)
    plan = writer.plan
    objectives = _objectives_for(writer)
    initial: dict[str, Any] = {}
    if (objective_key := _safe_uuid(request.GET.get("objective", ""))) is not None:
        initial["objective"] = objectives.filter(uuid=objective_key).first()
    form = bind_form(
        request, ActionForm, objectives=objectives, categories=_limit(writer), initial=initial
    )
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.add_action(actor=user, plan=plan, **_action_kwargs(d)),
        done=_("The action is added."),
        title=_("Add an action"),
        submit=_("Add"),
        writer=writer,
    )


def _safe_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@login_required
def edit_action(request: HttpRequest, action_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    action, writer = selectors.get_row_to_write(PlanAction, user, action_uuid)
    plan = action.plan
    initial = {name: getattr(action, name) for name in ACTION_FIELDS} | {"version": action.version}
    form = bind_form(
        request,
        EditActionForm,
        objectives=_objectives_for(writer),
        categories=_limit(writer),
        initial=initial,
    )
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.update_action(
            actor=user, action=action, expected_version=d["version"], **_action_kwargs(d)
        ),
        done=_("The action is saved."),
        title=_("Change the action"),
        submit=_("Save"),
        conflict=(ACTION_FIELDS, _("the action")),
        writer=writer,
    )


@login_required
def schedule_follow_up(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    writer = selectors.get_plan_to_write(user, plan_uuid)
    plan = writer.plan
    form = bind_form(request, FollowUpForm, categories=_limit(writer))
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.schedule_follow_up(
            actor=user,
            plan=plan,
            scheduled_for=d["scheduled_for"],
            mode=d["mode"],
            notes=d["notes"],
            category=d["category"],
        ),
        done=_("The follow-up is scheduled."),
        title=_("Schedule a follow-up"),
        submit=_("Schedule"),
        writer=writer,
    )


@login_required
def record_follow_up(request: HttpRequest, follow_up_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    follow_up, writer = selectors.get_row_to_write(FollowUp, user, follow_up_uuid)
    plan = follow_up.plan
    form = bind_form(
        request,
        RecordFollowUpForm,
        initial={
            "version": follow_up.version,
            "scheduled_for": timezone.localtime(follow_up.scheduled_for),
            "status": follow_up.status,
            "notes": follow_up.notes,
            "outcome": follow_up.outcome,
        },
    )
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.record_follow_up(
            actor=user,
            follow_up=follow_up,
            expected_version=d["version"],
            status=d["status"],
            notes=d["notes"],
            outcome=d["outcome"],
            scheduled_for=d["scheduled_for"],
        ),
        done=_("The follow-up is saved."),
        title=_("Follow-up"),
        submit=_("Save"),
        conflict=(["scheduled_for", "status", "notes", "outcome"], _("the follow-up")),
        writer=writer,
    )


# ---------------------------------------------------------------------------------------------
# Sharing the running of the plan with an organization


@login_required
def share(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """The caseworker shares the running of the plan with an organization the person consented
    to share it with."""
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    form = bind_form(request, ShareForm, organizations=selectors.organizations_to_share_with(plan))
    consent_url = reverse("consent:record", args=[plan.participant.uuid, Purpose.SUPPORT_PLAN])
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.share_plan(actor=user, plan=plan, organization=d["organization"]),
        done=_("The running of the plan is shared with the organization."),
        title=_("Share the running of the plan with an organization"),
        submit=_("Share the plan"),
        extra={
            "intro": _(
                "The organization's staff will add and update objectives, actions and "
                "follow-ups, only in the kinds of information the person consented to share "
                "with it. You stay responsible for the plan and can take it back at any time."
            ),
            "consent_url": f"{consent_url}?next={plan_url(plan)}",
        },
    )


def plan_url(plan: SupportPlan) -> str:
    return reverse("plans:detail", args=[plan.uuid])


@login_required
@require_POST
def take_back(request: HttpRequest, share_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    plan_share = selectors.get_share_to_manage(user, share_uuid)
    try:
        actions.take_back_plan(actor=user, share=plan_share)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You took the plan back."))
    return _to_plan(plan_share.plan)


@login_required
def shared_list(request: HttpRequest) -> HttpResponse:
    """The support plans whose running is shared with the user's organization."""
    user = request_user(request)
    if not may(user, "plans.list_shared"):
        raise Http404
    plans = list(selectors.list_shared_plans_for_user(user).order_by("-created_at"))
    return render(request, "plans/shared_list.html", {"plans": plans})


@login_required
def shared_detail(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """The plan as an organization it is shared with sees it: the kinds of information the
    person consented to share with it, who wrote each row, and its forms."""
    user = request_user(request)
    writer = selectors.get_plan_to_write(user, plan_uuid)
    if writer.manages:
        return _to_plan(writer.plan)
    plan = writer.plan
    content = presenters.present(
        selectors.plan_content(plan, with_events=False, categories=writer.categories)
    )
    record_access(user=user, shown=plan.participant, kind=AccessKind.SUPPORT_PLAN, request=request)
    return render(
        request,
        "plans/shared.html",
        {
            "plan": plan,
            "content": content,
            "person_label": _person_label(writer),
            "categories": [
                label for value, label in InformationCategory.choices if writer.covers(value)
            ],
            "editable": plan.status in states.EDITABLE,
            "headers": presenters.action_headers(),
            "outcome_label": _("Outcome:"),
        },
    )


# ---------------------------------------------------------------------------------------------
# Extension and end (caseworker)


@login_required
def record_extension_request(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """The person asked for more time by phone or in person."""
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    form = bind_form(request, StaffExtensionRequestForm)
    return _form_page(
        request,
        plan=plan,
        form=form,
        save=lambda d: actions.request_extension(
            actor=user,
            plan=plan,
            why=d["why"],
            wished_end_on=d["wished_end_on"],
            channel=d["channel"],
        ),
        done=_("The extension request is recorded: decide on it."),
        title=_("Record an extension request"),
        submit=_("Record the request"),
    )


@login_required
def decide_extension(request: HttpRequest, extension_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    extension = selectors.get_extension_to_manage(user, extension_uuid)
    plan = extension.plan
    form = _within_plan(
        bind_form(request, ExtensionDecisionForm, initial={"new_end_on": extension.wished_end_on}),
        plan,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_extension(
                actor=user,
                extension=extension,
                grant=form.cleaned_data["decision"] == "grant",
                reason=form.cleaned_data["reason"],
                new_end_on=form.cleaned_data["new_end_on"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The decision is recorded; the person sees it."))
            return _to_plan(plan)
    record_access(user=user, shown=plan.participant, kind=AccessKind.SUPPORT_PLAN, request=request)
    return render(
        request,
        "plans/decide_extension.html",
        {"plan": plan, "extension": extension, "form": form},
        status=_status(form),
    )


@login_required
def end(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    """End or complete the plan, with a reason."""
    user = request_user(request)
    plan = selectors.get_plan_to_manage(user, plan_uuid)
    if plan.status not in states.RUNNING:
        return _to_plan(plan)
    form = bind_form(request, EndPlanForm)
    # Evolving into a service plan happens from the service plan's side.
    form.fields["reason"].choices = [  # type: ignore[attr-defined]
        (value, label)
        for value, label in EndReason.choices
        if value != EndReason.EVOLVED_TO_SERVICE_PLAN
    ]
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_plan(
                actor=user,
                plan=plan,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The plan is closed."))
            return _to_plan(plan)
    return render(request, "plans/end.html", {"plan": plan, "form": form}, status=_status(form))


# ---------------------------------------------------------------------------------------------
# Worklist and calendar


def _require_caseworker(user: User) -> None:
    if not may(user, "participants.hold_caseload"):
        raise Http404


@login_required
def worklist(request: HttpRequest) -> HttpResponse:
    """Follow-ups overdue and due this week, plans ending soon, extension requests."""
    user = request_user(request)
    if not may(user, "plans.view_worklist"):
        raise Http404
    worklist = selectors.worklist_for(user)
    record_access(
        user=user, shown=worklist.people(), kind=AccessKind.SUPPORT_PLAN_WORKLIST, request=request
    )
    return render(
        request,
        "plans/worklist.html",
        {"worklist": worklist, "feed": selectors.feed_for(user)},
    )


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """The caseworker's secret calendar address: create, replace or revoke it."""
    user = request_user(request)
    _require_caseworker(user)
    if request.method == "POST":
        if request.POST.get("do") == "revoke":
            actions.revoke_calendar_feed(actor=user)
            messages.success(request, _("The calendar address no longer works."))
        else:
            actions.create_calendar_feed(actor=user)
            messages.success(request, _("Your new calendar address is ready."))
        return redirect("plans:calendar")
    feed = selectors.feed_for(user)
    feed_url = (
        request.build_absolute_uri(reverse("plans:feed", kwargs={"token": feed.token}))
        if feed
        else ""
    )
    return render(request, "plans/calendar.html", {"feed": feed, "feed_url": feed_url})


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The follow-ups as an iCalendar feed. No sign-in (calendar apps cannot): the secret token
    is the key; a revoked or unknown token gets 404. Only first names and initials go out."""
    if not FEED_TOKEN.fullmatch(token):
        raise Http404  # also keeps NUL bytes and odd characters away from the database
    found = selectors.feed_follow_ups(token)
    if found is None:
        raise Http404
    owner, follow_ups = found
    with translation.override(owner.preferred_language):
        body = calendar.follow_ups_ics(
            follow_ups,
            plan_url=lambda plan: request.build_absolute_uri(
                reverse("plans:detail", kwargs={"plan_uuid": plan.uuid})
            ),
        )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = 'inline; filename="sentier-follow-ups.ics"'
    return response


# ---------------------------------------------------------------------------------------------
# PDF


@login_required
def plan_pdf(request: HttpRequest, plan_uuid: uuid.UUID) -> HttpResponse:
    user = request_user(request)
    plan = selectors.get_plan_for_user(user, plan_uuid)
    return _pdf_response(request, user, plan)


def _pdf_response(request: HttpRequest, user: User, plan: SupportPlan) -> HttpResponse:
    if plan.status in (PlanStatus.INELIGIBLE, PlanStatus.DECLINED):
        raise Http404
    record_access(
        user=user, shown=plan.participant, kind=AccessKind.SUPPORT_PLAN_PDF, request=request
    )
    response = HttpResponse(pdf.plan_pdf(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename(plan)}"'
    return response


# ---------------------------------------------------------------------------------------------
# The participant's portal


def _own_plan(request: HttpRequest) -> tuple[User, SupportPlan]:
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        raise Http404
    return user, selectors.get_own_plan(user)


@login_required
def my_plan(request: HttpRequest) -> HttpResponse:
    """The person's plan in plain language: objectives, next follow-up, what they can do."""
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        raise Http404
    participant = Participant.objects.filter(user=user).first()
    if participant is None:
        raise Http404
    plan = selectors.current_plan_for(participant)
    context: dict[str, Any] = {"plan": plan, "participant": participant}
    if plan is None:
        # Invite only a person the plan is offered to (001); otherwise say what is available.
        context["offer"] = selectors.support_plan_offer(participant)
    if plan is not None:
        context["content"] = presenters.present(selectors.plan_content(plan, with_events=False))
        context["shares"] = [s for s in selectors.list_shares(plan) if s.taken_back_at is None]
        context["running"] = plan.status in states.RUNNING
        # The participant's moves the machine opens now: agree or decline, ask for more time, end.
        context["moves"] = states.SUPPORT_PLAN.open_moves(user, plan, side=states.PARTICIPANT)
        if plan.status == PlanStatus.PROPOSED:
            context["summary"] = actions.agreement_summary(
                plan, translation.get_language() or plan.participant.preferred_language
            )
        record_access(user=user, shown=participant, kind=AccessKind.SUPPORT_PLAN, request=request)
    return render(request, "plans/my_plan.html", context)


@login_required
@require_POST
def my_agree(request: HttpRequest) -> HttpResponse:
    """The person agrees online to the plan proposed to them, or says no."""
    user, plan = _own_plan(request)
    if plan.status != PlanStatus.PROPOSED:
        return redirect("plans:my_plan")
    try:
        if request.POST.get("answer") == "agree":
            actions.record_agreement(actor=user, plan=plan, channel=Channel.ONLINE)
            messages.success(request, _("Thank you. Your plan has started."))
        else:
            actions.decline_plan(actor=user, plan=plan)
            messages.success(
                request, _("You said no to the plan. Nothing changes to your benefit.")
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("plans:my_plan")


@login_required
def my_extension(request: HttpRequest) -> HttpResponse:
    """Ask for more time."""
    user, plan = _own_plan(request)
    if plan.status not in states.RUNNING:
        return redirect("plans:my_plan")
    form = _within_plan(bind_form(request, ExtensionRequestForm), plan)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_extension(
                actor=user,
                plan=plan,
                why=form.cleaned_data["why"],
                wished_end_on=form.cleaned_data["wished_end_on"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Your request is sent. Your caseworker will answer you."))
            return redirect("plans:my_plan")
    return render(
        request, "plans/my_extension.html", {"plan": plan, "form": form}, status=_status(form)
    )


@login_required
def my_end(request: HttpRequest) -> HttpResponse:
    """End my plan, after a clear confirmation that nothing changes to the benefit."""
    user, plan = _own_plan(request)
    if plan.status not in states.RUNNING:
        return redirect("plans:my_plan")
    form = bind_form(request, ParticipantEndForm)
    if request.method == "POST" and form.is_valid():
        try:
            actions.end_plan(
                actor=user,
                plan=plan,
                reason=EndReason.PARTICIPANT_CHOICE,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("Your plan has ended. Nothing changes to your benefit."))
            return redirect("plans:my_plan")
    return render(request, "plans/my_end.html", {"plan": plan, "form": form}, status=_status(form))


@login_required
def my_pdf(request: HttpRequest) -> HttpResponse:
    user, plan = _own_plan(request)
    return _pdf_response(request, user, plan)
