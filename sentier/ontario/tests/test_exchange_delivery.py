"""The Employment Ontario message written at grant leaves through the exchange worker's
``employment_ontario`` channel, with only the consented data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.test import Client

from sentier.ontario import actions
from sentier.ontario.tests.helpers import ow_of, send_application
from sentier.outbox.models import OutboxMessage


def test_the_exchange_worker_delivers_the_employment_ontario_message(
    ontario: dict[str, Any], settings: Any, tmp_path: Path
) -> None:
    from sentier.outbox.delivery import deliver_batch

    settings.SENTIER_OUTBOX_DIR = tmp_path
    application = send_application(Client())
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow_of(application))
    message = OutboxMessage.objects.get(channel="employment_ontario")
    results = dict(deliver_batch())
    message.refresh_from_db()
    assert results[str(message.uuid)] == "delivered"
    written = json.loads((tmp_path / "employment_ontario" / f"{message.uuid}.json").read_text())
    assert "situation" not in json.dumps(written)
    assert "Singh" in json.dumps(written)
