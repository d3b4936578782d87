"""Sections that eligibility decisions add to shared pages (see sentier.core.panels): the
"Eligibility" section of a file, and the measures a participant can take part in on "My file".
Both come first among the panels of their page (order 10). On a caseworker's home, the outcomes
that changed (order 20)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import panels
from sentier.core.jurisdiction import templates_here
from sentier.decisions.selectors import (
    latest_decisions_for_participant,
    list_worklist_changes_for_caseworker,
)
from sentier.participants.models import Participant


@panels.register("participant_file", order=10)
def file_eligibility(request: HttpRequest, *, participant: Participant) -> str:
    """The latest decision for each measure, and how to check eligibility for another."""
    user = request_user(request)
    return render_to_string(
        "decisions/_file_panel.html",
        {
            "participant": participant,
            "decisions": latest_decisions_for_participant(participant),
            "can_change": user.has_perm("participants.change_participant", participant),
        },
        request=request,
    )


@panels.register("my_file", order=10)
def my_measures(request: HttpRequest, *, participant: Participant) -> str:
    return render_to_string(
        templates_here("decisions/_my_file_panel.html"),
        {"decisions": latest_decisions_for_participant(participant)},
        request=request,
    )


@panels.register("home", order=20)
def worklist_changes(request: HttpRequest) -> str:
    """A caseworker's to-do list: people whose outcome changed when the rules were re-applied,
    between their caseload and the files assigned to them lately."""
    user = request_user(request)
    if not may(user, "participants.hold_caseload"):
        return ""
    worklist = list(list_worklist_changes_for_caseworker(user)[:20])
    shown = [change.participant_id for change in worklist]
    record_access(user=user, shown=shown, kind=AccessKind.STAFF_HOME, request=request)
    return render_to_string(
        "decisions/_home_worklist.html", {"worklist": worklist}, request=request
    )
