"""The history manager class is built once per model and still reads the right rows."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.participants.models import Participant

pytestmark = pytest.mark.django_db


def test_history_reads_are_bound_to_their_instance_and_share_one_class(
    laval_participant: Any, montreal_participant: Any
) -> None:
    before, others = laval_participant.history.count(), montreal_participant.history.count()
    laval_participant.city = "Laval-des-Rapides"
    laval_participant.save()
    assert type(laval_participant.history) is type(montreal_participant.history)
    assert laval_participant.history.count() == before + 1
    assert montreal_participant.history.count() == others
    assert laval_participant.history.first().city == "Laval-des-Rapides"
    assert Participant.history.filter(uuid=laval_participant.uuid).count() == before + 1
