"""Sections that ontario adds to shared pages (see sentier.core.panels), in Ontario only."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core import panels
from sentier.ontario import selectors, site_survey
from sentier.ontario.models import (
    ActionPlan,
    CommonAssessment,
    DeterminationPackage,
    ODSPApplication,
    OWApplication,
    ow_refusal_reasons,
)
from sentier.ontario.odsp import selectors as odsp_selectors
from sentier.ontario.package import HELP_PHONE
from sentier.ontario.units import ontario_enabled
from sentier.participants.models import Participant


@panels.register("home")
def worklist_summary(request: HttpRequest) -> str:
    """Caseworkers' home: for the OW intake unit, applications to decide and information due;
    for the local office, reviews due and overdue, assessments and action plans waiting; how
    many of them are assigned to me."""
    user = request.user
    if not ontario_enabled() or not isinstance(user, User):
        return ""
    today = timezone.localdate()
    context: dict[str, object] = {}
    intake = may(user, "ontario.view_ow_intake_queue")
    if may(user, "ontario.work_assessment_queue") or intake:
        summary = selectors.worklist_summary(user, today)
        mine = (
            summary["pending_mine"]
            + summary["assessments_mine"]
            + summary["plans_mine"]
            + summary["reviews_mine"]
        )
        context.update(
            worklist=may(user, "ontario.work_assessment_queue"),
            intake=intake,
            takes_rows=may(user, "ontario.take_ow_rows"),
            takes_intake_rows=may(user, "ontario.take_ow_intake_rows"),
            mine=mine,
            **summary,
        )
    if may(user, "ontario.work_odsp_queue"):
        context.update(
            odsp=True,
            received=odsp_selectors.odsp_received_for_user(user).count(),
            mailing=odsp_selectors.mailing_queue_for_user(user).count(),
            returns_due=odsp_selectors.returns_due_for_user(user).count(),
        )
    if not context:
        return ""
    return render_to_string("ontario/_home_panel.html", context, request=request)


@panels.register("home", order=90)
def site_survey_offer(request: HttpRequest) -> str:
    """A site's supervisor: the quarter's site survey to answer, or their site's answers."""
    user = request.user
    if not ontario_enabled() or not isinstance(user, User):
        return ""
    site = site_survey.site_of(user)
    if site is None:
        return ""
    period = site_survey.current_quarter()
    context = {"period": period, "answered": site_survey.site_answer(site, period) is not None}
    return render_to_string("ontario/_site_survey_panel.html", context, request=request)


def _applications(
    participant: Participant,
) -> tuple[OWApplication | None, ODSPApplication | None]:
    """The person's Ontario applications; none outside the Ontario configuration."""
    if not ontario_enabled():
        return None, None
    return (
        OWApplication.objects.filter(participant=participant).first(),
        ODSPApplication.objects.filter(participant=participant).first(),
    )


@panels.register("participant_file")
def ontario_section(request: HttpRequest, *, participant: Participant) -> str:
    """The Ontario state of a file: OW grant and route, assessment and plan, or ODSP intake."""
    ow, odsp = _applications(participant)
    if ow is None and odsp is None:
        return ""
    return render_to_string(
        "ontario/_file_panel.html",
        {
            "ow": ow,
            "odsp": odsp,
            "assessment": CommonAssessment.objects.filter(participant=participant).first(),
            "plan": ActionPlan.objects.filter(participant=participant).first(),
            "today": timezone.localdate(),
        },
        request=request,
    )


@panels.register("my_file")
def my_ontario_file(request: HttpRequest, *, participant: Participant) -> str:
    """The person's own view: where their application is, in plain language."""
    ow, odsp = _applications(participant)
    if ow is None and odsp is None:
        return ""
    return render_to_string(
        "ontario/_my_file_panel.html",
        {
            "ow": ow,
            "refusal_reason": ow_refusal_reasons().get(ow.refusal_reason, "") if ow else "",
            "odsp": odsp,
            "odsp_package": (
                DeterminationPackage.objects.defer("pdf").filter(odsp_application=odsp).first()
                if odsp is not None
                else None
            ),
            "odsp_phone": HELP_PHONE,
            "plan": ActionPlan.objects.filter(participant=participant).first(),
        },
        request=request,
    )
