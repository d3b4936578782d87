"""Sections correspondence adds to shared pages (see sentier.core.panels).

- ``home`` and ``worklist`` (caseworkers): the calls to make, soonest due first, with what
  they are about and by when, and the places offered to their people still waiting for an
  answer (told or not yet, and the date to answer by).
- ``participant_file`` (staff who see the file): how the person wants to be told, and the
  notices sent or waiting.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import panels
from sentier.correspondence import channels, selectors
from sentier.correspondence.forms import ContactPreferenceForm
from sentier.correspondence.models import ContactPreference, Notice

#: Rows shown on the home page (the rest: the correspondence page).
HOME_ROWS = 10


@panels.register("home", order=90)
@panels.register("worklist", order=10)
def calls_and_offers(request: HttpRequest, **_kwargs: Any) -> str:
    user = request_user(request)
    if not may(user, "participants.hold_caseload"):
        return ""
    calls = list(selectors.calls_for_user(user)[:HOME_ROWS])
    offers = list(selectors.offers_awaiting_for_user(user)[:HOME_ROWS])
    people = [c.participant for c in calls] + [o.entry.participant for o in offers]
    if people:
        record_access(user=user, shown=people, kind=AccessKind.STAFF_HOME, request=request)
    return render_to_string(
        "correspondence/_home_calls.html",
        {"calls": calls, "offers": offers, "today": timezone.localdate()},
        request=request,
    )


@panels.register("participant_file", order=60)
def file_channel(request: HttpRequest, *, participant: Any, **_kwargs: Any) -> str:
    user = request_user(request)
    if not may(user, "participants.view_caseload") or not user.has_perm(
        "participants.view_participant", participant
    ):
        return ""
    preference = ContactPreference.objects.filter(participant=participant).first()
    notices = list(
        Notice.objects.filter(participant=participant).defer("pdf").order_by("-created_at")[:10]
    )
    channel = channels.channel_for(participant, preference)  # the preference read once
    return render_to_string(
        "correspondence/_file_channel.html",
        {
            "participant": participant,
            "preference": preference,
            "channel": channel,
            "notices": notices,
            "form": ContactPreferenceForm(initial={"channel": channel}),
            "can_change": user.has_perm("participants.change_participant", participant),
        },
        request=request,
    )
