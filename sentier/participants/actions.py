"""Every write to participant files: check permission, change, then record a timeline event."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.participants.events import event_kind
from sentier.participants.models import (
    EventKind,
    FileNumberCounter,
    Participant,
    SavedSearch,
    TimelineEvent,
)

EDITABLE_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "email",
    "phone",
    "address",
    "city",
    "postal_code",
    "preferred_language",
    "languages_spoken",
    "interpreter_language",
    "claim_booklet",
    "household_type",
    "adults",
    "children",
    "asylum_seeker",
    "first_nations_site",
    "status",
)


#: Events written by ``add_event`` inside ``events_in_one_insert()``, waiting for its end.
_pending_events: ContextVar[list[TimelineEvent] | None] = ContextVar(
    "sentier_pending_events", default=None
)


@contextlib.contextmanager
def events_in_one_insert() -> Iterator[None]:
    """Write the timeline events of a multi-step action in one INSERT at the end of the block.

    The events keep the order of the ``add_event`` calls (the timeline sorts by time, then id);
    if the block raises, none is written. Use it inside the action's transaction.
    """
    if _pending_events.get() is not None:  # already collecting: the outer block writes them
        yield
        return
    pending: list[TimelineEvent] = []
    token = _pending_events.set(pending)
    try:
        yield
    finally:
        _pending_events.reset(token)
    if pending:
        TimelineEvent.objects.bulk_create(pending)


def add_event(
    *,
    participant: Participant,
    kind: str,
    actor: User | None,
    summary: str = "",
    data: dict[str, Any] | None = None,
    occurred_at: dt.datetime | None = None,
) -> TimelineEvent:
    """Append a timeline event. Other apps' actions call this as their last step.

    ``kind`` is a code its app registered (:class:`UnknownEventKind` otherwise, before anything
    is written); ``data`` holds the parameters the kind renders in the reader's language, and
    ``summary`` only free text as typed or a proper name, never a generated sentence.
    """
    event_kind(kind)
    event = TimelineEvent(
        participant=participant,
        kind=kind,
        actor=actor,
        summary=summary[:300],
        data=data or {},
        occurred_at=occurred_at or timezone.now(),
    )
    pending = _pending_events.get()
    if pending is not None:
        pending.append(event)
    else:
        event.save(force_insert=True)
    return event


def _require_change(user: User, participant: Participant) -> None:
    if not user.has_perm("participants.change_participant", participant):
        raise PermissionDenied


@transaction.atomic
def open_participant_file(*, actor: User, **fields: Any) -> Participant:
    """Create a participant file (staff only, in a region they serve)."""
    participant = Participant(**fields)
    if not participant.file_number:
        participant.file_number = next_file_number()
    _require_change(actor, participant)
    participant.save()
    add_event(participant=participant, kind=EventKind.FILE_OPENED, actor=actor)
    return participant


# No savepoint: nothing here is caught and retried inside the caller's transaction (the first
# of the year's CREATE SEQUENCE keeps its own), and a savepoint is two round trips per sending.
@transaction.atomic(savepoint=False)
def next_file_number() -> str:
    """A readable, unique file number: year + sequence (``2026-000042``).

    On PostgreSQL a sequence per year gives the numbers: two sendings at the same moment never
    wait for each other (a number taken by a sending that then failed is skipped, which is
    harmless). SQLite has one writer at a time anyway: there, one ``UPDATE … RETURNING`` on the
    year's counter row. Either way the cost does not grow with the number of files.
    """
    year = timezone.localdate().year
    if connection.vendor == "postgresql":
        value = _next_from_sequence(year)
    else:
        value = _next_from_counter(year)
    number = f"{year}-{value:06d}"
    if Participant.objects.filter(file_number=number).exists():
        # Numbers given outside the sequence (imports): skip past them.
        return next_file_number()
    return number


def _numbers_used(year: int) -> int:
    """Where a new year's numbering starts from: files already numbered in that year."""
    counter = FileNumberCounter.objects.filter(year=year).first()
    existing = Participant.objects.filter(file_number__startswith=f"{year}-").count()
    return max(existing, counter.last if counter is not None else 0)


def _next_from_sequence(year: int) -> int:
    name = f"participants_file_number_{year}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(to_regclass(%s))", [name])
        (value,) = cursor.fetchone()
        if value is not None:
            return int(value)
        # The first file of the year: create its sequence (inside a savepoint, as another
        # sending may be creating it at the same moment; then simply use theirs).
        start = _numbers_used(year) + 1
        try:
            with transaction.atomic():
                cursor.execute(
                    f"CREATE SEQUENCE IF NOT EXISTS {connection.ops.quote_name(name)} "
                    f"START WITH {int(start)}"
                )
        except IntegrityError:
            pass
        cursor.execute("SELECT nextval(to_regclass(%s))", [name])
        (value,) = cursor.fetchone()
    return int(value)


def _next_from_counter(year: int) -> int:
    table = connection.ops.quote_name(FileNumberCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last = last + 1 WHERE year = %s RETURNING last",  # noqa: S608
            [year],
        )
        row = cursor.fetchone()
    if row is None:
        # First number of the year (or of a database filled before the counter existed).
        FileNumberCounter.objects.get_or_create(year=year, defaults={"last": _numbers_used(year)})
        return _next_from_counter(year)
    return int(row[0])


@transaction.atomic
def update_participant_details(
    *, actor: User, participant: Participant, changes: dict[str, Any]
) -> Participant:
    """Change the editable facts of a file; the event lists which fields changed."""
    _require_change(actor, participant)
    changed = []
    for name, value in changes.items():
        if name not in EDITABLE_FIELDS:
            raise ValueError(f"{name} cannot be changed here.")
        if getattr(participant, name) != value:
            setattr(participant, name, value)
            changed.append(name)
    if changed:
        participant.save(update_fields=[*changed, "updated_at"])
        add_event(
            participant=participant,
            kind=EventKind.DETAILS_UPDATED,
            actor=actor,
            data={"fields": changed},
        )
    return participant


@transaction.atomic
def assign_caseworker(*, actor: User, participant: Participant, caseworker: User) -> Participant:
    """Give the file to a caseworker of the participant's region."""
    _require_change(actor, participant)
    if (
        not may(caseworker, "participants.hold_caseload")
        or caseworker.region_id != participant.region_id
    ):
        raise PermissionDenied(_("The caseworker must serve the participant's region."))
    participant.caseworker = caseworker
    participant.assigned_at = timezone.now()
    participant.save(update_fields=["caseworker", "assigned_at", "updated_at"])
    add_event(
        participant=participant,
        kind=EventKind.ASSIGNED,
        actor=actor,
        summary=str(caseworker),
        data={"caseworker": str(caseworker.uuid)},
    )
    return participant


@transaction.atomic
def add_note(
    *, actor: User, participant: Participant, text: str, key: uuid.UUID | None = None
) -> TimelineEvent:
    """A caseworker's note on the timeline. With the key of the form it was typed in, the same
    form sent again gives back the note it added instead of a second one."""
    _require_change(actor, participant)
    if key is None:
        return add_event(
            participant=participant, kind=EventKind.NOTE, actor=actor, data={"text": text}
        )
    # The file's row is locked so that two sendings of one form at the same moment add one note.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    sent = participant.events.filter(kind=EventKind.NOTE, data__key=str(key)).first()
    if sent is not None:
        return sent
    return add_event(
        participant=participant,
        kind=EventKind.NOTE,
        actor=actor,
        data={"text": text, "key": str(key)},
    )


def save_search(*, owner: User, name: str, query: str) -> SavedSearch:
    """Save (or replace) a named caseload filter."""
    if not owner.has_perm("participants.view_caseload"):
        raise PermissionDenied
    search, _created = SavedSearch.objects.update_or_create(
        owner=owner, name=name, defaults={"query": query[:500]}
    )
    return search


def delete_saved_search(*, owner: User, search: SavedSearch) -> None:
    if search.owner_id != owner.pk:
        raise PermissionDenied
    search.delete()
