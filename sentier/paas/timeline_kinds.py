"""The timeline event kinds of PAAS Action (registered in ``PaasConfig.ready``).

Placements and waiting lists show the organization's name (a proper name, stored as written);
claims render their kind, month, amount and decision in the reader's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.core import formatting
from sentier.paas.models import ClaimStatus, ExpenseKind
from sentier.participants.events import label_of, register_event_kinds


class PaasEventKind(models.TextChoices):
    PAAS_PLACEMENT_STARTED = "paas_placement_started", _("PAAS Action placement started")
    PAAS_PLACEMENT_ENDED = "paas_placement_ended", _("PAAS Action placement ended")
    PAAS_WAITING_LISTED = "paas_waiting_listed", _("On a PAAS Action waiting list")
    PAAS_CLAIM_SUBMITTED = "paas_claim_submitted", _("PAAS Action expense claim submitted")
    PAAS_CLAIM_DECIDED = "paas_claim_decided", _("PAAS Action expense claim decided")


def _claim(data: Mapping[str, Any], summary: str, *, decided: bool) -> str | None:
    kind = label_of(ExpenseKind, data.get("expense_kind"))
    if kind is None or "month" not in data:
        return None  # written before the claim's kind and month were stored: its summary
    month = dt.date.fromisoformat(data["month"])
    text = f"{kind} {month:%Y-%m}: {formatting.cents(int(data['amount_cents']))}"
    status = label_of(ClaimStatus, data.get("status"))
    return f"{text} — {status}" if decided and status else text


def _submitted(data: Mapping[str, Any], summary: str) -> str | None:
    return _claim(data, summary, decided=False)


def _decided(data: Mapping[str, Any], summary: str) -> str | None:
    return _claim(data, summary, decided=True)


register_event_kinds(
    PaasEventKind,
    {PaasEventKind.PAAS_CLAIM_SUBMITTED: _submitted, PaasEventKind.PAAS_CLAIM_DECIDED: _decided},
)
