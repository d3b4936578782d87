"""The timeline event kind of waiting lists (registered in ``NetworkConfig.ready``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.network.waiting_text import waiting_step_text
from sentier.participants.events import register_event_kinds


class NetworkEventKind(models.TextChoices):
    WAITING_OFFER = "waiting_offer", _("Place offered from a waiting list")


def _waiting(data: Mapping[str, Any], summary: str) -> str | None:
    if "service_name" not in data:
        return None  # older rows: the French note is the summary
    respond_by = data.get("respond_by")
    return waiting_step_text(
        data["step"],
        service=data["service_name"],
        organization=data.get("organization_name", ""),
        respond_by=dt.datetime.fromisoformat(respond_by) if respond_by else None,
    )


register_event_kinds(NetworkEventKind, {NetworkEventKind.WAITING_OFFER: _waiting})
