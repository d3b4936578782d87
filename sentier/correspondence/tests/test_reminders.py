"""A follow-up coming up and a consent about to end reach the person by their channel, in their
language: the daily job writes the reminder on the file once, then plans its notices once; run
again (or twice at once), it writes and plans nothing more."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from sentier.consent.actions import record_consent, withdraw_consent
from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import Consent, Purpose, RecipientKind
from sentier.core import jurisdiction
from sentier.correspondence import actions
from sentier.correspondence.models import Channel, Notice, NoticeStatus, Subject
from sentier.correspondence.tests.test_notices import person, run_tasks
from sentier.network.models import Organization
from sentier.participants.models import Participant, TimelineEvent
from sentier.plans import actions as plans
from sentier.plans.models import FollowUp, FollowUpMode
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    with translation.override("en-ca"):
        yield


def follow_up(personas: dict[str, Any], participant: Participant, when: dt.datetime) -> FollowUp:
    plan = active_plan(personas, participant)
    return plans.schedule_follow_up(
        actor=personas["caseworker_laval"],
        plan=plan,
        scheduled_for=when,
        mode=FollowUpMode.IN_PERSON,
    )


def consent_until(personas: dict[str, Any], participant: Participant, day: dt.date) -> Consent:
    return record_consent(
        actor=personas["caseworker_laval"],
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=Organization.objects.get(slug="opex-82-via-travail"),
        categories=["identity"],
        channel=ConsentChannel.PHONE,
        expires_on=day,
    )


def snapshot() -> tuple[list[Any], list[Any]]:
    return (
        list(TimelineEvent.objects.order_by("pk").values_list("pk", "kind", "data")),
        list(Notice.objects.order_by("pk").values_list("pk", "channel", "status")),
    )


def test_a_follow_up_coming_up_is_emailed_to_the_person_once(personas: dict[str, Any]) -> None:
    ana = person(personas, email="ana@example.org", preferred_language="en-ca")
    soon = follow_up(personas, ana, timezone.now() + 3 * DAY)
    now = timezone.now()

    [event] = actions.write_reminders(now=now)
    [notice] = actions.plan_notices_for(event, now=now)
    assert event.kind == "follow_up_reminder"
    assert event.data["follow_up"] == str(soon.uuid)
    assert (notice.subject, notice.channel) == (Subject.FOLLOW_UP_REMINDER, Channel.EMAIL)
    actions.plan_notices(now=now)  # the plan agreed, told as well
    assert run_tasks() == 2

    before = snapshot()
    assert actions.write_reminders(now=now + dt.timedelta(hours=1)) == []
    assert actions.plan_notices(now=now + dt.timedelta(hours=1)) == []
    assert run_tasks() == 0
    assert snapshot()[1] == before[1]
    [email] = [m for m in mail.outbox if "Reminder" in m.subject]
    assert email.to == ["ana@example.org"]
    assert "Reminder: a meeting with your caseworker" in email.subject
    assert "In person".lower() in email.body


def test_a_follow_up_far_off_is_not_reminded_yet(personas: dict[str, Any]) -> None:
    now = timezone.now()
    ana = person(personas)
    follow_up(personas, ana, now + 10 * DAY)
    assert actions.write_reminders(now=now) == []
    assert not TimelineEvent.objects.filter(kind="follow_up_reminder").exists()


def test_a_follow_up_moved_to_another_day_is_reminded_again(personas: dict[str, Any]) -> None:
    now = timezone.now()
    ana = person(personas)
    soon = follow_up(personas, ana, now + 2 * DAY)
    assert len(actions.write_reminders(now=now)) == 1
    FollowUp.objects.filter(pk=soon.pk).update(scheduled_for=now + 4 * DAY)

    assert len(actions.write_reminders(now=now)) == 1
    assert actions.write_reminders(now=now) == []


def test_a_consent_about_to_end_is_a_letter_in_the_persons_language(
    personas: dict[str, Any],
) -> None:
    today = timezone.localdate()
    ana = person(personas, preferred_language="es")  # no e-mail: a letter
    consent_until(personas, ana, today + 10 * DAY)
    now = timezone.now()

    [event] = actions.write_reminders(now=now)
    [letter] = actions.plan_notices(now=now)
    assert event.kind == "consent_expiring"
    assert (letter.subject, letter.channel, letter.status) == (
        Subject.CONSENT_EXPIRING,
        Channel.LETTER,
        NoticeStatus.TO_MAIL,
    )
    assert letter.language == "es"
    assert "OPEX" in actions.message_for(letter, at=now).text.upper()
    with translation.override("fr-ca"):
        assert "OPEX" in event.detail.upper()

    before = snapshot()
    call_command("correspondence", now=now.isoformat(), stdout=(out := io.StringIO()))
    assert "0 reminders written, 0 notices planned." in out.getvalue()
    assert snapshot() == before


def test_a_consent_given_again_withdrawn_or_far_off_is_not_announced(
    personas: dict[str, Any],
) -> None:
    today = timezone.localdate()
    ana = person(personas)
    consent_until(personas, ana, today + 5 * DAY)
    consent_until(personas, ana, today + 300 * DAY)  # given again
    bea = person(personas, first_name="Béa")
    withdraw_consent(
        actor=personas["caseworker_laval"],
        consent=consent_until(personas, bea, today + 5 * DAY),
        channel=ConsentChannel.PHONE,
    )
    consent_until(personas, person(personas, first_name="Cleo"), today + 60 * DAY)

    assert actions.write_reminders(now=timezone.now()) == []


def test_nothing_is_written_where_correspondence_is_off(
    personas: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    now = timezone.now()
    ana = person(personas)
    follow_up(personas, ana, now + 2 * DAY)
    monkeypatch.setitem(jurisdiction.APP_JURISDICTION, "correspondence", "nowhere")
    before = snapshot()
    assert actions.write_reminders(now=now) == []
    assert snapshot() == before
