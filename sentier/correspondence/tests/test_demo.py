"""The demo's notices: the participant persona asked for letters, so her place offered is a
letter in the day's mailing and a call on the Laval caseworker's worklist; loading again plans
nothing more. (The whole demo's dates are checked by ``sentier/site/tests/test_demo_dates.py``.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from sentier.correspondence import demo, selectors
from sentier.correspondence.models import Channel, Notice, NoticeStatus
from sentier.correspondence.tests.test_notices import service as service  # the fixture
from sentier.network import actions as network
from sentier.network.models import Service
from sentier.participants.models import Participant

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_mailing_and_the_calls_once(
    personas: dict[str, Any], laval_participant: Participant, service: Service
) -> None:
    now = timezone.now()
    network.add_to_waiting_list(
        actor=personas["caseworker_laval"],
        service=service,
        participant=laval_participant,
        at=now - dt.timedelta(days=3),
    )
    network.release_place(
        actor=personas["partner_opex"], service=service, at=now - dt.timedelta(days=1)
    )

    created = demo.load_demo()

    assert sorted((n.channel, n.status) for n in created) == [
        (Channel.LETTER, NoticeStatus.TO_MAIL),
        (Channel.PHONE, NoticeStatus.TO_CALL),
    ]
    caseworker = personas["caseworker_laval"]
    assert selectors.letters_to_mail_for_user(caseworker).count() == 1
    assert selectors.calls_for_user(caseworker).count() == 1
    before = list(Notice.objects.values_list("pk", "status"))
    assert demo.load_demo() == []
    assert list(Notice.objects.values_list("pk", "status")) == before
