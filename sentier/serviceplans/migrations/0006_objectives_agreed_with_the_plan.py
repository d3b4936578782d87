"""The person's agreement moves from the plan to each objective (issue 16, 000: "avec votre
accord"). The plan's single answer stays (it is the person's answer to taking part); each
objective that already existed on the day the person agreed to the plan is recorded as agreed on
that day, the same way, by the same person: they agreed to the plan as it stood. Objectives added
later carry no agreement until one is recorded."""

from __future__ import annotations

from typing import Any

from django.db import migrations
from django.utils import timezone


def forwards(apps: Any, schema_editor: Any) -> None:
    ServicePlan = apps.get_model("serviceplans", "ServicePlan")
    Objective = apps.get_model("serviceplans", "Objective")
    for plan in ServicePlan.objects.filter(agreed_on__isnull=False).iterator():
        for objective in Objective.objects.filter(plan_id=plan.pk, agreed_on__isnull=True):
            if timezone.localdate(objective.created_at) > plan.agreed_on:
                continue
            objective.agreed_on = plan.agreed_on
            objective.agreement_channel = plan.agreement_channel
            objective.agreement_recorded_by_id = plan.agreement_recorded_by_id
            objective.save(
                update_fields=["agreed_on", "agreement_channel", "agreement_recorded_by"]
            )


def backwards(apps: Any, schema_editor: Any) -> None:
    """The columns go away with the previous migration; nothing to undo here."""


class Migration(migrations.Migration):
    dependencies = [("serviceplans", "0005_follow_ups_agreements_initiator_pick_public_staff")]

    operations = [migrations.RunPython(forwards, backwards)]
