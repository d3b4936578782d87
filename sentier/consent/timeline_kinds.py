"""The timeline event kinds of consent to share (registered in ``ConsentConfig.ready``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.consent.models import Purpose, RecipientKind
from sentier.participants.events import label_of, register_event_kinds


class ConsentEventKind(models.TextChoices):
    CONSENT_GIVEN = "consent_given", _("Consent to share given")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent to share withdrawn")


def _consent(data: Mapping[str, Any], summary: str) -> str | None:
    """ "<purpose> – <recipient>": an organization by its name, any other recipient by its kind."""
    purpose = label_of(Purpose, data.get("purpose"))
    recipient = data.get("organization_name") or label_of(RecipientKind, data.get("recipient_kind"))
    if purpose is None or not recipient:
        return None
    return f"{purpose} – {recipient}"


register_event_kinds(
    ConsentEventKind,
    {ConsentEventKind.CONSENT_GIVEN: _consent, ConsentEventKind.CONSENT_WITHDRAWN: _consent},
)
