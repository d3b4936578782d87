"""The participant-timeline event kinds of service plans (registered in
``ServicePlansConfig.ready``). The plan's own shared timeline is :class:`PlanEvent`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.core.formatting import proper_name
from sentier.participants.events import label_of, register_event_kinds
from sentier.serviceplans.models import InitiatorKind, PlanEventKind, RequestStatus


class ServicePlanEventKind(models.TextChoices):
    SERVICE_PLAN_REQUESTED = "service_plan_requested", _("Service plan requested")
    SERVICE_PLAN_DECIDED = "service_plan_decided", _("Service plan request decided")
    SERVICE_PLAN_UPDATED = "service_plan_updated", _("Service plan updated")
    SERVICE_PLAN_ENDED = "service_plan_ended", _("Service plan ended")


def initiator_text(kind: str | None, name: str = "") -> str | None:
    """ "<who initiates> — <their name>" in the reader's language (the name as written, or its
    official wording there: ``proper_name``)."""
    label = label_of(InitiatorKind, kind)
    if label is None:
        return None
    return f"{label} — {proper_name(name)}" if name else label


def _requested(data: Mapping[str, Any], summary: str) -> str | None:
    return initiator_text(data.get("initiator_kind"), data.get("initiator_name", ""))


def _decided(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(RequestStatus, data.get("status"))


def _change(data: Mapping[str, Any], summary: str) -> str | None:
    """What changed in the plan; ``None`` (the summary: older rows, or the reason the person
    gave for ending it) when no change code is stored."""
    change = data.get("change")
    if change == "party_added":
        return gettext("Party added: %(name)s") % {"name": proper_name(data["party_name"])}
    if change == "party_removed":
        return gettext("Party removed: %(name)s") % {"name": proper_name(data["party_name"])}
    return label_of(PlanEventKind, change)


register_event_kinds(
    ServicePlanEventKind,
    {
        ServicePlanEventKind.SERVICE_PLAN_REQUESTED: _requested,
        ServicePlanEventKind.SERVICE_PLAN_DECIDED: _decided,
        ServicePlanEventKind.SERVICE_PLAN_UPDATED: _change,
        ServicePlanEventKind.SERVICE_PLAN_ENDED: _change,
    },
)
