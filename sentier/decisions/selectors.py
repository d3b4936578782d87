"""Guarded reads of decisions and of the re-evaluation worklist."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.text import french
from sentier.decisions.models import Decision, OutcomeChange
from sentier.participants.models import Participant
from sentier.participants.permissions import visible_participants_q


def list_decisions_for_participant(participant: Participant) -> QuerySet[Decision]:
    """Decisions of a file the caller has already been allowed to see."""
    return participant.decisions.select_related("decided_by").order_by("-decided_at", "-id")


#: What a decision's summary (``decisions/_summary.html``, and the link to the decision) shows:
#: not its inputs and trace (JSON, about a kilobyte a decision to decode), nor who decided.
SUMMARY_FIELDS = (
    "uuid",
    "participant_id",
    "measure",
    "eligible",
    "effective_date",
    "reasons",
    "amounts",
)


def latest_decisions_for_participant(participant: Participant) -> list[Decision]:
    """The most recent decision for each measure, newest first, with the columns their
    summaries show (the file pages' eligibility sections)."""
    seen: set[str] = set()
    latest = []
    decisions = participant.decisions.only(*SUMMARY_FIELDS).order_by("-decided_at", "-id")
    for decision in decisions[:50]:
        if decision.measure not in seen:
            seen.add(decision.measure)
            latest.append(decision)
    return latest


def get_decision_for_user(user: User, decision_uuid: uuid.UUID | str) -> Decision:
    try:
        key = uuid.UUID(str(decision_uuid))
    except ValueError as exc:
        raise Http404 from exc
    participants = Participant.objects.filter(visible_participants_q(user))
    decision = (
        Decision.objects.select_related("participant__region", "participant__program", "decided_by")
        .filter(uuid=key, participant__in=participants)
        .first()
    )
    if decision is None:
        raise Http404
    return decision


def list_worklist_changes_for_caseworker(user: User) -> QuerySet[OutcomeChange]:
    """Open re-evaluation changes for the caseworker's own participants: neither handled nor
    superseded by a later change of the same measure (the partial index serves this filter)."""
    if not may(user, "decisions.handle_changes"):
        return OutcomeChange.objects.none()
    queryset = OutcomeChange.objects.filter(
        handled_at__isnull=True, superseded_by__isnull=True
    ).select_related("participant", "run")
    if may(user, "participants.hold_caseload"):
        queryset = queryset.filter(participant__caseworker=user)
    return queryset.order_by("-run__started_at", *french("participant__last_name"))


def get_change_for_user(user: User, change_uuid: uuid.UUID | str) -> OutcomeChange:
    try:
        key = uuid.UUID(str(change_uuid))
    except ValueError as exc:
        raise Http404 from exc
    change = (
        OutcomeChange.objects.select_related("participant")
        .filter(uuid=key, participant__in=Participant.objects.filter(visible_participants_q(user)))
        .first()
    )
    if change is None:
        raise Http404
    return change
