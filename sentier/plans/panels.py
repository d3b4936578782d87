"""Sections that plans adds to shared pages (see sentier.core.panels): the plan summary on the
caseworker's view of a file, "My plan" on the participant's file, reminders on the caseworker's
home page."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import panels
from sentier.participants.models import Participant
from sentier.plans import selectors, states


@panels.register("participant_file")
def file_plan(request: HttpRequest, *, participant: Participant) -> str:
    """The person's current plan in a few lines, with its next follow-up, and how to start one."""
    user = request_user(request)
    if not user.has_perm("participants.view_participant", participant):
        return ""
    plan = selectors.current_plan_summary_for(participant)
    content = selectors.plan_content(plan, with_events=False) if plan is not None else None
    can_change = user.has_perm("participants.change_participant", participant)
    return render_to_string(
        "plans/_file_panel.html",
        {
            "participant": participant,
            "plan": plan,
            "content": content,
            "can_start": can_change and (plan is None or plan.status in states.CLOSED),
        },
        request=request,
    )


@panels.register("my_file")
def my_plan(request: HttpRequest, *, participant: Participant) -> str:
    user = request_user(request)
    if participant.user_id != user.pk:
        return ""
    plan = selectors.current_plan_for(participant)
    content = selectors.plan_content(plan, with_events=False) if plan is not None else None
    # Invite only a person the plan is offered to (001); otherwise say what is available.
    offer = selectors.support_plan_offer(participant) if plan is None else None
    return render_to_string(
        "plans/_my_file_panel.html",
        {"plan": plan, "content": content, "offer": offer},
        request=request,
    )


@panels.register("home")
def home(request: HttpRequest) -> str:
    """In-app reminders for caseworkers: follow-ups overdue and this week, extension requests."""
    user = request_user(request)
    if not may(user, "participants.hold_caseload"):
        return ""
    worklist = selectors.worklist_for(user)
    record_access(user=user, shown=worklist.people(), kind=AccessKind.STAFF_HOME, request=request)
    return render_to_string("plans/_home_panel.html", {"worklist": worklist}, request=request)
