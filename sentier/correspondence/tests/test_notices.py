"""One notice per event and channel, idempotent on retry: planning twice, or running an e-mail
task twice, never sends twice; letters are mailed all or none and never twice; a letter without a
postal address is refused and becomes a call; the window of a place offered starts when the
person is told."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from sentier.correspondence import actions
from sentier.correspondence.models import (
    CallOutcome,
    Channel,
    Notice,
    NoticeStatus,
    Subject,
)
from sentier.network import actions as network
from sentier.network.models import Offer, Organization, Service
from sentier.network.tests.factories import NOW, make_service
from sentier.participants.actions import open_participant_file
from sentier.participants.models import Participant, TimelineEvent
from sentier.reference.models import Program, Region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    """These tests read the English texts (the French catalog translates them)."""
    with translation.override("en-ca"):
        yield


DAY = dt.timedelta(days=1)


def run_tasks() -> int:
    """Run the queued background tasks, as the worker would; how many ran."""
    count = 0
    for row in DBTaskResult.objects.ready().order_by("enqueued_at"):
        row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.delete()
        count += 1
    return count


@pytest.fixture
def service() -> Service:
    return make_service(
        Organization.objects.get(slug="opex-82-via-travail"), available=0, maximum=5, waiting=1
    )


def person(personas: dict[str, Any], **fields: Any) -> Participant:
    defaults: dict[str, Any] = {
        "first_name": "Ana",
        "last_name": "Test",
        "region": Region.objects.get(code="13"),
        "program": Program.objects.get(code="PAS"),
        "caseworker": personas["caseworker_laval"],
        "address": "12, rue des Érables",
        "city": "Laval",
        "postal_code": "H7N 1A1",
        "phone": "450 555-0101",
    }
    return open_participant_file(actor=personas["admin"], **{**defaults, **fields})


def offer_to(personas: dict[str, Any], service: Service, participant: Participant) -> Offer:
    network.add_to_waiting_list(
        actor=personas["caseworker_laval"],
        service=service,
        participant=participant,
        at=NOW - DAY,
    )
    offer = network.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    assert offer is not None
    return offer


def test_a_place_offered_to_a_person_without_email_is_a_letter_and_a_call(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    offer_to(personas, service, ana)

    created = actions.plan_notices(now=NOW + dt.timedelta(minutes=5))

    assert sorted((n.channel, n.status) for n in created) == [
        (Channel.LETTER, NoticeStatus.TO_MAIL),
        (Channel.PHONE, NoticeStatus.TO_CALL),
    ]
    call = next(n for n in created if n.channel == Channel.PHONE)
    assert call.assignee == personas["caseworker_laval"]
    assert call.subject == Subject.PLACE_OFFERED
    assert call.due_on is not None


def test_planning_again_creates_nothing_more(personas: dict[str, Any], service: Service) -> None:
    ana = person(personas)
    offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    before = list(Notice.objects.values_list("pk", "channel", "status"))

    assert actions.plan_notices(now=NOW + DAY) == []
    event = TimelineEvent.objects.get(participant=ana, data__step="offered")
    assert actions.plan_notices_for(event, now=NOW + DAY) == []  # even asked directly

    assert list(Notice.objects.values_list("pk", "channel", "status")) == before


def test_an_email_is_sent_once_however_often_the_task_runs(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas, email="ana@example.org", preferred_language="en-ca")
    offer = offer_to(personas, service, ana)

    [notice] = actions.plan_notices(now=NOW + DAY)
    assert notice.channel == Channel.EMAIL
    assert not mail.outbox  # sent by the worker
    assert run_tasks() == 1
    actions.email_notice.call(str(notice.uuid))  # a retry, a second worker
    actions.plan_notices(now=NOW + DAY)

    [email] = mail.outbox
    assert email.to == ["ana@example.org"]
    assert "A place is offered to you" in email.subject
    assert "Accompagnement" in email.body
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT
    assert len(notice.sha256) == 64
    assert notice.text_version
    offer.refresh_from_db()
    assert offer.told_by == "email"
    assert offer.respond_by == offer.told_at + 5 * DAY  # type: ignore[operator]


def test_a_failed_email_shows_as_failed_and_goes_once_when_tried_again(
    personas: dict[str, Any], service: Service, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = person(personas, email="ana@example.org")
    offer_to(personas, service, ana)
    [notice] = actions.plan_notices(now=NOW + DAY)
    settings.EMAIL_BACKEND = "sentier.correspondence.tests.test_notices.BrokenBackend"
    run_tasks()
    # The worker's own tries, on a clock moved past each wait (test_email_retries.py).
    clock = [timezone.now()]
    monkeypatch.setattr(timezone, "now", lambda: clock[0])
    for _try in range(2):
        clock[0] += dt.timedelta(hours=4)
        assert run_tasks() == 1
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.FAILED
    assert "relay refused" in notice.error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    actions.retry_notice(actor=personas["caseworker_laval"], notice=notice)
    run_tasks()
    run_tasks()
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT
    assert len(mail.outbox) == 1


class BrokenBackend:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def send_messages(self, messages: Any) -> int:
        raise ConnectionError("relay refused")


def test_letters_are_mailed_all_or_none_and_never_twice(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    offer = offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    letter = Notice.objects.get(channel=Channel.LETTER)
    mailed_at = NOW + 2 * DAY

    actions.mark_letters_mailed(actor=personas["caseworker_laval"], notices=[letter], at=mailed_at)

    letter.refresh_from_db()
    assert letter.status == NoticeStatus.MAILED
    assert letter.pdf is not None
    assert bytes(letter.pdf).startswith(b"%PDF")
    assert letter.sha256
    assert letter.text_version
    assert letter.address_lines == ["12, rue des Érables", "Laval H7N 1A1"]
    offer.refresh_from_db()
    assert (offer.told_at, offer.told_by) == (mailed_at, "letter")
    assert offer.respond_by == mailed_at + 5 * DAY
    before = (letter.sent_at, letter.sha256)

    with pytest.raises(ValidationError):
        actions.mark_letters_mailed(
            actor=personas["caseworker_laval"], notices=[letter], at=mailed_at + DAY
        )
    letter.refresh_from_db()
    assert (letter.sent_at, letter.sha256) == before


def test_a_batch_with_one_address_gone_is_refused_whole(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    ben = person(personas, first_name="Ben")
    offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    network.release_place(actor=personas["partner_opex"], service=service, at=NOW)
    network.add_to_waiting_list(
        actor=personas["caseworker_laval"], service=service, participant=ben, at=NOW
    )
    network.release_place(actor=personas["partner_opex"], service=service, at=NOW + DAY)
    actions.plan_notices(now=NOW + DAY)
    letters = list(Notice.objects.filter(channel=Channel.LETTER))
    assert len(letters) == 2
    Participant.objects.filter(pk=ben.pk).update(address="")

    with pytest.raises(ValidationError) as refused:
        actions.mark_letters_mailed(actor=personas["caseworker_laval"], notices=letters)

    assert "Ben Test" in str(refused.value)
    assert set(Notice.objects.filter(channel=Channel.LETTER).values_list("status", flat=True)) == {
        NoticeStatus.TO_MAIL
    }
    assert Offer.objects.filter(told_at__isnull=False).count() == 0


def test_a_letter_without_a_postal_address_is_refused_and_becomes_a_call(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    actions.set_contact_preference(
        actor=personas["caseworker_laval"], participant=ana, channel=Channel.LETTER
    )
    Participant.objects.filter(pk=ana.pk).update(address="", postal_code="")  # moved away
    offer_to(personas, service, ana)

    created = actions.plan_notices(now=NOW + DAY)

    letter = next(n for n in created if n.channel == Channel.LETTER)
    call = next(n for n in created if n.channel == Channel.PHONE)
    assert letter.status == NoticeStatus.REFUSED
    assert "No complete postal address" in letter.error
    # Kept as its msgid, the reason reads in each reader's language.
    with translation.override("fr-ca"):
        assert letter.shown_error.startswith("Aucune adresse postale complète")
    assert call.status == NoticeStatus.TO_CALL
    assert TimelineEvent.objects.filter(participant=ana, kind="notice", data__step="refused")


def test_a_call_without_a_phone_number_shows_as_failed(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas, address="", phone="")
    offer_to(personas, service, ana)

    created = actions.plan_notices(now=NOW + DAY)

    call = next(n for n in created if n.channel == Channel.PHONE)
    assert call.status == NoticeStatus.FAILED
    assert "No phone number" in call.error


def test_recording_the_call_closes_it_and_starts_the_window(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    offer = offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    call = Notice.objects.get(channel=Channel.PHONE)
    at = NOW + DAY + dt.timedelta(hours=2)

    actions.record_call(
        actor=personas["caseworker_laval"], notice=call, outcome=CallOutcome.REACHED, at=at
    )

    call.refresh_from_db()
    assert call.status == NoticeStatus.CALLED
    assert call.outcome == CallOutcome.REACHED
    offer.refresh_from_db()
    assert (offer.told_at, offer.told_by, offer.respond_by) == (at, "phone", at + 5 * DAY)
    with pytest.raises(ValidationError):
        actions.record_call(
            actor=personas["caseworker_laval"], notice=call, outcome=CallOutcome.NO_ANSWER
        )
    call.refresh_from_db()
    assert call.outcome == CallOutcome.REACHED


def test_no_answer_closes_the_call_but_does_not_start_the_window(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    offer = offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    call = Notice.objects.get(channel=Channel.PHONE)

    actions.record_call(
        actor=personas["caseworker_laval"], notice=call, outcome=CallOutcome.NO_ANSWER
    )

    offer.refresh_from_db()
    assert offer.respond_by is None


def test_a_caseworker_of_another_region_cannot_record_the_call(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas)
    offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    call = Notice.objects.get(channel=Channel.PHONE)

    with pytest.raises(PermissionDenied):
        actions.record_call(
            actor=personas["caseworker_montreal"], notice=call, outcome=CallOutcome.REACHED
        )
    with pytest.raises(PermissionDenied):
        actions.mark_letters_mailed(
            actor=personas["caseworker_montreal"],
            notices=list(Notice.objects.filter(channel=Channel.LETTER)),
        )

    assert set(Notice.objects.values_list("status", flat=True)) == {
        NoticeStatus.TO_CALL,
        NoticeStatus.TO_MAIL,
    }


def test_the_letter_is_in_the_persons_language(personas: dict[str, Any], service: Service) -> None:
    ana = person(personas, preferred_language="es")
    offer_to(personas, service, ana)
    actions.plan_notices(now=NOW + DAY)
    letter = Notice.objects.get(channel=Channel.LETTER)

    html = actions.letter_html(letter, at=NOW + DAY)

    assert letter.language == "es"
    assert '<html lang="es" dir="ltr">' in html
    assert ana.file_number in html


def test_the_chosen_channel_wins_and_refuses_what_the_file_cannot_do(
    personas: dict[str, Any], service: Service
) -> None:
    ana = person(personas, email="ana@example.org")
    actions.set_contact_preference(
        actor=personas["caseworker_laval"], participant=ana, channel=Channel.LETTER
    )
    offer_to(personas, service, ana)

    created = actions.plan_notices(now=NOW + DAY)

    assert sorted(n.channel for n in created) == [Channel.LETTER, Channel.PHONE]
    bare = person(personas, first_name="Bob", email="", phone="")
    with pytest.raises(ValidationError):
        actions.set_contact_preference(
            actor=personas["caseworker_laval"], participant=bare, channel=Channel.EMAIL
        )
    assert not hasattr(Participant.objects.get(pk=bare.pk), "contact_preference_cache")
