"""Accounts for staff of public network bodies (CISSS, school service centre), issue 16: they
open the active service plans where their body is a party, and in them only the kinds of
information the person shares with that body; every other plan, and every other page of a
participant, is the same 404 as a missing record, and nothing changes."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.plans.models import FollowUpMode
from sentier.serviceplans import actions
from sentier.serviceplans.models import ItemStatus, Party, PlanAction, ServicePlan
from sentier.serviceplans.tests.test_need_to_know import CSRF, NONCE

pytestmark = pytest.mark.django_db


def normal(body: bytes) -> bytes:
    return CSRF.sub(rb"\1", NONCE.sub(rb"\1", body))


def _snapshot(plan: ServicePlan) -> tuple[Any, ...]:
    return (
        list(plan.objectives.values_list("text", "category", "status", "agreed_on")),
        list(PlanAction.objects.filter(objective__plan=plan).values_list("text", "status")),
        list(plan.follow_ups.values_list("uuid", "status")),
        plan.events.count(),
    )


def test_the_cisss_worker_sees_the_plan_through_what_is_shared_with_the_cisss(
    client_for: Any, shared_plan: ServicePlan, cisss_worker: Any
) -> None:
    client = client_for("public_cisss")
    listed = client.get(reverse("serviceplans:list"))
    assert listed.status_code == 200
    assert reverse("serviceplans:plan", args=[shared_plan.uuid]) in listed.content.decode()
    page = client.get(reverse("serviceplans:plan", args=[shared_plan.uuid])).content.decode()
    assert "Maintenir l’abstinence avec le CRD" in page  # addiction: shared with the CISSS
    assert "Préparer un retour vers l’emploi" not in page  # employment: not shared
    assert "Trouver un logement salubre" not in page  # housing: not shared
    home = client.get(reverse("core:home")).content.decode()
    assert "CISSS de Laval" in home


def test_a_plan_the_body_takes_no_part_in_is_the_missing_plans_404(
    client_for: Any, shared_plan: ServicePlan, school_worker: Any, cisss_worker: Any
) -> None:
    client = Client()
    client.force_login(school_worker)
    absent = uuid.uuid4()
    missing = client.get(reverse("serviceplans:plan", args=[absent]))
    not_theirs = client.get(reverse("serviceplans:plan", args=[shared_plan.uuid]))
    assert missing.status_code == not_theirs.status_code == 404
    # Byte for byte, but for the address the page links back to and the per-response tokens.
    assert normal(missing.content) == normal(
        not_theirs.content.replace(str(shared_plan.uuid).encode(), str(absent).encode())
    )
    assert (
        reverse("serviceplans:plan", args=[shared_plan.uuid])
        not in client.get(reverse("serviceplans:list")).content.decode()
    )


def test_the_cisss_worker_cannot_act_outside_its_share_and_nothing_changes(
    client_for: Any, shared_plan: ServicePlan, cisss_worker: Any, health_party: Party
) -> None:
    before = _snapshot(shared_plan)
    client = client_for("public_cisss")
    work = shared_plan.objectives.get(category="employment")
    action = PlanAction.objects.get(objective=work)
    plan = shared_plan.uuid
    refused = [
        client.get(reverse("serviceplans:objective", args=[plan, work.uuid])),
        client.post(
            reverse("serviceplans:action_status", args=[plan, action.uuid]),
            {"status": ItemStatus.DONE},
        ),
        client.post(
            reverse("serviceplans:objective_agreement", args=[plan, work.uuid]),
            {"on": "2026-05-01", "channel": "in_person"},
        ),
        client.get(reverse("serviceplans:agreement", args=[plan])),
        client.get(reverse("serviceplans:end", args=[plan])),
        client.get(reverse("serviceplans:add_party", args=[plan])),
        client.get(reverse("serviceplans:party", args=[plan, health_party.uuid])),
        client.get(reverse("serviceplans:request", args=[shared_plan.participant.uuid])),
        client.get(reverse("participants:file", args=[shared_plan.participant.uuid])),
    ]
    assert [r.status_code for r in refused] == [404] * len(refused)
    assert client.get(reverse("participants:caseload")).status_code in (403, 404)
    assert _snapshot(shared_plan) == before


def test_the_cisss_worker_loses_the_plan_when_the_cisss_leaves_it(
    personas: dict[str, Any],
    client_for: Any,
    shared_plan: ServicePlan,
    cisss_worker: Any,
    health_party: Party,
) -> None:
    actions.remove_party(actor=personas["coordinator"], party=health_party)
    before = _snapshot(shared_plan)
    client = client_for("public_cisss")
    assert client.get(reverse("serviceplans:plan", args=[shared_plan.uuid])).status_code == 404
    refused = client.post(
        reverse("serviceplans:add_follow_up", args=[shared_plan.uuid]),
        {
            "scheduled_for": "2026-05-01T10:00",
            "mode": FollowUpMode.PHONE,
            "status": "scheduled",
            "category": "addiction",
        },
    )
    assert refused.status_code == 404
    assert _snapshot(shared_plan) == before


def test_the_cisss_worker_updates_the_actions_the_cisss_owns(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, cisss_worker: Any
) -> None:
    addiction = shared_plan.objectives.get(category="addiction")
    action = actions.add_action(
        actor=personas["caseworker_laval"],
        objective=addiction,
        text="Rencontre hebdomadaire au CRD",
        owner=addiction.owner,
    )
    done = client_for("public_cisss").post(
        reverse("serviceplans:action_status", args=[shared_plan.uuid, action.uuid]),
        {"status": ItemStatus.IN_PROGRESS},
    )
    assert done.status_code == 302
    action.refresh_from_db()
    assert action.status == ItemStatus.IN_PROGRESS
