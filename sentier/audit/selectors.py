"""Reads of the access log. The caller has already checked that the reader may see the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.db.models import Model, Q, QuerySet

from sentier.audit.models import AccessLog


def list_access_for_participant(participant: Model) -> QuerySet[AccessLog]:
    """Every showing of ``participant``'s file, newest first, with what the page says of each
    viewer (name, role, organization, office, region) read in the same query.

    ``participant`` is a ``participants.Participant``, reached through ``AccessLog.participant``
    (audit sits below participants and does not import it)."""
    return AccessLog.objects.filter(participant_id=participant.pk).select_related(
        "user__organization", "user__region"
    )


@dataclass(frozen=True)
class AccessPage:
    """One page of a file's access log, newest first, and the cursors to the pages beside it
    (empty when there is none): opaque, signed, so that a changed one is read as no cursor."""

    object_list: list[AccessLog]
    newer: str = ""
    older: str = ""


CURSOR_SALT = "sentier.audit.access-page"


def page_of_access_for_participant(
    participant: Model, *, newer: str = "", older: str = "", size: int = 50
) -> AccessPage:
    """A page of :func:`list_access_for_participant` found by its neighbour (keyset): rows newer
    than the ``newer`` cursor, or older than the ``older`` one, or the newest. Each page costs
    the same however long the log is; a numbered page far down it would sort and skip every row
    before it (OFFSET 9,950 for the last page of 10,000 showings)."""
    rows = list_access_for_participant(participant)
    after, before = _cursor(newer), _cursor(older)
    if after is not None:
        moment, pk = after
        found = list(
            rows.filter(Q(accessed_at__gt=moment) | Q(accessed_at=moment, id__gt=pk)).order_by(
                "accessed_at", "id"
            )[: size + 1]
        )
        page = found[:size][::-1]
        # Back at the newest rows: no newer page; there is an older one (we came from it).
        return AccessPage(
            page,
            newer=_token(page[0]) if len(found) > size else "",
            older=_token(page[-1]) if page else "",
        )
    if before is not None:
        moment, pk = before
        rows = rows.filter(Q(accessed_at__lt=moment) | Q(accessed_at=moment, id__lt=pk))
    found = list(rows.order_by("-accessed_at", "-id")[: size + 1])
    page = found[:size]
    return AccessPage(
        page,
        newer=_token(page[0]) if before is not None and page else "",
        older=_token(page[-1]) if len(found) > size else "",
    )


def _token(row: AccessLog) -> str:
    return signing.dumps([row.accessed_at.isoformat(), row.pk], salt=CURSOR_SALT)


def _cursor(token: str) -> tuple[dt.datetime, int] | None:
    if not token:
        return None
    try:
        moment, pk = signing.loads(token, salt=CURSOR_SALT)
        return dt.datetime.fromisoformat(moment), int(pk)
    except (signing.BadSignature, ValueError, TypeError):
        return None
