"""Permission-checked reads of support plans.

"Does not exist" and "not yours" raise the same :class:`~django.http.Http404`. Lists are built
in a fixed number of queries whatever their length (prefetches, no per-row queries).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

import sentier_rules
from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.models import InformationCategory, Purpose
from sentier.consent.selectors import active_consents, consented_categories
from sentier.core.queries import known
from sentier.decisions.actions import decision_request
from sentier.decisions.models import Measure
from sentier.network.models import Organization
from sentier.participants.models import Participant, TimelineEvent
from sentier.participants.permissions import visible_participants_q
from sentier.plans import states
from sentier.plans.models import (
    ActionStatus,
    CalendarFeed,
    Difficulty,
    Extension,
    ExtensionStatus,
    FollowUp,
    FollowUpStatus,
    Objective,
    ObjectiveStatus,
    PlanAction,
    PlanShare,
    PlanStatus,
    SupportPlan,
)
from sentier.plans.timeline_kinds import SupportPlanEventKind

PLAN_EVENT_KINDS = tuple(SupportPlanEventKind.values)
# The plan page shows the latest events of the plan; the whole story is on the file's timeline.
TIMELINE_CAP = 50
ENDING_SOON_DAYS = 21


def _key(value: uuid.UUID | str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


#: What a plan is shown with, but its participant.
PLAN_PEOPLE = ("caseworker", "decision", "agreement_recorded_by", "ended_by")


def _plans() -> QuerySet[SupportPlan]:
    return SupportPlan.objects.select_related(
        "participant",
        "participant__region",
        "participant__program",
        *PLAN_PEOPLE,
    )


def list_plans_for_user(user: User) -> QuerySet[SupportPlan]:
    """Every plan ``user`` may see (the queryset twin of ``plans.view_plan``)."""
    return _plans().filter(
        participant__in=Participant.objects.filter(visible_participants_q(user)).values("pk")
    )


def get_plan_for_user(user: User, plan_uuid: uuid.UUID | str) -> SupportPlan:
    """One plan, or 404 if it does not exist or ``user`` may not see it."""
    plan = list_plans_for_user(user).filter(uuid=_key(plan_uuid)).first()
    if plan is None or not user.has_perm("plans.view_plan", plan):
        raise Http404
    return plan


def get_plan_to_manage(user: User, plan_uuid: uuid.UUID | str) -> SupportPlan:
    """A plan ``user`` runs (caseworker of the region, administrator), else 404."""
    plan = get_plan_for_user(user, plan_uuid)
    if not user.has_perm("plans.manage_plan", plan):
        raise Http404
    return plan


def _child(model: Any, user: User, row_uuid: uuid.UUID | str) -> Any:
    row = (
        model.objects.select_related("plan", "plan__participant")
        .filter(uuid=_key(row_uuid))
        .first()
    )
    if row is None or not user.has_perm("plans.manage_plan", row.plan):
        raise Http404
    return row


# ---------------------------------------------------------------------------------------------
# Writing a plan: its caseworker, or an organization it is shared with


ALL_CATEGORIES = frozenset(InformationCategory.values)


def shared_categories(user: User, plan: SupportPlan) -> frozenset[str]:
    """The kinds of information the person consents, now, to share with ``user``'s organization
    for the running of their plan (empty when the plan is not shared with it)."""
    if user.organization_id is None or not user.has_perm("plans.contribute", plan):
        return frozenset()
    return frozenset(
        consented_categories(
            participant=plan.participant,
            purpose=Purpose.SUPPORT_PLAN,
            organization=user.organization,
        )
    )


@dataclass(frozen=True)
class Writer:
    """A plan as one writer may write it: everything (its caseworker) or the kinds of
    information shared with the writer's organization."""

    plan: SupportPlan
    categories: frozenset[str]
    manages: bool

    def covers(self, category: str) -> bool:
        return category in self.categories


def writer_for(user: User, plan: SupportPlan) -> Writer | None:
    if user.has_perm("plans.manage_plan", plan):
        return Writer(plan=plan, categories=ALL_CATEGORIES, manages=True)
    categories = shared_categories(user, plan)
    if categories:
        return Writer(plan=plan, categories=categories, manages=False)
    return None


def list_shared_plans_for_user(user: User) -> QuerySet[SupportPlan]:
    """The plans whose running is shared with the user's organization now."""
    if user.organization_id is None or not user.has_perm("plans.list_shared"):
        return SupportPlan.objects.none()
    return _plans().filter(
        shares__organization_id=user.organization_id, shares__taken_back_at__isnull=True
    )


def get_plan_to_write(user: User, plan_uuid: uuid.UUID | str) -> Writer:
    """A plan ``user`` runs, or whose running is shared with their organization with at least
    one kind of information consented; else 404."""
    plan = _plans().filter(uuid=_key(plan_uuid)).first()
    writer = writer_for(user, plan) if plan is not None else None
    if writer is None:
        raise Http404
    return writer


def get_row_to_write(model: Any, user: User, row_uuid: uuid.UUID | str) -> tuple[Any, Writer]:
    """An objective, action or follow-up ``user`` may change: the same 404 when it does not
    exist, belongs to a plan they do not write, or holds a kind of information the person did
    not consent to share with their organization."""
    row = (
        model.objects.select_related("plan", "plan__participant", "plan__caseworker")
        .filter(uuid=_key(row_uuid))
        .first()
    )
    writer = writer_for(user, row.plan) if row is not None else None
    if writer is None or not writer.covers(row.category):
        raise Http404
    return row, writer


def list_shares(plan: SupportPlan) -> list[PlanShare]:
    """Every organization the plan was shared with, the running shares first."""
    return sorted(
        plan.shares.select_related("organization", "shared_by", "taken_back_by"),
        key=lambda share: (share.taken_back_at is not None, share.shared_at),
    )


def get_share_to_manage(user: User, share_uuid: uuid.UUID | str) -> PlanShare:
    share = (
        PlanShare.objects.select_related("plan", "plan__participant", "organization")
        .filter(uuid=_key(share_uuid))
        .first()
    )
    if share is None or not user.has_perm("plans.manage_plan", share.plan):
        raise Http404
    return share


def get_objective_to_manage(user: User, objective_uuid: uuid.UUID | str) -> Objective:
    result: Objective = _child(Objective, user, objective_uuid)
    return result


def get_action_to_manage(user: User, action_uuid: uuid.UUID | str) -> PlanAction:
    result: PlanAction = _child(PlanAction, user, action_uuid)
    return result


def get_follow_up_to_manage(user: User, follow_up_uuid: uuid.UUID | str) -> FollowUp:
    result: FollowUp = _child(FollowUp, user, follow_up_uuid)
    return result


def get_extension_to_manage(user: User, extension_uuid: uuid.UUID | str) -> Extension:
    result: Extension = _child(Extension, user, extension_uuid)
    return result


def current_plan_for(participant: Participant) -> SupportPlan | None:
    """The person's open plan, else their latest one (None if they never had one)."""
    return _current_plan(participant, SupportPlan.objects.select_related(*PLAN_PEOPLE))


#: What the file page's plan section (``plans/_file_panel.html``) reads of the plan itself.
SUMMARY_FIELDS = ("uuid", "participant_id", "status", "started_on", "planned_end_on")


def current_plan_summary_for(participant: Participant) -> SupportPlan | None:
    """:func:`current_plan_for` with only the columns the file page's section shows: the
    query with the people joined was the widest of the page (87 columns over 4 joins, 3 to 7 ms
    of the ORM's compiling on every file page, most files having no plan)."""
    return _current_plan(participant, SupportPlan.objects.only(*SUMMARY_FIELDS))


def _current_plan(participant: Participant, plans: QuerySet[SupportPlan]) -> SupportPlan | None:
    # One query: the open plans first, then the newest (most files have no plan: two empty
    # reads before, on every file page).
    # The person is known: not joined again (``known``).
    plan = (
        plans.filter(participant=participant)
        .order_by(
            Case(When(status__in=states.OPEN, then=Value(0)), default=Value(1)),
            "-created_at",
            "-id",
        )
        .first()
    )
    return None if plan is None else known([plan], participant=participant)[0]


@dataclass(frozen=True)
class SupportPlanOffer:
    """Whether the rules offer the personalized support plan to the person today, and what is
    available to them when they do not (issue 16)."""

    offered: bool
    #: The rules' main reason when not offered (``fr``/``en``, for ``|localized``).
    reason: dict[str, Any] | None
    paas_action: bool
    #: The Ministry can initiate a service plan for the person today (000, regional rollout).
    service_plan: bool


def support_plan_offer(participant: Participant, on: dt.date | None = None) -> SupportPlanOffer:
    """001 addresses the invitation to call to residents of the pilot regions, on the programs
    it lists, without an ASM-2 or ASM-5 booklet: "Si vous habitez dans les régions de la
    Gaspésie–Îles-de-la-Madeleine, de Laval, des Laurentides, du Saguenay–Lac-Saint-Jean ou de
    l'Abitibi-Témiscamingue, il vous suffit de téléphoner". The rules decide, on ``on``, from
    the file's facts; nothing is stored (this is a reading, not a decision)."""
    on = on or timezone.localdate()
    support, paas, service = sentier_rules.decide(
        [
            decision_request(participant, measure=Measure.SUPPORT_PLAN, date=on),
            decision_request(participant, measure=Measure.PAAS_ACTION, date=on, weekly_hours=0),
            decision_request(
                participant, measure=Measure.SERVICE_PLAN, date=on, initiated_by="ministry"
            ),
        ]
    )
    offered = bool(support.get("eligible"))
    reasons = support.get("reasons") or []
    return SupportPlanOffer(
        offered=offered,
        reason=None if offered or not reasons else reasons[0],
        paas_action=bool(paas.get("eligible")),
        service_plan=bool(service.get("eligible")),
    )


def get_own_plan(user: User) -> SupportPlan:
    """The signed-in participant's current plan, or 404."""
    participant = Participant.objects.filter(user_id=user.pk).first()
    if participant is None or not may(user, "participants.view_own_file"):
        raise Http404
    plan = current_plan_for(participant)
    if plan is None:
        raise Http404
    return plan


# ---------------------------------------------------------------------------------------------
# The plan page


@dataclass
class PlanContent:
    plan: SupportPlan
    difficulties: list[Difficulty]
    objectives: list[Objective]
    actions: list[PlanAction]
    loose_actions: list[PlanAction]
    follow_ups: list[FollowUp]
    extensions: list[Extension]
    next_follow_up: FollowUp | None
    pending_extension: Extension | None
    events: list[TimelineEvent] = field(default_factory=list)
    more_events: bool = False


AUTHORS = ("written_by", "written_by__organization", "changed_by", "changed_by__organization")


def plan_content(
    plan: SupportPlan, *, with_events: bool = True, categories: frozenset[str] | None = None
) -> PlanContent:
    """Everything the plan page, the portal and the PDF show, in a fixed number of queries:
    all the objectives, actions and follow-ups (with who wrote them); the latest events of the
    plan. ``categories``: only the rows of these kinds of information (an organization the
    plan is shared with)."""
    only = Q() if categories is None else Q(category__in=categories)
    objectives = list(plan.objectives.filter(only).select_related(*AUTHORS))
    by_pk = {o.pk: o for o in objectives}
    actions = [
        action
        for action in plan.actions.filter(only).select_related(*AUTHORS)
        # An action under an objective the reader does not see is not shown either.
        if action.objective_id is None or action.objective_id in by_pk
    ]
    for objective in objectives:
        objective.plan_actions = []  # type: ignore[attr-defined]
    loose = []
    for action in actions:
        if action.objective_id in by_pk:
            action.objective = by_pk[action.objective_id]
            by_pk[action.objective_id].plan_actions.append(action)  # type: ignore[attr-defined]
        else:
            loose.append(action)
    follow_ups = list(plan.follow_ups.filter(only).select_related(*AUTHORS))
    extensions = list(plan.extensions.select_related("requested_by", "decided_by"))
    now = timezone.now()
    upcoming = [
        f for f in follow_ups if f.status == FollowUpStatus.SCHEDULED and f.scheduled_for >= now
    ]
    content = PlanContent(
        plan=plan,
        difficulties=list(plan.difficulties.all()),
        objectives=objectives,
        actions=actions,
        loose_actions=loose,
        follow_ups=follow_ups,
        extensions=extensions,
        next_follow_up=upcoming[0] if upcoming else None,
        pending_extension=next(
            (e for e in extensions if e.status == ExtensionStatus.PENDING), None
        ),
    )
    if with_events:
        events = list(
            TimelineEvent.objects.filter(
                participant_id=plan.participant_id,
                kind__in=PLAN_EVENT_KINDS,
                data__plan=str(plan.uuid),
            )
            .select_related("actor")
            .order_by("-occurred_at", "-id")[: TIMELINE_CAP + 1]
        )
        content.more_events = len(events) > TIMELINE_CAP
        content.events = events[:TIMELINE_CAP]
    return content


def objectives_to_carry(plan: SupportPlan) -> list[dict[str, Any]]:
    """What a service plan carries over from this plan (000: a PAP can evolve into a service
    plan): each objective still worked on, with its actions not finished."""
    unfinished = {ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.ON_HOLD}
    content = plan_content(plan, with_events=False)
    return [
        {
            "uuid": str(objective.uuid),
            "text": objective.text,
            "status": objective.status,
            "actions": [
                {
                    "what": action.what,
                    "who": action.who,
                    "who_detail": action.who_detail,
                    "due_on": action.due_on,
                    "status": action.status,
                }
                for action in objective.plan_actions  # type: ignore[attr-defined]
                if action.status in unfinished
            ],
        }
        for objective in content.objectives
        if objective.status == ObjectiveStatus.OPEN
    ]


# ---------------------------------------------------------------------------------------------
# The caseworker's worklist and reminders


def week_bounds(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Monday 00:00 to next Monday 00:00 (local time) of the week of ``now``."""
    local = timezone.localtime(now)
    monday = (local - dt.timedelta(days=local.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    return monday, monday + dt.timedelta(days=7)


@dataclass
class Worklist:
    overdue: list[FollowUp]
    this_week: list[FollowUp]
    ending_soon: list[SupportPlan]
    extension_requests: list[Extension]
    waiting_answer: list[SupportPlan]

    def people(self) -> list[int]:
        """The ids of the participants the worklist names (for the access log)."""
        return [
            *(f.plan.participant_id for f in (*self.overdue, *self.this_week)),
            *(p.participant_id for p in (*self.ending_soon, *self.waiting_answer)),
            *(e.plan.participant_id for e in self.extension_requests),
        ]

    @property
    def count(self) -> int:
        return (
            len(self.overdue)
            + len(self.this_week)
            + len(self.ending_soon)
            + len(self.extension_requests)
            + len(self.waiting_answer)
        )


def _my_plans_q(user: User) -> Q:
    if may(user, "participants.hold_caseload"):
        return Q(caseworker=user)
    return Q(pk__in=[])


def worklist_for(user: User, now: dt.datetime | None = None) -> Worklist:
    """The caseworker's follow-ups overdue and due this week, plans ending soon, extension
    requests and requests waiting for a proposal (5 queries)."""
    now = now or timezone.now()
    start, end = week_bounds(now)
    mine = SupportPlan.objects.filter(_my_plans_q(user), status__in=states.EDITABLE)
    follow_ups = list(
        FollowUp.objects.filter(
            plan__in=mine.values("pk"),
            status=FollowUpStatus.SCHEDULED,
            scheduled_for__lt=end,
        )
        .select_related("plan", "plan__participant")
        .order_by("scheduled_for")
    )
    today = timezone.localdate(now)
    ending = list(
        mine.filter(
            status__in=states.RUNNING,
            planned_end_on__lte=today + dt.timedelta(days=ENDING_SOON_DAYS),
        )
        .select_related("participant")
        .order_by("planned_end_on")
    )
    extensions = list(
        Extension.objects.filter(plan__in=mine.values("pk"), status=ExtensionStatus.PENDING)
        .select_related("plan", "plan__participant")
        .order_by("requested_at")
    )
    waiting = list(
        mine.filter(status=PlanStatus.REQUESTED)
        .select_related("participant")
        .order_by("created_at")
    )
    return Worklist(
        overdue=[f for f in follow_ups if f.scheduled_for < now],
        this_week=[f for f in follow_ups if f.scheduled_for >= now and f.scheduled_for >= start],
        ending_soon=ending,
        extension_requests=extensions,
        waiting_answer=waiting,
    )


def follow_ups_to_remind(now: dt.datetime, ahead: dt.timedelta) -> QuerySet[FollowUp]:
    """Scheduled follow-ups of running plans due before ``now + ahead`` (overdue ones too) that
    were not reminded yet."""
    return (
        FollowUp.objects.filter(
            status=FollowUpStatus.SCHEDULED,
            reminded_at=None,
            scheduled_for__lt=now + ahead,
            plan__status__in=states.EDITABLE,
        )
        .select_related("plan", "plan__participant", "plan__caseworker")
        .order_by("plan__caseworker_id", "scheduled_for")
    )


def feed_follow_ups(token: str) -> tuple[User, list[FollowUp]] | None:
    """The owner and follow-ups of a calendar feed token (None for an unknown or revoked one):
    scheduled and held contacts of their plans, from 90 days back."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active or not may(feed.user, "participants.hold_caseload"):
        return None
    since = timezone.now() - dt.timedelta(days=90)
    follow_ups = list(
        FollowUp.objects.filter(
            plan__caseworker=feed.user,
            plan__participant__region=feed.user.region,
            scheduled_for__gte=since,
        )
        .exclude(status=FollowUpStatus.CANCELLED)
        .select_related("plan", "plan__participant")
        .order_by("scheduled_for")
    )
    return feed.user, follow_ups


def feed_for(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def prefetch_plan_rows() -> list[Prefetch[Any]]:
    """Prefetches for lists of plans that show their objectives."""
    return [Prefetch("objectives"), Prefetch("difficulties")]


def organizations_to_share_with(plan: SupportPlan) -> QuerySet[Organization]:
    """The organizations the person consents, now, to share the running of their plan with,
    and that do not run it already."""
    consenting = active_consents(plan.participant).filter(purpose=Purpose.SUPPORT_PLAN)
    running = plan.shares.filter(taken_back_at__isnull=True).values("organization_id")
    return (
        Organization.objects.filter(pk__in=consenting.values("recipient_organization_id"))
        .exclude(pk__in=running)
        .order_by("name")
    )
