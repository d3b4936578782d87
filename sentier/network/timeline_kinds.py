"""The timeline event kind of waiting lists (registered in ``NetworkConfig.ready``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.core.formatting import long_date
from sentier.participants.events import register_event_kinds


class NetworkEventKind(models.TextChoices):
    WAITING_OFFER = "waiting_offer", _("Place offered from a waiting list")


def waiting_step_text(
    step: str, *, service: str, organization: str = "", respond_by: dt.datetime | None = None
) -> str | None:
    """One step of a waiting list in the reader's language (``None`` for an unknown step)."""
    names = {"service": service, "organization": organization}
    if step == "added":
        return gettext("On the waiting list of %(service)s (%(organization)s)") % names
    if step == "offered" and respond_by is not None:
        return gettext("A place is offered in %(service)s; answer by %(date)s") % {
            **names,
            "date": long_date(respond_by),
        }
    texts = {
        "accepted": gettext("The place in %(service)s was accepted"),
        "declined": gettext("The place in %(service)s was declined; still on the waiting list"),
        "expired": gettext("No answer in time: the place in %(service)s goes to the next person"),
        "passed": gettext("The place in %(service)s was passed to the next person"),
        "withdrawn": gettext("Left the waiting list of %(service)s"),
    }
    return texts[step] % names if step in texts else None


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
