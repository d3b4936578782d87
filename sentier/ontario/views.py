"""Ontario pages: the local office worklist (applications to grant, common assessments, action
plan reviews due), an OW application, a common assessment. The ODSP intake unit's pages are in
``odsp_views``.

Every page is plain HTML with POST/redirect/GET; each page showing a person writes one
access-log row (list pages one per person shown). 404 outside the Ontario configuration.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.audit.actions import record_access, record_access_many
from sentier.consent.actions import NoValidConsent
from sentier.core.requests import request_user
from sentier.ontario import actions, selectors
from sentier.ontario.forms import (
    ActionPlanForm,
    ActionPlanReviewForm,
    CompleteAssessmentForm,
    DeferralForm,
    DeferralReviewForm,
    EmploymentOntarioReferralForm,
)
from sentier.ontario.models import ActionPlan, Deferral
from sentier.ontario.pages import SHOWN, apply_errors, ontario_only
from sentier.ontario.units import works_ow_area

# ---------------------------------------------------------------- local office


@login_required
def assessment_queue(request: HttpRequest) -> HttpResponse:
    """The local office worklist: grants to decide, assessments to do, reviews due/overdue."""
    ontario_only()
    user = request_user(request)
    if not selectors.can_see_worklist(user):
        raise PermissionDenied
    today = timezone.localdate()
    pending_all = selectors.pending_ow_for_user(user)
    assessments_all = selectors.open_assessments_for_user(user)
    reviews_all = selectors.reviews_due_for_user(user, today)
    pending = list(pending_all[:SHOWN])
    assessments = list(assessments_all[:SHOWN])
    reviews = list(reviews_all[:SHOWN])
    record_access_many(
        user=user,
        participants=[
            *(row.participant for row in pending),
            *(row.participant for row in assessments),
            *(row.participant for row in reviews),
        ],
        what="ontario_worklist",
        request=request,
    )
    return render(
        request,
        "ontario/assessment_queue.html",
        {
            "pending": pending,
            "assessments": assessments,
            "reviews": reviews,
            # Totals only when a list is cut (a count query costs nothing otherwise).
            "pending_total": pending_all.count() if len(pending) == SHOWN else len(pending),
            "assessments_total": (
                assessments_all.count() if len(assessments) == SHOWN else len(assessments)
            ),
            "reviews_total": reviews_all.count() if len(reviews) == SHOWN else len(reviews),
            "overdue": (
                reviews_all.filter(next_review_on__lt=today).count()
                if len(reviews) == SHOWN
                else sum(1 for plan in reviews if plan.next_review_on < today)
            ),
            "shown": SHOWN,
            "today": today,
        },
    )


@login_required
def ow_application(request: HttpRequest, ow_uuid: str) -> HttpResponse:
    ontario_only()
    user = request_user(request)
    ow = selectors.get_ow_application_for_user(user, ow_uuid)
    if request.method == "POST":
        try:
            actions.grant_ow_application(actor=user, ow_application=ow)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            ow.refresh_from_db()
            messages.success(request, _("Financial assistance was granted."))
        return redirect("ontario:ow_application", ow_uuid=ow.uuid)
    record_access(user=user, participant=ow.participant, what="ow_application", request=request)
    return render(
        request,
        "ontario/ow_application.html",
        {
            "ow": ow,
            "assessment": getattr(ow, "assessment", None),
            "can_act": works_ow_area(user, ow.region_id),
        },
    )


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
    can_act = works_ow_area(user, found.region_id)
    forms: dict[str, Form] = {name: form_class() for name, form_class in ASSESSMENT_FORMS.items()}
    review_forms: dict[int, Form] = {}
    status = 200
    if request.method == "POST":
        if not can_act:
            raise PermissionDenied
        action = request.POST.get("action", "")
        if action == "deferral_review":
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
        user=user, participant=found.participant, what="common_assessment", request=request
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
            "can_act": can_act,
            "today": timezone.localdate(),
        },
        status=status,
    )
