"""Sharing the running of a support plan with an organization (001, 003): with the person's
consent, its staff add and update objectives, actions and follow-ups in the kinds of information
consented, each change carries its author, the person sees who wrote what, and the caseworker
stays responsible and takes the plan back. Personas: Sophie (caseworker, Laval), Luc (OPEX,
the plan is shared with it), Amélie (SORIF, not shared)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from sentier.consent.actions import record_consent
from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import Purpose, RecipientKind
from sentier.plans import actions
from sentier.plans.models import ActionKind, FollowUp, Objective, PlanAction, PlanShare
from sentier.plans.tests.helpers import active_plan

pytestmark = pytest.mark.django_db

ZERO = b"00000000-0000-0000-0000-000000000000"
CSRF = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+')
NONCE = re.compile(rb'(nonce=")[^"]+')


def _normal(body: bytes, key: Any = None) -> bytes:
    """Without what changes on every response; the page's own address written as the other's."""
    body = CSRF.sub(rb"\1", NONCE.sub(rb"\1", body))
    return body.replace(str(key).encode(), ZERO) if key is not None else body


def _consent(personas: dict[str, Any], participant: Any, categories: list[str]) -> None:
    record_consent(
        actor=personas["caseworker_laval"],
        participant=participant,
        purpose=Purpose.SUPPORT_PLAN,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=personas["partner_opex"].organization,
        categories=categories,
        channel=ConsentChannel.IN_PERSON,
    )


def _shared(personas: dict[str, Any], participant: Any, categories: list[str] | None = None):  # type: ignore[no-untyped-def]
    plan = active_plan(personas, participant)
    _consent(personas, participant, categories or ["plan", "housing"])
    actions.share_plan(
        actor=personas["caseworker_laval"],
        plan=plan,
        organization=personas["partner_opex"].organization,
    )
    return plan


def _snapshot(plan: Any) -> tuple[Any, ...]:
    return (
        list(plan.objectives.values_list("text", "status", "category", "version")),
        list(plan.actions.values_list("what", "status", "category", "version")),
        list(plan.follow_ups.values_list("status", "notes", "version")),
        list(plan.shares.values_list("organization_id", "taken_back_at")),
    )


def test_sharing_needs_the_persons_consent_and_nothing_changes_without_it(
    personas: dict[str, Any], laval_participant: Any
) -> None:
    plan = active_plan(personas, laval_participant)
    with pytest.raises(ValidationError) as refused:
        actions.share_plan(
            actor=personas["caseworker_laval"],
            plan=plan,
            organization=personas["partner_opex"].organization,
        )
    assert "organization" in refused.value.message_dict
    assert not PlanShare.objects.filter(plan=plan).exists()


def test_partner_adds_an_objective_action_and_follow_up_each_with_its_author(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = _shared(personas, laval_participant)
    luc = personas["partner_opex"]
    client = client_for("partner_opex")
    assert client.get(reverse("plans:shared_list")).status_code == 200
    page = client.get(reverse("plans:shared_detail", args=[plan.uuid]))
    assert page.status_code == 200
    added = client.post(
        reverse("plans:add_objective", args=[plan.uuid]),
        {"text": "Trouver un logement stable", "category": "housing"},
    )
    assert added.status_code == 302
    assert added["Location"] == reverse("plans:shared_detail", args=[plan.uuid])
    objective = Objective.objects.get(plan=plan, text="Trouver un logement stable")
    assert (objective.written_by, objective.category) == (luc, "housing")
    client.post(
        reverse("plans:add_action", args=[plan.uuid]),
        {
            "what": "Bénévolat à la banque alimentaire",
            "who": "participant",
            "status": "planned",
            "kind": ActionKind.VOLUNTEERING,
            "category": "plan",
            "objective": objective.pk,
        },
    )
    action = PlanAction.objects.get(plan=plan, what="Bénévolat à la banque alimentaire")
    assert (action.written_by, action.kind) == (luc, ActionKind.VOLUNTEERING)
    when = timezone.localtime() + dt.timedelta(days=3)
    scheduled = client.post(
        reverse("plans:schedule_follow_up", args=[plan.uuid]),
        {"scheduled_for": when.strftime("%Y-%m-%dT%H:%M"), "mode": "phone", "category": "plan"},
    )
    assert scheduled.status_code == 302
    follow_up = FollowUp.objects.get(plan=plan)
    assert follow_up.written_by == luc
    # The person sees who wrote them, with the organization.
    mine = client_for("participant").get(reverse("plans:my_plan")).content.decode()
    assert "Trouver un logement stable" in mine
    assert mine.count("Luc Bouchard (Centre de main-d’œuvre OPEX’82 (Via Travail))") >= 3
    # The caseworker's page says so too, and that the plan is shared.
    detail = client_for("caseworker_laval").get(reverse("plans:detail", args=[plan.uuid]))
    assert "Luc Bouchard" in detail.content.decode()


def test_a_partner_outside_the_consented_categories_gets_the_missing_404_and_nothing_changes(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = _shared(personas, laval_participant, ["plan"])
    hidden = actions.add_objective(
        actor=personas["caseworker_laval"], plan=plan, text="Sevrage", category="addiction"
    )
    before = _snapshot(plan)
    client = client_for("partner_opex")
    page = client.get(reverse("plans:shared_detail", args=[plan.uuid])).content.decode()
    assert "Sevrage" not in page
    missing = client.post(
        reverse("plans:edit_objective", args=["00000000-0000-0000-0000-000000000000"]),
        {"text": "x", "status": "attained", "category": "plan", "version": 1},
    )
    not_shared = client.post(
        reverse("plans:edit_objective", args=[hidden.uuid]),
        {"text": "x", "status": "attained", "category": "plan", "version": hidden.version},
    )
    assert missing.status_code == not_shared.status_code == 404
    assert _normal(missing.content) == _normal(not_shared.content, hidden.uuid)
    refused = client.post(
        reverse("plans:add_objective", args=[plan.uuid]),
        {"text": "Arrêter de boire", "category": "addiction"},
    )
    assert refused.status_code == 400  # not a choice offered to this organization
    with pytest.raises(PermissionDenied):
        actions.add_objective(
            actor=personas["partner_opex"], plan=plan, text="Arrêter", category="addiction"
        )
    assert _snapshot(plan) == before


def test_another_organization_gets_the_missing_404(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = _shared(personas, laval_participant)
    before = _snapshot(plan)
    client = client_for("partner_sorif")
    shared = client.get(reverse("plans:shared_detail", args=[plan.uuid]))
    missing = client.get(
        reverse("plans:shared_detail", args=["00000000-0000-0000-0000-000000000000"])
    )
    assert shared.status_code == missing.status_code == 404
    assert _normal(shared.content, plan.uuid) == _normal(missing.content)
    posted = client.post(
        reverse("plans:add_objective", args=[plan.uuid]), {"text": "x", "category": "plan"}
    )
    assert posted.status_code == 404
    assert _snapshot(plan) == before


def test_the_caseworker_takes_the_plan_back_and_the_organization_no_longer_opens_it(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = _shared(personas, laval_participant)
    written = actions.add_objective(
        actor=personas["partner_opex"], plan=plan, text="Budget", category="plan"
    )
    share = PlanShare.objects.get(plan=plan)
    client = client_for("caseworker_laval")
    assert client.post(reverse("plans:take_back", args=[share.uuid])).status_code == 302
    share.refresh_from_db()
    assert share.taken_back_by == personas["caseworker_laval"]
    partner = client_for("partner_opex")
    assert partner.get(reverse("plans:shared_detail", args=[plan.uuid])).status_code == 404
    before = _snapshot(plan)
    assert (
        partner.post(
            reverse("plans:edit_objective", args=[written.uuid]),
            {"text": "x", "status": "attained", "category": "plan", "version": written.version},
        ).status_code
        == 404
    )
    assert _snapshot(plan) == before
    # What the organization wrote stays, with its author.
    written.refresh_from_db()
    assert written.written_by == personas["partner_opex"]


def test_partner_cannot_share_or_take_back(
    personas: dict[str, Any], laval_participant: Any, client_for: Any
) -> None:
    plan = _shared(personas, laval_participant)
    share = PlanShare.objects.get(plan=plan)
    client = client_for("partner_opex")
    assert client.post(reverse("plans:take_back", args=[share.uuid])).status_code == 404
    assert client.get(reverse("plans:share", args=[plan.uuid])).status_code == 404
    share.refresh_from_db()
    assert share.taken_back_at is None
