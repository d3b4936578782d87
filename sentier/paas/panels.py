"""Sections that PAAS Action adds to shared pages (see sentier.core.panels): the placements and
waiting-list entries of a file, and the participant's own participation on "My file". Both come
right after the eligibility section (order 20). On the partner staff's home, their organization's
places, after its points of service."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.requests import request_user
from sentier.core import panels
from sentier.paas.models import Placement
from sentier.paas.selectors import (
    list_placements_for_participant,
    list_waiting_for_participant,
    organization_home,
    placements_on_file,
)
from sentier.paas.views import log_organization_home
from sentier.participants.models import Participant


def _placements(
    participant: Participant, placements: list[Placement] | None = None
) -> dict[str, Any]:
    """The section's context: ``placements`` if given (the file page reads fewer columns),
    else the placements read whole."""
    if placements is None:
        placements = list_placements_for_participant(participant)
    return {
        "paas_placements": placements,
        "paas_active": any(p.status == "active" for p in placements),
        "paas_waiting": list(list_waiting_for_participant(participant)),
    }


@panels.register("participant_file", order=20)
def file_placements(request: HttpRequest, *, participant: Participant) -> str:
    user = request_user(request)
    return render_to_string(
        "paas/_participant_section.html",
        {
            "participant": participant,
            "can_change": user.has_perm("participants.change_participant", participant),
            **_placements(participant, placements_on_file(participant)),
        },
        request=request,
    )


@panels.register("my_file", order=20)
def my_placements(request: HttpRequest, *, participant: Participant) -> str:
    return render_to_string("paas/_my_placement.html", _placements(participant), request=request)


@panels.register("home_organization", order=20)
def organization_places(request: HttpRequest) -> str:
    """Partner staff: their organization's PAAS Action places, placements and waiting list (one
    access-log row per person named)."""
    user = request_user(request)
    home = organization_home(user)
    log_organization_home(user, home, request)
    if home is None:
        return ""
    return render_to_string("paas/_organization_block.html", {"paas": home}, request=request)
