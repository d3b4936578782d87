"""Fixtures of the service-plan tests, built through the real actions."""

from __future__ import annotations

from typing import Any

import pytest

from sentier.consent.models import Channel, InformationCategory
from sentier.serviceplans import actions
from sentier.serviceplans.models import (
    InitiatorKind,
    NetworkMember,
    Party,
    PartyKind,
    ServicePlan,
    ServicePlanRequest,
    Situation,
)
from sentier.serviceplans.networks import ensure_networks


@pytest.fixture
def networks(db: None) -> None:
    ensure_networks()


@pytest.fixture
def situations(db: None) -> list[Situation]:
    return list(Situation.objects.filter(code__in=["major_crisis", "needs_several_services"]))


@pytest.fixture
def laval_request(personas: dict[str, Any], laval_participant: Any, situations: Any) -> Any:
    return actions.request_service_plan(
        actor=personas["caseworker_laval"],
        participant=laval_participant,
        situations=situations,
        reasons="Plusieurs réseaux interviennent sans se parler.",
        initiator_kind=InitiatorKind.MINISTRY,
    )


@pytest.fixture
def approved_plan(personas: dict[str, Any], laval_request: ServicePlanRequest) -> ServicePlan:
    return actions.approve_request(actor=personas["coordinator"], request=laval_request)


@pytest.fixture
def active_plan(personas: dict[str, Any], approved_plan: ServicePlan) -> ServicePlan:
    import django.utils.timezone as tz

    return actions.record_agreement(
        actor=personas["caseworker_laval"],
        plan=approved_plan,
        agrees=True,
        on=tz.localdate(),
        channel="in_person",
    )


@pytest.fixture
def opex_party(personas: dict[str, Any], active_plan: ServicePlan) -> Party:
    organization = personas["partner_opex"].organization
    return actions.add_party(
        actor=personas["coordinator"], plan=active_plan, organization=organization
    )


@pytest.fixture
def health_party(personas: dict[str, Any], active_plan: ServicePlan, networks: None) -> Party:
    member = NetworkMember.objects.get(network__region=active_plan.region, name="CISSS de Laval")
    return actions.add_party(actor=personas["coordinator"], plan=active_plan, member=member)


@pytest.fixture
def shared_plan(
    personas: dict[str, Any], active_plan: ServicePlan, opex_party: Party, health_party: Party
) -> ServicePlan:
    """OPEX’82 may see identity, employment and the plan; the CISSS also addiction and health."""
    caseworker = personas["caseworker_laval"]
    actions.record_party_consent(
        actor=caseworker,
        party=opex_party,
        categories=[
            InformationCategory.IDENTITY,
            InformationCategory.EMPLOYMENT,
            InformationCategory.PLAN,
        ],
        channel=Channel.IN_PERSON,
    )
    actions.record_party_consent(
        actor=caseworker,
        party=health_party,
        categories=[
            InformationCategory.IDENTITY,
            InformationCategory.ADDICTION,
            InformationCategory.HEALTH,
        ],
        channel=Channel.IN_PERSON,
    )
    ministry = active_plan.parties.get(kind=PartyKind.MINISTRY)
    actions.add_objective(
        actor=caseworker,
        plan=active_plan,
        text="Maintenir l’abstinence avec le CRD",
        category=InformationCategory.ADDICTION,
        owner=health_party,
    )
    work = actions.add_objective(
        actor=caseworker,
        plan=active_plan,
        text="Préparer un retour vers l’emploi",
        category=InformationCategory.EMPLOYMENT,
        owner=opex_party,
    )
    actions.add_action(
        actor=caseworker, objective=work, text="Bilan de compétences", owner=opex_party
    )
    actions.add_objective(
        actor=caseworker,
        plan=active_plan,
        text="Trouver un logement salubre",
        category=InformationCategory.HOUSING,
        owner=ministry,
    )
    actions.add_note(
        actor=caseworker,
        plan=active_plan,
        text="Rechute en octobre",
        category=InformationCategory.ADDICTION,
    )
    return active_plan


@pytest.fixture
def cisss_worker(personas: dict[str, Any], networks: None) -> Any:
    """Geneviève Bélanger (persona ``public_cisss``), staff of the CISSS de Laval."""
    from sentier.serviceplans.demo import ensure_public_staff

    ensure_public_staff(personas)
    return personas["public_cisss"]


@pytest.fixture
def school_worker(networks: None) -> Any:
    """Staff of the Centre de services scolaire de Laval, which takes part in no plan here."""
    from sentier.accounts.models import Role, User

    user = User.objects.create_user(
        "css.laval@sentier.test", "x", role=Role.PUBLIC_STAFF, first_name="Paul", last_name="Roy"
    )
    NetworkMember.objects.get(
        network__region__code="13", name="Centre de services scolaire de Laval"
    ).staff.add(user)
    return user
