"""A failed e-mail is tried again by the worker, later and later (3 tries over hours), then shows
as failed to staff, who try again or write or call instead. Never sent twice. The clock is moved
by the test (no sleep): the worker runs what is due by it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from sentier.correspondence import actions
from sentier.correspondence.models import Channel, Notice, NoticeStatus
from sentier.correspondence.tests.test_notices import offer_to, person, run_tasks
from sentier.correspondence.tests.test_notices import service as service  # the fixture
from sentier.network.models import Service
from sentier.participants.models import TimelineEvent

pytestmark = pytest.mark.django_db

BROKEN = "sentier.correspondence.tests.test_notices.BrokenBackend"
WORKING = "django.core.mail.backends.locmem.EmailBackend"


class Clock:
    def __init__(self) -> None:
        self.at = timezone.now()

    def __call__(self) -> dt.datetime:
        return self.at

    def move(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Django's clock, as the actions and the task queue read it."""
    fake = Clock()
    monkeypatch.setattr(timezone, "now", fake)
    return fake


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    with translation.override("en-ca"):
        yield


def an_email(personas: dict[str, Any], service: Service, clock: Clock) -> Notice:
    ana = person(personas, email="ana@example.org")
    offer_to(personas, service, ana)
    event = TimelineEvent.objects.get(participant=ana, kind="waiting_offer", data__step="offered")
    [notice] = actions.plan_notices_for(event, now=clock())
    return notice


def state(notice: Notice) -> tuple[str, int, dt.datetime | None]:
    notice.refresh_from_db()
    return notice.status, notice.attempts, notice.retry_at


def test_a_failed_email_is_tried_three_times_over_hours_then_shows_as_failed(
    personas: dict[str, Any], service: Service, clock: Clock, settings: Any
) -> None:
    notice = an_email(personas, service, clock)
    settings.EMAIL_BACKEND = BROKEN
    start = clock()

    assert run_tasks() == 1
    assert state(notice) == (NoticeStatus.TO_SEND, 1, start + actions.RETRY_DELAYS[0])
    clock.move(minutes=19)
    assert run_tasks() == 0  # not due yet
    clock.move(minutes=1)
    assert run_tasks() == 1
    second = clock()
    assert state(notice) == (NoticeStatus.TO_SEND, 2, second + actions.RETRY_DELAYS[1])
    clock.move(hours=3)
    assert run_tasks() == 1
    assert state(notice) == (NoticeStatus.FAILED, 3, None)
    assert "relay refused" in notice.error

    clock.move(days=30)
    assert run_tasks() == 0  # no fourth try
    assert not mail.outbox


def test_a_later_try_that_goes_sends_once(
    personas: dict[str, Any], service: Service, clock: Clock, settings: Any
) -> None:
    notice = an_email(personas, service, clock)
    settings.EMAIL_BACKEND = BROKEN
    run_tasks()
    settings.EMAIL_BACKEND = WORKING

    assert actions.email_notice.call(str(notice.uuid)) is False  # a stray run, too early
    assert state(notice)[:2] == (NoticeStatus.TO_SEND, 1)
    clock.move(hours=1)
    assert run_tasks() == 1
    actions.email_notice.call(str(notice.uuid))  # a second worker, a retry
    assert state(notice)[:2] == (NoticeStatus.SENT, 2)
    assert notice.retry_at is None
    assert notice.error == ""
    assert len(mail.outbox) == 1


def failed(personas: dict[str, Any], service: Service, clock: Clock, settings: Any) -> Notice:
    notice = an_email(personas, service, clock)
    settings.EMAIL_BACKEND = BROKEN
    for _try in range(actions.EMAIL_TRIES):
        run_tasks()
        clock.move(hours=4)
    assert state(notice)[0] == NoticeStatus.FAILED
    return notice


def test_staff_write_and_call_instead_of_an_email_that_cannot_go(
    personas: dict[str, Any], service: Service, clock: Clock, settings: Any
) -> None:
    notice = failed(personas, service, clock, settings)

    created = actions.replace_email(actor=personas["caseworker_laval"], notice=notice)

    # A place offered cannot wait for the post: a letter and a call.
    assert sorted((n.channel, n.status) for n in created) == [
        (Channel.LETTER, NoticeStatus.TO_MAIL),
        (Channel.PHONE, NoticeStatus.TO_CALL),
    ]
    assert state(notice)[0] == NoticeStatus.REPLACED
    assert notice.participant.events.filter(kind="notice", data__step="replaced").count() == 1
    before = list(Notice.objects.order_by("pk").values_list("pk", "channel", "status"))
    with pytest.raises(ValidationError):
        actions.replace_email(actor=personas["caseworker_laval"], notice=notice)
    with pytest.raises(ValidationError):
        actions.retry_notice(actor=personas["caseworker_laval"], notice=notice)
    assert list(Notice.objects.order_by("pk").values_list("pk", "channel", "status")) == before


def test_without_address_or_phone_there_is_nothing_to_fall_back_on(
    personas: dict[str, Any], service: Service, clock: Clock, settings: Any
) -> None:
    notice = failed(personas, service, clock, settings)
    notice.participant.address = notice.participant.phone = ""
    notice.participant.save(update_fields=["address", "phone"])
    before = list(Notice.objects.order_by("pk").values_list("pk", "channel", "status"))

    with pytest.raises(ValidationError) as refused:
        actions.replace_email(actor=personas["caseworker_laval"], notice=notice)

    assert "notice" in refused.value.message_dict
    assert list(Notice.objects.order_by("pk").values_list("pk", "channel", "status")) == before


def test_a_caseworker_of_another_region_cannot_replace_it(
    personas: dict[str, Any], service: Service, clock: Clock, settings: Any
) -> None:
    notice = failed(personas, service, clock, settings)
    before = list(Notice.objects.order_by("pk").values_list("pk", "channel", "status"))
    with pytest.raises(PermissionDenied):
        actions.replace_email(actor=personas["caseworker_montreal"], notice=notice)
    assert list(Notice.objects.order_by("pk").values_list("pk", "channel", "status")) == before


def test_the_page_offers_to_try_again_or_write_instead(
    personas: dict[str, Any],
    service: Service,
    clock: Clock,
    settings: Any,
    client_for: Any,
) -> None:
    notice = an_email(personas, service, clock)
    settings.EMAIL_BACKEND = BROKEN
    run_tasks()
    client = client_for("caseworker_laval")
    waiting = client.get("/en-ca/correspondence/").content.decode()
    assert "Tried 1 time; the next try is on" in waiting
    assert "Write or call instead" not in waiting
    for _try in range(actions.EMAIL_TRIES - 1):
        clock.move(hours=4)
        run_tasks()
    client = client_for("caseworker_laval")  # signed in again: hours went by

    page = client.get("/en-ca/correspondence/").content.decode()
    assert "Try again" in page
    assert "Write or call instead" in page

    answer = client.post(f"/en-ca/correspondence/{notice.uuid}/replace/", follow=True)
    assert answer.status_code == 200
    assert "Instead of the e-mail" in answer.content.decode()
    assert state(notice)[0] == NoticeStatus.REPLACED
    again = client.post(f"/en-ca/correspondence/{notice.uuid}/replace/", follow=True)
    assert again.status_code == 200
    assert "Only an e-mail that could not be sent can be replaced." in again.content.decode()
