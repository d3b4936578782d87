"""Milestones: the dated steps of every case that the indicators count, derived from what the
capabilities already write (their rows' timestamps and transition logs). Nothing is copied into
a table of its own: each loader reads one capability's rows, with the few participant columns a
breakdown needs, and gives :class:`Milestone` values (issue 17, "Derive; don't duplicate").
At a million files the big loaders read their rows alone and those columns once per reading
for all of them (:func:`_people`): joining the participants to each table again was most of
the cost of reading the milestones (docs/benchmarks.md, session 14, ms17).

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from sentier.intake.models import Application, ApplicationStatus, Recommendation, ReviewStatus
from sentier.network.models import Offer, OfferStatus
from sentier.ontario.models import ActionPlan, ActionPlanReview, DeterminationPackage, OWApplication
from sentier.paas.models import PlaceAllocation, Placement
from sentier.participants.models import Participant
from sentier.plans.models import (
    ActionKind,
    Extension,
    ExtensionStatus,
    PlanAction,
    PlanStatus,
    PlanTransition,
    SupportPlan,
)
from sentier.reference.models import Region
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
        """The rows whose participant (under ``via``) is in the scope. The regions are read
        first and filtered by id: joined for their jurisdiction, a table of 17 rows that
        PostgreSQL never analyzes by itself (too few changes) is estimated at one row, and the
        planner then reads the million participants by nested loops (10 s instead of 1.7 s
        for the referrals sent)."""
        here = Q(**{f"{via}region_id__in": self.region_ids()})
        if self.served_only:
            here &= served(f"{via}pk")
        return here

    def region_ids(self) -> list[int]:
        """The ids of the scope's regions: the jurisdiction's, or those of its codes."""
        regions = Region.objects.filter(jurisdiction=current_jurisdiction()).order_by()
        if self.regions is not None:
            regions = regions.filter(code__in=sorted(self.regions))
        return sorted(regions.values_list("id", flat=True))


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
        #: The rows (not scoped) of the tables the loaders of this reading read without their
        #: participants' columns, and those columns, read once for all of them (``_people``).
        self.sources: list[QuerySet[Any]] = []
        self.people: dict[int, tuple[Any, ...]] | None = None
        #: The kinds read only for the participants who began a service (``load_milestones``).
        self.served_only: frozenset[str] = frozenset()


_reading: ContextVar[Reading | None] = ContextVar("sentier_insights_reading", default=None)


def _dims(row: Mapping[str, Any], via: str, at: dt.datetime, **extra: str) -> dict[str, str]:
    """A milestone's breakdown values from a ``values()`` row (the participant's columns under
    ``via``)."""
    person = tuple(row[name] for name in _person_values(via))
    return _person_dims(person, at, extra)[0]


def _person_dims(
    person: Sequence[Any], at: dt.datetime, extra: Mapping[str, str]
) -> tuple[dict[str, str], dt.date]:
    """The breakdown values and the local day of a milestone at ``at``, from its participant's
    columns in :data:`PERSON`'s order and its kind's own values: the day is computed here
    once (the age band needs it), and the dicts are shared (see :class:`Reading`)."""
    reading = _reading.get() or Reading()
    region, program, language, birth_date = person
    region = str(region)
    day = at.astimezone(reading.zone).date()
    key = (region, program, language, age_band(birth_date, day), *extra.items())
    dims = reading.dims.get(key)
    if dims is None:
        dims = reading.dims[key] = breakdowns(reading, region, program, language, key[3], extra)
    return dims, day


def _milestone(
    kind: str,
    at: dt.datetime,
    case: str,
    participant: int,
    person: Sequence[Any],
    **extra: str,
) -> Milestone:
    """A milestone with its breakdown values and its local day (kept, as ``Milestone.day``
    would compute it)."""
    dims, day = _person_dims(person, at, extra)
    found = Milestone(kind, at, case, participant, dims)
    found.__dict__["day"] = day
    return found


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


def _people(scope: Scope, *own: QuerySet[Any]) -> dict[int, tuple[Any, ...]]:
    """The participant columns (:data:`PERSON`) of the scope's participants with a row among
    the reading's sources (or ``own``), by id: read in one query for every loader of the
    reading, instead of joining the participants (a million rows) to each table again."""
    reading = _reading.get()
    if reading is not None and reading.people is not None:
        return reading.people
    sources = reading.sources if reading is not None and reading.sources else list(own)
    having = Q()
    for rows in sources:
        having |= Q(pk__in=rows.order_by().values("participant_id"))
    found = Participant.objects.filter(scope.q(""), having).order_by().values_list("id", *PERSON)
    people = {row[0]: row[1:] for row in found}
    if reading is not None:
        reading.people = people
    return people


def _regions_of(rows: QuerySet[Any], scope: Scope) -> QuerySet[Any]:
    """The rows of the scope's regions when it names some, and of the participants who began a
    service when it asks for them: the database leaves out the others' rows, without joining
    the participants (the jurisdiction is :func:`_people`'s)."""
    if scope.regions is not None:
        in_regions = Participant.objects.filter(region_id__in=scope.region_ids())
        rows = rows.filter(participant_id__in=in_regions.values("pk"))
    if scope.served_only:
        rows = rows.filter(served("participant_id"))
    return rows


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


def load_milestones(
    scope: Scope, kinds: Iterable[str] | None = None, *, served_only: Iterable[str] = ()
) -> Milestones:
    """Every milestone of the cases in ``scope`` (or of the given kinds only). ``served_only``:
    kinds read only for the participants who began a service, as ``Scope.served_only`` reads
    them (the applications: see :func:`applications`), in the same reading as the others."""
    wanted = set(kinds) if kinds is not None else None
    found = Milestones()
    reading = Reading()
    reading.wanted = frozenset(wanted) if wanted is not None else None
    reading.served_only = frozenset(served_only)
    chosen = [
        function
        for function in _LOADERS
        if wanted is None or wanted & set(getattr(function, "kinds", ()))
    ]
    token = _reading.set(reading)
    try:
        for function in chosen:
            reading.sources.extend(getattr(function, "sources", lambda: ())())
        for function in chosen:
            found.extend(m for m in function(scope) if wanted is None or m.kind in wanted)
    finally:
        _reading.reset(token)
    zone = reading.zone
    for m in found:
        # Each milestone's local day, once, with the zone read once (``Milestone.day``); most
        # loaders keep the day they computed for the age band.
        if "day" not in m.__dict__:
            m.__dict__["day"] = m.at.astimezone(zone).date()
    return found


def _kinds(
    *kinds: str, sources: Callable[[], Sequence[QuerySet[Any]]] | None = None
) -> Callable[[Loader], Loader]:
    """Mark a loader with the kinds it gives and, for one that reads its rows without their
    participants' columns (:func:`_people`), the rows whose participants it needs."""

    def mark(function: Loader) -> Loader:
        function.kinds = kinds  # type: ignore[attr-defined]
        if sources is not None:
            function.sources = sources  # type: ignore[attr-defined]
        return loader(function)

    return mark


def _submitted() -> QuerySet[Any]:
    return Application.objects.filter(
        status=ApplicationStatus.SUBMITTED, submitted_at__isnull=False
    )


def _sent() -> QuerySet[Any]:
    return ReferralRow.objects.filter(sent_at__isnull=False)


def _agreed_service_plans() -> QuerySet[Any]:
    return ServicePlan.objects.filter(agreed_on__isnull=False)


def _submitted_read() -> QuerySet[Any]:
    """The applications this reading reads: those of participants who began a service when it
    asked for them alone (``load_milestones(served_only=…)``)."""
    reading = _reading.get()
    if reading is not None and Kind.APPLICATION_SENT in reading.served_only:
        return _submitted().filter(served("participant_id"))
    return _submitted()


@_kinds(Kind.APPLICATION_SENT, sources=lambda: [_submitted_read()])
def applications(scope: Scope) -> Iterator[Milestone]:
    people = _people(scope, _submitted_read())
    rows = (
        _regions_of(_submitted_read(), scope)
        .order_by()
        .values_list("id", "participant_id", "submitted_at", "channel")
    )
    for pk, person, at, channel in rows:
        columns = people.get(person)
        if columns is not None:
            yield _milestone(
                Kind.APPLICATION_SENT, at, f"application:{pk}", person, columns, channel=channel
            )


@_kinds(
    Kind.RECOMMENDATION,
    Kind.RECOMMENDATION_REVIEWED,
    sources=lambda: [Recommendation.objects.all()],
)
def recommendations(scope: Scope) -> Iterator[Milestone]:
    people = _people(scope, Recommendation.objects.all())
    rows = (
        _regions_of(Recommendation.objects.all(), scope)
        .order_by()
        .values_list(
            "application_id",
            "participant_id",
            "created_at",
            "path",
            "status",
            "final_path",
            "reviewed_at",
            "application__channel",
        )
    )
    made, reviewed = _wants(Kind.RECOMMENDATION), _wants(Kind.RECOMMENDATION_REVIEWED)
    for application, person, at, path, status, final_path, reviewed_at, channel in rows:
        columns = people.get(person)
        if columns is None:
            continue
        case = f"application:{application}"
        if made:
            yield _milestone(
                Kind.RECOMMENDATION, at, case, person, columns, path=path, channel=channel
            )
        if reviewed and reviewed_at is not None and status != ReviewStatus.PENDING:
            yield _milestone(
                Kind.RECOMMENDATION_REVIEWED,
                reviewed_at,
                case,
                person,
                columns,
                outcome=status,
                final_path=final_path or path,
                path=path,
                channel=channel,
            )


@_kinds(
    Kind.SUPPORT_PLAN_PROPOSED,
    Kind.SUPPORT_PLAN_AGREED,
    Kind.SUPPORT_PLAN_EXTENDED,
    Kind.SUPPORT_PLAN_ENDED,
    sources=lambda: [SupportPlan.objects.all()],
)
def support_plans(scope: Scope) -> Iterator[Milestone]:
    agreed, ended = _wants(Kind.SUPPORT_PLAN_AGREED), _wants(Kind.SUPPORT_PLAN_ENDED)
    proposed, extended = _wants(Kind.SUPPORT_PLAN_PROPOSED), _wants(Kind.SUPPORT_PLAN_EXTENDED)
    people = _people(scope, SupportPlan.objects.all())
    scoped = _regions_of(SupportPlan.objects.all(), scope)
    rows = scoped
    if not proposed and not extended:
        # Only the plans with a step asked for: the others give no milestone.
        rows = rows.filter(
            (Q(agreed_at__isnull=False) if agreed else Q(pk__in=[]))
            | (Q(ended_at__isnull=False) if ended else Q(pk__in=[]))
        )
    plans = {
        row[0]: (*row, *people[row[1]])
        for row in rows.order_by().values_list(
            "id",
            "participant_id",
            "request_channel",
            "agreed_at",
            "ended_at",
            "end_reason",
            "ended_by__role",
        )
        if row[1] in people
    }

    def milestone(kind: str, plan: Sequence[Any], at: dt.datetime, **extra: str) -> Milestone:
        return _milestone(
            kind,
            at,
            f"support_plan:{plan[0]}",
            plan[1],
            plan[7:],
            channel=plan[2] or "",
            **extra,
        )

    ids = scoped.order_by().values("id")
    transitions = (
        PlanTransition.objects.filter(plan_id__in=ids, to_status=PlanStatus.PROPOSED)
        .order_by("plan_id", "at")
        .values_list("plan_id", "at")
    )
    seen: set[int] = set()
    for plan_id, at in transitions if proposed else ():
        if plan_id not in seen and plan_id in plans:
            seen.add(plan_id)
            yield milestone(Kind.SUPPORT_PLAN_PROPOSED, plans[plan_id], at)
    for plan in plans.values():
        if agreed and plan[3] is not None:
            yield milestone(Kind.SUPPORT_PLAN_AGREED, plan, plan[3])
        if ended and plan[4] is not None:
            yield milestone(
                Kind.SUPPORT_PLAN_ENDED,
                plan,
                plan[4],
                end_reason=plan[5] or "unknown",
                ended_by=plan[6] or "unknown",
            )
    extensions = Extension.objects.filter(
        plan_id__in=ids, status=ExtensionStatus.GRANTED, decided_at__isnull=False
    ).values_list("plan_id", "decided_at")
    for plan_id, decided_at in extensions if extended else ():
        if decided_at is not None and plan_id in plans:
            yield milestone(Kind.SUPPORT_PLAN_EXTENDED, plans[plan_id], decided_at)


@_kinds(
    Kind.SERVICE_PLAN_REQUESTED,
    Kind.SERVICE_PLAN_DECIDED,
    Kind.SERVICE_PLAN_AGREED,
    sources=lambda: [ServicePlanRequest.objects.all(), _agreed_service_plans()],
)
def service_plans(scope: Scope) -> Iterator[Milestone]:
    requested, decided = _wants(Kind.SERVICE_PLAN_REQUESTED), _wants(Kind.SERVICE_PLAN_DECIDED)
    people = _people(scope, ServicePlanRequest.objects.all(), _agreed_service_plans())
    rows = (
        _regions_of(ServicePlanRequest.objects.all(), scope)
        .order_by()
        .values_list(
            "id",
            "participant_id",
            "requested_at",
            "initiator_kind",
            "status",
            "decided_at",
        )
    )
    for pk, person, at, initiator, status, decided_at in rows if requested or decided else ():
        columns = people.get(person)
        if columns is None:
            continue
        case = f"service_plan_request:{pk}"
        if requested:
            yield _milestone(
                Kind.SERVICE_PLAN_REQUESTED, at, case, person, columns, initiator=initiator
            )
        if decided and decided_at is not None and status != RequestStatus.PENDING:
            yield _milestone(
                Kind.SERVICE_PLAN_DECIDED,
                decided_at,
                case,
                person,
                columns,
                outcome=status,
                initiator=initiator,
            )
    agreed = (
        _regions_of(_agreed_service_plans(), scope)
        .order_by()
        .values_list("id", "participant_id", "agreed_on")
    )
    for pk, person, agreed_on in agreed if _wants(Kind.SERVICE_PLAN_AGREED) else ():
        columns = people.get(person)
        if columns is None:
            continue
        at = _at_day(agreed_on)
        yield _milestone(Kind.SERVICE_PLAN_AGREED, at, f"service_plan:{pk}", person, columns)


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
    sources=lambda: [_sent()],
)
def referrals(scope: Scope) -> Iterator[Milestone]:
    """Québec referrals, and in Ontario the Employment Ontario referrals made at the grant."""
    people = _people(scope, _sent())
    sent = _regions_of(_sent(), scope)
    referral_rows = {
        row[0]: (*row, *people[row[1]])
        for row in sent.order_by().values_list("id", "participant_id", "sent_at", "kind")
        if row[1] in people
    }
    ids = sent.order_by().values("id")
    ontario = current_jurisdiction() == "ON"
    fast_tracked = (
        set(OWApplication.objects.filter(referral_id__in=ids).values_list("referral_id", flat=True))
        if ontario
        else set()
    )

    def milestone(kind: str, row: Sequence[Any], at: dt.datetime, **extra: str) -> Milestone:
        case = f"referral:{row[0]}"
        return _milestone(kind, at, case, row[1], row[4:], service=row[3] or "other", **extra)

    wants = {kind: _wants(kind) for kind in getattr(referrals, "kinds", ())}
    for row in referral_rows.values():
        kind = Kind.EO_REFERRED if row[0] in fast_tracked else Kind.REFERRAL_SENT
        if wants[kind]:
            yield milestone(kind, row, row[2])
    answers = wants[Kind.REFERRAL_ANSWERED] or wants[Kind.EO_ACCEPTED]
    contacts = wants[Kind.REFERRAL_FIRST_CONTACT] or wants[Kind.EO_ACTIVE]
    closings = wants[Kind.REFERRAL_CLOSED]
    transitions = (
        ReferralTransition.objects.filter(referral_id__in=ids)
        .order_by("referral_id", "at", "id")
        .values_list("referral_id", "from_status", "to_status", "at")
    )
    answered: set[int] = set()
    contacted: set[int] = set()
    for referral_id, from_status, to_status, at in (
        transitions if answers or contacts or closings else ()
    ):
        if referral_id not in referral_rows:
            continue  # a referral of a participant out of the scope
        eo = referral_id in fast_tracked
        if (
            answers
            and from_status == ReferralStatus.REQUESTED
            and to_status in {ReferralStatus.ACCEPTED, ReferralStatus.REJECTED}
            and referral_id not in answered
        ):
            answered.add(referral_id)
            outcome = "accepted" if to_status == ReferralStatus.ACCEPTED else "rejected"
            if eo and outcome == "accepted":
                yield milestone(Kind.EO_ACCEPTED, referral_rows[referral_id], at)
            elif not eo:
                yield milestone(
                    Kind.REFERRAL_ANSWERED, referral_rows[referral_id], at, outcome=outcome
                )
        if contacts and to_status == ReferralStatus.IN_PROGRESS and referral_id not in contacted:
            contacted.add(referral_id)
            kind = Kind.EO_ACTIVE if eo else Kind.REFERRAL_FIRST_CONTACT
            yield milestone(kind, referral_rows[referral_id], at)
        if closings and to_status in CLOSED_STATUSES and not eo:
            row = referral_rows[referral_id]
            yield milestone(Kind.REFERRAL_CLOSED, row, at, outcome=str(to_status))


@_kinds(Kind.PAAS_STARTED, Kind.PAAS_ENDED, sources=lambda: [Placement.objects.all()])
def paas_placements(scope: Scope) -> Iterator[Milestone]:
    people = _people(scope, Placement.objects.all())
    rows = (
        _regions_of(Placement.objects.all(), scope)
        .order_by()
        .values_list("id", "participant_id", "start_date", "end_date", "exit_outcome")
    )
    started, ended = _wants(Kind.PAAS_STARTED), _wants(Kind.PAAS_ENDED)
    for pk, person, start_date, end_date, exit_outcome in rows:
        columns = people.get(person)
        if columns is None:
            continue
        case = f"paas:{pk}"
        if started:
            yield _milestone(Kind.PAAS_STARTED, _at_day(start_date), case, person, columns)
        if ended and end_date is not None:
            end = _at_day(end_date)
            outcome = exit_outcome or "other"
            yield _milestone(Kind.PAAS_ENDED, end, case, person, columns, outcome=outcome)


@_kinds(Kind.OFFER_ANSWERED)
def waiting_list_offers(scope: Scope) -> Iterator[Milestone]:
    rows = (
        Offer.objects.filter(
            scope.q("entry__participant__"),
            status__in=[OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED],
        )
        .order_by()
        .values_list(
            "id",
            "entry__participant_id",
            "responded_at",
            "respond_by",
            "status",
            *_person_values("entry__participant__"),
        )
    )
    for pk, person, responded_at, respond_by, status, *columns in rows:
        at = responded_at or respond_by
        yield _milestone(Kind.OFFER_ANSWERED, at, f"offer:{pk}", person, columns, outcome=status)


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
