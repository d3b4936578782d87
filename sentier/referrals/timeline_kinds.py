"""The timeline event kinds of referrals (registered in ``ReferralsConfig.ready``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.participants.events import label_of, register_event_kinds
from sentier.referrals.models import ReferralStatus


class ReferralEventKind(models.TextChoices):
    REFERRAL_SENT = "referral_sent", _("Referral sent")  # summary: the organization's name
    REFERRAL_UPDATED = "referral_updated", _("Referral status changed")


def _updated(data: Mapping[str, Any], summary: str) -> str | None:
    status = label_of(ReferralStatus, data.get("to"))
    if "organization_name" not in data or status is None:
        return None  # older rows: "<organization>: <status>" stored in French
    return f"{data['organization_name']}: {status}"


register_event_kinds(ReferralEventKind, {ReferralEventKind.REFERRAL_UPDATED: _updated})
