import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes
from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("simulations", "0001_saved_simulations_and_runs"),
        ("simulations", "0002_run_log_refuses_changes"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="SavedSimulation",
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
                        ("title", models.CharField(max_length=200, verbose_name="title")),
                        ("reference_date", models.DateField(verbose_name="reference date")),
                        ("changes", models.JSONField(verbose_name="changes")),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        ("results", models.JSONField(verbose_name="results")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="saved on"),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="saved by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "saved simulation",
                        "verbose_name_plural": "saved simulations",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="SimulationRun",
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
                            "ran_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="when"
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[("page", "Web page"), ("command", "Command line")],
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        ("reference_date", models.DateField(verbose_name="reference date")),
                        ("changes", models.JSONField(verbose_name="changes")),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        ("files", models.PositiveIntegerField(verbose_name="open files read")),
                        (
                            "simulation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="runs",
                                to="simulations.savedsimulation",
                                verbose_name="saved simulation",
                            ),
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
                        "verbose_name": "simulation run",
                        "verbose_name_plural": "simulation runs",
                        "ordering": ["-ran_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
            ]
        ),
        refuse_changes("simulations_simulationrun"),  # 0002_run_log_refuses_changes
    ]
