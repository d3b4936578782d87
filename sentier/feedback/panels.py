"""Sections the surveys add to shared pages (see sentier.core.panels): the surveys a participant
is offered on their file page, and the quarter's survey on partner staff's home page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.core import panels
from sentier.feedback import selectors
from sentier.participants.models import Participant


@panels.register("my_file", order=90)
def my_surveys(request: HttpRequest, *, participant: Participant, **_kwargs: Any) -> str:
    user = request_user(request)
    if participant.user_id != user.pk:
        return ""
    offered = selectors.surveys_offered(participant)
    if not offered:
        return ""
    return render_to_string("feedback/_my_surveys.html", {"offered": offered}, request=request)


@panels.register("home_organization", order=90)
def partner_survey(request: HttpRequest, **_kwargs: Any) -> str:
    user = request_user(request)
    if not may(user, "accounts.work_for_organization") or user.organization_id is None:
        return ""
    period = selectors.current_quarter()
    if selectors.partner_has_answered(user, period):
        return ""
    return render_to_string(
        "feedback/_partner_survey_panel.html", {"period": period}, request=request
    )
