"""Referrals remember the kind of need asked and the one-time key of the form that sent them."""

from typing import Any

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def kind_from_service(apps: Any, schema_editor: Any) -> None:
    """Referrals sent before: the kind of the service chosen, when there was one."""
    Referral = apps.get_model("referrals", "Referral")
    Service = apps.get_model("network", "Service")
    Referral.objects.filter(service__isnull=False).update(
        kind=Subquery(Service.objects.filter(pk=OuterRef("service_id")).values("kind")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0003_sender_answer_notices"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalreferral",
            name="kind",
            field=models.CharField(
                blank=True, default="", max_length=30, verbose_name="kind of need"
            ),
        ),
        migrations.AddField(
            model_name="historicalreferral",
            name="send_key",
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="referral",
            name="kind",
            field=models.CharField(
                blank=True, default="", max_length=30, verbose_name="kind of need"
            ),
        ),
        migrations.AddField(
            model_name="referral",
            name="send_key",
            field=models.UUIDField(blank=True, editable=False, null=True, unique=True),
        ),
        migrations.RunPython(kind_from_service, migrations.RunPython.noop),
    ]
