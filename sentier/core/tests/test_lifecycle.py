"""The lifecycle helper: declared moves only, for the sides that may make them, reasons where
required, and one transition row per move."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from sentier.core.lifecycle import (
    Lifecycle,
    ReasonRequired,
    Refusal,
    Refused,
    move,
    permission,
)
from sentier.core.models import Transition

CLERK, CLIENT = "clerk", "client"


def door(**kwargs: Any) -> Lifecycle:
    return Lifecycle(
        "tests.door",
        [
            move("", "closed", CLERK),
            move("closed", "open", CLERK, CLIENT),
            move("open", "closed", CLERK),
            move("closed", "locked", CLERK, reason=True),
        ],
        order=["open", "closed", "locked"],
        labels={"open": "Open", "closed": "Closed", "locked": "Locked"},
        sides={
            CLERK: lambda user, obj: user.is_clerk,
            CLIENT: lambda user, obj: user.owns == obj,
        },
        **kwargs,
    )


def thing(status: str) -> SimpleNamespace:
    return SimpleNamespace(status=status)


def test_only_declared_moves_for_their_sides() -> None:
    machine = door(record=lambda obj, **kw: kw)
    assert machine.allows("closed", "open", CLIENT)
    assert not machine.allows("open", "closed", CLIENT)
    assert not machine.allows("open", "locked", CLERK)
    assert machine.targets("closed", CLERK) == ["open", "locked"]
    assert machine.targets("closed", CLIENT) == ["open"]


def test_a_refused_move_changes_nothing_and_says_why() -> None:
    written: list[Any] = []
    machine = door(record=lambda obj, **kw: written.append(kw), refused="No: %(from)s → %(to)s.")
    obj = thing("open")
    with pytest.raises(Refused) as refused:
        machine.apply(obj, "locked", side=CLERK, reason="Night")
    assert str(refused.value) == "No: Open → Locked."
    assert isinstance(refused.value, Refusal)
    assert obj.status == "open"
    assert written == []


def test_the_default_refusal_is_translated() -> None:
    machine = door(record=lambda obj, **kw: kw)
    with translation.override("en"), pytest.raises(Refused) as refused:
        machine.check("open", "locked", side=CLERK)
    assert str(refused.value) == "This cannot go from “Open” to “Locked”."


def test_a_move_that_needs_a_reason_is_refused_without_one() -> None:
    written: list[Any] = []
    machine = door(record=lambda obj, **kw: written.append(kw))
    obj = thing("closed")
    with pytest.raises(ReasonRequired) as missing:
        machine.apply(obj, "locked", side=CLERK, reason="  ")
    assert missing.value.field == "reason"
    assert obj.status == "closed"
    assert written == []
    machine.apply(obj, "locked", side=CLERK, reason="Night")
    assert obj.status == "locked"
    assert [(w["from_status"], w["to_status"], w["reason"]) for w in written] == [
        ("closed", "locked", "Night")
    ]


def test_sides_come_from_their_predicates() -> None:
    machine = door(record=lambda obj, **kw: kw)
    obj = thing("closed")
    clerk = SimpleNamespace(is_clerk=True, owns=None)
    owner = SimpleNamespace(is_clerk=False, owns=obj)
    stranger = SimpleNamespace(is_clerk=False, owns=None)
    assert machine.side_of(clerk, obj) == CLERK
    assert machine.side_of(owner, obj) == CLIENT
    assert machine.side_of(stranger, obj) is None
    assert machine.open_moves(clerk, obj) == ["open", "locked"]
    assert machine.open_moves(owner, obj) == ["open"]
    assert machine.open_moves(stranger, obj) == []


def test_a_side_can_be_a_permission() -> None:
    holds = permission("tests.open_door")
    user = SimpleNamespace(has_perm=lambda name, obj: name == "tests.open_door")
    assert holds(user, object())
    assert not holds(None, object())


def test_a_declaration_with_an_unknown_status_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown status"):
        Lifecycle("tests.bad", [move("open", "ajar", CLERK)], order=["open"])


@pytest.mark.django_db
def test_a_move_writes_one_transition_row(personas: dict[str, Any]) -> None:
    # Any saved row will do as the object: here a user, whose last name plays the status.
    actor = personas["caseworker_laval"]
    subject = personas["caseworker_montreal"]
    subject.last_name = "closed"
    machine = door(field="last_name")
    row = machine.apply(subject, "locked", side=CLERK, actor=actor, reason="Night")
    assert subject.last_name == "locked"
    saved = Transition.objects.get()
    assert saved == row
    assert saved.content_type == ContentType.objects.get_for_model(subject)
    assert saved.object_id == subject.pk
    assert saved.subject == subject
    assert (saved.lifecycle, saved.from_status, saved.to_status) == (
        "tests.door",
        "closed",
        "locked",
    )
    assert (saved.side, saved.actor, saved.reason) == (CLERK, actor, "Night")
    assert saved.at is not None


@pytest.mark.django_db
def test_a_start_records_the_creation(personas: dict[str, Any]) -> None:
    subject = personas["caseworker_montreal"]
    subject.last_name = "closed"
    machine = door(field="last_name")
    machine.start(subject, side=CLERK, actor_label="import")
    saved = Transition.objects.get()
    assert (saved.from_status, saved.to_status, saved.actor, saved.actor_label) == (
        "",
        "closed",
        None,
        "import",
    )
    subject.last_name = "open"  # no object is created open
    with pytest.raises(Refused):
        machine.start(subject, side=CLERK)


def test_settled_when_no_move_leaves_the_status() -> None:
    machine = door(record=lambda obj, **kw: kw)
    assert not machine.settled(thing("closed"))
    assert not machine.settled(thing("open"))
    assert machine.settled(thing("locked"))  # no side at all may leave it
