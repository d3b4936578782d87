"""Reminders: in the caseworker's home panel and worklist, and by e-mail through a background
task queued by ``sentier plan_reminders --now …`` (time injected)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from sentier.plans import actions, selectors
from sentier.plans.models import FollowUp, FollowUpMode
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
NOW = timezone.make_aware(dt.datetime(2026, 11, 25, 8, 0))  # a Wednesday morning


def _follow_up(personas: dict[str, Any], plan: Any, when: dt.datetime) -> FollowUp:
    return actions.schedule_follow_up(
        actor=personas["caseworker_laval"], plan=plan, scheduled_for=when, mode=FollowUpMode.PHONE
    )


@override_settings(TASKS=IMMEDIATE)
def test_command_emails_due_and_overdue_follow_ups_once(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    overdue = _follow_up(personas, plan, NOW - dt.timedelta(days=2))
    tomorrow = _follow_up(personas, plan, NOW + dt.timedelta(hours=20))
    later = _follow_up(personas, plan, NOW + dt.timedelta(days=5))
    call_command("plan_reminders", now=NOW.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [personas["caseworker_laval"].email]
    assert "Julie L." in message.body
    assert "Lavoie" not in message.body  # first name and initial only
    for follow_up in (overdue, tomorrow, later):
        follow_up.refresh_from_db()
    assert overdue.reminded_at == NOW
    assert tomorrow.reminded_at == NOW
    assert later.reminded_at is None

    call_command("plan_reminders", now=NOW.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # nothing new to remind


@override_settings(TASKS=IMMEDIATE)
def test_moving_a_follow_up_reminds_again(personas: dict[str, Any], laval_participant: Any) -> None:
    plan = active_plan(personas, laval_participant)
    follow_up = _follow_up(personas, plan, NOW + dt.timedelta(hours=2))
    call_command("plan_reminders", now=NOW.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    follow_up.refresh_from_db()
    actions.record_follow_up(
        actor=personas["caseworker_laval"],
        follow_up=follow_up,
        expected_version=follow_up.version,
        status="scheduled",
        notes="",
        outcome="",
        scheduled_for=NOW + dt.timedelta(days=7),
    )
    later = NOW + dt.timedelta(days=6, hours=12)
    call_command("plan_reminders", now=later.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2


def test_worklist_sorts_overdue_this_week_ending_soon_and_extensions(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    overdue = _follow_up(personas, plan, NOW - dt.timedelta(days=1))
    this_week = _follow_up(personas, plan, NOW + dt.timedelta(days=2))
    _follow_up(personas, plan, NOW + dt.timedelta(days=9))  # next week: not listed
    actions.request_extension(actor=personas["participant"], plan=plan, why="x")
    worklist = selectors.worklist_for(personas["caseworker_laval"], now=NOW)
    assert worklist.overdue == [overdue]
    assert worklist.this_week == [this_week]
    assert [e.plan for e in worklist.extension_requests] == [plan]
    assert selectors.worklist_for(personas["caseworker_montreal"], now=NOW).count == 0


def test_home_panel_and_worklist_page_show_the_reminders(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    follow_up = _follow_up(personas, plan, timezone.now() - dt.timedelta(hours=3))
    client = client_for("caseworker_laval")
    home = client.get("/en-ca/").content.decode()
    assert "1 follow-up is overdue." in home
    page = client.get(reverse("plans:worklist"))
    assert reverse("plans:record_follow_up", args=[follow_up.uuid]) in page.content.decode()
    assert (
        "1 follow-up is overdue."
        not in client_for("caseworker_montreal").get("/en-ca/").content.decode()
    )


def test_bad_now_is_a_clear_error() -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("plan_reminders", now="tomorrow")
