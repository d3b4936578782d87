"""Permission-checked reads of participant files.

Every read that shows personal information goes through here. "Does not exist" and "not yours"
raise the same :class:`~django.http.Http404`.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.queries import among
from sentier.participants.models import Participant, SavedSearch, TimelineEvent
from sentier.participants.permissions import visible_participants_q


def list_participants_for_user(user: User) -> QuerySet[Participant]:
    """Every participant file ``user`` may open."""
    return Participant.objects.filter(visible_participants_q(user)).select_related(
        "region", "program", "caseworker"
    )


def get_participant_for_user(user: User, participant_uuid: uuid.UUID | str) -> Participant:
    """One file, or 404 if it does not exist or ``user`` may not see it."""
    try:
        key = uuid.UUID(str(participant_uuid))
    except ValueError as exc:
        raise Http404 from exc
    participant = list_participants_for_user(user).filter(uuid=key).first()
    if participant is None or not user.has_perm("participants.view_participant", participant):
        raise Http404
    return participant


def get_own_participant(user: User) -> Participant:
    """The signed-in participant's own file, or 404."""
    participant = (
        Participant.objects.select_related("region", "program", "caseworker")
        .filter(user_id=user.pk)
        .first()
    )
    if participant is None:
        raise Http404
    return participant


def list_timeline_for_participant(participant: Participant) -> QuerySet[TimelineEvent]:
    return participant.events.select_related("actor").order_by("-occurred_at", "-id")


def list_saved_searches_for_user(user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(owner=user)


def get_saved_search_for_user(user: User, search_uuid: uuid.UUID | str) -> SavedSearch:
    try:
        key = uuid.UUID(str(search_uuid))
    except ValueError as exc:
        raise Http404 from exc
    found = SavedSearch.objects.filter(owner=user, uuid=key).first()
    if found is None:
        raise Http404
    return found


def caseload_filters(user: User, params: dict[str, Any]) -> QuerySet[Participant]:
    """The caseload page's list: scope (mine / recently assigned / all visible) and filters."""
    queryset = list_participants_for_user(user)
    scope = params.get("scope") or ("mine" if may(user, "participants.hold_caseload") else "all")
    if scope == "mine":
        queryset = queryset.filter(caseworker=user)
    elif scope == "recent":
        queryset = queryset.filter(caseworker=user, assigned_at__isnull=False).order_by(
            "-assigned_at"
        )
    if region := params.get("region"):
        queryset = queryset.filter(region__code=region)
    if program := params.get("program"):
        queryset = queryset.filter(program__code=program)
    if status := params.get("status"):
        queryset = queryset.filter(status=status)
    if text := (params.get("q") or "").strip():
        # The matches first (trigram indexes), then sorted: not the whole region walked in
        # name order until a page of matches turns up (sentier.core.queries).
        queryset = among(
            queryset,
            Q(first_name__icontains=text) | Q(last_name__icontains=text) | Q(file_number=text),
        )
    return queryset
