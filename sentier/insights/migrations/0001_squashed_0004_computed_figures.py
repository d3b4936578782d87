import django.db.models.deletion
import sentier.core.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes
from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("insights", "0001_dashboard_view_log"),
        ("insights", "0002_frozen_report"),
        ("insights", "0003_logs_refuse_changes"),
        ("insights", "0004_computed_figures"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="DashboardView",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="when"
                            ),
                        ),
                        (
                            "actor_label",
                            models.CharField(
                                blank=True, max_length=120, verbose_name="who (no account)"
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("page", "Web page"),
                                    ("csv", "CSV export"),
                                    ("xlsx", "XLSX export"),
                                    ("cli", "Command line"),
                                ],
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "path",
                            models.CharField(blank=True, max_length=300, verbose_name="address"),
                        ),
                        (
                            "regions",
                            models.CharField(blank=True, max_length=200, verbose_name="regions"),
                        ),
                        ("period_start", models.DateField(verbose_name="period start")),
                        ("period_end", models.DateField(verbose_name="period end")),
                        (
                            "breakdowns",
                            models.CharField(blank=True, max_length=200, verbose_name="breakdowns"),
                        ),
                        (
                            "indicator",
                            models.CharField(blank=True, max_length=60, verbose_name="indicator"),
                        ),
                        (
                            "catalogue_version",
                            models.CharField(max_length=20, verbose_name="catalogue version"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="who",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "view of the indicators",
                        "verbose_name_plural": "views of the indicators",
                        "ordering": ["-at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(sentier.core.models.AppendOnly, models.Model),
                ),
                migrations.CreateModel(
                    name="FrozenReport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        (
                            "frozen_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="frozen on"),
                        ),
                        ("pilot", models.CharField(max_length=60, verbose_name="pilot")),
                        ("month", models.DateField(verbose_name="month")),
                        (
                            "region",
                            models.CharField(blank=True, max_length=4, verbose_name="region"),
                        ),
                        (
                            "catalogue_version",
                            models.CharField(max_length=40, verbose_name="catalogue version"),
                        ),
                        (
                            "rules_version",
                            models.CharField(max_length=40, verbose_name="rules version"),
                        ),
                        ("parameters", models.JSONField(verbose_name="parameters")),
                        (
                            "inputs_hash",
                            models.CharField(max_length=64, verbose_name="hash of the inputs"),
                        ),
                        ("figures", models.JSONField(verbose_name="figures")),
                        (
                            "frozen_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="frozen by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "frozen report",
                        "verbose_name_plural": "frozen reports",
                        "ordering": ["-frozen_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(sentier.core.models.AppendOnly, models.Model),
                ),
                migrations.CreateModel(
                    name="ComputedFigures",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "key",
                            models.CharField(max_length=64, unique=True, verbose_name="question"),
                        ),
                        (
                            "family",
                            models.CharField(db_index=True, max_length=64, verbose_name="family"),
                        ),
                        ("regions", models.CharField(max_length=200, verbose_name="regions")),
                        (
                            "jurisdiction",
                            models.CharField(max_length=4, verbose_name="jurisdiction"),
                        ),
                        ("period_start", models.DateField(verbose_name="period start")),
                        ("period_end", models.DateField(verbose_name="period end")),
                        (
                            "breakdowns",
                            models.CharField(blank=True, max_length=200, verbose_name="breakdowns"),
                        ),
                        ("indicators", models.TextField(blank=True, verbose_name="indicators")),
                        ("threshold", models.PositiveIntegerField(verbose_name="threshold")),
                        (
                            "catalogue_version",
                            models.CharField(max_length=40, verbose_name="catalogue version"),
                        ),
                        (
                            "requested_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="requested at"
                            ),
                        ),
                        (
                            "computed_at",
                            models.DateTimeField(
                                blank=True, db_index=True, null=True, verbose_name="computed at"
                            ),
                        ),
                        (
                            "seconds",
                            models.FloatField(
                                blank=True, null=True, verbose_name="seconds spent computing"
                            ),
                        ),
                        (
                            "payload",
                            models.JSONField(blank=True, null=True, verbose_name="figures"),
                        ),
                    ],
                    options={
                        "verbose_name": "computed figures",
                        "verbose_name_plural": "computed figures",
                        "indexes": [],
                        "constraints": [],
                    },
                ),
            ]
        ),
        refuse_changes("insights_dashboardview"),  # 0003_logs_refuse_changes
        refuse_changes("insights_frozenreport"),  # 0003_logs_refuse_changes
    ]
