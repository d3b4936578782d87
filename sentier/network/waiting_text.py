"""The steps of a waiting list in the reader's language: worded when read, from the step and the
names, for the service's log and the participant's timeline alike."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext

from sentier.core.formatting import long_date


def waiting_step_text(
    step: str, *, service: str, organization: str = "", respond_by: dt.datetime | None = None
) -> str | None:
    """One step of a waiting list in the reader's language (``None`` for an unknown step)."""
    names = {"service": service, "organization": organization}
    if step == "added":
        return gettext("On the waiting list of %(service)s (%(organization)s)") % names
    if step == "offered" and respond_by is not None:  # older rows: the window began at once
        return gettext("A place is offered in %(service)s; answer by %(date)s") % {
            **names,
            "date": long_date(respond_by),
        }
    if step == "offered":
        return gettext("A place is offered in %(service)s") % names
    if step == "told" and respond_by is not None:
        return gettext("Told of the place in %(service)s; answer by %(date)s") % {
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


def freed_text() -> str:
    return gettext("A place is free; nobody waits.")
