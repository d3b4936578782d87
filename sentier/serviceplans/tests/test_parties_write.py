"""Every party of a service plan adds objectives and notes in the kinds of information the
person consented to share with it (000: objectives, actions and follow-ups set in concert), not
only the status of its own actions. Outside them: the same 404 as a missing plan, or a field
error, and nothing changes."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from sentier.serviceplans import actions
from sentier.serviceplans.models import Objective, Party, PlanEvent, PlanEventKind, ServicePlan

pytestmark = pytest.mark.django_db


def _snapshot(plan: ServicePlan) -> tuple[Any, ...]:
    return (
        list(plan.objectives.values_list("text", "category", "owner_id")),
        list(plan.events.values_list("kind", "text", "category")),
    )


def test_a_party_adds_its_own_objective_in_a_shared_category(
    client_for: Any, shared_plan: ServicePlan, opex_party: Party
) -> None:
    client = client_for("partner_opex")
    assert (
        client.get(reverse("serviceplans:add_objective", args=[shared_plan.uuid])).status_code
        == 200
    )
    added = client.post(
        reverse("serviceplans:add_objective", args=[shared_plan.uuid]),
        {"text": "Stage en entreprise", "category": "employment", "owner": opex_party.pk},
    )
    assert added.status_code == 302
    objective = Objective.objects.get(plan=shared_plan, text="Stage en entreprise")
    assert (objective.owner, objective.category) == (opex_party, "employment")
    noted = client.post(
        reverse("serviceplans:add_note", args=[shared_plan.uuid]),
        {"text": "Rencontre faite", "category": "plan"},
    )
    assert noted.status_code == 302
    note = PlanEvent.objects.get(plan=shared_plan, kind=PlanEventKind.NOTE, text="Rencontre faite")
    assert note.party == opex_party


def test_a_party_cannot_write_outside_what_is_shared_with_it(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, opex_party: Party
) -> None:
    before = _snapshot(shared_plan)
    client = client_for("partner_opex")
    refused = client.post(
        reverse("serviceplans:add_objective", args=[shared_plan.uuid]),
        {"text": "Sevrage", "category": "addiction", "owner": opex_party.pk},
    )
    assert refused.status_code == 400  # not a kind of information offered to it
    client.post(
        reverse("serviceplans:add_note", args=[shared_plan.uuid]),
        {"text": "Rechute", "category": "addiction"},
    )
    with pytest.raises(PermissionDenied):
        actions.add_note(
            actor=personas["partner_opex"], plan=shared_plan, text="x", category="addiction"
        )
    assert _snapshot(shared_plan) == before


def test_a_party_adds_objectives_for_itself_only(
    client_for: Any, shared_plan: ServicePlan, health_party: Party
) -> None:
    before = _snapshot(shared_plan)
    refused = client_for("partner_opex").post(
        reverse("serviceplans:add_objective", args=[shared_plan.uuid]),
        {"text": "x", "category": "plan", "owner": health_party.pk},
    )
    assert refused.status_code == 400
    assert _snapshot(shared_plan) == before


def test_another_organization_gets_the_missing_404_and_nothing_changes(
    client_for: Any, shared_plan: ServicePlan
) -> None:
    before = _snapshot(shared_plan)
    client = client_for("partner_sorif")
    for name in ("serviceplans:add_objective", "serviceplans:add_note"):
        posted = client.post(
            reverse(name, args=[shared_plan.uuid]), {"text": "x", "category": "plan"}
        )
        missing = client.post(reverse(name, args=[uuid.uuid4()]), {"text": "x", "category": "plan"})
        assert posted.status_code == missing.status_code == 404
    assert _snapshot(shared_plan) == before
