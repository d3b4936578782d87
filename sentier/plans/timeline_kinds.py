"""The timeline event kinds of personalized support plans (registered in ``PlansConfig.ready``).

Objectives and actions show their text as the caseworker wrote it (the summary); channels,
follow-up modes and statuses, extensions and end reasons are stored as codes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.core import formatting
from sentier.participants.events import label_of, register_event_kinds
from sentier.plans.models import Channel, EndReason, ExtensionStatus, FollowUpMode, FollowUpStatus


class SupportPlanEventKind(models.TextChoices):
    SUPPORT_PLAN_REQUESTED = "support_plan_requested", _("Support plan requested")
    SUPPORT_PLAN_PROPOSED = "support_plan_proposed", _("Support plan proposed")
    SUPPORT_PLAN_AGREED = "support_plan_agreed", _("Support plan agreed")
    SUPPORT_PLAN_UPDATED = "support_plan_updated", _("Support plan updated")
    FOLLOW_UP = "follow_up", _("Follow-up")
    SUPPORT_PLAN_EXTENSION = "support_plan_extension", _("Support plan extension")
    SUPPORT_PLAN_ENDED = "support_plan_ended", _("Support plan ended")
    SUPPORT_PLAN_SHARED = "support_plan_shared", _("Support plan shared with an organization")
    SUPPORT_PLAN_TAKEN_BACK = "support_plan_taken_back", _("Support plan taken back")
    # The person is reminded of a follow-up coming up (correspondence tells them, issue 19).
    FOLLOW_UP_REMINDER = "follow_up_reminder", _("Follow-up reminder")


def _channel(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(Channel, data.get("channel"))


def _follow_up(data: Mapping[str, Any], summary: str) -> str | None:
    """A scheduled follow-up shows its mode; a recorded one, what became of it."""
    if "mode" in data:
        return label_of(FollowUpMode, data["mode"])
    if data.get("status") == FollowUpStatus.SCHEDULED:
        return None  # scheduled before the mode was stored: the summary holds it
    return label_of(FollowUpStatus, data.get("status"))


def _reminder(data: Mapping[str, Any], summary: str) -> str | None:
    """The follow-up's day, hour and mode, in the reader's language."""
    try:
        at = timezone.localtime(dt.datetime.fromisoformat(str(data["scheduled_for"])))
    except (KeyError, ValueError):
        return None
    return gettext("%(date)s at %(time)s, %(mode)s") % {
        "date": formatting.long_date(at),
        "time": formatting.clock(at),
        "mode": label_of(FollowUpMode, data.get("mode")) or "",
    }


def _extension(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(ExtensionStatus, data.get("status"))


def _ended(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(EndReason, data.get("reason"))


register_event_kinds(
    SupportPlanEventKind,
    {
        SupportPlanEventKind.SUPPORT_PLAN_REQUESTED: _channel,
        SupportPlanEventKind.SUPPORT_PLAN_AGREED: _channel,
        SupportPlanEventKind.FOLLOW_UP: _follow_up,
        SupportPlanEventKind.FOLLOW_UP_REMINDER: _reminder,
        SupportPlanEventKind.SUPPORT_PLAN_EXTENSION: _extension,
        SupportPlanEventKind.SUPPORT_PLAN_ENDED: _ended,
    },
)
