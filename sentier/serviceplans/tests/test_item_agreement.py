"""The person's agreement, objective by objective and follow-up by follow-up (000: "Les
objectifs [...] de même que les suivis sont établis [...] avec votre accord"): the day, how it
was given and who recorded it. Refused with a field error, and nothing changed: a day in the
future (the local today, never UTC's), a day before the plan existed, an agreement already
recorded, a party outside the kinds of information shared with it."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from sentier.plans.models import FollowUpMode
from sentier.serviceplans import actions
from sentier.serviceplans.models import (
    AgreementChannel,
    Objective,
    PlanEventKind,
    ServicePlan,
)

pytestmark = pytest.mark.django_db


def _agreement(item: Any) -> tuple[Any, ...]:
    item.refresh_from_db()
    return (
        item.agreed_on,
        item.agreement_channel,
        item.agreement_recorded_by_id,
        item.agreement_recorded_at,
    )


def _events(plan: ServicePlan) -> int:
    return plan.events.filter(kind=PlanEventKind.ITEM_AGREED).count()


def _addiction(plan: ServicePlan) -> Objective:
    return plan.objectives.get(category="addiction")


def test_staff_record_the_persons_agreement_to_an_objective(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan
) -> None:
    objective = _addiction(shared_plan)
    url = reverse("serviceplans:objective_agreement", args=[shared_plan.uuid, objective.uuid])
    client = client_for("caseworker_laval")
    # The plan page links to recording it while it is not recorded, and no longer after.
    plan_url = reverse("serviceplans:plan", args=[shared_plan.uuid])
    assert url in client.get(plan_url).content.decode()
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    done = client.post(url, {"on": today.isoformat(), "channel": AgreementChannel.PHONE})
    assert done.status_code == 302
    assert _agreement(objective)[:3] == (
        today,
        AgreementChannel.PHONE,
        personas["caseworker_laval"].pk,
    )
    assert _events(shared_plan) == 1
    assert url not in client.get(plan_url).content.decode()


@pytest.mark.parametrize("days", [1, 400])
def test_an_agreement_in_the_future_is_refused_and_nothing_changes(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, days: int
) -> None:
    objective = _addiction(shared_plan)
    before = (_agreement(objective), _events(shared_plan))
    future = timezone.localdate() + dt.timedelta(days=days)
    refused = client_for("caseworker_laval").post(
        reverse("serviceplans:objective_agreement", args=[shared_plan.uuid, objective.uuid]),
        {"on": future.isoformat(), "channel": AgreementChannel.IN_PERSON},
    )
    assert refused.status_code == 400
    assert refused.context["form"].errors["on"]
    with pytest.raises(ValidationError) as error:
        actions.record_item_agreement(
            actor=personas["caseworker_laval"],
            item=objective,
            on=future,
            channel=AgreementChannel.IN_PERSON,
        )
    assert set(error.value.message_dict) == {"on"}
    assert (_agreement(objective), _events(shared_plan)) == before


def test_an_agreement_before_the_plan_existed_is_refused_and_nothing_changes(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan
) -> None:
    objective = _addiction(shared_plan)
    before = (_agreement(objective), _events(shared_plan))
    earlier = timezone.localdate(shared_plan.created_at) - dt.timedelta(days=1)
    refused = client_for("caseworker_laval").post(
        reverse("serviceplans:objective_agreement", args=[shared_plan.uuid, objective.uuid]),
        {"on": earlier.isoformat(), "channel": AgreementChannel.IN_PERSON},
    )
    assert refused.status_code == 400
    assert refused.context["form"].errors["on"]
    with pytest.raises(ValidationError) as error:
        actions.record_item_agreement(
            actor=personas["caseworker_laval"],
            item=objective,
            on=earlier,
            channel=AgreementChannel.IN_PERSON,
        )
    assert set(error.value.message_dict) == {"on"}
    assert (_agreement(objective), _events(shared_plan)) == before


def test_an_agreement_already_recorded_is_not_recorded_again(
    personas: dict[str, Any], shared_plan: ServicePlan
) -> None:
    objective = _addiction(shared_plan)
    caseworker = personas["caseworker_laval"]
    actions.record_item_agreement(
        actor=caseworker,
        item=objective,
        on=timezone.localdate(),
        channel=AgreementChannel.IN_PERSON,
    )
    before = (_agreement(objective), _events(shared_plan))
    with pytest.raises(ValidationError):
        actions.record_item_agreement(
            actor=personas["coordinator"],
            item=objective,
            on=timezone.localdate(),
            channel=AgreementChannel.PHONE,
        )
    assert (_agreement(objective), _events(shared_plan)) == before


def test_the_cisss_records_agreement_in_what_it_shares_only(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan, cisss_worker: Any
) -> None:
    work = shared_plan.objectives.get(category="employment")
    before = (_agreement(work), _events(shared_plan))
    client = client_for("public_cisss")
    refused = client.post(
        reverse("serviceplans:objective_agreement", args=[shared_plan.uuid, work.uuid]),
        {"on": timezone.localdate().isoformat(), "channel": AgreementChannel.IN_PERSON},
    )
    assert refused.status_code == 404
    with pytest.raises(PermissionDenied):
        actions.record_item_agreement(
            actor=cisss_worker,
            item=work,
            on=timezone.localdate(),
            channel=AgreementChannel.IN_PERSON,
        )
    assert (_agreement(work), _events(shared_plan)) == before
    objective = _addiction(shared_plan)
    done = client.post(
        reverse("serviceplans:objective_agreement", args=[shared_plan.uuid, objective.uuid]),
        {"on": timezone.localdate().isoformat(), "channel": AgreementChannel.IN_PERSON},
    )
    assert done.status_code == 302
    assert _agreement(objective)[2] == cisss_worker.pk


def test_the_person_agrees_online_to_an_objective_and_a_follow_up(
    personas: dict[str, Any], client_for: Any, shared_plan: ServicePlan
) -> None:
    objective = _addiction(shared_plan)
    follow_up = actions.add_follow_up(
        actor=personas["caseworker_laval"],
        plan=shared_plan,
        scheduled_for=timezone.now() + dt.timedelta(days=3),
        mode=FollowUpMode.PHONE,
        category="plan",
    )
    client = client_for("participant")
    page = client.get(reverse("serviceplans:mine")).content.decode()
    assert f'value="{objective.uuid}"' in page
    for item in (objective, follow_up):
        assert client.post(reverse("serviceplans:mine"), {"agree_to": str(item.uuid)}).status_code
        assert _agreement(item)[:3] == (
            timezone.localdate(),
            AgreementChannel.ONLINE,
            personas["participant"].pk,
        )
    page = client.get(reverse("serviceplans:mine")).content.decode()
    assert f'value="{objective.uuid}"' not in page


def test_online_is_only_the_person_and_the_person_only_online(
    personas: dict[str, Any], shared_plan: ServicePlan
) -> None:
    objective = _addiction(shared_plan)
    before = _agreement(objective)
    with pytest.raises(PermissionDenied):
        actions.record_item_agreement(
            actor=personas["caseworker_laval"],
            item=objective,
            on=timezone.localdate(),
            channel=AgreementChannel.ONLINE,
        )
    with pytest.raises(PermissionDenied):
        actions.record_item_agreement(
            actor=personas["participant"],
            item=objective,
            on=timezone.localdate(),
            channel=AgreementChannel.PHONE,
        )
    assert _agreement(objective) == before


def test_the_migration_gives_the_plans_agreement_to_the_objectives_that_existed_then(
    personas: dict[str, Any], shared_plan: ServicePlan
) -> None:
    """Objectives that existed on the day the person agreed to the plan carry that agreement;
    later ones carry none."""
    migration = importlib.import_module(
        "sentier.serviceplans.migrations.0006_objectives_agreed_with_the_plan"
    )
    existing = _addiction(shared_plan)
    later = shared_plan.objectives.get(category="employment")
    Objective.objects.filter(pk=later.pk).update(created_at=timezone.now() + dt.timedelta(days=2))
    migration.forwards(apps, None)
    plan = ServicePlan.objects.get(pk=shared_plan.pk)
    assert _agreement(existing)[:3] == (
        plan.agreed_on,
        plan.agreement_channel,
        plan.agreement_recorded_by_id,
    )
    assert _agreement(later)[0] is None
