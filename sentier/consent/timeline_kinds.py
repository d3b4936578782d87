"""The timeline event kinds of consent to share (registered in ``ConsentConfig.ready``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.consent.models import Purpose, RecipientKind
from sentier.core import formatting
from sentier.participants.events import label_of, register_event_kinds


class ConsentEventKind(models.TextChoices):
    CONSENT_GIVEN = "consent_given", _("Consent to share given")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent to share withdrawn")
    # Ends soon and was not given again: the person is told (correspondence, issue 19).
    CONSENT_EXPIRING = "consent_expiring", _("Consent to share about to expire")


def _consent(data: Mapping[str, Any], summary: str) -> str | None:
    """ "<purpose> – <recipient>": an organization by its name, any other recipient by its kind."""
    purpose = label_of(Purpose, data.get("purpose"))
    recipient = data.get("organization_name") or label_of(RecipientKind, data.get("recipient_kind"))
    if purpose is None or not recipient:
        return None
    return f"{purpose} – {recipient}"


def _expiring(data: Mapping[str, Any], summary: str) -> str | None:
    consent = _consent(data, summary)
    try:
        ends = dt.date.fromisoformat(str(data["expires_on"]))
    except (KeyError, ValueError):
        return None
    if consent is None:
        return None
    return gettext("%(consent)s, until %(date)s") % {
        "consent": consent,
        "date": formatting.long_date(ends),
    }


register_event_kinds(
    ConsentEventKind,
    {
        ConsentEventKind.CONSENT_GIVEN: _consent,
        ConsentEventKind.CONSENT_WITHDRAWN: _consent,
        ConsentEventKind.CONSENT_EXPIRING: _expiring,
    },
)
