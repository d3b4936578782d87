"""The support plan's state machine, in one place: which moves exist and who may make them.

``requested`` and ``proposed`` are the two starts (001: proposed by the caseworker, or asked for
by the person by phone or in person). The rules may answer ``ineligible``. The person agrees
(``active``) or says no (``declined``, no effect on the benefit). An active plan can wait for an
extension decision, and ends (``ended``: the person's choice, the caseworker with a reason, or
evolved into a service plan) or is ``completed`` (objectives attained or not).
"""

from __future__ import annotations

from sentier.plans.models import EndReason
from sentier.plans.models import PlanStatus as S

CASEWORKER = "caseworker"
PARTICIPANT = "participant"

# (from, to) → who may make that move.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    ("", S.REQUESTED): frozenset({CASEWORKER}),
    ("", S.PROPOSED): frozenset({CASEWORKER}),
    ("", S.INELIGIBLE): frozenset({CASEWORKER}),
    (S.REQUESTED, S.PROPOSED): frozenset({CASEWORKER}),
    (S.REQUESTED, S.DECLINED): frozenset({CASEWORKER, PARTICIPANT}),
    (S.PROPOSED, S.ACTIVE): frozenset({CASEWORKER, PARTICIPANT}),
    (S.PROPOSED, S.DECLINED): frozenset({CASEWORKER, PARTICIPANT}),
    (S.ACTIVE, S.EXTENSION_REQUESTED): frozenset({CASEWORKER, PARTICIPANT}),
    (S.EXTENSION_REQUESTED, S.ACTIVE): frozenset({CASEWORKER}),
    (S.ACTIVE, S.ENDED): frozenset({CASEWORKER, PARTICIPANT}),
    (S.EXTENSION_REQUESTED, S.ENDED): frozenset({CASEWORKER, PARTICIPANT}),
    (S.ACTIVE, S.COMPLETED): frozenset({CASEWORKER}),
    (S.EXTENSION_REQUESTED, S.COMPLETED): frozenset({CASEWORKER}),
}

# Plans a person can have only one of at a time.
OPEN = frozenset({S.REQUESTED, S.PROPOSED, S.ACTIVE, S.EXTENSION_REQUESTED})
# Plans whose content (objectives, actions, follow-ups) can still change.
EDITABLE = frozenset({S.REQUESTED, S.PROPOSED, S.ACTIVE, S.EXTENSION_REQUESTED})
# Running plans: agreed and not closed.
RUNNING = frozenset({S.ACTIVE, S.EXTENSION_REQUESTED})
CLOSED = frozenset({S.INELIGIBLE, S.DECLINED, S.ENDED, S.COMPLETED})

# End reasons and the status each leads to; who may give them.
END_STATUS: dict[str, str] = {
    EndReason.PARTICIPANT_CHOICE: S.ENDED,
    EndReason.CASEWORKER: S.ENDED,
    EndReason.EVOLVED_TO_SERVICE_PLAN: S.ENDED,
    EndReason.OBJECTIVES_ATTAINED: S.COMPLETED,
    EndReason.OBJECTIVES_NOT_ATTAINED: S.COMPLETED,
}
END_REASONS_FOR: dict[str, frozenset[str]] = {
    PARTICIPANT: frozenset({EndReason.PARTICIPANT_CHOICE}),
    CASEWORKER: frozenset(EndReason.values),
}
# The caseworker must write why when they end a plan themselves.
NOTE_REQUIRED = frozenset({EndReason.CASEWORKER})


def allowed(from_status: str, to_status: str, side: str) -> bool:
    return side in TRANSITIONS.get((from_status, to_status), frozenset())
