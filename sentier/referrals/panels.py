"""Sections that referrals adds to shared pages (see sentier.core.panels)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from sentier.accounts.permissions import may
from sentier.accounts.requests import request_user
from sentier.core import panels
from sentier.participants.models import Participant
from sentier.referrals import selectors
from sentier.referrals.models import ReferralStatus
from sentier.referrals.views import plain_status


@panels.register("participant_file")
def file_referrals(request: HttpRequest, *, participant: Participant) -> str:
    """The file's referrals: status, the log of each, and "Send a referral"."""
    user = request_user(request)
    if not user.has_perm("participants.view_participant", participant):
        return ""
    return render_to_string(
        "referrals/_file_panel.html",
        {
            "participant": participant,
            "referrals": selectors.referrals_on_file(participant, limit=20),
            "can_change": user.has_perm("participants.change_participant", participant),
        },
        request=request,
    )


@panels.register("my_file")
def my_referrals(request: HttpRequest, *, participant: Participant) -> str:
    user = request_user(request)
    if participant.user_id != user.pk:
        return ""
    referrals = selectors.list_referrals_for_participant(participant, limit=5)
    return render_to_string(
        "referrals/_my_file_panel.html",
        {"rows": [(r, plain_status(r.status)) for r in referrals]},
        request=request,
    )


@panels.register("home")
def home(request: HttpRequest) -> str:
    """Partner staff: referrals awaiting an answer and the latest notices. Caseworkers: notices
    about their referrals (expired ones)."""
    user = request_user(request)
    if may(user, "accounts.work_for_organization") and user.organization is not None:
        counts = selectors.count_by_status_for_organization(user.organization)
        return render_to_string(
            "referrals/_home_partner.html",
            {
                "pending": counts.get(ReferralStatus.REQUESTED, 0),
                "open": sum(
                    counts.get(s, 0)
                    for s in (
                        ReferralStatus.ACCEPTED,
                        ReferralStatus.IN_PROGRESS,
                        ReferralStatus.ON_HOLD,
                    )
                ),
                "notices": selectors.list_notices_for_organization(user.organization, limit=5),
            },
            request=request,
        )
    if may(user, "referrals.receive_sender_notices"):
        notices = selectors.list_notices_for_sender(user, limit=5)
        if not notices:
            return ""
        return render_to_string(
            "referrals/_home_sender.html", {"notices": notices}, request=request
        )
    return ""
