"""Writes of the decisions domain: ask the rules for one participant, re-evaluate the caseload.

The rules themselves live in :mod:`sentier_rules` (no Django); this module turns a participant
file into the rules' input facts and keeps the answers as records.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

import sentier_rules
from sentier.accounts.models import User
from sentier.decisions.models import (
    Decision,
    Measure,
    MeasureStatus,
    OutcomeChange,
    ReevaluationRun,
)
from sentier.decisions.timeline_kinds import DecisionEventKind
from sentier.participants.actions import add_event
from sentier.participants.models import FileStatus, Participant

Progress = Callable[[str, int, int], None]


class DecisionInputError(ValueError):
    """The rules refused the input; ``error`` holds their code, French and English messages."""

    def __init__(self, error: dict[str, Any]) -> None:
        super().__init__(error.get("en", "invalid input"))
        self.error = error


def person_facts(
    participant: Participant,
    *,
    weekly_hours: int | None = None,
    application_channel: str | None = None,
    employment_ready: bool | None = None,
) -> dict[str, Any]:
    """The facts of a file in the rules' vocabulary (facts not known yet are left out)."""
    facts: dict[str, Any] = {
        "jurisdiction": participant.program.jurisdiction,
        # The rules know Québec's administrative regions only (an Ontario service area is not
        # one of their facts).
        **({"region": participant.region.code} if participant.region.jurisdiction == "QC" else {}),
        "program": participant.program.code,
        "claim_booklet": participant.claim_booklet or None,
        "asylum_seeker": participant.asylum_seeker,
        "first_nations_site": participant.first_nations_site,
    }
    if weekly_hours is not None:
        facts["weekly_hours"] = weekly_hours
    if application_channel is not None:
        facts["application_channel"] = application_channel
    if employment_ready is not None:
        facts["employment_ready"] = employment_ready
    return facts


def decision_request(
    participant: Participant,
    *,
    measure: str,
    date: dt.date,
    initiated_by: str | None = None,
    **facts: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "measure": measure,
        "date": date.isoformat(),
        "person": person_facts(participant, **facts),
    }
    if measure == Measure.SERVICE_PLAN:
        body["initiated_by"] = initiated_by or "ministry"
    return body


@transaction.atomic
def decide_for_participant(
    *,
    actor: User,
    participant: Participant,
    measure: str,
    date: dt.date,
    initiated_by: str | None = None,
    weekly_hours: int | None = None,
    application_channel: str | None = None,
    employment_ready: bool | None = None,
) -> Decision:
    """Ask the rules, keep the answer as a record, and put it on the participant's timeline."""
    if not actor.has_perm("participants.change_participant", participant):
        raise PermissionDenied
    body = decision_request(
        participant,
        measure=measure,
        date=date,
        initiated_by=initiated_by,
        weekly_hours=weekly_hours,
        application_channel=application_channel,
        employment_ready=employment_ready,
    )
    answer = sentier_rules.decide([body], trace=True)[0]
    if "error" in answer:
        raise DecisionInputError(answer["error"])
    decision = Decision.objects.create(
        participant=participant,
        measure=measure,
        effective_date=date,
        inputs=body,
        eligible=answer["eligible"],
        reasons=answer["reasons"],
        amounts=answer["amounts"],
        rules_version=answer["rules_version"],
        trace=answer.get("trace", []),
        decided_by=actor,
    )
    add_event(
        participant=participant,
        kind=DecisionEventKind.DECISION,
        actor=actor,
        data={"decision": str(decision.uuid), "measure": measure, "eligible": decision.eligible},
    )
    return decision


def replay_decision(decision: Decision) -> dict[str, Any]:
    """Decide again from the stored inputs; say whether the answer and the rules are the same."""
    answer = sentier_rules.decide([decision.inputs])[0]
    same_outcome = (
        "error" not in answer
        and answer["eligible"] == decision.eligible
        and answer["reasons"] == decision.reasons
        and answer["amounts"] == decision.amounts
    )
    return {
        "answer": answer,
        "same_outcome": same_outcome,
        "same_rules_version": answer.get("rules_version") == decision.rules_version,
    }


# Facts that a batch cannot know from the file alone get neutral values: no PAAS hours planned yet,
# an in-person file, not assessed employment-ready.
BATCH_DEFAULTS = {"weekly_hours": 0, "application_channel": "in_person", "employment_ready": False}


def _columns(rows: list[tuple[Any, ...]]) -> dict[str, np.ndarray[Any, Any]]:
    count = len(rows)
    (ids, jurisdictions, regions, programs, booklets, asylum, first_nations) = (
        zip(*rows, strict=True) if rows else ((),) * 7
    )
    return {
        "id": np.fromiter(ids, dtype=np.int64, count=count),
        "jurisdiction": np.array(jurisdictions, dtype="<U2"),
        "region": np.array(regions, dtype="<U4"),
        "program": np.array(programs, dtype="<U8"),
        "claim_booklet": np.array([b or "" for b in booklets], dtype="<U8"),
        "asylum_seeker": np.array(asylum, dtype=bool),
        "first_nations_site": np.array(first_nations, dtype=bool),
        "weekly_hours": np.zeros(count, dtype=np.int32),
        "application_channel": np.full(count, "in_person", dtype="<U9"),
        "employment_ready": np.zeros(count, dtype=bool),
    }


def reevaluate_caseload(
    *,
    measure: str,
    date: dt.date,
    initiated_by: str = "ministry",
    progress: Progress | None = None,
) -> ReevaluationRun:
    """Evaluate every open file in one vectorised batch and record whose outcome changed."""
    if measure not in Measure.values:
        raise ValueError(_("Unknown measure: %(measure)s") % {"measure": measure})
    report = progress or (lambda step, done, total: None)
    started = time.perf_counter()
    rows = list(
        Participant.objects.filter(status__in=[FileStatus.ACTIVE, FileStatus.PENDING])
        .order_by("id")
        .values_list(
            "id",
            "program__jurisdiction",
            "region__code",
            "program__code",
            "claim_booklet",
            "asylum_seeker",
            "first_nations_site",
        )
    )
    total = len(rows)
    report("load", total, total)
    columns = _columns(rows)
    ids = columns.pop("id")
    result = sentier_rules.evaluate_batch(measure, date.isoformat(), columns, initiated_by)
    eligible = np.asarray(result.eligible, dtype=bool)
    reasons = np.asarray(result.reason_codes)
    report("evaluate", total, total)

    previous = {
        participant_id: (was, reason)
        for participant_id, was, reason in MeasureStatus.objects.filter(
            measure=measure
        ).values_list("participant_id", "eligible", "reason_code")
    }
    with transaction.atomic():
        run = ReevaluationRun.objects.create(
            measure=measure,
            effective_date=date,
            rules_version=sentier_rules.RULES_VERSION,
            evaluated=total,
        )
        statuses = []
        changes = []
        for index in range(total):
            participant_id = int(ids[index])
            now = bool(eligible[index])
            reason = str(reasons[index])
            known = previous.get(participant_id)
            # Only what is new or different is written: a run where little changed writes
            # little (the 300,000-file probe rewrote every row, 13 s, when nothing had changed).
            if known != (now, reason):
                statuses.append(
                    MeasureStatus(
                        participant_id=participant_id,
                        measure=measure,
                        eligible=now,
                        reason_code=reason,
                        run=run,
                    )
                )
            before = known[0] if known is not None else None
            if before is not None and before != now:
                changes.append(
                    OutcomeChange(
                        run=run,
                        participant_id=participant_id,
                        measure=measure,
                        was_eligible=before,
                        now_eligible=now,
                        reason_code=reason,
                    )
                )
            if index % 5000 == 0:
                report("compare", index, total)
        MeasureStatus.objects.bulk_create(
            statuses,
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["participant", "measure"],
            update_fields=["eligible", "reason_code", "run"],
        )
        OutcomeChange.objects.bulk_create(changes, batch_size=2000)
        _supersede_older_changes(run)
        run.changed = len(changes)
        run.seconds = time.perf_counter() - started
        run.save(update_fields=["changed", "seconds"])
    report("save", total, total)
    return run


def _supersede_older_changes(run: ReevaluationRun) -> int:
    """Close the open changes of the files ``run`` changed again, for the same measure: each
    points to the newer change that replaces it on the worklist."""
    newer = OutcomeChange.objects.filter(
        run=run, participant_id=OuterRef("participant_id"), measure=OuterRef("measure")
    )
    return (
        OutcomeChange.objects.filter(
            measure=run.measure,
            handled_at__isnull=True,
            superseded_by__isnull=True,
            participant_id__in=OutcomeChange.objects.filter(run=run).values("participant_id"),
        )
        .exclude(run=run)
        .update(superseded_by=Subquery(newer.values("id")[:1]))
    )


@transaction.atomic
def mark_change_handled(*, actor: User, change: OutcomeChange) -> OutcomeChange:
    """The caseworker has acted on a worklist item (offered the measure, or decided not to)."""
    if not actor.has_perm("participants.change_participant", change.participant):
        raise PermissionDenied
    change.handled_at = timezone.now()
    change.handled_by = actor
    change.save(update_fields=["handled_at", "handled_by"])
    return change
