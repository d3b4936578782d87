"""The lifecycles of service plan requests and service plans, in one place (see
:mod:`sentier.core.lifecycle`); each move is a :class:`~sentier.core.models.Transition` row.

A caseworker's request waits for the coordinator of its region, who approves it (the plan opens,
waiting for the person's agreement) or declines it with a reason. The person agrees (``active``)
or says no (``ended``); the plan ends by the person or the region's staff, always with a reason.
"""

from __future__ import annotations

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.core.lifecycle import Lifecycle, move, permission
from sentier.serviceplans.models import PlanStatus as P
from sentier.serviceplans.models import RequestStatus as R
from sentier.serviceplans.models import ServicePlan, ServicePlanRequest

CASEWORKER = "caseworker"
COORDINATOR = "coordinator"
STAFF = "staff"  # the region's caseworkers and coordinators, and administrators
PARTICIPANT = "participant"


def _may_request(user: User, request: ServicePlanRequest) -> bool:
    return user.has_perm("serviceplans.request_plan", request.participant)


def _is_the_person(user: User, plan: ServicePlan) -> bool:
    return may(user, "serviceplans.answer_as_the_person", plan)


REQUEST = Lifecycle(
    "serviceplans.request",
    [
        move("", R.PENDING, CASEWORKER),
        move(R.PENDING, R.APPROVED, COORDINATOR),
        move(R.PENDING, R.DECLINED, COORDINATOR, reason=True),
    ],
    order=R.values,
    labels=dict(R.choices),
    sides={COORDINATOR: permission("serviceplans.decide_request"), CASEWORKER: _may_request},
)

SERVICE_PLAN = Lifecycle(
    "serviceplans.plan",
    [
        move("", P.AWAITING_AGREEMENT, COORDINATOR),
        move(P.AWAITING_AGREEMENT, P.ACTIVE, STAFF, PARTICIPANT),
        # Saying no ends the plan (the reason says so); either side may also end it.
        move(P.AWAITING_AGREEMENT, P.ENDED, STAFF, PARTICIPANT, reason=True),
        move(P.ACTIVE, P.ENDED, STAFF, PARTICIPANT, reason=True),
    ],
    order=P.values,
    labels=dict(P.choices),
    sides={PARTICIPANT: _is_the_person, STAFF: permission("serviceplans.change_plan")},
)
