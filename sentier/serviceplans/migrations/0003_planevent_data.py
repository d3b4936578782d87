"""Plan events keep their parameters (codes, numbers) in ``data`` and are worded at read time.

A plan the person declined kept « La personne n’a pas souhaité participer. » as its end reason,
in French whatever the reader's language: it is now empty and ``ServicePlan.end_reason_text``
words it. Other end reasons are what a person typed, and stay.
"""

from django.db import migrations, models

DECLINED = ("La personne n’a pas souhaité participer.", "The person did not wish to take part.")


def clear_declined_reason(apps, schema_editor):
    ServicePlan = apps.get_model("serviceplans", "ServicePlan")
    ServicePlan.objects.filter(
        status="ended", agreed_on__isnull=True, end_reason__in=DECLINED
    ).exclude(agreement_channel="").update(end_reason="")


class Migration(migrations.Migration):
    dependencies = [
        ("serviceplans", "0002_situations"),
    ]

    operations = [
        migrations.AddField(
            model_name="planevent",
            name="data",
            field=models.JSONField(blank=True, default=dict, verbose_name="details"),
        ),
        migrations.RunPython(clear_declined_reason, migrations.RunPython.noop),
    ]
