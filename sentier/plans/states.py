"""The support plan's lifecycle (:class:`~sentier.core.lifecycle.Lifecycle`), in one place: which
moves exist and who may make them; each move is a :class:`PlanTransition` row.

``requested`` and ``proposed`` are the two starts (001: proposed by the caseworker, or asked for
by the person by phone or in person). The rules may answer ``ineligible``. The person agrees
(``active``) or says no (``declined``, no effect on the benefit). An active plan can wait for an
extension decision, and ends (``ended``: the person's choice, the caseworker with a reason, or
evolved into a service plan) or is ``completed`` (objectives attained or not).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from sentier.accounts.models import User
from sentier.core.lifecycle import Lifecycle, move, permission
from sentier.plans.models import EndReason, PlanTransition, SupportPlan
from sentier.plans.models import PlanStatus as S

CASEWORKER = "caseworker"
PARTICIPANT = "participant"


def _is_caseworker(user: User, plan: SupportPlan) -> bool:
    return user.has_perm("plans.manage_plan", plan)


def _record(
    plan: SupportPlan,
    *,
    lifecycle: Lifecycle,
    from_status: str,
    to_status: str,
    side: str,
    actor: User | None,
    actor_label: str,
    reason: str,
    at: dt.datetime,
) -> PlanTransition:
    """Support plans keep their own log (it predates the shared one)."""
    return PlanTransition.objects.create(
        plan=plan, from_status=from_status, to_status=to_status, actor=actor, at=at, reason=reason
    )


SUPPORT_PLAN = Lifecycle(
    "plans.support_plan",
    [
        move("", S.REQUESTED, CASEWORKER),
        move("", S.PROPOSED, CASEWORKER),
        move("", S.INELIGIBLE, CASEWORKER),
        move(S.REQUESTED, S.PROPOSED, CASEWORKER),
        move(S.REQUESTED, S.DECLINED, CASEWORKER, PARTICIPANT),
        move(S.PROPOSED, S.ACTIVE, CASEWORKER, PARTICIPANT),
        move(S.PROPOSED, S.DECLINED, CASEWORKER, PARTICIPANT),
        move(S.ACTIVE, S.EXTENSION_REQUESTED, CASEWORKER, PARTICIPANT),
        move(S.EXTENSION_REQUESTED, S.ACTIVE, CASEWORKER),
        move(S.ACTIVE, S.ENDED, CASEWORKER, PARTICIPANT),
        move(S.EXTENSION_REQUESTED, S.ENDED, CASEWORKER, PARTICIPANT),
        move(S.ACTIVE, S.COMPLETED, CASEWORKER),
        move(S.EXTENSION_REQUESTED, S.COMPLETED, CASEWORKER),
    ],
    order=S.values,
    labels=dict(S.choices),
    # Tried in this order: a caseworker who could also participate acts as the caseworker.
    sides={CASEWORKER: _is_caseworker, PARTICIPANT: permission("plans.participate")},
    refused=_("This plan cannot go from “%(from)s” to “%(to)s”."),
    record=_record,
)

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
    return SUPPORT_PLAN.allows(from_status, to_status, side)
