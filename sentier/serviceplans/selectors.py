"""Permission-checked reads of service plans, and what each party may see of them.

"Does not exist" and "not yours" raise the same :class:`~django.http.Http404`. Need to know: the
Ministry's staff of the region see the whole plan; a party sees only the information categories
the person consented to share with it for the purpose "service plan", as the consents in force
stand when the page is read (:func:`sentier.consent.selectors.shared_with`, the same read as the
partner portal's); what is not shared is left out, not greyed out.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.models import InformationCategory, Purpose
from sentier.consent.selectors import Recipient, Share, shared_with
from sentier.plans.models import SupportPlan
from sentier.plans.selectors import get_plan_to_manage
from sentier.serviceplans.models import (
    FollowUp,
    NetworkMember,
    Objective,
    Party,
    PartyKind,
    PlanAction,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    RegionalNetwork,
    RequestStatus,
    ServicePlan,
    ServicePlanRequest,
    Situation,
)
from sentier.serviceplans.permissions import parties_of_user_q, region_rows_q

ALL_CATEGORIES = frozenset(InformationCategory.values)


def _key(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def list_situations() -> QuerySet[Situation]:
    return Situation.objects.filter(active=True)


# ---------------------------------------------------------------------------------------------
# Requests


def list_requests_for_user(user: User) -> QuerySet[ServicePlanRequest]:
    """Caseworkers: the requests they sent. Coordinators: their region's. Administrators: all."""
    requests = ServicePlanRequest.objects.select_related(
        "participant", "requested_by", "decided_by", "region"
    )
    if may(user, "participants.hold_caseload") and user.region_id is not None:
        return requests.filter(requested_by=user, region_id=user.region_id)
    scope = region_rows_q(user)
    return requests.filter(scope) if scope is not None else requests.none()


def coordinator_queue(user: User) -> QuerySet[ServicePlanRequest]:
    """Requests waiting for this coordinator's decision, oldest first."""
    if not may(user, "serviceplans.decide_requests") or user.region_id is None:
        return ServicePlanRequest.objects.none()
    return (
        ServicePlanRequest.objects.filter(region_id=user.region_id, status=RequestStatus.PENDING)
        .select_related("participant", "requested_by")
        .prefetch_related("situations")
        .order_by("requested_at", "id")
    )


def get_request_for_user(user: User, request_uuid: object) -> ServicePlanRequest:
    key = _key(request_uuid)
    scope = region_rows_q(user)
    if scope is None:
        raise Http404
    found = (
        ServicePlanRequest.objects.filter(scope, uuid=key)
        .select_related(
            "participant", "requested_by", "decided_by", "region", "rules_decision", "plan"
        )
        .prefetch_related("situations")
        .first()
    )
    if found is None:
        raise Http404
    return found


#: What the caseworker's list of their requests (``serviceplans/_home_caseworker.html``) shows.
RECENT_FIELDS = (
    "uuid",
    "participant_id",
    "status",
    "decided_at",
    "next_step",
    "participant__first_name",
    "participant__last_name",
)


def recent_decisions_for_caseworker(user: User, limit: int = 10) -> list[ServicePlanRequest]:
    """The caseworker's requests, decided or not, newest first (their home and their worklist):
    the columns the list shows, the person joined for their name only (102 columns over 5 joins
    before, on every worklist)."""
    if not may(user, "participants.hold_caseload"):
        return []
    return list(
        list_requests_for_user(user)
        .select_related(None)
        .select_related("participant")
        .only(*RECENT_FIELDS)
        .order_by("-requested_at")[:limit]
    )


# ---------------------------------------------------------------------------------------------
# Plans


def list_plans_for_user(user: User) -> QuerySet[ServicePlan]:
    """Region staff: their region's plans. Partner staff: active plans their organization is a
    party to; public staff (CISSS, school service centre): those their body is a party to.
    Administrators: all."""
    plans = ServicePlan.objects.select_related(
        "participant", "coordinator", "region"
    ).prefetch_related("parties")  # who coordinates (ServicePlan.coordinated_by)
    scope = region_rows_q(user)
    if scope is not None:
        return plans.filter(scope)
    parties = parties_of_user_q(user)
    if parties is not None:
        taking_part = Party.objects.filter(parties, removed_at__isnull=True)
        return plans.filter(
            status=PlanStatus.ACTIVE, pk__in=taking_part.values("plan_id")
        ).distinct()
    return plans.none()


def get_plan_for_user(user: User, plan_uuid: object) -> ServicePlan:
    """One plan the user may open (whole or as a party), or 404."""
    key = _key(plan_uuid)
    plan = (
        ServicePlan.objects.select_related(
            "participant", "participant__program", "coordinator", "region", "request"
        )
        .filter(uuid=key)
        .first()
    )
    if plan is None or not (
        user.has_perm("serviceplans.view_plan", plan)
        or user.has_perm("serviceplans.view_plan_as_party", plan)
    ):
        raise Http404
    return plan


def get_own_plans(user: User) -> list[ServicePlan]:
    """The signed-in participant's service plans, newest first."""
    if not may(user, "participants.view_own_file"):
        return []
    return list(
        ServicePlan.objects.filter(participant__user_id=user.pk)
        .select_related("participant", "coordinator")
        .prefetch_related("parties")
        .order_by("-created_at")
    )


def get_party(plan: ServicePlan, party_uuid: object) -> Party:
    found = plan.parties.filter(uuid=_key(party_uuid)).first()
    if found is None:
        raise Http404
    return found


def get_objective(plan: ServicePlan, objective_uuid: object) -> Objective:
    found = plan.objectives.select_related("owner").filter(uuid=_key(objective_uuid)).first()
    if found is None:
        raise Http404
    return found


def get_action(plan: ServicePlan, action_uuid: object) -> PlanAction:
    found = (
        PlanAction.objects.select_related("objective", "objective__plan", "owner", "owner__plan")
        .filter(objective__plan=plan, uuid=_key(action_uuid))
        .first()
    )
    if found is None:
        raise Http404
    return found


def party_of_user(plan: ServicePlan, user: User) -> Party | None:
    """The active party of the plan the user works for (partner or public staff), if any."""
    scope = parties_of_user_q(user)
    if scope is None:
        return None
    return plan.parties.filter(scope, removed_at__isnull=True).first()


def public_bodies_of(user: User) -> list[NetworkMember]:
    """The public bodies a public staff member acts for (their home page names them)."""
    if not may(user, "serviceplans.act_for_public_body"):
        return []
    return list(
        NetworkMember.objects.filter(staff=user).select_related("network__region").order_by("name")
    )


def get_follow_up(plan: ServicePlan, follow_up_uuid: object) -> FollowUp:
    found = plan.follow_ups.select_related("party").filter(uuid=_key(follow_up_uuid)).first()
    if found is None:
        raise Http404
    return found


def _recipient(party: Party) -> Recipient:
    return Recipient.of(kind=party.recipient_kind, organization_id=party.organization_id)


def shares_by_party(plan: ServicePlan, parties: list[Party]) -> dict[int, Share]:
    """What each party other than the Ministry may see of the person now. One query."""
    others = [party for party in parties if not party.is_ministry]
    sharing = shared_with(
        {_recipient(party) for party in others},
        participant_ids=[plan.participant_id],
        purposes=[Purpose.SERVICE_PLAN],
    )
    return {
        party.pk: sharing.get(plan.participant_id, Purpose.SERVICE_PLAN, _recipient(party))
        for party in others
    }


def categories_by_party(plan: ServicePlan, parties: list[Party]) -> dict[int, frozenset[str]]:
    """Every category each party may receive now (the Ministry: all). One query."""
    shares = shares_by_party(plan, parties)
    return {
        party.pk: ALL_CATEGORIES if party.is_ministry else shares[party.pk].categories
        for party in parties
    }


def category_labels(codes: frozenset[str] | set[str]) -> list[str]:
    """The categories' labels, in the order of :class:`InformationCategory`."""
    return [str(label) for value, label in InformationCategory.choices if value in codes]


def party_categories(plan: ServicePlan, party: Party) -> frozenset[str]:
    return categories_by_party(plan, [party])[party.pk]


@dataclass
class PlanView:
    """What one reader sees of a plan: everything (``party`` None) or a party's share."""

    plan: ServicePlan
    categories: frozenset[str]
    party: Party | None = None
    parties: list[Party] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    events: list[PlanEvent] = field(default_factory=list)
    #: Why the party no longer sees anything of the person (consent withdrawn or expired).
    notice: str = ""

    @property
    def full(self) -> bool:
        return self.party is None or self.party.is_ministry

    def sees(self, category: str) -> bool:
        return category in self.categories

    @property
    def shows_identity(self) -> bool:
        return self.sees(InformationCategory.IDENTITY)

    @property
    def shows_program(self) -> bool:
        return self.sees(InformationCategory.PROGRAM)

    @property
    def shows_parties(self) -> bool:
        return self.sees(InformationCategory.PLAN)

    @property
    def shares_nothing(self) -> bool:
        return not self.categories


def plan_view(plan: ServicePlan, party: Party | None = None, event_limit: int = 200) -> PlanView:
    """The plan as ``party`` may see it (everything for the Ministry or when ``party`` is None).

    A fixed number of queries whatever the number of objectives, actions and events.
    """
    parties = list(plan.parties.select_related("organization", "member").order_by("added_at"))
    notice = ""
    if party is None or party.is_ministry:
        categories = ALL_CATEGORIES
    else:
        share = shares_by_party(plan, [party])[party.pk]
        categories, notice = share.categories, share.notice()
    actions = PlanAction.objects.select_related("owner").order_by("created_at", "id")
    objectives = list(
        plan.objectives.filter(category__in=categories)
        .select_related("owner", "agreement_recorded_by")
        .prefetch_related(Prefetch("actions", queryset=actions))
    )
    follow_ups = list(
        plan.follow_ups.filter(category__in=categories)
        .select_related("party", "written_by", "changed_by", "agreement_recorded_by")
        .order_by("-scheduled_for", "-id")
    )
    events = plan.events.filter(category__in=categories)
    if party is not None and not party.is_ministry:
        # What the person agreed to share with another party (e.g. addiction with the health
        # network) would tell this party what it may not know: only its own consents show.
        events = events.exclude(Q(kind=PlanEventKind.CONSENT_RECORDED) & ~Q(party=party))
    events = events.select_related("actor", "party").order_by("-occurred_at", "-id")
    event_list = list(events[:event_limit])
    return PlanView(
        plan=plan,
        categories=categories,
        party=party,
        parties=parties if categories >= {InformationCategory.PLAN} else [],
        objectives=objectives,
        follow_ups=follow_ups,
        events=event_list,
        notice=notice,
    )


# ---------------------------------------------------------------------------------------------
# Regional support networks


def list_networks() -> QuerySet[RegionalNetwork]:
    return RegionalNetwork.objects.select_related("region").annotate(
        member_count=Count("members", distinct=True)
    )


def get_network(region_code: str) -> RegionalNetwork:
    found = list_networks().filter(region__code=region_code[:4]).first()
    if found is None:
        raise Http404
    return found


@dataclass
class MemberRow:
    member: object
    plans: list[ServicePlan]

    @property
    def count(self) -> int:
        return len(self.plans)


def network_members_with_plans(network: RegionalNetwork) -> list[MemberRow]:
    """Each member and the open plans (not ended) it takes part in: the Ministry in every plan of
    the region, the others through their parties (as a network member or as the same
    organization of the directory). Two queries."""
    members = list(network.members.select_related("organization").order_by("order", "name"))
    parties = list(
        Party.objects.filter(plan__region_id=network.region_id, removed_at__isnull=True)
        .exclude(plan__status=PlanStatus.ENDED)
        .select_related("plan", "plan__participant")
        .order_by("plan__created_at")
    )
    by_member: dict[int, dict[int, ServicePlan]] = defaultdict(dict)
    by_organization: dict[int, dict[int, ServicePlan]] = defaultdict(dict)
    every_plan: dict[int, ServicePlan] = {}
    for party in parties:
        every_plan[party.plan_id] = party.plan
        if party.member_id is not None:
            by_member[party.member_id][party.plan_id] = party.plan
        if party.organization_id is not None:
            by_organization[party.organization_id][party.plan_id] = party.plan
    rows = []
    for member in members:
        if member.sector == PartyKind.MINISTRY:
            plans = dict(every_plan)
        else:
            plans = dict(by_member.get(member.pk, {}))
            if member.organization_id is not None:
                plans.update(by_organization.get(member.organization_id, {}))
        rows.append(MemberRow(member=member, plans=list(plans.values())))
    return rows


def get_support_plan_to_evolve(user: User, support_plan_uuid: Any) -> SupportPlan:
    """A running personalized support plan ``user`` manages (else the support-plan app's 404)."""
    return get_plan_to_manage(user, support_plan_uuid)
