"""Milestones: the dated steps of every case that the indicators count, derived from what the
capabilities already write (their rows' timestamps and transition logs). Nothing is copied into
a table of its own: each loader reads one capability's rows, with the few participant columns a
breakdown needs, and gives :class:`Milestone` values (issue 17, "Derive; don't duplicate").

A milestone names its case (``"referral:12"``), the participant's id (never shown: it only ties
an application to the first service that followed it), its kind, when it happened, and its
breakdown values: region, program, language, age band at that day, the pilot area, plus the
kind's own (channel, path, outcome, who ended it). The indicators are pure functions over
these values (:mod:`sentier.insights.indicators`), so each is tested on a hand-built list.

Not held: the person's sex (the file does not record it), and what became of a person after
they left assistance (employment or training is known only at a PAAS Action exit).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from django.db.models import Q
from django.utils import timezone

from sentier.intake.models import Application, ApplicationStatus, Recommendation, ReviewStatus
from sentier.network.models import Offer, OfferStatus
from sentier.ontario.models import ActionPlan, ActionPlanReview, DeterminationPackage, OWApplication
from sentier.paas.models import PlaceAllocation, Placement
from sentier.plans.models import (
    ActionKind,
    Extension,
    ExtensionStatus,
    PlanAction,
    PlanStatus,
    PlanTransition,
    SupportPlan,
)
from sentier.reference.selectors import current_jurisdiction
from sentier.referrals.models import Referral as ReferralRow
from sentier.referrals.models import ReferralStatus, ReferralTransition
from sentier.serviceplans.models import RequestStatus, ServicePlan, ServicePlanRequest
from sentier_rules.engine import Engine


class Kind:
    """The milestone kinds (codes, stable: exports and tests name them)."""

    APPLICATION_SENT = "application_sent"
    RECOMMENDATION = "recommendation"
    RECOMMENDATION_REVIEWED = "recommendation_reviewed"  # outcome: accepted | overridden
    SUPPORT_PLAN_PROPOSED = "support_plan_proposed"
    SUPPORT_PLAN_AGREED = "support_plan_agreed"
    SUPPORT_PLAN_EXTENDED = "support_plan_extended"
    SUPPORT_PLAN_ENDED = "support_plan_ended"  # end_reason, ended_by
    SERVICE_PLAN_REQUESTED = "service_plan_requested"
    SERVICE_PLAN_DECIDED = "service_plan_decided"  # outcome: approved | declined
    SERVICE_PLAN_AGREED = "service_plan_agreed"
    REFERRAL_SENT = "referral_sent"
    REFERRAL_ANSWERED = "referral_answered"  # outcome: accepted | rejected
    REFERRAL_FIRST_CONTACT = "referral_first_contact"
    REFERRAL_CLOSED = "referral_closed"  # outcome: the closing status (completed, expired …)
    PAAS_STARTED = "paas_started"
    PAAS_ENDED = "paas_ended"  # outcome: the exit outcome
    OFFER_ANSWERED = "offer_answered"  # outcome: accepted | declined | expired
    OW_GRANTED = "ow_granted"
    EO_REFERRED = "eo_referred"
    EO_ACCEPTED = "eo_accepted"
    EO_ACTIVE = "eo_active"
    ACTION_PLAN = "action_plan"
    ACTION_PLAN_REVIEWED = "action_plan_reviewed"  # outcome: on_time | late
    PACKAGE_MAILED = "package_mailed"
    PACKAGE_RETURNED = "package_returned"
    PLACES_GRANTED = "places_granted"  # not a person's: an organization's allocation (amount)
    SOCIAL_PARTICIPATION_ACTION = "social_participation_action"  # action_kind


#: The kinds that mark the first service a person received after applying.
FIRST_SERVICE_KINDS = frozenset(
    {
        Kind.SUPPORT_PLAN_AGREED,
        Kind.SERVICE_PLAN_AGREED,
        Kind.REFERRAL_ANSWERED,  # only when accepted (see indicators)
        Kind.PAAS_STARTED,
        Kind.EO_ACCEPTED,
        Kind.ACTION_PLAN,
    }
)

NOT_HELD_DIMENSIONS = ("sex",)
"""Breakdowns the issue names that the files do not hold."""


@dataclass(frozen=True)
class Milestone:
    """One dated step of one case, with its breakdown values."""

    kind: str
    at: dt.datetime
    case: str
    participant: int
    dims: Mapping[str, str] = field(default_factory=dict)
    amount: float | None = None

    @cached_property
    def day(self) -> dt.date:
        return timezone.localdate(self.at)

    @cached_property
    def month(self) -> str:
        return self.day.strftime("%Y-%m")


class Milestones(list[Milestone]):
    """Milestones with an index by kind, built once: each indicator reads only the kinds it
    counts instead of every milestone (a full recomputation reads 1.5 million of them at a
    million files). The index keeps the list's order within each kind, so every indicator gives
    the same cells from it as from the plain list."""

    _index: dict[str, list[Milestone]] | None = None

    def of(self, kind: str) -> list[Milestone]:
        if self._index is None:
            index: dict[str, list[Milestone]] = defaultdict(list)
            for m in self:
                index[m.kind].append(m)
            self._index = dict(index)
        return self._index.get(kind, [])


def of_kinds(milestones: Iterable[Milestone], *kinds: str) -> list[Milestone]:
    """The milestones of these kinds, in the list's order within each kind (kinds in turn)."""
    if isinstance(milestones, Milestones):
        if len(kinds) == 1:
            return milestones.of(kinds[0])
        return [m for kind in kinds for m in milestones.of(kind)]
    wanted = set(kinds)
    found = [m for m in milestones if m.kind in wanted]
    return sorted(found, key=lambda m: kinds.index(m.kind)) if len(kinds) > 1 else found


@dataclass(frozen=True)
class Scope:
    """Whose cases: the regions (or Ontario service areas) codes, or None for all of the
    jurisdiction's."""

    regions: frozenset[str] | None = None
    #: Only the participants who began a service at some time (a row of a kind in
    #: :data:`FIRST_SERVICE_KINDS`, or more): the applications that can lead to a first service.
    served_only: bool = False

    def q(self, via: str) -> Q:
        here = Q(**{f"{via}region__jurisdiction": current_jurisdiction()})
        if self.regions is not None:
            here &= Q(**{f"{via}region__code__in": sorted(self.regions)})
        if self.served_only:
            here &= served(f"{via}pk")
        return here


def served(person: str) -> Q:
    """The participants with a row behind a first service (:data:`FIRST_SERVICE_KINDS`): an
    agreed support plan or service plan, a referral (answered or Employment Ontario's), a PAAS
    Action placement, an Ontario action plan. A few more than those served: never fewer."""
    rows = (
        SupportPlan.objects.filter(agreed_at__isnull=False),
        ServicePlan.objects.filter(agreed_on__isnull=False),
        ReferralRow.objects.filter(sent_at__isnull=False),
        Placement.objects.all(),
        ActionPlan.objects.all(),
    )
    found = Q()
    for queryset in rows:
        found |= Q(**{f"{person}__in": queryset.order_by().values("participant_id")})
    return found


@cache
def pilot_regions() -> tuple[frozenset[str], dt.date | None]:
    """The Québec regions where the personalized support plan was offered first, and from when
    (the dated rollout parameter ``support_plan.regions``: the pilot is data, not code)."""
    node = Engine.shared().parameters.children["support_plan"].children["regions"]
    first_true: dict[str, dt.date] = {}
    for code, parameter in node.children.items():
        days = [
            dt.date.fromisoformat(value.instant_str)
            for value in parameter.values_list
            if value.value is True
        ]
        if days:
            first_true[str(code)] = min(days)
    if not first_true:
        return frozenset(), None
    start = min(first_true.values())
    return frozenset(code for code, day in first_true.items() if day == start), start


def age_band(birth_date: dt.date | None, on: dt.date) -> str:
    """The age band on a day: under 25, 25–34, …, 65 and over; "unknown" with no birth date."""
    if birth_date is None:
        return "unknown"
    age = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if age < 25:
        return "18-24"
    if age >= 65:
        return "65+"
    low = 25 + (age - 25) // 10 * 10
    return f"{low}-{low + 9}"


PERSON = (
    "region__code",
    "program__code",
    "preferred_language",
    "birth_date",
)


def _person_values(via: str) -> tuple[str, ...]:
    return tuple(f"{via}{name}" for name in PERSON)


class Reading:
    """What every milestone of one reading shares: the local zone, the jurisdiction, the pilot
    regions, and the breakdown dicts themselves (a million milestones take a few thousand
    distinct ones: each is made once and shared, never changed)."""

    def __init__(self) -> None:
        self.zone = timezone.get_current_timezone()
        self.quebec = current_jurisdiction() == "QC"
        self.pilots = pilot_regions()[0] if self.quebec else frozenset()
        self.dims: dict[tuple[Any, ...], dict[str, str]] = {}
        #: The kinds asked for (``None``: every kind): a loader skips the queries of the others.
        self.wanted: frozenset[str] | None = None


_reading: ContextVar[Reading | None] = ContextVar("sentier_insights_reading", default=None)


def _dims(row: Mapping[str, Any], via: str, at: dt.datetime, **extra: str) -> dict[str, str]:
    reading = _reading.get() or Reading()
    region = str(row[f"{via}region__code"])
    day = at.astimezone(reading.zone).date()
    key = (
        region,
        row[f"{via}program__code"],
        row[f"{via}preferred_language"],
        age_band(row[f"{via}birth_date"], day),
        *extra.items(),
    )
    dims = reading.dims.get(key)
    if dims is None:
        dims = reading.dims[key] = breakdowns(reading, region, key[1], key[2], key[3], extra)
    return dims


def breakdowns(
    reading: Reading,
    region: str,
    program: Any,
    language: Any,
    age: str | None,
    extra: Mapping[str, str | None],
) -> dict[str, str]:
    """A milestone's breakdown values from its participant's columns and its kind's own
    (``None`` among these: not held). ``age``: ``None`` when not asked (counted in the
    database, :mod:`sentier.insights.counts`)."""
    dims = {"region": region, "program": str(program), "language": str(language or "fr")[:2]}
    if age is not None:
        dims["age_band"] = age
    if reading.quebec:
        dims["area"] = "pilot" if region in reading.pilots else "other"
    dims.update({k: v for k, v in extra.items() if v is not None})
    return dims


def _wants(kind: str) -> bool:
    """Whether this reading asked for milestones of ``kind``."""
    reading = _reading.get()
    return reading is None or reading.wanted is None or kind in reading.wanted


def _at_day(day: dt.date) -> dt.datetime:
    """A date as the start of that local day (rows that keep a date, not a moment)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


Loader = Callable[[Scope], Iterator[Milestone]]
_LOADERS: list[Loader] = []


def loader(function: Loader) -> Loader:
    _LOADERS.append(function)
    return function


def load_milestones(scope: Scope, kinds: Iterable[str] | None = None) -> Milestones:
    """Every milestone of the cases in ``scope`` (or of the given kinds only)."""
    wanted = set(kinds) if kinds is not None else None
    found = Milestones()
    reading = Reading()
    reading.wanted = frozenset(wanted) if wanted is not None else None
    token = _reading.set(reading)
    try:
        for function in _LOADERS:
            if wanted is not None and not wanted & set(getattr(function, "kinds", ())):
                continue
            found.extend(m for m in function(scope) if wanted is None or m.kind in wanted)
    finally:
        _reading.reset(token)
    zone = reading.zone
    for m in found:
        # Each milestone's local day, once, with the zone read once (``Milestone.day``).
        m.__dict__["day"] = m.at.astimezone(zone).date()
    return found


def _kinds(*kinds: str) -> Callable[[Loader], Loader]:
    def mark(function: Loader) -> Loader:
        function.kinds = kinds  # type: ignore[attr-defined]
        return loader(function)

    return mark


@_kinds(Kind.APPLICATION_SENT)
def applications(scope: Scope) -> Iterator[Milestone]:
    rows = (
        Application.objects.filter(
            scope.q("participant__"),
            status=ApplicationStatus.SUBMITTED,
            submitted_at__isnull=False,
        )
        .order_by()
        .values("id", "participant_id", "submitted_at", "channel", *_person_values("participant__"))
    )
    for row in rows:
        yield Milestone(
            Kind.APPLICATION_SENT,
            row["submitted_at"],
            f"application:{row['id']}",
            row["participant_id"],
            _dims(row, "participant__", row["submitted_at"], channel=row["channel"]),
        )


@_kinds(Kind.RECOMMENDATION, Kind.RECOMMENDATION_REVIEWED)
def recommendations(scope: Scope) -> Iterator[Milestone]:
    rows = (
        Recommendation.objects.filter(scope.q("participant__"))
        .order_by()
        .values(
            "application_id",
            "participant_id",
            "created_at",
            "path",
            "status",
            "final_path",
            "reviewed_at",
            "application__channel",
            *_person_values("participant__"),
        )
    )
    for row in rows:
        case = f"application:{row['application_id']}"
        extra = {"path": row["path"], "channel": row["application__channel"]}
        yield Milestone(
            Kind.RECOMMENDATION,
            row["created_at"],
            case,
            row["participant_id"],
            _dims(row, "participant__", row["created_at"], **extra),
        )
        if row["reviewed_at"] is not None and row["status"] != ReviewStatus.PENDING:
            yield Milestone(
                Kind.RECOMMENDATION_REVIEWED,
                row["reviewed_at"],
                case,
                row["participant_id"],
                _dims(
                    row,
                    "participant__",
                    row["reviewed_at"],
                    outcome=row["status"],
                    final_path=row["final_path"] or row["path"],
                    **extra,
                ),
            )


@_kinds(
    Kind.SUPPORT_PLAN_PROPOSED,
    Kind.SUPPORT_PLAN_AGREED,
    Kind.SUPPORT_PLAN_EXTENDED,
    Kind.SUPPORT_PLAN_ENDED,
)
def support_plans(scope: Scope) -> Iterator[Milestone]:
    plans = {
        row["id"]: row
        for row in SupportPlan.objects.filter(scope.q("participant__"))
        .order_by()
        .values(
            "id",
            "participant_id",
            "request_channel",
            "agreed_at",
            "ended_at",
            "end_reason",
            "ended_by__role",
            *_person_values("participant__"),
        )
    }

    def milestone(kind: str, plan: Mapping[str, Any], at: dt.datetime, **extra: str) -> Milestone:
        extra = {"channel": plan["request_channel"] or "", **extra}
        return Milestone(
            kind,
            at,
            f"support_plan:{plan['id']}",
            plan["participant_id"],
            _dims(plan, "participant__", at, **extra),
        )

    proposed = (
        PlanTransition.objects.filter(plan_id__in=plans, to_status=PlanStatus.PROPOSED)
        .order_by("plan_id", "at")
        .values_list("plan_id", "at")
    )
    seen: set[int] = set()
    for plan_id, at in proposed if _wants(Kind.SUPPORT_PLAN_PROPOSED) else ():
        if plan_id not in seen:
            seen.add(plan_id)
            yield milestone(Kind.SUPPORT_PLAN_PROPOSED, plans[plan_id], at)
    for plan in plans.values():
        if plan["agreed_at"] is not None:
            yield milestone(Kind.SUPPORT_PLAN_AGREED, plan, plan["agreed_at"])
        if plan["ended_at"] is not None:
            yield milestone(
                Kind.SUPPORT_PLAN_ENDED,
                plan,
                plan["ended_at"],
                end_reason=plan["end_reason"] or "unknown",
                ended_by=plan["ended_by__role"] or "unknown",
            )
    extensions = Extension.objects.filter(
        plan_id__in=plans, status=ExtensionStatus.GRANTED, decided_at__isnull=False
    ).values_list("plan_id", "decided_at")
    for plan_id, decided_at in extensions if _wants(Kind.SUPPORT_PLAN_EXTENDED) else ():
        if decided_at is not None:
            yield milestone(Kind.SUPPORT_PLAN_EXTENDED, plans[plan_id], decided_at)


@_kinds(Kind.SERVICE_PLAN_REQUESTED, Kind.SERVICE_PLAN_DECIDED, Kind.SERVICE_PLAN_AGREED)
def service_plans(scope: Scope) -> Iterator[Milestone]:
    rows = (
        ServicePlanRequest.objects.filter(scope.q("participant__"))
        .order_by()
        .values(
            "id",
            "participant_id",
            "requested_at",
            "initiator_kind",
            "status",
            "decided_at",
            *_person_values("participant__"),
        )
    )
    for row in rows:
        case = f"service_plan_request:{row['id']}"
        extra = {"initiator": row["initiator_kind"]}
        yield Milestone(
            Kind.SERVICE_PLAN_REQUESTED,
            row["requested_at"],
            case,
            row["participant_id"],
            _dims(row, "participant__", row["requested_at"], **extra),
        )
        if row["decided_at"] is not None and row["status"] != RequestStatus.PENDING:
            yield Milestone(
                Kind.SERVICE_PLAN_DECIDED,
                row["decided_at"],
                case,
                row["participant_id"],
                _dims(row, "participant__", row["decided_at"], outcome=row["status"], **extra),
            )
    agreed = (
        ServicePlan.objects.filter(scope.q("participant__"), agreed_on__isnull=False)
        .order_by()
        .values("id", "participant_id", "agreed_on", *_person_values("participant__"))
    )
    for row in agreed:
        at = _at_day(row["agreed_on"])
        yield Milestone(
            Kind.SERVICE_PLAN_AGREED,
            at,
            f"service_plan:{row['id']}",
            row["participant_id"],
            _dims(row, "participant__", at),
        )


#: The statuses a referral reaches when the organization takes the person in.
ACCEPTED_STATUSES = frozenset({ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS})
CLOSED_STATUSES = frozenset(
    {
        ReferralStatus.REJECTED,
        ReferralStatus.COMPLETED,
        ReferralStatus.CANCELLED,
        ReferralStatus.FAILED,
        ReferralStatus.EXPIRED,
    }
)


@_kinds(
    Kind.REFERRAL_SENT,
    Kind.REFERRAL_ANSWERED,
    Kind.REFERRAL_FIRST_CONTACT,
    Kind.REFERRAL_CLOSED,
    Kind.EO_REFERRED,
    Kind.EO_ACCEPTED,
    Kind.EO_ACTIVE,
)
def referrals(scope: Scope) -> Iterator[Milestone]:
    """Québec referrals, and in Ontario the Employment Ontario referrals made at the grant."""
    referral_rows = {
        row["id"]: row
        for row in ReferralRow.objects.filter(scope.q("participant__"), sent_at__isnull=False)
        .order_by()
        .values("id", "participant_id", "sent_at", "kind", *_person_values("participant__"))
    }
    ontario = current_jurisdiction() == "ON"
    fast_tracked = (
        set(
            OWApplication.objects.filter(referral_id__in=referral_rows).values_list(
                "referral_id", flat=True
            )
        )
        if ontario
        else set()
    )

    def milestone(kind: str, row: Mapping[str, Any], at: dt.datetime, **extra: str) -> Milestone:
        return Milestone(
            kind,
            at,
            f"referral:{row['id']}",
            row["participant_id"],
            _dims(row, "participant__", at, service=row["kind"] or "other", **extra),
        )

    for row in referral_rows.values():
        kind = Kind.EO_REFERRED if row["id"] in fast_tracked else Kind.REFERRAL_SENT
        yield milestone(kind, row, row["sent_at"])
    transitions = (
        ReferralTransition.objects.filter(referral_id__in=referral_rows)
        .order_by("referral_id", "at", "id")
        .values_list("referral_id", "from_status", "to_status", "at")
    )
    answered: set[int] = set()
    contacted: set[int] = set()
    for referral_id, from_status, to_status, at in transitions:
        row = referral_rows[referral_id]
        eo = referral_id in fast_tracked
        if (
            from_status == ReferralStatus.REQUESTED
            and to_status in {ReferralStatus.ACCEPTED, ReferralStatus.REJECTED}
            and referral_id not in answered
        ):
            answered.add(referral_id)
            outcome = "accepted" if to_status == ReferralStatus.ACCEPTED else "rejected"
            if eo and outcome == "accepted":
                yield milestone(Kind.EO_ACCEPTED, row, at)
            elif not eo:
                yield milestone(Kind.REFERRAL_ANSWERED, row, at, outcome=outcome)
        if to_status == ReferralStatus.IN_PROGRESS and referral_id not in contacted:
            contacted.add(referral_id)
            yield milestone(Kind.EO_ACTIVE if eo else Kind.REFERRAL_FIRST_CONTACT, row, at)
        if to_status in CLOSED_STATUSES and not eo:
            yield milestone(Kind.REFERRAL_CLOSED, row, at, outcome=str(to_status))


@_kinds(Kind.PAAS_STARTED, Kind.PAAS_ENDED)
def paas_placements(scope: Scope) -> Iterator[Milestone]:
    rows = (
        Placement.objects.filter(scope.q("participant__"))
        .order_by()
        .values(
            "id",
            "participant_id",
            "start_date",
            "end_date",
            "exit_outcome",
            *_person_values("participant__"),
        )
    )
    for row in rows:
        case = f"paas:{row['id']}"
        start = _at_day(row["start_date"])
        yield Milestone(
            Kind.PAAS_STARTED,
            start,
            case,
            row["participant_id"],
            _dims(row, "participant__", start),
        )
        if row["end_date"] is not None:
            end = _at_day(row["end_date"])
            yield Milestone(
                Kind.PAAS_ENDED,
                end,
                case,
                row["participant_id"],
                _dims(row, "participant__", end, outcome=row["exit_outcome"] or "other"),
            )


@_kinds(Kind.OFFER_ANSWERED)
def waiting_list_offers(scope: Scope) -> Iterator[Milestone]:
    rows = (
        Offer.objects.filter(
            scope.q("entry__participant__"),
            status__in=[OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED],
        )
        .order_by()
        .values(
            "id",
            "entry__participant_id",
            "offered_at",
            "responded_at",
            "respond_by",
            "status",
            *_person_values("entry__participant__"),
        )
    )
    for row in rows:
        at = row["responded_at"] or row["respond_by"]
        yield Milestone(
            Kind.OFFER_ANSWERED,
            at,
            f"offer:{row['id']}",
            row["entry__participant_id"],
            _dims(row, "entry__participant__", at, outcome=row["status"]),
        )


@_kinds(
    Kind.OW_GRANTED,
    Kind.ACTION_PLAN,
    Kind.ACTION_PLAN_REVIEWED,
    Kind.PACKAGE_MAILED,
    Kind.PACKAGE_RETURNED,
)
def ontario(scope: Scope) -> Iterator[Milestone]:
    if current_jurisdiction() != "ON":
        return
    granted = (
        OWApplication.objects.filter(scope.q("participant__"), granted_at__isnull=False)
        .order_by()
        .values("id", "participant_id", "granted_at", "channel", *_person_values("participant__"))
    )
    for row in granted:
        yield Milestone(
            Kind.OW_GRANTED,
            row["granted_at"],
            f"ow:{row['id']}",
            row["participant_id"],
            _dims(row, "participant__", row["granted_at"], channel=row["channel"]),
        )
    plans = (
        ActionPlan.objects.filter(scope.q("participant__"))
        .order_by()
        .values("id", "participant_id", "put_in_place_on", *_person_values("participant__"))
    )
    for row in plans:
        at = _at_day(row["put_in_place_on"])
        yield Milestone(
            Kind.ACTION_PLAN,
            at,
            f"action_plan:{row['id']}",
            row["participant_id"],
            _dims(row, "participant__", at),
        )
    reviews = (
        ActionPlanReview.objects.filter(scope.q("plan__participant__"))
        .order_by()
        .values(
            "plan_id",
            "plan__participant_id",
            "reviewed_on",
            "was_due_on",
            *_person_values("plan__participant__"),
        )
    )
    for row in reviews:
        at = _at_day(row["reviewed_on"])
        on_time = "on_time" if row["reviewed_on"] <= row["was_due_on"] else "late"
        yield Milestone(
            Kind.ACTION_PLAN_REVIEWED,
            at,
            f"action_plan:{row['plan_id']}",
            row["plan__participant_id"],
            _dims(row, "plan__participant__", at, outcome=on_time),
        )
    packages = (
        DeterminationPackage.objects.filter(
            scope.q("odsp_application__participant__"), mailed_at__isnull=False
        )
        .order_by()
        .values(
            "id",
            "odsp_application__participant_id",
            "mailed_at",
            "returned_on",
            *_person_values("odsp_application__participant__"),
        )
    )
    via = "odsp_application__participant__"
    for row in packages:
        case = f"package:{row['id']}"
        person = row["odsp_application__participant_id"]
        yield Milestone(
            Kind.PACKAGE_MAILED, row["mailed_at"], case, person, _dims(row, via, row["mailed_at"])
        )
        if row["returned_on"] is not None:
            at = _at_day(row["returned_on"])
            yield Milestone(Kind.PACKAGE_RETURNED, at, case, person, _dims(row, via, at))


@_kinds(Kind.PLACES_GRANTED)
def place_allocations(scope: Scope) -> Iterator[Milestone]:
    """PAAS Action places granted to organizations: from the first month, with the last day."""
    if current_jurisdiction() != "QC":
        return
    rows = (
        PlaceAllocation.objects.filter(scope.q(""))
        .order_by()
        .values("id", "region__code", "period_start", "period_end", "places")
    )
    pilot = pilot_regions()[0]
    for row in rows:
        region = str(row["region__code"])
        yield Milestone(
            Kind.PLACES_GRANTED,
            _at_day(row["period_start"]),
            f"allocation:{row['id']}",
            0,
            {
                "region": region,
                "area": "pilot" if region in pilot else "other",
                "until": row["period_end"].isoformat(),
            },
            amount=float(row["places"]),
        )


@_kinds(Kind.SOCIAL_PARTICIPATION_ACTION)
def social_participation_actions(scope: Scope) -> Iterator[Milestone]:
    """Volunteering and other social-participation actions of support plans (003), dated by the
    first version of the action that was one (its history: added as one, or changed into one)."""
    if current_jurisdiction() != "QC":
        return
    via = "plan__participant__"
    rows = (
        PlanAction.history.filter(scope.q(via), kind__in=sorted(ActionKind.social()))
        .order_by("id", "history_date")
        .values(
            "id", "history_date", "kind", "plan_id", "plan__participant_id", *_person_values(via)
        )
    )
    seen: set[int] = set()
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        at = row["history_date"]
        yield Milestone(
            Kind.SOCIAL_PARTICIPATION_ACTION,
            at,
            f"support_plan:{row['plan_id']}",
            row["plan__participant_id"],
            _dims(row, via, at, action_kind=row["kind"]),
        )
