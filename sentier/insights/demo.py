"""Demo data for the indicators (Québec): about two thousand journeys from October 2025 to today,
so that every table shows something, with realistic differences between the pilot regions
(02, 08, 11, 13, 15: support plans and Ministry-initiated service plans from 2026-04-01, a
quicker first service, fewer overridden recommendations) and the other regions, and small
regions (Nord-du-Québec, Côte-Nord, Gaspésie) whose cells are suppressed.

Rows are written in bulk (``bulk_create``), valid for the app: statuses reached through each
lifecycle's own moves, dates in order and in the past. Files are numbered ``IND-…`` and belong
to no caseworker (nobody's caseload grows); referrals and PAAS Action placements go to one demo
organization no persona works for; the plans' caseworkers are inactive accounts of a domain that
is never a real person's. Idempotent: a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.decisions.models import Decision
from sentier.insights.milestones import pilot_regions
from sentier.intake.models import Application, ApplicationStatus, Path, Recommendation
from sentier.network.models import Organization
from sentier.paas.models import ExitOutcome, PlaceAllocation, Placement, PlacementStatus
from sentier.participants.models import FileStatus, Participant
from sentier.plans.models import (
    EndReason,
    Extension,
    ExtensionStatus,
    Origin,
    PlanStatus,
    PlanTransition,
    SupportPlan,
)
from sentier.reference.models import Program, Region
from sentier.referrals.models import Referral, ReferralStatus, ReferralTransition, Side
from sentier.serviceplans.models import InitiatorKind, RequestStatus, ServicePlanRequest

PREFIX = "IND-"
DOMAIN = "indicateurs.synth.sentier.invalid"
ORGANIZATION_SLUG = "demo-indicateurs"
START = dt.date(2025, 10, 1)
PILOT_START = dt.date(2026, 4, 1)
#: Files per region (Nord-du-Québec, Côte-Nord and Gaspésie small: their cells are suppressed).
FILES = {
    "01": 70, "02": 150, "03": 230, "04": 90, "05": 110, "06": 420, "07": 120, "08": 110,
    "09": 25, "10": 12, "11": 60, "12": 130, "13": 200, "14": 150, "15": 190, "16": 330,
    "17": 80,
}  # fmt: skip


def load_demo(seed: int = 17, scale: float = 1.0) -> int:
    """The indicators' demo journeys (idempotent); returns how many files were created.
    ``scale`` shrinks every region's number of files (tests use a fraction)."""
    if Participant.objects.filter(file_number__startswith=PREFIX).exists():
        return 0
    with transaction.atomic():
        return _Journeys(random.Random(seed), scale).run()


class _Journeys:
    def __init__(self, rng: random.Random, scale: float) -> None:
        self.rng = rng
        self.scale = scale
        self.today = timezone.localdate()
        self.pilot = pilot_regions()[0]
        self.regions = {r.code: r for r in Region.objects.filter(code__in=FILES)}
        self.programs = list(Program.objects.filter(code__in=["PAS", "PSS", "POE", "PRB"]))

    def moment(self, day: dt.date, hour: int | None = None) -> dt.datetime:
        hour = hour if hour is not None else self.rng.randint(8, 16)
        minute = self.rng.randint(0, 59)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))

    def later(self, day: dt.date, low: int, high: int) -> dt.date | None:
        """A day ``low`` to ``high`` days after ``day``, or None if that is not past yet."""
        after = day + dt.timedelta(days=self.rng.randint(low, high))
        return after if after < self.today else None

    def run(self) -> int:
        if not self.regions or not self.programs:
            return 0
        staff = self._staff()
        organization, _ = Organization.objects.get_or_create(
            slug=ORGANIZATION_SLUG,
            defaults={"name": "Organisme de démonstration (indicateurs)", "non_profit": True},
        )
        people = self._participants()
        applications = self._applications(people)
        self._recommendations(people, applications)
        self._support_plans(people, applications, staff)
        self._service_plan_requests(people, staff)
        self._referrals(people, applications, organization, staff)
        self._placements(people, organization, staff)
        return len(people)

    # -- accounts and files ------------------------------------------------------------------

    def _staff(self) -> dict[str, User]:
        staff = {}
        for code, region in self.regions.items():
            user, _ = User.objects.get_or_create(
                email=f"region{code}@{DOMAIN}",
                defaults={
                    "role": Role.CASEWORKER,
                    "region": region,
                    "first_name": "Démo",
                    "last_name": f"Région {code}",
                    "is_active": False,
                    "password": make_password(None),
                },
            )
            staff[code] = user
        return staff

    def _participants(self) -> list[Participant]:
        rows = []
        number = 0
        for code, count in FILES.items():
            region = self.regions.get(code)
            if region is None:
                continue
            for _ in range(max(round(count * self.scale), 1)):
                number += 1
                born = dt.date(self.rng.randint(1958, 2006), self.rng.randint(1, 12), 15)
                rows.append(
                    Participant(
                        file_number=f"{PREFIX}{number:06d}",
                        first_name="Personne",
                        last_name=f"Démo {number}",
                        birth_date=born,
                        preferred_language="en-ca" if self.rng.random() < 0.18 else "fr-ca",
                        region=region,
                        program=self.rng.choices(
                            self.programs, weights=[55, 30, 10, 5][: len(self.programs)]
                        )[0],
                        status=FileStatus.ACTIVE
                        if self.rng.random() < 0.8
                        else FileStatus.INACTIVE,
                    )
                )
        return Participant.objects.bulk_create(rows)

    def _applications(self, people: Sequence[Participant]) -> dict[int, Application]:
        span = (self.today - START).days
        rows = []
        for person in people:
            day = START + dt.timedelta(days=self.rng.randint(0, max(span - 1, 0)))
            channel = self.rng.choices(["online", "phone", "in_person"], weights=[55, 30, 15])[0]
            rows.append(
                Application(
                    status=ApplicationStatus.SUBMITTED,
                    channel=channel,
                    participant=person,
                    submitted_at=self.moment(day),
                )
            )
        created = Application.objects.bulk_create(rows)
        return {app.participant_id: app for app in created if app.participant_id is not None}

    def _in_pilot(self, person: Participant, day: dt.date) -> bool:
        return person.region.code in self.pilot and day >= PILOT_START

    def _recommendations(
        self, people: Sequence[Participant], applications: dict[int, Application]
    ) -> None:
        rows = []
        for person in people:
            app = applications[person.pk]
            assert app.submitted_at is not None
            sent = timezone.localdate(app.submitted_at)
            pilot = self._in_pilot(person, sent)
            paths = [Path.EMPLOYMENT_SERVICES, Path.PAAS_ACTION, Path.NONE]
            if pilot:
                paths += [Path.SUPPORT_PLAN, Path.SERVICE_PLAN]
            path = self.rng.choice(paths)
            reviewed = self.later(sent, 1, 12)
            overridden = reviewed is not None and self.rng.random() < (0.14 if pilot else 0.27)
            final = self.rng.choice([p for p in paths if p != path]) if overridden else path
            rows.append(
                Recommendation(
                    application=app,
                    participant=person,
                    region=person.region,
                    path=path,
                    employment_ready=path == Path.EMPLOYMENT_SERVICES,
                    questionnaire_version="demo",
                    rules_version="demo",
                    status=(
                        "pending"
                        if reviewed is None
                        else "overridden"
                        if overridden
                        else "accepted"
                    ),
                    final_path=final if reviewed is not None else "",
                    reviewed_at=self.moment(reviewed) if reviewed is not None else None,
                )
            )
        Recommendation.objects.bulk_create(rows)

    # -- measures ----------------------------------------------------------------------------

    def _support_plans(
        self,
        people: Sequence[Participant],
        applications: dict[int, Application],
        staff: dict[str, User],
    ) -> None:
        plans: list[SupportPlan] = []
        histories: list[list[tuple[str, str, dt.datetime]]] = []
        extended: list[tuple[int, dt.datetime]] = []
        for person in people:
            sent_at = applications[person.pk].submitted_at
            assert sent_at is not None
            sent = timezone.localdate(sent_at)
            if not self._in_pilot(person, sent) or self.rng.random() > 0.45:
                continue
            proposed = self.later(sent, 2, 20)
            agreed = proposed and self.later(proposed, 1, 10)
            if proposed is None:
                continue
            moves: list[tuple[str, str, dt.datetime]] = [
                ("", PlanStatus.PROPOSED, self.moment(proposed))
            ]
            plan = SupportPlan(
                participant=person,
                caseworker=staff[person.region.code],
                origin=self.rng.choice([Origin.REQUESTED, Origin.PROPOSED]),
                request_channel=self.rng.choice(["phone", "in_person", "online"]),
                status=PlanStatus.PROPOSED,
            )
            if agreed is not None:
                plan.status = PlanStatus.ACTIVE
                plan.agreed_at = self.moment(agreed)
                plan.started_on = agreed
                plan.planned_end_on = agreed + dt.timedelta(days=180)
                moves.append((PlanStatus.PROPOSED, PlanStatus.ACTIVE, plan.agreed_at))
                ended = self.later(agreed, 20, 200) if self.rng.random() < 0.5 else None
                if ended is not None:
                    reason = self.rng.choices(list(EndReason), weights=[30, 35, 15, 10, 10], k=1)[0]
                    plan.status = PlanStatus.ENDED
                    plan.ended_at = self.moment(ended)
                    plan.end_reason = reason
                    moves.append((PlanStatus.ACTIVE, PlanStatus.ENDED, plan.ended_at))
                elif self.rng.random() < 0.25:
                    granted = self.later(agreed, 30, 90)
                    if granted is not None:
                        extended.append((len(plans), self.moment(granted)))
            plans.append(plan)
            histories.append(moves)
        created = SupportPlan.objects.bulk_create(plans)
        PlanTransition.objects.bulk_create(
            PlanTransition(plan=plan, from_status=source, to_status=target, at=at)
            for plan, moves in zip(created, histories, strict=True)
            for source, target, at in moves
        )
        Extension.objects.bulk_create(
            Extension(
                plan=created[index],
                requested_at=at - dt.timedelta(days=3),
                requested_by=created[index].caseworker,
                channel="phone",
                status=ExtensionStatus.GRANTED,
                decided_at=at,
            )
            for index, at in extended
        )

    def _service_plan_requests(self, people: Sequence[Participant], staff: dict[str, User]) -> None:
        rows = []
        for person in people:
            if self.rng.random() > 0.14:
                continue
            span = (self.today - START).days
            day = START + dt.timedelta(days=self.rng.randint(0, max(span - 1, 0)))
            pilot = self._in_pilot(person, day)
            initiator = (
                InitiatorKind.MINISTRY
                if pilot and self.rng.random() < 0.6
                else self.rng.choice([InitiatorKind.OTHER_MINISTRY, InitiatorKind.ORGANIZATION])
            )
            decided = self.later(day, 2, 12 if pilot else 25)
            approved = self.rng.random() < (0.78 if pilot else 0.6)
            rows.append(
                ServicePlanRequest(
                    participant=person,
                    region=person.region,
                    requested_by=staff[person.region.code],
                    requested_at=self.moment(day),
                    reasons="Démonstration",
                    initiator_kind=initiator,
                    status=(
                        RequestStatus.PENDING
                        if decided is None
                        else RequestStatus.APPROVED
                        if approved
                        else RequestStatus.DECLINED
                    ),
                    decided_at=self.moment(decided) if decided is not None else None,
                )
            )
        ServicePlanRequest.objects.bulk_create(rows)

    def _referrals(
        self,
        people: Sequence[Participant],
        applications: dict[int, Application],
        organization: Organization,
        staff: dict[str, User],
    ) -> None:
        referrals: list[Referral] = []
        histories: list[list[tuple[str, str, str, dt.datetime]]] = []
        for person in people:
            if self.rng.random() > 0.55:
                continue
            sent_at = applications[person.pk].submitted_at
            assert sent_at is not None
            sent = self.later(timezone.localdate(sent_at), 3, 40)
            if sent is None:
                continue
            pilot = self._in_pilot(person, sent)
            moment = self.moment(sent)
            referral = Referral(
                participant=person,
                organization=organization,
                purpose="referral",
                kind=self.rng.choice(["housing", "employability", "budget", "mental_health"]),
                need="Démonstration",
                status=ReferralStatus.REQUESTED,
                sender=staff[person.region.code],
                created_at=moment,
                sent_at=moment,
            )
            moves: list[tuple[str, str, str, dt.datetime]] = [
                (ReferralStatus.DRAFT, ReferralStatus.REQUESTED, Side.SENDER, moment)
            ]
            answered = self.later(sent, 1, 8 if pilot else 16)
            if answered is None:
                if self.rng.random() < 0.4 and (self.today - sent).days > 30:
                    expired = self.moment(sent + dt.timedelta(days=30))
                    referral.status = ReferralStatus.EXPIRED
                    referral.closed_at = expired
                    moves.append(
                        (ReferralStatus.REQUESTED, ReferralStatus.EXPIRED, Side.SYSTEM, expired)
                    )
            elif self.rng.random() < (0.82 if pilot else 0.66):
                at = self.moment(answered)
                referral.status = ReferralStatus.ACCEPTED
                referral.answered_at = at
                moves.append((ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, Side.RECEIVER, at))
                started = self.later(answered, 1, 10)
                if started is not None:
                    at = self.moment(started)
                    referral.status = ReferralStatus.IN_PROGRESS
                    moves.append(
                        (ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, Side.RECEIVER, at)
                    )
                    done = self.later(started, 15, 120)
                    if done is not None and self.rng.random() < 0.6:
                        at = self.moment(done)
                        referral.status = ReferralStatus.COMPLETED
                        referral.closed_at = at
                        moves.append(
                            (
                                ReferralStatus.IN_PROGRESS,
                                ReferralStatus.COMPLETED,
                                Side.RECEIVER,
                                at,
                            )
                        )
            else:
                at = self.moment(answered)
                referral.status = ReferralStatus.REJECTED
                referral.answered_at = at
                referral.closed_at = at
                moves.append((ReferralStatus.REQUESTED, ReferralStatus.REJECTED, Side.RECEIVER, at))
            referrals.append(referral)
            histories.append(moves)
        created = Referral.objects.bulk_create(referrals)
        ReferralTransition.objects.bulk_create(
            ReferralTransition(
                referral=referral, from_status=source, to_status=target, side=side, at=at
            )
            for referral, moves in zip(created, histories, strict=True)
            for source, target, side, at in moves
        )

    def _placements(
        self, people: Sequence[Participant], organization: Organization, staff: dict[str, User]
    ) -> None:
        allocations = {}
        for code, region in self.regions.items():
            places = max(FILES[code] // 8, 2)
            allocation = PlaceAllocation(
                organization=organization,
                region=region,
                period_start=START,
                period_end=dt.date(2027, 3, 31),
                places=places,
                budget_cents=places * 20_000 * 18,
                granted_by=staff[code],
            )
            allocations[code] = allocation
        PlaceAllocation.objects.bulk_create(allocations.values())
        chosen: list[tuple[Participant, dt.date]] = []
        for person in people:
            if self.rng.random() > 0.12:
                continue
            span = (self.today - START).days
            start = START + dt.timedelta(days=self.rng.randint(0, max(span - 1, 0)))
            chosen.append((person, start))
        decisions = Decision.objects.bulk_create(
            Decision(
                participant=person,
                measure="paas_action",
                effective_date=start,
                inputs={},
                eligible=True,
                rules_version="demo",
            )
            for person, start in chosen
        )
        rows: list[Placement] = []
        for (person, start), decision in zip(chosen, decisions, strict=True):
            end = self.later(start, 30, 240) if self.rng.random() < 0.55 else None
            outcome: Any = ""
            if end is not None:
                outcome = self.rng.choices(list(ExitOutcome), weights=[25, 20, 15, 30, 10])[0]
            rows.append(
                Placement(
                    participant=person,
                    allocation=allocations[person.region.code],
                    organization=organization,
                    decision=decision,
                    start_date=start,
                    end_date=end,
                    status=PlacementStatus.ENDED if end is not None else PlacementStatus.ACTIVE,
                    exit_outcome=outcome,
                    placed_by=staff[person.region.code],
                )
            )
        Placement.objects.bulk_create(rows)
