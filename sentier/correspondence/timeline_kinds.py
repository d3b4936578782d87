"""The timeline event kind of correspondence (registered in ``CorrespondenceConfig.ready``):
each notice e-mailed, mailed, refused or called, rendered in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.correspondence.models import CallOutcome, Subject
from sentier.participants.events import label_of, register_event_kinds


class CorrespondenceEventKind(models.TextChoices):
    NOTICE = "notice", _("Notice to the person")


def _notice(data: Mapping[str, Any], summary: str) -> str | None:
    step = data.get("step")
    about = label_of(Subject, data.get("subject")) or data.get("subject", "")
    if step == "emailed":
        return gettext("E-mailed: %(about)s") % {"about": about}
    if step == "mailed":
        return gettext("Letter mailed: %(about)s") % {"about": about}
    if step == "refused":
        return gettext("Letter refused (no postal address), a call instead: %(about)s") % {
            "about": about
        }
    if step == "replaced":
        return gettext("E-mail could not be sent, a letter or a call instead: %(about)s") % {
            "about": about
        }
    if step == "called":
        return gettext("Call: %(about)s (%(outcome)s)") % {
            "about": about,
            "outcome": label_of(CallOutcome, data.get("outcome")) or "",
        }
    return None


register_event_kinds(CorrespondenceEventKind, {CorrespondenceEventKind.NOTICE: _notice})
