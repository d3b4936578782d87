"""Demo data for sentier.serviceplans (idempotent; called by ``sentier load_demo``).

- a regional support network in every Québec region (:func:`ensure_networks`);
- the participant persona (Julie Lavoie, Laval) in an active service plan initiated by the
  Ministry: the CISSS de Laval, OPEX’82 (community organization, limited consent: no addiction,
  no health) and her sister as parties, objectives tagged by kind of information;
- a request waiting for the Laval coordinator, and a declined one with its next step;
- Geneviève Bélanger (persona ``public_cisss``), a worker of the CISSS de Laval, signs in and
  sees the plans the CISSS takes part in; in Julie's she wrote a follow-up, and Julie's agreement
  to the objectives and follow-ups is recorded one by one (000: "avec votre accord").

Everything goes through the real actions, each step at its own date (``acting_at``): the
request five weeks ago, the coordinator's approval two days later, the person's agreement and the
parties' consents at a meeting a month ago, notes since.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sentier.accounts.demo import PERSONAS
from sentier.accounts.models import User
from sentier.consent.models import Channel, InformationCategory
from sentier.core.clock import acting_at, at_local
from sentier.participants.models import FileStatus, Participant
from sentier.plans.models import FollowUpMode, FollowUpStatus
from sentier.serviceplans import actions
from sentier.serviceplans.models import (
    AgreementChannel,
    InitiatorKind,
    NetworkMember,
    NextStep,
    PartyKind,
    RequestStatus,
    ServicePlan,
    ServicePlanRequest,
    Situation,
)
from sentier.serviceplans.networks import ensure_networks
from sentier.serviceplans.situations import ensure_situations

T = TypeVar("T")


#: The oldest story of another file starts this many days ago: the files it picks are older.
OLDEST_STORY_DAYS = 15


def _users() -> dict[str, User]:
    return {p.key: User.objects.get(email=p.email) for p in PERSONAS}


def _situations(*codes: str) -> list[Situation]:
    return list(Situation.objects.filter(code__in=codes))


@transaction.atomic
def load_demo() -> None:
    ensure_situations()
    ensure_networks()
    users = _users()
    ensure_public_staff(users)
    caseworker, coordinator = users["caseworker_laval"], users["coordinator"]
    julie = Participant.objects.filter(user=users["participant"]).first()
    if julie is not None and not ServicePlan.objects.filter(participant=julie).exists():
        _quietly(_active_plan, julie, caseworker, coordinator, users)
    others = list(
        Participant.objects.filter(
            region=caseworker.region, caseworker=caseworker, status=FileStatus.ACTIVE
        )
        .exclude(user=users["participant"])
        .exclude(service_plan_requests__isnull=False)
        .filter(created_at__lte=at_local(-OLDEST_STORY_DAYS, 0))
        .order_by("file_number")[:2]
    )
    if (
        not ServicePlanRequest.objects.filter(
            region=caseworker.region, status=RequestStatus.PENDING
        ).exists()
        and others
    ):
        _quietly(
            _on(-4, 14, actions.request_service_plan),
            actor=caseworker,
            participant=others[0],
            situations=_situations("major_crisis", "services_may_stop", "needs_several_services"),
            reasons=(
                "Perte de logement annoncée pour la fin du mois, suivi en santé mentale "
                "interrompu depuis l’été. Le CISSS et l’Office municipal d’habitation "
                "interviennent chacun de leur côté sans se parler."
            ),
            initiator_kind=InitiatorKind.MINISTRY,
        )
    if (
        not ServicePlanRequest.objects.filter(
            region=caseworker.region, status=RequestStatus.DECLINED
        ).exists()
        and len(others) > 1
    ):
        _quietly(_declined_request, others[1], caseworker, coordinator)


#: Public staff personas and the member of Laval's regional network they work for.
PUBLIC_STAFF = {"public_cisss": "CISSS de Laval"}


def ensure_public_staff(users: dict[str, User] | None = None) -> None:
    """Link each public staff persona to their body in Laval's regional network (idempotent)."""
    users = users or _users()
    for key, body in PUBLIC_STAFF.items():
        member = NetworkMember.objects.filter(network__region__code="13", name=body).first()
        if member is not None and key in users:
            member.staff.add(users[key])


def _on(days: int, hour: int, function: Callable[..., T], minute: int = 0) -> Callable[..., T]:
    """``function``, run as if it were ``days`` from today at ``hour``:``minute``."""

    def step(*args: Any, **kwargs: Any) -> T:
        with acting_at(at_local(days, hour, minute)):
            return function(*args, **kwargs)

    return step


def _quietly(function: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """Run one demo step in a savepoint; skip it if the rules refuse (e.g. a clock set before
    the service plan's start date), so the rest of the demo still loads."""
    try:
        with transaction.atomic():
            function(*args, **kwargs)
    except ValidationError:
        return


def _declined_request(participant: Participant, caseworker: User, coordinator: User) -> None:
    declined = _on(-12, 10, actions.request_service_plan)(
        actor=caseworker,
        participant=participant,
        situations=_situations("difficult_transition"),
        reasons="Séparation récente; la personne cherche un logement plus petit.",
        initiator_kind=InitiatorKind.MINISTRY,
    )
    _on(-9, 15, actions.decline_request)(
        actor=coordinator,
        request=declined,
        reason=(
            "Un seul réseau doit intervenir pour l’instant : la situation ne demande pas "
            "encore la concertation de plusieurs ministères ou organismes."
        ),
        next_step=NextStep.SUPPORT_PLAN,
        next_step_details=(
            "Proposer un plan d’accompagnement personnalisé et l’orienter vers un organisme "
            "d’aide au logement; renvoyer une demande si d’autres services doivent s’ajouter."
        ),
    )


def _active_plan(
    julie: Participant, caseworker: User, coordinator: User, users: dict[str, User]
) -> None:
    request = _on(-35, 10, actions.request_service_plan)(
        actor=caseworker,
        participant=julie,
        situations=_situations("needs_several_services", "difficult_transition"),
        reasons=(
            "Mère monoparentale en rétablissement d’une dépendance, logement insalubre, souhaite "
            "reprendre un parcours vers l’emploi. Le CISSS, un organisme en employabilité et sa "
            "sœur l’aident déjà, sans coordination."
        ),
        initiator_kind=InitiatorKind.MINISTRY,
    )
    plan = _on(-33, 9, actions.approve_request)(actor=coordinator, request=request)
    meeting = timezone.localdate() - dt.timedelta(days=30)
    _on(-30, 10, actions.record_agreement)(
        actor=caseworker,
        plan=plan,
        agrees=True,
        on=meeting,
        channel=AgreementChannel.IN_PERSON,
        note="Rencontre au bureau de Laval; la démarche volontaire lui a été expliquée.",
    )
    ministry = plan.parties.get(kind=PartyKind.MINISTRY)
    cisss = NetworkMember.objects.get(network__region=plan.region, name="CISSS de Laval")
    health = _on(-30, 11, actions.add_party)(
        actor=coordinator, plan=plan, member=cisss, contact="Intervenante CRD, 450 555-0190"
    )
    opex = users["partner_opex"].organization
    organization = (
        _on(-30, 12, actions.add_party)(
            actor=coordinator, plan=plan, organization=opex, contact="Luc Bouchard"
        )
        if opex is not None
        else None
    )
    family = _on(-30, 13, actions.add_party)(
        actor=coordinator,
        plan=plan,
        kind=PartyKind.FAMILY,
        name="Sœur de Julie (proche aidante)",
        contact="450 555-0111",
    )
    _on(-30, 14, actions.record_party_consent)(
        actor=caseworker,
        party=health,
        categories=[
            InformationCategory.IDENTITY,
            InformationCategory.HEALTH,
            InformationCategory.ADDICTION,
            InformationCategory.PLAN,
        ],
        channel=Channel.IN_PERSON,
    )
    if organization is not None:
        _on(-30, 15, actions.record_party_consent)(
            actor=caseworker,
            party=organization,
            categories=[
                InformationCategory.IDENTITY,
                InformationCategory.EMPLOYMENT,
                InformationCategory.PLAN,
            ],
            channel=Channel.IN_PERSON,
        )
    _on(-30, 16, actions.record_party_consent)(
        actor=caseworker,
        party=family,
        categories=[InformationCategory.IDENTITY, InformationCategory.SITUATION],
        channel=Channel.IN_PERSON,
    )
    soon = timezone.localdate() + dt.timedelta(days=30)
    addiction = _on(-29, 9, actions.add_objective)(
        actor=caseworker,
        plan=plan,
        text="Maintenir l’abstinence avec le soutien du centre de réadaptation en dépendance",
        category=InformationCategory.ADDICTION,
        owner=health,
    )
    _on(-29, 10, actions.add_action)(
        actor=caseworker,
        objective=addiction,
        text="Rencontre hebdomadaire avec l’intervenante du CRD",
        owner=health,
        due_on=soon,
    )
    housing = _on(-29, 11, actions.add_objective)(
        actor=caseworker,
        plan=plan,
        text="Obtenir un logement salubre pour elle et son enfant",
        category=InformationCategory.HOUSING,
        owner=ministry,
        due_on=timezone.localdate() + dt.timedelta(days=120),
    )
    _on(-29, 12, actions.add_action)(
        actor=caseworker,
        objective=housing,
        text="Déposer une demande à l’Office municipal d’habitation de Laval",
        owner=ministry,
        due_on=soon,
    )
    if organization is not None:
        work = _on(-29, 13, actions.add_objective)(
            actor=caseworker,
            plan=plan,
            text="Préparer un retour progressif vers l’emploi",
            category=InformationCategory.EMPLOYMENT,
            owner=organization,
        )
        _on(-29, 14, actions.add_action)(
            actor=caseworker,
            objective=work,
            text="Bilan de compétences et atelier de recherche d’emploi",
            owner=organization,
            due_on=soon,
        )
    care = _on(-29, 15, actions.add_objective)(
        actor=caseworker,
        plan=plan,
        text="Faire garder son enfant pendant les rendez-vous",
        category=InformationCategory.SITUATION,
        owner=family,
    )
    _on(-29, 16, actions.add_action)(
        actor=caseworker,
        objective=care,
        text="Garde les mardis après-midi",
        owner=family,
    )
    # Julie agreed to each objective at the meeting where they were set (000: "avec votre
    # accord"); the CISSS worker wrote the follow-up of the addiction objective.
    # The childcare objective waits for her sister's answer before Julie gives hers.
    # One objective after the other, a few minutes apart, as they were read to her.
    for minutes, objective in enumerate(plan.objectives.exclude(pk=care.pk).order_by("pk")):
        _on(-29, 17, actions.record_item_agreement, minute=5 * minutes)(
            actor=caseworker,
            item=objective,
            on=timezone.localdate() - dt.timedelta(days=29),
            channel=AgreementChannel.IN_PERSON,
        )
    cisss_worker = users.get("public_cisss")
    if cisss_worker is not None and cisss_worker.role == "public_staff":
        follow_up = _on(-7, 15, actions.add_follow_up)(
            actor=cisss_worker,
            plan=plan,
            scheduled_for=at_local(-7, 14),
            mode=FollowUpMode.IN_PERSON,
            status=FollowUpStatus.DONE,
            notes="Rencontre au CRD de Laval avec Julie.",
            outcome="Suivi maintenu chaque semaine; Julie souhaite l’élargir à sa sœur.",
            category=InformationCategory.ADDICTION,
        )
        _on(-7, 16, actions.record_item_agreement)(
            actor=cisss_worker,
            item=follow_up,
            on=timezone.localdate() - dt.timedelta(days=7),
            channel=AgreementChannel.IN_PERSON,
        )
    # Next week's call: Julie has not said yet whether the time suits her.
    _on(-3, 15, actions.add_follow_up)(
        actor=caseworker,
        plan=plan,
        scheduled_for=timezone.make_aware(
            dt.datetime.combine(timezone.localdate() + dt.timedelta(days=7), dt.time(10))
        ),
        mode=FollowUpMode.PHONE,
        notes="Faire le point sur la demande à l’Office municipal d’habitation.",
        category=InformationCategory.HOUSING,
    )
    _on(-10, 11, actions.add_note)(
        actor=caseworker,
        plan=plan,
        text="Rechute en octobre, reprise du suivi au CRD sans interruption depuis.",
        category=InformationCategory.ADDICTION,
    )
    _on(-3, 16, actions.add_note)(
        actor=coordinator,
        plan=plan,
        text="Prochaine rencontre de concertation des partenaires dans trois semaines.",
        category=InformationCategory.PLAN,
    )
