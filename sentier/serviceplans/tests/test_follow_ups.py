"""Follow-ups of service plans (000: "les suivis sont établis [...] avec votre accord"): date,
mode, notes and outcome, written by any party in the kinds of information shared with it, each
with its author, shown on the plan page and in the person's "My service plan". Outside the
shared kinds: the same 404 as a missing plan, a field error, and nothing changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from sentier.plans.models import FollowUpMode, FollowUpStatus
from sentier.serviceplans import actions
from sentier.serviceplans.models import FollowUp, Party, PartyKind, PlanEventKind, ServicePlan

pytestmark = pytest.mark.django_db


def _snapshot(plan: ServicePlan) -> tuple[Any, ...]:
    return (
        list(plan.follow_ups.values_list("uuid", "status", "notes", "outcome", "changed_by")),
        list(plan.events.values_list("kind", "summary", "category")),
    )


@pytest.fixture(autouse=True)
def plan_opened_a_week_ago(request: pytest.FixtureRequest) -> None:
    """The plan was opened a week ago, so that yesterday's follow-up falls within it."""
    if "shared_plan" in request.fixturenames:
        plan = request.getfixturevalue("shared_plan")
        ServicePlan.objects.filter(pk=plan.pk).update(
            created_at=timezone.now() - dt.timedelta(days=7)
        )
        plan.refresh_from_db()


def _when(days: int = -1) -> str:
    moment = timezone.localtime() + dt.timedelta(days=days)
    return f"{moment:%Y-%m-%d}T10:00"


def test_the_cisss_worker_adds_a_follow_up_shown_with_its_author_to_staff_and_person(
    client_for: Any, shared_plan: ServicePlan, health_party: Party, cisss_worker: Any
) -> None:
    client = client_for("public_cisss")
    page = client.get(reverse("serviceplans:add_follow_up", args=[shared_plan.uuid]))
    assert page.status_code == 200
    # Only the kinds of information the person shares with the CISSS are offered.
    assert 'value="addiction"' in page.content.decode()
    assert 'value="employment"' not in page.content.decode()
    added = client.post(
        reverse("serviceplans:add_follow_up", args=[shared_plan.uuid]),
        {
            "scheduled_for": _when(-1),
            "mode": FollowUpMode.IN_PERSON,
            "status": FollowUpStatus.DONE,
            "notes": "Rencontre au CRD",
            "outcome": "Suivi maintenu chaque semaine",
            "category": "addiction",
        },
    )
    assert added.status_code == 302
    follow_up = FollowUp.objects.get(plan=shared_plan)
    assert (follow_up.party, follow_up.written_by, follow_up.category) == (
        health_party,
        cisss_worker,
        "addiction",
    )
    assert shared_plan.events.filter(kind=PlanEventKind.FOLLOW_UP_ADDED).count() == 1
    staff_page = client_for("caseworker_laval").get(
        reverse("serviceplans:plan", args=[shared_plan.uuid])
    )
    assert "Suivi maintenu chaque semaine" in staff_page.content.decode()
    assert "Geneviève Bélanger (CISSS de Laval)" in staff_page.content.decode()
    mine = client_for("participant").get(reverse("serviceplans:mine")).content.decode()
    assert "Suivi maintenu chaque semaine" in mine
    assert "Geneviève Bélanger, CISSS de Laval" in mine


def test_staff_add_a_follow_up_for_the_ministry(
    personas: dict[str, Any], shared_plan: ServicePlan
) -> None:
    follow_up = actions.add_follow_up(
        actor=personas["caseworker_laval"],
        plan=shared_plan,
        scheduled_for=timezone.now() + dt.timedelta(days=7),
        mode=FollowUpMode.PHONE,
        category="plan",
    )
    assert follow_up.party.kind == PartyKind.MINISTRY
    assert follow_up.status == FollowUpStatus.SCHEDULED


def test_a_party_cannot_add_a_follow_up_outside_what_is_shared_with_it(
    client_for: Any, shared_plan: ServicePlan, cisss_worker: Any
) -> None:
    before = _snapshot(shared_plan)
    refused = client_for("public_cisss").post(
        reverse("serviceplans:add_follow_up", args=[shared_plan.uuid]),
        {
            "scheduled_for": _when(-1),
            "mode": FollowUpMode.PHONE,
            "status": FollowUpStatus.SCHEDULED,
            "category": "employment",
        },
    )
    assert refused.status_code == 400
    assert refused.context["form"].errors["category"]
    with pytest.raises(PermissionDenied):
        actions.add_follow_up(
            actor=cisss_worker,
            plan=shared_plan,
            scheduled_for=timezone.now(),
            mode=FollowUpMode.PHONE,
            category="employment",
        )
    assert _snapshot(shared_plan) == before


def test_a_held_follow_up_needs_its_outcome_and_cannot_be_in_the_future(
    personas: dict[str, Any], shared_plan: ServicePlan
) -> None:
    before = _snapshot(shared_plan)
    caseworker = personas["caseworker_laval"]
    with pytest.raises(ValidationError) as no_outcome:
        actions.add_follow_up(
            actor=caseworker,
            plan=shared_plan,
            scheduled_for=timezone.now() - dt.timedelta(hours=2),
            mode=FollowUpMode.PHONE,
            status=FollowUpStatus.DONE,
            category="plan",
        )
    assert set(no_outcome.value.message_dict) == {"outcome"}
    with pytest.raises(ValidationError) as future:
        actions.add_follow_up(
            actor=caseworker,
            plan=shared_plan,
            scheduled_for=timezone.now() + dt.timedelta(days=2),
            mode=FollowUpMode.PHONE,
            status=FollowUpStatus.DONE,
            outcome="Fait",
            category="plan",
        )
    assert set(future.value.message_dict) == {"status"}
    assert _snapshot(shared_plan) == before


def test_only_the_party_that_wrote_a_follow_up_updates_it(
    personas: dict[str, Any],
    client_for: Any,
    shared_plan: ServicePlan,
    cisss_worker: Any,
) -> None:
    follow_up = actions.add_follow_up(
        actor=personas["caseworker_laval"],
        plan=shared_plan,
        scheduled_for=timezone.now() - dt.timedelta(days=1),
        mode=FollowUpMode.PHONE,
        category="plan",
    )
    url = reverse("serviceplans:follow_up", args=[shared_plan.uuid, follow_up.uuid])
    before = _snapshot(shared_plan)
    # OPEX’82 sees the plan's kind of information but wrote nothing: the missing page's 404.
    refused = client_for("partner_opex").post(
        url, {"status": FollowUpStatus.CANCELLED, "notes": "", "outcome": ""}
    )
    assert refused.status_code == 404
    with pytest.raises(PermissionDenied):
        actions.update_follow_up(
            actor=personas["partner_opex"],
            follow_up=follow_up,
            status=FollowUpStatus.CANCELLED,
            notes="",
            outcome="",
        )
    assert _snapshot(shared_plan) == before
    done = client_for("caseworker_laval").post(
        url, {"status": FollowUpStatus.DONE, "notes": "Appel", "outcome": "Tout va bien"}
    )
    assert done.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.status, follow_up.outcome) == (FollowUpStatus.DONE, "Tout va bien")
