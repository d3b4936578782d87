"""events_in_one_insert: the events of a multi-step action, written together, in call order."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sentier.participants.actions import add_event, events_in_one_insert
from sentier.participants.models import EventKind, TimelineEvent

pytestmark = pytest.mark.django_db


def test_events_are_written_once_at_the_end_in_the_order_of_the_calls(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    before = TimelineEvent.objects.count()
    with CaptureQueriesContext(connection) as queries, events_in_one_insert():
        for text in ("un", "deux", "trois"):
            add_event(
                participant=laval_participant,
                kind=EventKind.NOTE,
                actor=personas["caseworker_laval"],
                data={"text": text},
            )
        assert TimelineEvent.objects.count() == before  # nothing yet
    inserts = [q for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1
    written = TimelineEvent.objects.filter(participant=laval_participant, kind=EventKind.NOTE)
    assert [e.data["text"] for e in written.order_by("id")] == ["un", "deux", "trois"]


def test_nothing_is_written_when_the_block_fails(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    def fails_after_an_event() -> None:
        with events_in_one_insert():
            add_event(participant=laval_participant, kind=EventKind.NOTE, actor=None)
            raise RuntimeError

    before = TimelineEvent.objects.count()
    with pytest.raises(RuntimeError):
        fails_after_an_event()
    assert TimelineEvent.objects.count() == before


def test_a_nested_block_leaves_the_writing_to_the_outer_one(laval_participant: Any) -> None:
    with events_in_one_insert():
        with events_in_one_insert():
            add_event(participant=laval_participant, kind=EventKind.NOTE, actor=None)
        assert not TimelineEvent.objects.filter(kind=EventKind.NOTE).exists()
    assert TimelineEvent.objects.filter(kind=EventKind.NOTE).count() == 1
