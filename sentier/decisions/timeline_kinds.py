"""The timeline event kind of eligibility decisions (registered in ``DecisionsConfig.ready``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.decisions.models import Measure
from sentier.participants.events import label_of, register_event_kinds


class DecisionEventKind(models.TextChoices):
    DECISION = "decision", _("Eligibility decision")


def _measure(data: Mapping[str, Any], summary: str) -> str | None:
    return label_of(Measure, data.get("measure"))


register_event_kinds(DecisionEventKind, {DecisionEventKind.DECISION: _measure})
