"""Sections that participant files add to the home page (see sentier.core.panels), first among
its panels:

- a caseworker's caseload (order 10) and the files assigned to them lately (order 30), around
  the decisions' worklist (order 20);
- a coordinator's region: files by program and each caseworker's caseload (order 10);
- the participant's own file: its number, their caseworker, where to see it (order 10).
"""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import panels
from sentier.core.jurisdiction import templates_here
from sentier.participants.caseload import files_per_caseworker
from sentier.participants.models import Participant
from sentier.participants.permissions import caseload_holders_q
from sentier.participants.selectors import list_participants_for_user


@panels.register("home", order=10)
def caseload(request: HttpRequest) -> str:
    """How many files are assigned to the caseworker, and the way to them."""
    user = request_user(request)
    if not may(user, "participants.hold_caseload"):
        return ""
    count = list_participants_for_user(user).filter(caseworker=user).count()
    return render_to_string(
        "participants/_home_caseload.html", {"caseload_count": count}, request=request
    )


@panels.register("home", order=30)
def recently_assigned(request: HttpRequest) -> str:
    """The last five files assigned to the caseworker."""
    user = request_user(request)
    if not may(user, "participants.hold_caseload"):
        return ""
    recent = list(
        list_participants_for_user(user)
        .filter(caseworker=user, assigned_at__isnull=False)
        .order_by("-assigned_at")[:5]
    )
    record_access(user=user, shown=recent, kind=AccessKind.STAFF_HOME, request=request)
    return render_to_string("participants/_home_recent.html", {"recent": recent}, request=request)


@panels.register("home", order=10)
def region_overview(request: HttpRequest) -> str:
    """The coordinator's region: files by program, and the caseload of each caseworker."""
    user = request_user(request)
    if not may(user, "participants.oversee_region"):
        return ""
    visible = list_participants_for_user(user)
    caseworkers = list(User.objects.filter(caseload_holders_q(user.region)).order_by("last_name"))
    # Each capability counts the files it assigns (Ontario's are its own rows: caseload.py).
    counts = files_per_caseworker([c.pk for c in caseworkers])
    return render_to_string(
        templates_here("participants/_home_region.html"),
        {
            "participant_count": visible.count(),
            "by_program": visible.values("program__code")
            .annotate(n=Count("id"))
            .order_by("program__code"),
            "caseworkers": [(c, counts[c.pk]) for c in caseworkers],
        },
        request=request,
    )


@panels.register("home", order=10)
def own_file(request: HttpRequest) -> str:
    """The participant's file number and caseworker (or how to get a file linked)."""
    user = request_user(request)
    if not may(user, "participants.view_own_file"):
        return ""
    participant = Participant.objects.filter(user=user).first()
    return render_to_string(
        templates_here("participants/_home_own_file.html"),
        {"participant": participant},
        request=request,
    )
