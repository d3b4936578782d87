"""``sentier deliver_outbox --once`` and the django-tasks task deliver what is due."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping

import pytest
from django.core.management import call_command

from sentier.exchange.tasks import deliver_outbox
from sentier.exchange.webhooks import WebhookChannel
from sentier.outbox import delivery
from sentier.outbox.models import OutboxMessage, OutboxStatus
from sentier.referrals.models import Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def posted() -> Iterator[list[str]]:
    keys: list[str] = []

    def post(url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        keys.append(headers["Sentier-Delivery"])
        return 200

    original = delivery.CHANNELS["webhook"]
    delivery.register_channel("webhook", WebhookChannel(post))
    yield keys
    delivery.register_channel("webhook", original)


def test_the_command_delivers_once_and_reports(referral: Referral, posted: list[str]) -> None:
    out = io.StringIO()
    call_command("deliver_outbox", "--once", stdout=out)
    assert "delivered 1" in out.getvalue()
    message = OutboxMessage.objects.get(referral=referral)
    assert posted == [str(message.uuid)]
    assert message.status == OutboxStatus.DELIVERED


def test_the_task_delivers_too(referral: Referral, posted: list[str]) -> None:
    result = deliver_outbox.call()
    assert result["delivered"] == 1
    assert len(posted) == 1


def test_the_loop_survives_a_database_error_and_stops_when_asked(
    referral: Referral, posted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import DatabaseError

    from sentier.outbox.management.commands import deliver_outbox as command

    calls: list[int] = []

    def flaky(*, limit: int) -> delivery.DeliveryReport:
        calls.append(limit)
        if len(calls) == 1:
            raise DatabaseError("server closed the connection")
        instance.stopping = True
        return delivery.deliver_due(limit=limit)

    instance = command.Command()
    monkeypatch.setattr(command, "deliver_due", flaky)
    monkeypatch.setattr(command.Command, "_sleep", lambda self, seconds: None)
    # The test's transaction holds the rows: the loop must not drop its connection here.
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)
    monkeypatch.setattr(
        "sentier.outbox.management.commands.deliver_outbox.close_old_connections", lambda: None
    )
    monkeypatch.setattr(instance, "_stop", lambda *args: None)
    monkeypatch.setattr("signal.signal", lambda *args: None)
    instance.handle(loop=True, once=False, limit=10, interval=0.0, verbosity=1)
    assert len(calls) == 2
    assert len(posted) == 1
