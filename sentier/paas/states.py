"""The PAAS Action lifecycles, in one place (see :mod:`sentier.core.lifecycle`); each move is a
:class:`~sentier.core.models.Transition` row.

- A placement starts ``active`` when the caseworker places the person and ends (voluntary, at
  any time): by the organization's staff or by the person's caseworker.
- An expense claim is ``submitted`` (by the organization or the caseworker) and decided by the
  participant's caseworker: ``approved``, or ``rejected`` with a reason.
- A monthly statement is generated as a ``draft``, ``approved`` by the Ministry, then
  ``exported`` for payment.
"""

from __future__ import annotations

from sentier.core.lifecycle import Lifecycle, move, permission
from sentier.paas.models import ClaimStatus, PlacementStatus, StatementStatus

CASEWORKER = "caseworker"
ORGANIZATION = "organization"  # the staff of the partner organization
SUBMITTER = "submitter"  # the organization's staff or a caseworker of the person's region
COORDINATOR = "coordinator"  # the Ministry: the coordinator of the regions, or an administrator

PLACEMENT = Lifecycle(
    "paas.placement",
    [
        move("", PlacementStatus.ACTIVE, CASEWORKER),
        move(PlacementStatus.ACTIVE, PlacementStatus.ENDED, ORGANIZATION, CASEWORKER),
    ],
    order=PlacementStatus.values,
    labels=dict(PlacementStatus.choices),
    # Tried in this order: the organization's staff (who follow the placement), then whoever
    # else may end it (the person's caseworker).
    sides={
        ORGANIZATION: permission("paas.follow_up_objectives"),
        CASEWORKER: permission("paas.end_placement"),
    },
)

CLAIM = Lifecycle(
    "paas.claim",
    [
        move("", ClaimStatus.SUBMITTED, SUBMITTER),
        move(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, CASEWORKER),
        move(ClaimStatus.SUBMITTED, ClaimStatus.REJECTED, CASEWORKER, reason=True),
    ],
    order=ClaimStatus.values,
    labels=dict(ClaimStatus.choices),
    sides={CASEWORKER: permission("paas.decide_claim"), SUBMITTER: permission("paas.submit_claim")},
)

STATEMENT = Lifecycle(
    "paas.statement",
    [
        move("", StatementStatus.DRAFT, COORDINATOR),
        move(StatementStatus.DRAFT, StatementStatus.APPROVED, COORDINATOR),
        move(StatementStatus.APPROVED, StatementStatus.EXPORTED, COORDINATOR),
    ],
    order=StatementStatus.values,
    labels=dict(StatementStatus.choices),
    sides={COORDINATOR: permission("paas.manage_statement")},
)
