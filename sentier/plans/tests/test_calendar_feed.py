"""The caseworker's follow-ups as an iCalendar feed at a secret, revocable address."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sentier.plans import actions
from sentier.plans.calendar import fold
from sentier.plans.models import CalendarFeed, FollowUpMode
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db


def _check_ics(body: bytes) -> list[dict[str, str]]:
    """A strict-enough RFC 5545 check: CRLF lines of at most 75 octets, balanced components,
    the required properties; returns the events' properties (unfolded)."""
    assert body.endswith(b"\r\n")
    raw_lines = body.split(b"\r\n")[:-1]
    for raw in raw_lines:
        assert len(raw) <= 75, raw
        assert b"\n" not in raw
    unfolded: list[str] = []
    for raw in raw_lines:
        text = raw.decode("utf-8")
        if text.startswith(" "):
            unfolded[-1] += text[1:]
        else:
            unfolded.append(text)
    assert unfolded[0] == "BEGIN:VCALENDAR"
    assert unfolded[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in unfolded
    assert any(line.startswith("PRODID:") for line in unfolded)
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded[1:-1]:
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            for required in ("UID", "DTSTAMP", "DTSTART"):
                assert required in current
            assert re.fullmatch(r"\d{8}T\d{6}Z", current["DTSTART"])
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    assert current is None
    return events


def test_feed_is_valid_and_lists_only_my_follow_ups(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    when = timezone.now() + dt.timedelta(days=3)
    follow_up = actions.schedule_follow_up(
        actor=personas["caseworker_laval"],
        plan=plan,
        scheduled_for=when,
        mode=FollowUpMode.IN_PERSON,
        notes="Bring the lease; talk about the debt",
    )
    client = client_for("caseworker_laval")
    client.post(reverse("plans:calendar"), {"do": "create"})
    feed = CalendarFeed.objects.get(user=personas["caseworker_laval"])
    response = Client().get(reverse("plans:feed", args=[feed.token]))  # no sign-in
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = _check_ics(response.content)
    assert [e["UID"] for e in events] == [f"{follow_up.uuid}@sentier"]
    assert events[0]["DTSTART"] == when.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert "Julie L." in events[0]["SUMMARY"]
    assert b"Lavoie" not in response.content
    assert b"lease" not in response.content  # no notes leave the application


def test_revoked_or_replaced_address_stops_working(
    personas: dict[str, Any], client_for: Any
) -> None:
    client = client_for("caseworker_laval")
    client.post(reverse("plans:calendar"), {"do": "create"})
    old = CalendarFeed.objects.get(user=personas["caseworker_laval"]).token
    client.post(reverse("plans:calendar"), {"do": "replace"})
    new = CalendarFeed.objects.get(user=personas["caseworker_laval"]).token
    assert new != old
    assert Client().get(reverse("plans:feed", args=[old])).status_code == 404
    assert Client().get(reverse("plans:feed", args=[new])).status_code == 200
    client.post(reverse("plans:calendar"), {"do": "revoke"})
    assert Client().get(reverse("plans:feed", args=[new])).status_code == 404


def test_odd_tokens_are_404_not_500(client_for: Any) -> None:
    for token in ("short", "a" * 30 + "%00", "x" * 80, "é" * 30):
        assert Client().get(f"/fr-ca/plans/calendar/{token}.ics").status_code == 404


def test_participants_have_no_calendar_address(client_for: Any) -> None:
    assert client_for("participant").get(reverse("plans:calendar")).status_code == 404


def test_long_lines_are_folded_at_75_octets() -> None:
    folded = fold("SUMMARY:" + "é" * 80)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "SUMMARY:" + "é" * 80
