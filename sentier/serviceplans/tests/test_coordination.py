"""Who coordinates a service plan: whoever initiated it (000, issue 16).

000: "Le Ministère peut non seulement collaborer à l'élaboration d'un plan de services amorcé par
un autre ministère ou par un organisme, mais peut également amorcer l'élaboration d'un tel plan."
A plan the Ministry initiates is coordinated by the Ministry coordinator who approved it; a plan
a CISSS, a school service centre or an organization initiated is coordinated by that body, and
the Ministry is a party.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from sentier.serviceplans import actions
from sentier.serviceplans.models import (
    InitiatorKind,
    Party,
    PartyKind,
    ServicePlan,
    Situation,
)

pytestmark = pytest.mark.django_db


def _approved(
    personas: dict[str, Any], participant: Any, situations: list[Situation], kind: str, name: str
) -> ServicePlan:
    request = actions.request_service_plan(
        actor=personas["caseworker_laval"],
        participant=participant,
        situations=situations,
        reasons="Le CISSS suit la personne et a amorcé un plan de services.",
        initiator_kind=kind,
        initiator_name=name,
    )
    return actions.approve_request(actor=personas["coordinator"], request=request)


def test_a_cisss_initiated_plan_is_coordinated_by_the_cisss_and_the_ministry_is_a_party(
    personas: dict[str, Any], laval_participant: Any, situations: Any, networks: None
) -> None:
    plan = _approved(
        personas, laval_participant, situations, InitiatorKind.OTHER_MINISTRY, "CISSS de Laval"
    )
    assert plan.coordinator is None
    coordinating = plan.coordinating_party
    assert coordinating is not None
    assert (coordinating.name, coordinating.kind, coordinating.member is not None) == (
        "CISSS de Laval",
        PartyKind.HEALTH,
        True,
    )
    ministry = plan.parties.get(kind=PartyKind.MINISTRY)
    assert ministry.coordinates is False
    assert plan.parties.values_list("name", flat=True).first() == "CISSS de Laval"
    assert plan.coordinated_by == "CISSS de Laval"
    assert not plan.ministry_coordinates


def test_a_school_service_centre_initiated_plan_is_coordinated_by_it(
    personas: dict[str, Any], laval_participant: Any, situations: Any, networks: None
) -> None:
    plan = _approved(
        personas,
        laval_participant,
        situations,
        InitiatorKind.OTHER_MINISTRY,
        "Centre de services scolaire de Laval",
    )
    party = plan.coordinating_party
    assert party is not None
    assert (party.kind, plan.coordinator) == (PartyKind.EDUCATION, None)


def test_an_organization_initiated_plan_is_coordinated_by_the_organization(
    personas: dict[str, Any], laval_participant: Any, situations: Any
) -> None:
    organization = personas["partner_opex"].organization
    plan = _approved(
        personas, laval_participant, situations, InitiatorKind.ORGANIZATION, organization.name
    )
    party = plan.coordinating_party
    assert party is not None
    assert (party.kind, party.organization, plan.coordinator) == (
        PartyKind.ORGANIZATION,
        organization,
        None,
    )


def test_the_ministry_coordinator_coordinates_only_the_plans_the_ministry_initiates(
    personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    assert approved_plan.coordinator == personas["coordinator"]
    party = approved_plan.coordinating_party
    assert party is not None
    assert party.kind == PartyKind.MINISTRY
    assert approved_plan.parties.filter(coordinates=True).count() == 1
    assert approved_plan.ministry_coordinates
    assert str(personas["coordinator"]) in approved_plan.coordinated_by


def test_the_coordinating_body_cannot_be_removed_and_nothing_changes(
    personas: dict[str, Any], laval_participant: Any, situations: Any, networks: None
) -> None:
    plan = _approved(
        personas, laval_participant, situations, InitiatorKind.OTHER_MINISTRY, "CISSS de Laval"
    )
    party = plan.coordinating_party
    assert party is not None
    events = plan.events.count()
    with pytest.raises(ValidationError):
        actions.remove_party(actor=personas["coordinator"], party=party)
    party.refresh_from_db()
    assert (party.removed_at, party.coordinates, plan.events.count()) == (None, True, events)


def test_one_coordinating_party_per_plan_is_enforced_by_the_database(
    personas: dict[str, Any], approved_plan: ServicePlan
) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Party.objects.create(
            plan=approved_plan,
            kind=PartyKind.HOUSING,
            name="Office municipal d’habitation de Laval",
            coordinates=True,
            added_by=personas["coordinator"],
            added_at=timezone.now(),
        )
    assert approved_plan.parties.count() == 1


def test_screens_and_the_participant_say_who_coordinates(
    client_for: Any,
    personas: dict[str, Any],
    laval_participant: Any,
    situations: Any,
    networks: None,
) -> None:
    plan = _approved(
        personas, laval_participant, situations, InitiatorKind.OTHER_MINISTRY, "CISSS de Laval"
    )
    staff = client_for("caseworker_laval")
    page = staff.get(reverse("serviceplans:plan", args=[plan.uuid]).replace("/fr-ca/", "/en-ca/"))
    text = page.content.decode()
    assert "Coordinated by" in text
    assert "CISSS de Laval — the Ministry takes part in it" in text
    listing = staff.get(reverse("serviceplans:list").replace("/fr-ca/", "/en-ca/")).content
    assert "CISSS de Laval" in listing.decode()
    person = client_for("participant")
    mine = person.get(reverse("serviceplans:mine").replace("/fr-ca/", "/en-ca/")).content.decode()
    assert "Who coordinates your plan" in mine
    assert "CISSS de Laval, which started your plan. The Ministry takes part in it." in mine
    assert "Your coordinator at the Ministry" not in mine
    assert str(personas["coordinator"]) not in mine
    my_file = person.get(reverse("participants:my_file").replace("/fr-ca/", "/en-ca/"))
    expected = "coordinated by CISSS de Laval; the Ministry takes part in it."
    assert expected in my_file.content.decode()
