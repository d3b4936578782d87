"""The timeline event kinds of single-window applications (registered in ``IntakeConfig.ready``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.intake.models import Channel, Path
from sentier.participants.events import label_of, register_event_kinds


class IntakeEventKind(models.TextChoices):
    APPLICATION_SUBMITTED = "application_submitted", _("Application sent")
    RECOMMENDATION = "recommendation", _("Automated recommendation")
    ORIENTATION_DECIDED = "orientation_decided", _("Orientation decided by the caseworker")


def _channel(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(Channel, data.get("channel"))


def _recommended(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(Path, data.get("path"))


def _decided(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(Path, data.get("decided"))


register_event_kinds(
    IntakeEventKind,
    {
        IntakeEventKind.APPLICATION_SUBMITTED: _channel,
        IntakeEventKind.RECOMMENDATION: _recommended,
        IntakeEventKind.ORIENTATION_DECIDED: _decided,
    },
)
