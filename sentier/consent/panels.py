"""Sections that consent adds to shared pages (see sentier.core.panels)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from sentier.accounts.requests import request_user
from sentier.consent.models import Consent
from sentier.consent.views import purposes
from sentier.core import panels
from sentier.participants.models import Participant


@panels.register("participant_file")
def file_consents(request: HttpRequest, *, participant: Participant) -> str:
    """The consents of a file, with "record" and "withdraw" for those who may change it."""
    user = request_user(request)
    if not user.has_perm("participants.view_participant", participant):
        return ""
    consents = list(
        Consent.objects.filter(participant=participant).select_related("recipient_organization")[
            :50
        ]
    )
    now = timezone.now()
    return render_to_string(
        "consent/_file_panel.html",
        {
            "participant": participant,
            "active": [c for c in consents if c.is_active(now)],
            "past": [c for c in consents if not c.is_active(now)],
            "purposes": purposes(),
            "can_change": user.has_perm("participants.change_participant", participant),
        },
        request=request,
    )


@panels.register("my_file")
def my_consents(request: HttpRequest, *, participant: Participant) -> str:
    """A short reminder on "My file" of what the person agreed to share, with the way out."""
    user = request_user(request)
    if participant.user_id != user.pk:
        return ""
    count = sum(1 for c in Consent.objects.filter(participant=participant) if c.is_active())
    return render_to_string("consent/_my_file_panel.html", {"count": count}, request=request)
