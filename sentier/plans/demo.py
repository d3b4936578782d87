"""Demo data for sentier.plans (idempotent; called by ``sentier load_demo``).

The Laval caseworker's worklist shows support plans in the states a real caseload has: the
participant persona's own plan (Julie Lavoie: a follow-up overdue and one this week), a plan
whose extension was asked for by phone and ends soon, a proposal waiting for the person's
agreement, a request taken by phone waiting for a proposal, a completed plan, and a request the
rules answered "not eligible" (ASM-2 booklet). Everything goes through the real actions; dates
are then moved into the past where a story needs it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import User
from sentier.participants.models import ClaimBooklet, Participant
from sentier.plans import actions
from sentier.plans.difficulties import ensure_difficulties
from sentier.plans.models import (
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
    """``days`` from today (negative: in the past) at ``hour`` o'clock, local time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _backdate(plan: SupportPlan, days: int) -> None:
    """Make the plan look agreed ``days`` ago."""
    SupportPlan.objects.filter(pk=plan.pk).update(
        started_on=timezone.localdate() - dt.timedelta(days=days),
        agreed_at=_at(-days, 14),
        created_at=_at(-days - 7, 9),
    )


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
    plan = actions.propose_plan(
        actor=caseworker,
        participant=participant,
        difficulties=difficulties,
        other_difficulty=other,
        purpose=purpose,
        planned_end_on=timezone.localdate() + dt.timedelta(days=ends_in),
        objectives=objectives,
    )
    plan = actions.record_agreement(actor=caseworker, plan=plan, channel=Channel.IN_PERSON)
    _backdate(plan, started)
    plan.refresh_from_db()
    return plan


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
    actions.update_objective(
        actor=caseworker,
        objective=budget,
        expected_version=None,
        text=budget.text,
        status=ObjectiveStatus.ATTAINED,
    )
    acef = "ACEF des Basses-Laurentides"
    for what, who, detail, objective, days, status in (
        ("Rencontre avec la conseillère budgétaire", Who.ORGANIZATION, acef, budget, -20, "done"),
        ("Appeler Hydro-Québec pour une entente", Who.PARTICIPANT, "", hydro, 5, "in_progress"),
        ("Préparer les factures des trois derniers mois", Who.TOGETHER, "", hydro, 2, "planned"),
        ("Inscription à La Place 0-5", Who.PARTICIPANT, "", daycare, 14, "planned"),
        ("Lettre d'appui pour la garderie", Who.CASEWORKER, "", daycare, 10, "on_hold"),
    ):
        actions.add_action(
            actor=caseworker,
            plan=plan,
            what=what,
            who=who,
            who_detail=detail,
            objective=objective,
            due_on=timezone.localdate() + dt.timedelta(days=days),
            status=ActionStatus(status),
        )
    held = actions.schedule_follow_up(
        actor=caseworker, plan=plan, scheduled_for=_at(-26, 10), mode=FollowUpMode.IN_PERSON
    )
    actions.record_follow_up(
        actor=caseworker,
        follow_up=held,
        expected_version=None,
        status=FollowUpStatus.DONE,
        notes="Premier suivi au bureau de Laval.",
        outcome="Budget fait avec l'ACEF; Julie se sent moins dépassée.",
    )
    actions.schedule_follow_up(
        actor=caseworker,
        plan=plan,
        scheduled_for=_at(-2, 13),
        mode=FollowUpMode.PHONE,
        notes="Faire le point sur l'entente avec Hydro-Québec.",
    )
    actions.schedule_follow_up(
        actor=caseworker, plan=plan, scheduled_for=_at(2, 9), mode=FollowUpMode.IN_PERSON
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
        actions.schedule_follow_up(
            actor=caseworker, plan=plan, scheduled_for=_at(-5, 11), mode=FollowUpMode.PHONE
        )
        actions.request_extension(
            actor=caseworker,
            plan=plan,
            why="La liste d'attente de l'OMH est longue; les visites ne sont pas terminées.",
            wished_end_on=timezone.localdate() + dt.timedelta(days=100),
            channel=Channel.PHONE,
        )
        stories.append(plan)
    if len(people) >= 2:
        # Proposed, waiting for the person's agreement.
        actions.propose_plan(
            actor=caseworker,
            participant=people[1],
            difficulties=_difficulties("addiction"),
            purpose="Réduire ma consommation et reprendre une routine.",
            planned_end_on=timezone.localdate() + dt.timedelta(days=180),
            objectives=[
                "Prendre rendez-vous au CISSS de Laval",
                "Participer à un groupe de soutien",
            ],
        )
    if len(people) >= 3:
        # Requested by phone, waiting for a proposal.
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
        for objective in plan.objectives.all():
            actions.update_objective(
                actor=caseworker,
                objective=objective,
                expected_version=None,
                text=objective.text,
                status=ObjectiveStatus.ATTAINED,
            )
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
        actions.record_request(
            actor=caseworker, participant=excluded, channel=Channel.IN_PERSON, note="Au comptoir."
        )
