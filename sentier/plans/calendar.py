"""The caseworker's follow-ups as an iCalendar (RFC 5545) feed, written by hand: a handful of
properties, escaped and folded as the RFC says.

Only what a calendar needs leaves the application: the date, the mode, the person's first name
and initial, and a link back to the plan (which asks for a sign-in). No notes or difficulties.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.plans.models import FollowUp, FollowUpMode, FollowUpStatus, SupportPlan

DURATION = dt.timedelta(minutes=45)


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF + space (RFC 5545 §3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current = b""
    limit = 75
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # the continuation's leading space counts
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def follow_ups_ics(
    follow_ups: Iterable[FollowUp], *, plan_url: Callable[[SupportPlan], str]
) -> str:
    stamp = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Sentier//Support plan follow-ups//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape(_("Support plan follow-ups")),
    ]
    for follow_up in follow_ups:
        participant = follow_up.plan.participant
        who = f"{participant.first_name} {participant.last_name[:1]}."
        summary = _("Follow-up with %(name)s (%(mode)s)") % {
            "name": who,
            "mode": FollowUpMode(follow_up.mode).label,
        }
        url = plan_url(follow_up.plan)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{follow_up.uuid}@sentier",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(follow_up.scheduled_for)}",
            f"DTEND:{_utc(follow_up.scheduled_for + DURATION)}",
            "SUMMARY:" + escape(summary),
            "DESCRIPTION:" + escape(url),
            f"URL:{url}",
            "STATUS:"
            + ("CONFIRMED" if follow_up.status != FollowUpStatus.CANCELLED else "CANCELLED"),
            f"SEQUENCE:{follow_up.version}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
