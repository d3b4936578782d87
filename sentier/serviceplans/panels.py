"""Sections that serviceplans adds to shared pages (see sentier.core.panels).

- ``participant_file``: the file's service plan requests and plans, and "Request a service plan";
- ``my_file``: the person's service plan and a link to "who sees what";
- ``home``: caseworkers see the coordinator's decisions on their requests, coordinators their
  queue, partner staff the plans their organization takes part in, public staff (CISSS, school
  service centre) those their body takes part in.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import panels
from sentier.participants.models import Participant
from sentier.plans import states as support_states
from sentier.plans.models import SupportPlan
from sentier.serviceplans import selectors
from sentier.serviceplans.models import PlanStatus, ServicePlan, ServicePlanRequest

#: What the file page's section (``serviceplans/_file_section.html``) reads of a request.
ON_FILE_FIELDS = (
    "uuid",
    "status",
    "requested_at",
    "next_step",
    "plan__uuid",
    "plan__status",
    "plan__created_at",
)


@panels.register("participant_file")
def file_section(request: HttpRequest, *, participant: Participant) -> str:
    user = request.user
    if not isinstance(user, User) or not user.has_perm(
        "participants.view_participant", participant
    ):
        return ""
    if not may(user, "serviceplans.run_plans"):
        return ""
    # Only the columns the section shows (52 over 2 joins before, on every file page).
    requests = list(
        ServicePlanRequest.objects.filter(participant=participant)
        .select_related("plan")
        .only(*ON_FILE_FIELDS)
        .order_by("-requested_at")[:10]
    )
    open_plan = any(
        getattr(r, "plan", None) is not None and r.plan.status != PlanStatus.ENDED for r in requests
    )
    pending = any(r.status == "pending" for r in requests)
    can_request = (
        user.has_perm("serviceplans.request_plan", participant) and not open_plan and not pending
    )
    support_plan = None
    if can_request:
        support_plan = (
            SupportPlan.objects.filter(participant=participant, status__in=support_states.RUNNING)
            .only("uuid")
            .first()
        )
    return render_to_string(
        "serviceplans/_file_section.html",
        {
            "participant": participant,
            "requests": requests,
            "can_request": can_request,
            "support_plan": support_plan,
        },
        request=request,
    )


@panels.register("my_file")
def my_plan_section(request: HttpRequest, *, participant: Participant) -> str:
    user = request.user
    if not isinstance(user, User) or participant.user_id != user.pk:
        return ""
    plan = (
        ServicePlan.objects.filter(participant=participant)
        .exclude(status=PlanStatus.ENDED)
        .select_related("coordinator")
        .first()
    )
    if plan is None:
        return ""
    return render_to_string("serviceplans/_my_file.html", {"plan": plan}, request=request)


@panels.register("home")
def home_section(request: HttpRequest) -> str:
    user = request.user
    if not isinstance(user, User):
        return ""
    if may(user, "participants.hold_caseload"):
        requests = list(selectors.recent_decisions_for_caseworker(user, limit=8))
        shown = [r.participant_id for r in requests]
        record_access(user=user, shown=shown, kind=AccessKind.STAFF_HOME, request=request)
        return render_to_string(
            "serviceplans/_home_caseworker.html", {"requests": requests}, request=request
        )
    if may(user, "serviceplans.decide_requests"):
        queue = list(selectors.coordinator_queue(user)[:10])
        shown = [r.participant_id for r in queue]
        record_access(user=user, shown=shown, kind=AccessKind.STAFF_HOME, request=request)
        return render_to_string(
            "serviceplans/_home_coordinator.html", {"queue": queue}, request=request
        )
    if may(user, "accounts.work_for_organization"):
        plans = list(selectors.list_plans_for_user(user).order_by("-created_at")[:10])
        if not plans:
            return ""
        return render_to_string(
            "serviceplans/_home_partner.html", {"plans": plans}, request=request
        )
    if may(user, "serviceplans.act_for_public_body"):
        return render_to_string(
            "serviceplans/_home_public_staff.html",
            {
                "bodies": selectors.public_bodies_of(user),
                "plans": list(selectors.list_plans_for_user(user).order_by("-created_at")[:10]),
            },
            request=request,
        )
    return ""


@panels.register("worklist")
def worklist_section(request: HttpRequest) -> str:
    """The coordinator's decisions on the caseworker's service plan requests, on their worklist."""
    user = request.user
    if not isinstance(user, User) or not may(user, "participants.hold_caseload"):
        return ""
    return render_to_string(
        "serviceplans/_home_caseworker.html",
        {"requests": selectors.recent_decisions_for_caseworker(user, limit=8)},
        request=request,
    )
