"""Demo data for sentier.plans (idempotent; called by ``sentier load_demo``).

The Laval caseworker's worklist shows support plans in the states a real caseload has: the
participant persona's own plan (Julie Lavoie: a follow-up overdue and one this week), a plan
whose extension was asked for by phone and ends soon, a proposal waiting for the person's
agreement, a request taken by phone waiting for a proposal, a completed plan, and a request the
rules answered "not eligible" (ASM-2 booklet). Everything goes through the real actions, each
step at its own date (``acting_at``): a plan proposed a week before it was agreed, follow-ups
scheduled and held on their days, as a real file's history spreads over weeks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import User
from sentier.consent.actions import record_consent
from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import InformationCategory, Purpose, RecipientKind
from sentier.core.clock import acting_at, at_local, real_localdate
from sentier.participants.models import ClaimBooklet, Participant
from sentier.plans import actions
from sentier.plans.difficulties import ensure_difficulties
from sentier.plans.models import (
    ActionKind,
    ActionStatus,
    Channel,
    Difficulty,
    EndReason,
    FollowUpMode,
    FollowUpStatus,
    ObjectiveStatus,
    SupportPlan,
    Who,
)

ELIGIBLE_PROGRAMS = ("PAS", "PSS", "PRB")


def _difficulties(*codes: str) -> list[Difficulty]:
    return list(Difficulty.objects.filter(code__in=codes))


def _at(days: int, hour: int = 10) -> dt.datetime:
    """``days`` from the real today (negative: in the past) at ``hour`` o'clock, local time,
    also inside an ``acting_at`` block (a follow-up planned then for a day that is still ahead)."""
    day = real_localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _day(days: int) -> dt.date:
    """``days`` from the real today, also inside an ``acting_at`` block."""
    return real_localdate() + dt.timedelta(days=days)


def _active(
    caseworker: User,
    participant: Participant,
    *,
    difficulties: list[Difficulty],
    purpose: str,
    objectives: list[str],
    ends_in: int,
    started: int,
    other: str = "",
) -> SupportPlan:
    """A plan proposed a week before the person agreed to it, ``started`` days ago."""
    planned_end_on = _day(ends_in)
    with acting_at(at_local(-started - 7, 9, 15)):
        plan = actions.propose_plan(
            actor=caseworker,
            participant=participant,
            difficulties=difficulties,
            other_difficulty=other,
            purpose=purpose,
            planned_end_on=planned_end_on,
            objectives=objectives,
        )
    with acting_at(at_local(-started, 14)):
        return actions.record_agreement(actor=caseworker, plan=plan, channel=Channel.IN_PERSON)


def _julie(caseworker: User, julie: Participant) -> None:
    plan = _active(
        caseworker,
        julie,
        difficulties=_difficulties("loss_of_spouse", "debt"),
        purpose=(
            "Depuis ma séparation, je n'arrive plus à payer mes comptes. Je veux reprendre le "
            "contrôle de mon budget et trouver une garderie pour ma fille."
        ),
        objectives=[
            "Faire un budget mensuel avec une conseillère de l'ACEF",
            "Régler l'entente de paiement avec Hydro-Québec",
            "Trouver une place en garderie pour ma fille",
        ],
        ends_in=120,
        started=40,
    )
    budget, hydro, daycare = list(plan.objectives.all())
    # The actions written with Julie the day she agreed, ten minutes apart; the meeting with
    # the budget counsellor is written down when it happened, 20 days ago.
    acef = "ACEF des Basses-Laurentides"
    for step, (what, who, detail, objective, due, status, written) in enumerate(
        (
            (
                "Appeler Hydro-Québec pour une entente",
                Who.PARTICIPANT,
                "",
                hydro,
                5,
                "in_progress",
                -40,
            ),
            (
                "Préparer les factures des trois derniers mois",
                Who.TOGETHER,
                "",
                hydro,
                2,
                "planned",
                -40,
            ),
            ("Inscription à La Place 0-5", Who.PARTICIPANT, "", daycare, 14, "planned", -40),
            ("Lettre d'appui pour la garderie", Who.CASEWORKER, "", daycare, 10, "on_hold", -40),
            (
                "Rencontre avec la conseillère budgétaire",
                Who.ORGANIZATION,
                acef,
                budget,
                -20,
                "done",
                -20,
            ),
        ),
        start=1,
    ):
        with acting_at(at_local(written, 14, 10 * step)):
            actions.add_action(
                actor=caseworker,
                plan=plan,
                what=what,
                who=who,
                who_detail=detail,
                objective=objective,
                due_on=_day(due),
                status=ActionStatus(status),
            )
    with acting_at(at_local(-40, 14, 55)):
        held = actions.schedule_follow_up(
            actor=caseworker, plan=plan, scheduled_for=_at(-26, 10), mode=FollowUpMode.IN_PERSON
        )
    with acting_at(at_local(-26, 11)):
        actions.record_follow_up(
            actor=caseworker,
            follow_up=held,
            expected_version=None,
            status=FollowUpStatus.DONE,
            notes="Premier suivi au bureau de Laval.",
            outcome="Budget fait avec l'ACEF; Julie se sent moins dépassée.",
        )
    with acting_at(at_local(-26, 11, 5)):
        actions.schedule_follow_up(
            actor=caseworker,
            plan=plan,
            scheduled_for=_at(-2, 13),
            mode=FollowUpMode.PHONE,
            notes="Faire le point sur l'entente avec Hydro-Québec.",
        )
    with acting_at(at_local(-20, 15)):
        actions.update_objective(
            actor=caseworker,
            objective=budget,
            expected_version=None,
            text=budget.text,
            status=ObjectiveStatus.ATTAINED,
        )
    with acting_at(at_local(-5, 16)):
        actions.schedule_follow_up(
            actor=caseworker, plan=plan, scheduled_for=_at(2, 9), mode=FollowUpMode.IN_PERSON
        )
    _shared_with_opex(caseworker, plan)


def _shared_with_opex(caseworker: User, plan: SupportPlan) -> None:
    """Julie agreed that OPEX’82 runs her plan with Sophie (001, 003): Luc, of OPEX’82, added
    an objective, a volunteering action and a follow-up; My plan says who wrote them."""
    luc = User.objects.filter(email="partner.opex@sentier.demo").first()
    if luc is None or luc.organization is None:
        return
    with acting_at(at_local(-12, 10)):
        record_consent(
            actor=caseworker,
            participant=plan.participant,
            purpose=Purpose.SUPPORT_PLAN,
            recipient_kind=RecipientKind.ORGANIZATION,
            recipient_organization=luc.organization,
            categories=[InformationCategory.PLAN, InformationCategory.EMPLOYMENT],
            channel=ConsentChannel.IN_PERSON,
        )
    with acting_at(at_local(-12, 10, 5)):
        actions.share_plan(actor=caseworker, plan=plan, organization=luc.organization)
    # Each step at its own minute, as Luc wrote them one after the other.
    with acting_at(at_local(-10, 14)):
        objective = actions.add_objective(
            actor=luc,
            plan=plan,
            text="Reprendre confiance par le bénévolat",
            category=InformationCategory.EMPLOYMENT,
        )
    with acting_at(at_local(-10, 14, 10)):
        actions.add_action(
            actor=luc,
            plan=plan,
            objective=objective,
            what="Bénévolat deux matins par semaine à la banque alimentaire",
            who=Who.PARTICIPANT,
            kind=ActionKind.VOLUNTEERING,
            category=InformationCategory.EMPLOYMENT,
            due_on=_day(30),
            status=ActionStatus.IN_PROGRESS,
        )
    with acting_at(at_local(-10, 14, 20)):
        actions.schedule_follow_up(
            actor=luc,
            plan=plan,
            scheduled_for=_at(6, 13),
            mode=FollowUpMode.IN_PERSON,
            notes="Bilan du premier mois de bénévolat",
        )


def _others(caseworker: User, people: list[Participant]) -> None:
    stories: list[Any] = []
    if len(people) >= 1:
        # Ends soon; the person asked by phone for more time.
        plan = _active(
            caseworker,
            people[0],
            difficulties=_difficulties("housing"),
            purpose="Trouver un logement salubre et stable.",
            objectives=[
                "Déposer une demande à l'Office municipal d'habitation",
                "Visiter trois logements",
            ],
            ends_in=10,
            started=160,
        )
        with acting_at(at_local(-20, 10)):
            actions.schedule_follow_up(
                actor=caseworker, plan=plan, scheduled_for=_at(-5, 11), mode=FollowUpMode.PHONE
            )
        with acting_at(at_local(-5, 11, 30)):  # asked during that call
            actions.request_extension(
                actor=caseworker,
                plan=plan,
                why="La liste d'attente de l'OMH est longue; les visites ne sont pas terminées.",
                wished_end_on=_day(100),
                channel=Channel.PHONE,
            )
        stories.append(plan)
    if len(people) >= 2:
        # Proposed three days ago, waiting for the person's agreement.
        planned_end_on = _day(180)
        with acting_at(at_local(-3, 10)):
            actions.propose_plan(
                actor=caseworker,
                participant=people[1],
                difficulties=_difficulties("addiction"),
                purpose="Réduire ma consommation et reprendre une routine.",
                planned_end_on=planned_end_on,
                objectives=[
                    "Prendre rendez-vous au CISSS de Laval",
                    "Participer à un groupe de soutien",
                ],
            )
    if len(people) >= 3:
        # Requested by phone yesterday, waiting for a proposal.
        with acting_at(at_local(-1, 15)):
            actions.record_request(
                actor=caseworker,
                participant=people[2],
                channel=Channel.PHONE,
                note="A appelé au 1 877 767-8773: endettement après une perte d'emploi.",
            )
    if len(people) >= 4:
        # Completed, objectives attained; a follow-up this week in another plan.
        plan = _active(
            caseworker,
            people[3],
            difficulties=_difficulties("violence"),
            purpose="Retrouver un milieu de vie sécuritaire.",
            objectives=["Hébergement sécuritaire", "Accompagnement juridique"],
            ends_in=30,
            started=200,
        )
        for step, objective in enumerate(plan.objectives.all()):
            with acting_at(at_local(-15, 10, 10 * step)):
                actions.update_objective(
                    actor=caseworker,
                    objective=objective,
                    expected_version=None,
                    text=objective.text,
                    status=ObjectiveStatus.ATTAINED,
                )
        with acting_at(at_local(-14, 11)):
            actions.end_plan(actor=caseworker, plan=plan, reason=EndReason.OBJECTIVES_ATTAINED)
    if len(people) >= 5:
        plan = _active(
            caseworker,
            people[4],
            difficulties=_difficulties("mental_health"),
            other="Isolement social",
            purpose="Sortir de chez moi plus souvent et reprendre confiance.",
            objectives=[
                "Rencontrer un intervenant du CLSC",
                "Participer à une activité par semaine",
            ],
            ends_in=90,
            started=30,
        )
        with acting_at(at_local(-10, 9, 30)):
            actions.schedule_follow_up(
                actor=caseworker, plan=plan, scheduled_for=_at(1, 15), mode=FollowUpMode.VIDEO
            )


@transaction.atomic
def load_demo() -> None:
    caseworker = User.objects.filter(email="caseworker.laval@sentier.demo").first()
    julie = Participant.objects.filter(user__email="participant@sentier.demo").first()
    if julie is None:
        julie = Participant.objects.filter(file_number="D26-000000").first()
    ensure_difficulties()
    if caseworker is None or julie is None:
        return
    if SupportPlan.objects.filter(participant=julie).exists():
        return
    _julie(caseworker, julie)
    people = list(
        Participant.objects.filter(
            caseworker=caseworker,
            region=caseworker.region,
            program__code__in=ELIGIBLE_PROGRAMS,
            status="active",
            user__isnull=True,
        )
        .exclude(claim_booklet__in=[ClaimBooklet.ASM_2, ClaimBooklet.ASM_5])
        .exclude(support_plans__isnull=False)
        .order_by("file_number")[:5]
    )
    _others(caseworker, people)
    excluded = (
        Participant.objects.filter(
            caseworker=caseworker,
            region=caseworker.region,
            claim_booklet=ClaimBooklet.ASM_2,
            status="active",
        )
        .exclude(support_plans__isnull=False)
        .order_by("file_number")
        .first()
    )
    if excluded is not None:
        with acting_at(at_local(-2, 11)):
            actions.record_request(
                actor=caseworker,
                participant=excluded,
                channel=Channel.IN_PERSON,
                note="Au comptoir.",
            )
