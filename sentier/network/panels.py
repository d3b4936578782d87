"""Sections the partner network adds to shared pages (see sentier.core.panels).

- ``home`` (partner staff): their services whose capacity is stale, with a link to update.
- ``my_file`` (the participant): their waiting lists and any place offered, to accept or decline.
- ``participant_file`` (caseworker): the person's waiting lists and offers, and a form to put
  them on a service's waiting list.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind
from sentier.core import panels
from sentier.network import selectors
from sentier.network.actions import response_days
from sentier.network.forms import WaitingListAddForm


@panels.register("home")
def stale_capacity(request: HttpRequest, **_kwargs: Any) -> str:
    user = request.user
    if not may(user, "accounts.work_for_organization"):
        return ""
    organization_id = getattr(user, "organization_id", None)
    if organization_id is None:
        return ""
    now = timezone.now()
    stale = list(selectors.stale_services_for_organization(organization_id, now=now))
    return render_to_string(
        "network/_home_capacity.html",
        {"stale": stale, "now": now},
        request=request,
    )


@panels.register("my_file")
def my_waiting_lists(request: HttpRequest, *, participant: Any, **_kwargs: Any) -> str:
    if getattr(participant, "user_id", None) != getattr(request.user, "pk", None):
        return ""
    entries = selectors.entries_for_participant(participant)
    if not entries:
        return ""
    # A person waits on a few lists at most: one small query each for their place in line.
    for entry in entries:
        entry.place_in_line = selectors.place_in_line(entry)  # type: ignore[attr-defined]
    return render_to_string(
        "network/_my_waiting_lists.html",
        {"entries": entries, "response_days": response_days()},
        request=request,
    )


@panels.register("participant_file")
def participant_waiting_lists(request: HttpRequest, *, participant: Any, **_kwargs: Any) -> str:
    user = request.user
    if not user.has_perm("network.add_to_waiting_list", participant):
        return ""
    entries = selectors.entries_for_participant(participant)
    if entries and isinstance(user, User):
        record_access(user=user, shown=participant, kind=AccessKind.WAITING_LISTS, request=request)
    # The choices read only what they show (36 columns a service before, on every file page).
    services = selectors.waiting_list_services_for(participant).only(*selectors.CHOICE_FIELDS)
    form = WaitingListAddForm(services=services)
    return render_to_string(
        "network/_participant_waiting_lists.html",
        {"entries": entries, "form": form, "participant": participant},
        request=request,
    )


@panels.register("home_organization", order=10)
def points_of_service(request: HttpRequest, **_kwargs: Any) -> str:
    """Partner staff: where their organization receives people (region, city, phone)."""
    user = request_user(request)
    organization = getattr(user, "organization", None)
    if not may(user, "accounts.work_for_organization") or organization is None:
        return ""
    return render_to_string(
        "network/_home_points_of_service.html",
        {"locations": organization.locations.select_related("region")},
        request=request,
    )
