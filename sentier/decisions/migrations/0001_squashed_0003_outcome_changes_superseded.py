import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("decisions", "0001_initial"),
        ("decisions", "0002_history"),
        ("decisions", "0003_outcome_changes_superseded"),
    ]

    initial = True

    dependencies = [
        ("participants", "0010_region_caseload_in_french_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="ReevaluationRun",
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
                            "measure",
                            models.CharField(
                                choices=[
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("employment_fast_track", "Employment fast track (Ontario)"),
                                ],
                                max_length=30,
                                verbose_name="measure",
                            ),
                        ),
                        ("effective_date", models.DateField(verbose_name="date")),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        (
                            "evaluated",
                            models.PositiveIntegerField(
                                default=0, verbose_name="participants evaluated"
                            ),
                        ),
                        (
                            "changed",
                            models.PositiveIntegerField(default=0, verbose_name="outcomes changed"),
                        ),
                        (
                            "started_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="started"),
                        ),
                        ("seconds", models.FloatField(default=0, verbose_name="duration (s)")),
                    ],
                    options={
                        "verbose_name": "re-evaluation",
                        "verbose_name_plural": "re-evaluations",
                        "ordering": ["-started_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalDecision",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        (
                            "measure",
                            models.CharField(
                                choices=[
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("employment_fast_track", "Employment fast track (Ontario)"),
                                ],
                                max_length=30,
                                verbose_name="measure",
                            ),
                        ),
                        (
                            "effective_date",
                            models.DateField(verbose_name="date the rules were applied for"),
                        ),
                        ("inputs", models.JSONField(verbose_name="inputs")),
                        ("eligible", models.BooleanField(verbose_name="eligible")),
                        ("reasons", models.JSONField(default=list, verbose_name="reasons")),
                        ("amounts", models.JSONField(default=dict, verbose_name="amounts")),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        ("trace", models.JSONField(blank=True, default=list, verbose_name="trace")),
                        (
                            "decided_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="decided on"
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="requested by",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="participants.participant",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical eligibility decision",
                        "verbose_name_plural": "historical eligibility decisions",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="OutcomeChange",
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
                            "measure",
                            models.CharField(
                                choices=[
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("employment_fast_track", "Employment fast track (Ontario)"),
                                ],
                                max_length=30,
                                verbose_name="measure",
                            ),
                        ),
                        (
                            "was_eligible",
                            models.BooleanField(null=True, verbose_name="was eligible"),
                        ),
                        ("now_eligible", models.BooleanField(verbose_name="now eligible")),
                        (
                            "reason_code",
                            models.CharField(blank=True, max_length=80, verbose_name="reason"),
                        ),
                        (
                            "handled_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="handled on"),
                        ),
                        (
                            "handled_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="outcome_changes",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "run",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="changes",
                                to="decisions.reevaluationrun",
                            ),
                        ),
                        (
                            "superseded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="decisions.outcomechange",
                                verbose_name="superseded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "outcome change",
                        "verbose_name_plural": "outcome changes",
                        "ordering": ["-run__started_at", "participant__last_name"],
                        "indexes": [
                            models.Index(
                                condition=models.Q(
                                    ("handled_at__isnull", True), ("superseded_by__isnull", True)
                                ),
                                fields=["participant"],
                                name="outcomechange_open_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Decision",
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
                            "measure",
                            models.CharField(
                                choices=[
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("employment_fast_track", "Employment fast track (Ontario)"),
                                ],
                                max_length=30,
                                verbose_name="measure",
                            ),
                        ),
                        (
                            "effective_date",
                            models.DateField(verbose_name="date the rules were applied for"),
                        ),
                        ("inputs", models.JSONField(verbose_name="inputs")),
                        ("eligible", models.BooleanField(verbose_name="eligible")),
                        ("reasons", models.JSONField(default=list, verbose_name="reasons")),
                        ("amounts", models.JSONField(default=dict, verbose_name="amounts")),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        ("trace", models.JSONField(blank=True, default=list, verbose_name="trace")),
                        (
                            "decided_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="decided on"),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="requested by",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="decisions",
                                to="participants.participant",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "eligibility decision",
                        "verbose_name_plural": "eligibility decisions",
                        "ordering": ["-decided_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["participant", "measure", "-decided_at"],
                                name="decisions_d_partici_c07448_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="MeasureStatus",
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
                            "measure",
                            models.CharField(
                                choices=[
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("employment_fast_track", "Employment fast track (Ontario)"),
                                ],
                                max_length=30,
                            ),
                        ),
                        ("eligible", models.BooleanField()),
                        ("reason_code", models.CharField(blank=True, max_length=80)),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="measure_statuses",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "run",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="decisions.reevaluationrun",
                            ),
                        ),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("participant", "measure"), name="one_status_per_measure"
                            )
                        ],
                        "indexes": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalOutcomeChange",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        (
                            "measure",
                            models.CharField(
                                choices=[
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("employment_fast_track", "Employment fast track (Ontario)"),
                                ],
                                max_length=30,
                                verbose_name="measure",
                            ),
                        ),
                        (
                            "was_eligible",
                            models.BooleanField(null=True, verbose_name="was eligible"),
                        ),
                        ("now_eligible", models.BooleanField(verbose_name="now eligible")),
                        (
                            "reason_code",
                            models.CharField(blank=True, max_length=80, verbose_name="reason"),
                        ),
                        (
                            "handled_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="handled on"),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.CharField(max_length=100, null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "handled_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "run",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="decisions.reevaluationrun",
                            ),
                        ),
                        (
                            "superseded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="decisions.outcomechange",
                                verbose_name="superseded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical outcome change",
                        "verbose_name_plural": "historical outcome changes",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ]
        ),
    ]
