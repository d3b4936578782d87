"""Every page renders in both languages for those who may open it, and the panels show up."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.serviceplans.models import ServicePlan


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_staff_pages_render(
    client_for: Any, shared_plan: ServicePlan, language: str, laval_participant: Any
) -> None:
    party = shared_plan.parties.exclude(kind="ministry").first()
    assert party is not None
    objective = shared_plan.objectives.first()
    assert objective is not None
    with translation.override(language):
        urls = [
            reverse("serviceplans:list"),
            reverse("serviceplans:plan", args=[shared_plan.uuid]),
            reverse("serviceplans:request_detail", args=[shared_plan.request.uuid]),
            reverse("serviceplans:add_party", args=[shared_plan.uuid]),
            reverse("serviceplans:party", args=[shared_plan.uuid, party.uuid]),
            reverse("serviceplans:party_view", args=[shared_plan.uuid, party.uuid]),
            reverse("serviceplans:add_objective", args=[shared_plan.uuid]),
            reverse("serviceplans:objective", args=[shared_plan.uuid, objective.uuid]),
            reverse("serviceplans:end", args=[shared_plan.uuid]),
            reverse("serviceplans:networks"),
            reverse("serviceplans:network", args=["13"]),
            reverse("participants:file", args=[laval_participant.uuid]),
            reverse("core:home"),
        ]
    client = client_for("coordinator")
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_network_page_lists_plans_for_region_staff_and_counts_for_others(
    client_for: Any, shared_plan: ServicePlan
) -> None:
    url = reverse("serviceplans:network", args=["13"])
    plan_url = reverse("serviceplans:plan", args=[shared_plan.uuid])
    assert plan_url in client_for("coordinator").get(url).content.decode()
    for persona in ("caseworker_montreal", "analyst"):
        page = client_for(persona).get(url).content.decode()
        assert plan_url not in page
        assert "CISSS de Laval" in page
    assert client_for("partner_opex").get(url).status_code == 403
    assert client_for("coordinator").get("/fr-ca/service-plans/networks/99/").status_code == 404


def test_every_region_has_a_network(client_for: Any, networks: None) -> None:
    from sentier.serviceplans.models import RegionalNetwork

    assert RegionalNetwork.objects.count() == 17
    laval = RegionalNetwork.objects.get(region__code="13")
    names = set(laval.members.values_list("name", flat=True))
    assert {"CISSS de Laval", "Centre de services scolaire de Laval"} <= names
    assert laval.members.filter(kind="designated_organization", organization__isnull=False).exists()


def test_participant_sees_who_sees_what(client_for: Any, shared_plan: ServicePlan) -> None:
    client = client_for("participant")
    my_file = client.get(reverse("participants:my_file")).content.decode()
    assert reverse("serviceplans:mine") in my_file
    page = client.get(reverse("serviceplans:mine")).content.decode()
    assert "CISSS de Laval" in page
    assert "Addiction" in page or "Dépendance" in page


def test_request_button_on_the_file(client_for: Any, laval_participant: Any) -> None:
    page = (
        client_for("caseworker_laval")
        .get(reverse("participants:file", args=[laval_participant.uuid]))
        .content.decode()
    )
    assert reverse("serviceplans:request", args=[laval_participant.uuid]) in page


def test_demo_loads_twice(db: None, personas: dict[str, Any]) -> None:
    from sentier.serviceplans.demo import load_demo
    from sentier.serviceplans.models import ServicePlanRequest

    load_demo()
    count = ServicePlanRequest.objects.count()
    load_demo()
    assert ServicePlanRequest.objects.count() == count
    plan = ServicePlan.objects.get(participant__user=personas["participant"])
    assert plan.parties.count() == 4


def test_agreement_page_records_the_answer(client_for: Any, approved_plan: ServicePlan) -> None:
    from sentier.serviceplans.models import PlanStatus

    url = reverse("serviceplans:agreement", args=[approved_plan.uuid])
    client = client_for("caseworker_laval")
    assert client.get(url).status_code == 200
    response = client.post(url, {"agrees": "yes", "on": "2999-01-01", "channel": "phone"})
    assert response.status_code == 400
    response = client.post(
        url,
        {
            "agrees": "yes",
            "on": timezone.localtime(approved_plan.created_at).date().isoformat(),
            "channel": "phone",
        },
    )
    assert response.status_code == 302
    approved_plan.refresh_from_db()
    assert approved_plan.status == PlanStatus.ACTIVE


def test_network_page_queries_do_not_grow_with_plans(
    client_for: Any, personas: dict[str, Any], shared_plan: ServicePlan, situations: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from sentier.participants.actions import open_participant_file
    from sentier.serviceplans import actions

    url = reverse("serviceplans:network", args=["13"])
    client = client_for("coordinator")
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    second = open_participant_file(
        actor=personas["admin"],
        first_name="Rosa",
        last_name="Martinez",
        region=shared_plan.region,
        program=shared_plan.participant.program,
        caseworker=personas["caseworker_laval"],
    )
    request = actions.request_service_plan(
        actor=personas["caseworker_laval"],
        participant=second,
        situations=situations,
        reasons="Crise",
        initiator_kind="ministry",
    )
    actions.approve_request(actor=personas["coordinator"], request=request)
    with CaptureQueriesContext(connection) as after:
        page = client.get(url).content.decode()
    assert "Rosa Martinez" in page
    # One access-log row more for the one more person shown, in the same INSERT.
    assert len(after.captured_queries) == len(before.captured_queries)


def test_the_coordinator_s_decision_is_on_the_caseworker_s_plan_worklist(
    client_for: Any, personas: dict[str, Any], laval_request: Any
) -> None:
    from sentier.serviceplans import actions as serviceplan_actions

    serviceplan_actions.approve_request(actor=personas["coordinator"], request=laval_request)
    with translation.override("en-ca"):
        page = client_for("caseworker_laval").get(reverse("plans:worklist")).content.decode()
    assert "Service plan decisions" in page
    assert laval_request.participant.full_name in page
