"""Ontario pages: the worklist (the OW intake unit's applications to decide; the local office's
common assessments, action plans to set for clients fast-tracked at grant, action plan reviews
due; one list at a time, filtered, paginated, each row assignable), an OW application (the
intake unit's decisions, then the fast-tracked client's action plan), a common assessment. The
ODSP intake unit's pages are in ``odsp.views``.

Every page is plain HTML with POST/redirect/GET; each page showing a person writes one
access-log row (list pages one per person shown on the page). 404 outside the Ontario
configuration.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.consent.actions import NoValidConsent
from sentier.core.models import Transition
from sentier.ontario import actions, assignment, notices, selectors, states
from sentier.ontario.forms import (
    OW_DECISION_FORMS,
    ActionPlanForm,
    ActionPlanReviewForm,
    AssignForm,
    CompleteAssessmentForm,
    DeferralForm,
    DeferralReviewForm,
    EmploymentOntarioReferralForm,
    WorklistFilterForm,
)
from sentier.ontario.models import ActionPlan, Deferral, RefusalNotice, ow_refusal_reasons
from sentier.ontario.notice_views import told_by_notice
from sentier.ontario.pages import apply_errors, ontario_only
from sentier.ontario.sharing import describe_eo_message
from sentier.referrals.exchanges import exchange_message
from sentier_rules.triage import ONTARIO_STAFF_TEXTS

# ---------------------------------------------------------------- local office

#: Rows per page of each worklist, oldest (or most urgent) first.
PAGE_SIZE = 25

WORKLIST_LABELS = {
    selectors.GRANTS: gettext_lazy("Applications to decide"),
    selectors.ASSESSMENTS: gettext_lazy("Common assessments"),
    selectors.PLANS: gettext_lazy("Action plans to set"),
    selectors.REVIEWS: gettext_lazy("Action plan reviews"),
}

#: What a link back to the worklist may carry (a filter form's fields and the page).
WORKLIST_PARAMS = ("worklist", "assigned", "area", "channel", "situation", "due", "page")


def _query(values: dict[str, Any]) -> str:
    query = QueryDict(mutable=True)
    for name in WORKLIST_PARAMS:
        value = values.get(name)
        if value and value != "all":
            query[name] = str(value)
    return query.urlencode()


def _takes_rows(user: User) -> bool:
    """Whether "Assign to me" is offered: to caseworkers of the OW local office only."""
    return may(user, "ontario.take_ow_rows")


@login_required
def assessment_queue(request: HttpRequest) -> HttpResponse:
    """The worklist, one list at a time: the intake unit's applications to decide; the local
    office's common assessments to do, action plans to set, action plan reviews due; filtered,
    paginated, each row assignable."""
    ontario_only()
    user = request_user(request)
    shown = selectors.worklists_for_user(user)
    if not shown:
        raise PermissionDenied
    today = timezone.localdate()
    worklist = request.GET.get("worklist", "")
    if worklist not in shown:
        worklist = shown[0]
    areas = list(selectors.areas_for_user(user))
    form = WorklistFilterForm(request.GET or None, worklist=worklist, areas=areas)
    ignored = form.is_bound and not form.understood()
    filters = form.filters()
    queryset: QuerySet[Any]
    if worklist == selectors.GRANTS:
        queryset = selectors.worklist_grants(user, filters)
    elif worklist == selectors.ASSESSMENTS:
        queryset = selectors.worklist_assessments(user, filters, today)
    elif worklist == selectors.PLANS:
        queryset = selectors.worklist_plans(user, filters)
    else:
        queryset = selectors.worklist_reviews(user, filters, today)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    # Only the people shown on this page were seen.
    record_access(
        user=user,
        shown=[row.participant for row in rows],
        kind=AccessKind.ONTARIO_WORKLIST,
        request=request,
    )
    counts = selectors.worklist_counts(user, filters, today)
    # The shown list's tab counts its rows under all its filters (channel, situation, due),
    # the others what their tab opens on (the shared filters).
    counts[worklist] = page.paginator.count
    chosen = {**(form.cleaned_data if form.is_bound else {}), "worklist": worklist}
    shared = {"assigned": filters.assigned, "area": filters.area.code if filters.area else ""}
    tabs = [
        {
            "key": key,
            "label": label,
            "count": counts[key],
            "query": _query(chosen if key == worklist else {**shared, "worklist": key}),
            "current": key == worklist,
        }
        for key, label in WORKLIST_LABELS.items()
        if key in shown
    ]
    return render(
        request,
        "ontario/assessment_queue.html",
        {
            "worklist": worklist,
            "heading": WORKLIST_LABELS[worklist],
            "due": filters.due,
            "tabs": tabs,
            "form": form,
            "filtered": any(
                value and value != "all"
                for name, value in chosen.items()
                if name not in ("worklist",)
            ),
            "ignored": ignored,
            "page": page,
            "rows": rows,
            "query": _query(chosen),
            "here": _query({**chosen, "page": page.number}),
            "clear": _query({"worklist": worklist}),
            "takes_rows": (
                may(user, "ontario.take_ow_intake_rows")
                if worklist == selectors.GRANTS
                else _takes_rows(user)
            ),
            "intake": may(user, "ontario.view_ow_intake_queue"),
            "local_office": may(user, "ontario.view_assessment_queue"),
            "many_areas": len(areas) > 1 or worklist == selectors.GRANTS,
            "today": today,
        },
    )


@login_required
def ow_intake_queue(request: HttpRequest) -> HttpResponse:
    """The OW intake unit's menu entry: the worklist's applications to decide."""
    ontario_only()
    return redirect(f"{reverse('ontario:assessment_queue')}?worklist={selectors.GRANTS}")


def _back_to_worklist(request: HttpRequest) -> HttpResponse:
    """Back to the worklist page the row was on (only the worklist's own parameters)."""
    back = QueryDict(request.POST.get("back", ""))
    query = _query({name: back.get(name, "") for name in WORKLIST_PARAMS})
    url = reverse("ontario:assessment_queue")
    return redirect(f"{url}?{query}" if query else url)


def _take(request: HttpRequest, assign: Any, name: str) -> HttpResponse:
    """Run an "Assign to me" from a list row; refusals are said at the top of the list."""
    try:
        assign()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is assigned to you.") % {"name": name})
    return _back_to_worklist(request)


@login_required
@require_POST
def take_ow_application(request: HttpRequest, ow_uuid: str) -> HttpResponse:
    """ "Assign to me" on a row of the applications to decide or of the action plans to set."""
    ontario_only()
    user = request_user(request)
    ow = selectors.get_ow_application_for_user(user, ow_uuid)
    works = "ontario.work_ow_intake" if ow.transferred_at is None else "ontario.work_ow_area"
    if not may(user, works, ow):
        raise PermissionDenied  # taking a row is for whoever works it
    return _take(
        request,
        lambda: assignment.assign_ow_application(
            actor=user, ow_application=ow, assignee=user, only_if_unassigned=True
        ),
        ow.participant.full_name,
    )


@login_required
@require_POST
def take_assessment(request: HttpRequest, assessment_uuid: str) -> HttpResponse:
    """ "Assign to me" on a row of the common assessments or of the reviews due."""
    ontario_only()
    user = request_user(request)
    found = selectors.get_assessment_for_user(user, assessment_uuid)
    if not may(user, "ontario.work_ow_area", found):
        raise PermissionDenied  # taking a row is for whoever works the area's files
    return _take(
        request,
        lambda: assignment.assign_assessment(
            actor=user, assessment=found, assignee=user, only_if_unassigned=True
        ),
        found.participant.full_name,
    )


def _assign_form(
    request: HttpRequest, region_id: int, assigned_to: User | None, *, intake: bool = False
) -> AssignForm:
    """Who may be given the row: the intake unit's staff before the transfer, the area's local
    office after."""
    colleagues = list(
        selectors.ow_intake_colleagues() if intake else selectors.ow_colleagues(region_id)
    )
    if request.method == "POST" and request.POST.get("action") == "assign":
        return AssignForm(request.POST, colleagues=colleagues)
    initial = {"assignee": str(assigned_to.uuid) if assigned_to else ""}
    return AssignForm(initial=initial, colleagues=colleagues)


def _ow_decision(user: User, ow: Any, action: str, data: dict[str, Any]) -> str:
    """Run one of the intake unit's decisions; returns the success message."""
    seen = data.get("seen") or None
    if action == "grant":
        actions.grant_ow_application(actor=user, ow_application=ow, seen=seen)
        return _("Financial assistance was granted; the case is transferred to the local office.")
    if action == "refuse":
        actions.refuse_ow_application(
            actor=user, ow_application=ow, reason=data["reason"], note=data["note"], seen=seen
        )
        return _("The application was refused.")
    if action == "withdraw":
        actions.withdraw_ow_application(actor=user, ow_application=ow, note=data["note"], seen=seen)
        return _("The application was closed: withdrawn.")
    if action == "ask":
        actions.ask_ow_information(
            actor=user, ow_application=ow, what=data["what"], due_on=data["due_on"], seen=seen
        )
        return _("The missing information was asked.")
    actions.record_ow_information_received(actor=user, ow_application=ow, seen=seen)
    return _("The information was recorded as received: the application is back to decide.")


def _ow_conflict(request: HttpRequest, user: User, saved: Any, action: str) -> HttpResponse:
    """A decision posted from a page read before the application moved: what happened, by whom,
    beside what this person chose and typed (kept on the page, not saved)."""
    moved = (
        Transition.objects.filter(lifecycle=states.OW_APPLICATION.name, object_id=saved.pk)
        .order_by("-at", "-id")
        .first()
    )
    typed = {
        label: request.POST.get(name, "").strip()
        for name, label in (
            ("what", _("Information missing")),
            ("note", _("Note")),
            ("due_on", _("Due on")),
        )
        if request.POST.get(name, "").strip()
    }
    reason = ow_refusal_reasons().get(request.POST.get("reason", ""))
    return render(
        request,
        "ontario/ow_conflict.html",
        {
            "ow": saved,
            "moved": moved,
            "by_you": moved is not None and moved.actor_id == user.pk,
            "your_decision": OW_DECISION_LABELS.get(action, ""),
            "your_reason": reason,
            "recorded_reason": (
                ow_refusal_reasons().get(saved.refusal_reason, saved.refusal_reason)
                if saved.refusal_reason
                else saved.info_asked
                if saved.status == "info_asked"
                else ""
            ),
            "typed": typed,
        },
        status=409,
    )


#: What each decision is called on the conflict screen.
OW_DECISION_LABELS = {
    "grant": gettext_lazy("Grant financial assistance"),
    "refuse": gettext_lazy("Refuse the application"),
    "withdraw": gettext_lazy("Close: the person withdrew"),
    "ask": gettext_lazy("Ask for missing information"),
    "received": gettext_lazy("Information received"),
}


@login_required
def ow_application(request: HttpRequest, ow_uuid: str) -> HttpResponse:
    """An OW application: the intake unit decides it (grant, refuse, withdrawal, missing
    information); after the transfer, the local office sets the action plan of a client
    fast-tracked at grant."""
    ontario_only()
    user = request_user(request)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action in OW_DECISION_FORMS and may(user, "ontario.view_ow_intake_queue"):
        ow = selectors.get_ow_application_decided_by_unit(user, ow_uuid)
        if ow.transferred_at is not None:
            return _ow_conflict(request, user, ow, action)  # granted by a colleague meanwhile
    else:
        ow = selectors.get_ow_application_for_user(user, ow_uuid)
    undecided = not states.OW_APPLICATION.settled(ow)
    can_act = may(user, "ontario.work_ow_area", ow) and ow.transferred_at is not None
    intake = ow.transferred_at is None
    can_assign = (
        may(user, "ontario.work_ow_intake") if intake else may(user, "ontario.hand_out_ow_work", ow)
    ) and (undecided or not intake)
    assign_form = _assign_form(request, ow.region_id, ow.assigned_to, intake=intake)
    decision_forms: dict[str, Form] = {
        name: form_class(initial={"seen": ow.status})
        for name, form_class in OW_DECISION_FORMS.items()
    }
    plan = ActionPlan.objects.filter(participant=ow.participant).first()
    plan_form: Form = ActionPlanForm()
    review_form: Form = ActionPlanReviewForm()
    status = 200
    if action == "assign":
        if not can_assign:
            raise PermissionDenied
        if assign_form.is_valid():
            try:
                assignment.assign_ow_application(
                    actor=user, ow_application=ow, assignee=assign_form.cleaned_data["assignee"]
                )
            except ValidationError as error:
                apply_errors(assign_form, error)
            else:
                messages.success(request, _assigned_message(ow.assigned_to))
                return redirect("ontario:ow_application", ow_uuid=ow.uuid)
        status = 400
    elif action in OW_DECISION_FORMS:
        if not may(user, "ontario.work_ow_intake"):
            raise PermissionDenied
        form: Form = OW_DECISION_FORMS[action](request.POST)
        decision_forms[action] = form
        seen = request.POST.get("seen", "")
        if seen and seen != ow.status:
            return _ow_conflict(request, user, ow, action)
        if form.is_valid():
            try:
                message = _ow_decision(user, ow, action, form.cleaned_data)
            except actions.AlreadyDecided as stale:
                return _ow_conflict(request, user, stale.saved, action)
            except NoValidConsent as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, message)
                if action == "refuse":
                    told_by_notice(request, ow.participant)
                if action == "grant":
                    # The case left the intake unit: back to its queue.
                    return redirect(f"{reverse('ontario:assessment_queue')}?worklist=grant")
                return redirect("ontario:ow_application", ow_uuid=ow.uuid)
        status = 400
    elif action in ("plan", "plan_review"):
        if not can_act:
            raise PermissionDenied
        posted: Form = (
            ActionPlanForm(request.POST) if action == "plan" else ActionPlanReviewForm(request.POST)
        )
        if action == "plan":
            plan_form = posted
        else:
            review_form = posted
        if posted.is_valid():
            try:
                if action == "plan":
                    actions.put_action_plan_in_place(
                        actor=user,
                        ow_application=ow,
                        goal=posted.cleaned_data["goal"],
                        activities=posted.cleaned_data["activities"],
                    )
                    message = _("The action plan is in place.")
                else:
                    if plan is None:
                        raise ValidationError(_("Put a personalized action plan in place first."))
                    actions.review_action_plan(
                        actor=user, plan=plan, notes=posted.cleaned_data["notes"]
                    )
                    message = _("The review was recorded.")
            except ValidationError as error:
                apply_errors(posted, error)
            else:
                messages.success(request, message)
                return redirect("ontario:ow_application", ow_uuid=ow.uuid)
        status = 400
    elif request.method == "POST":
        return redirect("ontario:ow_application", ow_uuid=ow.uuid)
    record_access(user=user, shown=ow.participant, kind=AccessKind.OW_APPLICATION, request=request)
    return render(
        request,
        "ontario/ow_application.html",
        {
            "ow": ow,
            "assessment": getattr(ow, "assessment", None),
            # What the exchange's message carries, read from the message itself (``sharing``).
            "sent": _sent_to_employment_ontario(ow.referral_id),
            # Why the route, worded for staff (the rules' own text speaks to the person).
            "route_staff": _staff_wording(ow.route_reason),
            # The intake unit's decisions this person may make now: the template's forms.
            "moves": states.OW_APPLICATION.open_moves(user, ow),
            "can_act": can_act,
            "can_assign": can_assign,
            "assign_form": assign_form,
            "takes_rows": _takes_rows(user)
            if not intake
            else may(user, "ontario.view_ow_intake_queue"),
            "decision_forms": decision_forms,
            "refusal_reason": ow_refusal_reasons().get(ow.refusal_reason, ow.refusal_reason),
            **notices.notice_panel(user, RefusalNotice.objects.filter(ow_application=ow).first()),
            "plan": plan,
            "plan_form": plan_form,
            "review_form": review_form,
            "plan_reviews": list(plan.reviews.all()) if plan else [],
        },
        status=status,
    )


def _staff_wording(reason: str) -> str:
    texts = ONTARIO_STAFF_TEXTS.get(reason)
    if texts is None:
        return ""
    return texts[1] if (get_language() or "fr").startswith("en") else texts[0]


def _sent_to_employment_ontario(referral_id: int | None) -> list[str] | None:
    message = exchange_message(referral_id) if referral_id is not None else None
    return describe_eo_message(message.payload) if message is not None else None


def _assigned_message(assignee: User | None) -> str:
    if assignee is None:
        return _("Nobody is assigned any more.")
    return _("Assigned to %(name)s.") % {"name": assignee}


ASSESSMENT_FORMS: dict[str, type[Form]] = {
    "deferral": DeferralForm,
    "plan": ActionPlanForm,
    "plan_review": ActionPlanReviewForm,
    "refer": EmploymentOntarioReferralForm,
    "complete": CompleteAssessmentForm,
}


def _assessment_action(
    user: Any, assessment: Any, action: str, form: Form, request: HttpRequest
) -> str:
    """Run one form's action; returns the success message."""
    data = form.cleaned_data
    if action == "deferral":
        actions.record_deferral(
            actor=user,
            assessment=assessment,
            reason=data["reason"],
            review_on=data["review_on"],
            note=data["note"],
        )
        return _("The deferral was recorded.")
    if action == "plan":
        actions.put_action_plan_in_place(
            actor=user, assessment=assessment, goal=data["goal"], activities=data["activities"]
        )
        return _("The action plan is in place.")
    if action == "plan_review":
        plan = ActionPlan.objects.filter(assessment=assessment).first()
        if plan is None:
            raise ValidationError(_("Put a personalized action plan in place first."))
        actions.review_action_plan(actor=user, plan=plan, notes=data["notes"])
        return _("The review was recorded.")
    if action == "refer":
        actions.start_employment_ontario_referral(
            actor=user,
            assessment=assessment,
            categories=data["categories"],
            channel=data["channel"],
            need=data["need"],
        )
        return _("The referral to Employment Ontario was sent.")
    actions.complete_assessment(actor=user, assessment=assessment, summary=data["summary"])
    return _("The common assessment is completed.")


@login_required
def assessment(request: HttpRequest, assessment_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    found = selectors.get_assessment_for_user(user, assessment_uuid)
    can_act = may(user, "ontario.work_ow_area", found)
    forms: dict[str, Form] = {name: form_class() for name, form_class in ASSESSMENT_FORMS.items()}
    review_forms: dict[int, Form] = {}
    assign_form = _assign_form(request, found.region_id, found.assigned_to)
    status = 200
    can_assign = may(user, "ontario.hand_out_ow_work", found)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if not (can_assign if action == "assign" else can_act):
            raise PermissionDenied
        if action == "assign":
            if assign_form.is_valid():
                try:
                    assignment.assign_assessment(
                        actor=user, assessment=found, assignee=assign_form.cleaned_data["assignee"]
                    )
                except ValidationError as error:
                    apply_errors(assign_form, error)
                else:
                    messages.success(request, _assigned_message(found.assigned_to))
                    return redirect("ontario:assessment", assessment_uuid=found.uuid)
        elif action == "deferral_review":
            deferral = found.deferrals.filter(
                uuid=selectors.parse_key(request.POST.get("deferral"))
            ).first()
            if deferral is None:
                raise Http404
            form: Form = DeferralReviewForm(request.POST)
            review_forms[deferral.pk] = form
            if form.is_valid():
                try:
                    actions.review_deferral(
                        actor=user,
                        deferral=deferral,
                        keep=form.cleaned_data["decision"] == "keep",
                        review_on=form.cleaned_data["review_on"],
                    )
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    messages.success(request, _("The deferral review was recorded."))
                    return redirect("ontario:assessment", assessment_uuid=found.uuid)
        elif action in ASSESSMENT_FORMS:
            form = ASSESSMENT_FORMS[action](request.POST)
            forms[action] = form
            if form.is_valid():
                try:
                    message = _assessment_action(user, found, action, form, request)
                except NoValidConsent as error:
                    form.add_error(None, str(error))
                except ValidationError as error:
                    apply_errors(form, error)
                else:
                    messages.success(request, message)
                    return redirect("ontario:assessment", assessment_uuid=found.uuid)
        else:
            return redirect("ontario:assessment", assessment_uuid=found.uuid)
        status = 400
    record_access(
        user=user, shown=found.participant, kind=AccessKind.COMMON_ASSESSMENT, request=request
    )
    deferrals: list[Deferral] = list(found.deferrals.select_related("reason"))
    for deferral in deferrals:
        deferral.review_form = review_forms.get(deferral.pk) or DeferralReviewForm()  # type: ignore[attr-defined]
    plan = ActionPlan.objects.filter(assessment=found).first()
    return render(
        request,
        "ontario/assessment.html",
        {
            "assessment": found,
            "deferrals": deferrals,
            "plan": plan,
            "plan_reviews": list(plan.reviews.all()) if plan else [],
            "forms": forms,
            "assign_form": assign_form,
            "can_act": can_act,
            # Completing is the assessment's one move; deferrals and the referral to
            # Employment Ontario are recorded while it is open to it.
            "moves": states.ASSESSMENT.open_moves(user, found),
            "can_assign": can_assign,
            "takes_rows": _takes_rows(user),
            "today": timezone.localdate(),
        },
        status=status,
    )
