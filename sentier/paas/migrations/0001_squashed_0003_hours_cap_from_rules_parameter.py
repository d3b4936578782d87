import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("paas", "0001_initial"),
        ("paas", "0002_statements_line_month"),
        ("paas", "0003_hours_cap_from_rules_parameter"),
    ]

    initial = True

    dependencies = [
        ("decisions", "0002_history"),
        ("network", "0004_historicalorganization_language_and_more"),
        ("participants", "0002_history"),
        ("reference", "0002_historical_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="HistoricalPlaceAllocation",
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
                        ("period_start", models.DateField(verbose_name="first month")),
                        ("period_end", models.DateField(verbose_name="last day")),
                        ("places", models.PositiveIntegerField(verbose_name="places")),
                        ("budget_cents", models.BigIntegerField(verbose_name="budget (cents)")),
                        (
                            "granted_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="granted on"
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
                            "granted_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="granted by",
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
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical place allocation",
                        "verbose_name_plural": "historical place allocations",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalStatement",
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
                        ("month", models.DateField(verbose_name="month")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("approved", "Approved"),
                                    ("exported", "Exported"),
                                ],
                                default="draft",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "rules_version",
                            models.CharField(
                                blank=True, max_length=80, verbose_name="rules version"
                            ),
                        ),
                        (
                            "generated_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="generated on"
                            ),
                        ),
                        ("approved_at", models.DateTimeField(blank=True, null=True)),
                        ("exported_at", models.DateTimeField(blank=True, null=True)),
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
                            "approved_by",
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
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical statement",
                        "verbose_name_plural": "historical statements",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalWaitingEntry",
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
                            "requested_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="on the list since"
                            ),
                        ),
                        (
                            "placed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="placed on"),
                        ),
                        (
                            "cancelled_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="withdrawn on"
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
                            "added_by",
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
                            "decision",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="decisions.decision",
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
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
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
                            "region",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical waiting-list entry",
                        "verbose_name_plural": "historical waiting-list entries",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="PlaceAllocation",
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
                        ("period_start", models.DateField(verbose_name="first month")),
                        ("period_end", models.DateField(verbose_name="last day")),
                        ("places", models.PositiveIntegerField(verbose_name="places")),
                        ("budget_cents", models.BigIntegerField(verbose_name="budget (cents)")),
                        (
                            "granted_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="granted on"),
                        ),
                        (
                            "granted_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="granted by",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_allocations",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_allocations",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "place allocation",
                        "verbose_name_plural": "place allocations",
                        "ordering": ["-period_start", "organization__name"],
                        "indexes": [],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("period_end__gte", models.F("period_start"))),
                                name="paas_allocation_period_ordered",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("budget_cents__gte", 0)),
                                name="paas_allocation_budget_positive",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalPlacement",
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
                            "service_name",
                            models.CharField(
                                default="PAAS Action", max_length=200, verbose_name="service"
                            ),
                        ),
                        ("start_date", models.DateField(verbose_name="start date")),
                        (
                            "end_date",
                            models.DateField(blank=True, null=True, verbose_name="end date"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("active", "Active"), ("ended", "Ended")],
                                default="active",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "exit_outcome",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("completed", "Completed"),
                                    ("employment_measure", "Moved on to an employment measure"),
                                    ("training", "Moved on to training"),
                                    ("left", "Left"),
                                    ("other", "Other"),
                                ],
                                max_length=30,
                                verbose_name="outcome",
                            ),
                        ),
                        (
                            "exit_note",
                            models.TextField(blank=True, verbose_name="note on the exit"),
                        ),
                        ("created_at", models.DateTimeField(blank=True, editable=False)),
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
                            "decision",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="decisions.decision",
                                verbose_name="eligibility decision",
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
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                                verbose_name="organization",
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
                                verbose_name="participant",
                            ),
                        ),
                        (
                            "placed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="placed by",
                            ),
                        ),
                        (
                            "allocation",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="paas.placeallocation",
                                verbose_name="place allocation",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical placement",
                        "verbose_name_plural": "historical placements",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Placement",
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
                            "service_name",
                            models.CharField(
                                default="PAAS Action", max_length=200, verbose_name="service"
                            ),
                        ),
                        ("start_date", models.DateField(verbose_name="start date")),
                        (
                            "end_date",
                            models.DateField(blank=True, null=True, verbose_name="end date"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("active", "Active"), ("ended", "Ended")],
                                default="active",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "exit_outcome",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("completed", "Completed"),
                                    ("employment_measure", "Moved on to an employment measure"),
                                    ("training", "Moved on to training"),
                                    ("left", "Left"),
                                    ("other", "Other"),
                                ],
                                max_length=30,
                                verbose_name="outcome",
                            ),
                        ),
                        (
                            "exit_note",
                            models.TextField(blank=True, verbose_name="note on the exit"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "allocation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="placements",
                                to="paas.placeallocation",
                                verbose_name="place allocation",
                            ),
                        ),
                        (
                            "decision",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="decisions.decision",
                                verbose_name="eligibility decision",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_placements",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_placements",
                                to="participants.participant",
                                verbose_name="participant",
                            ),
                        ),
                        (
                            "placed_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="placed by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "placement",
                        "verbose_name_plural": "placements",
                        "ordering": ["-start_date", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["organization", "status"],
                                name="paas_placem_organiz_8a4e5a_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HoursStep",
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
                        ("from_date", models.DateField(verbose_name="from")),
                        (
                            "weekly_hours",
                            models.PositiveSmallIntegerField(verbose_name="hours a week"),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="hours_plan",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["from_date"],
                        "indexes": [],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("placement", "from_date"), name="paas_one_step_a_day"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalPlacementObjective",
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
                        ("text", models.CharField(max_length=300, verbose_name="objective")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("attained", "Attained"),
                                    ("not_attained", "Not attained"),
                                ],
                                default="planned",
                                max_length=15,
                                verbose_name="status",
                            ),
                        ),
                        ("follow_up", models.TextField(blank=True, verbose_name="follow-up")),
                        ("evaluation", models.TextField(blank=True, verbose_name="evaluation")),
                        ("updated_at", models.DateTimeField(blank=True, editable=False)),
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
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical placement objective",
                        "verbose_name_plural": "historical placement objectives",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalPlacementActivity",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("formative", "Formative activities"),
                                    (
                                        "basic_skills",
                                        "Basic skills (literacy, French, mathematics, computers)",
                                    ),
                                    (
                                        "learning_tasks",
                                        "Tasks in a learning context, no obligation of result",
                                    ),
                                    ("social_recreational", "Social and recreational activities"),
                                ],
                                max_length=30,
                                verbose_name="category",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="description"
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
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical placement activity",
                        "verbose_name_plural": "historical placement activitys",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalHoursStep",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("from_date", models.DateField(verbose_name="from")),
                        (
                            "weekly_hours",
                            models.PositiveSmallIntegerField(verbose_name="hours a week"),
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
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical hours step",
                        "verbose_name_plural": "historical hours steps",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalExpenseClaim",
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
                            "month",
                            models.DateField(
                                help_text="First day of the month the cost is for.",
                                verbose_name="month",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("transport", "Transport"), ("childcare", "Childcare")],
                                max_length=12,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "amount_cents",
                            models.PositiveIntegerField(verbose_name="amount (cents)"),
                        ),
                        ("receipt", models.TextField(max_length=100, verbose_name="receipt")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("submitted", "Submitted"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                ],
                                default="submitted",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("submitted_at", models.DateTimeField(blank=True, editable=False)),
                        ("decided_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "decision_reason",
                            models.CharField(blank=True, max_length=300, verbose_name="reason"),
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
                            "submitted_by",
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
                            "placement",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical expense claim",
                        "verbose_name_plural": "historical expense claims",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ExpenseClaim",
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
                            "month",
                            models.DateField(
                                help_text="First day of the month the cost is for.",
                                verbose_name="month",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("transport", "Transport"), ("childcare", "Childcare")],
                                max_length=12,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "amount_cents",
                            models.PositiveIntegerField(verbose_name="amount (cents)"),
                        ),
                        (
                            "receipt",
                            models.FileField(
                                upload_to="paas/receipts/%Y/%m/", verbose_name="receipt"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("submitted", "Submitted"),
                                    ("approved", "Approved"),
                                    ("rejected", "Rejected"),
                                ],
                                default="submitted",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("submitted_at", models.DateTimeField(auto_now_add=True)),
                        ("decided_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "decision_reason",
                            models.CharField(blank=True, max_length=300, verbose_name="reason"),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "submitted_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="claims",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-month", "-submitted_at"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="AttendanceEntry",
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
                        ("week_start", models.DateField(verbose_name="week of")),
                        (
                            "hours",
                            models.DecimalField(
                                decimal_places=1, max_digits=4, verbose_name="hours"
                            ),
                        ),
                        ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                        (
                            "recorded_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="recorded on"),
                        ),
                        (
                            "corrects",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="corrections",
                                to="paas.attendanceentry",
                                verbose_name="corrects",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recorded by",
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="attendance",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["week_start", "recorded_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["placement", "week_start"],
                                name="paas_attend_placeme_a7a319_idx",
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("hours__gte", 0)),
                                name="paas_attendance_not_negative",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PlacementActivity",
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
                            "category",
                            models.CharField(
                                choices=[
                                    ("formative", "Formative activities"),
                                    (
                                        "basic_skills",
                                        "Basic skills (literacy, French, mathematics, computers)",
                                    ),
                                    (
                                        "learning_tasks",
                                        "Tasks in a learning context, no obligation of result",
                                    ),
                                    ("social_recreational", "Social and recreational activities"),
                                ],
                                max_length=30,
                                verbose_name="category",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="description"
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="activities",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["category", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="PlacementObjective",
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
                        ("text", models.CharField(max_length=300, verbose_name="objective")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("attained", "Attained"),
                                    ("not_attained", "Not attained"),
                                ],
                                default="planned",
                                max_length=15,
                                verbose_name="status",
                            ),
                        ),
                        ("follow_up", models.TextField(blank=True, verbose_name="follow-up")),
                        ("evaluation", models.TextField(blank=True, verbose_name="evaluation")),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                        (
                            "placement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="objectives",
                                to="paas.placement",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Statement",
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
                        ("month", models.DateField(verbose_name="month")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("approved", "Approved"),
                                    ("exported", "Exported"),
                                ],
                                default="draft",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "rules_version",
                            models.CharField(
                                blank=True, max_length=80, verbose_name="rules version"
                            ),
                        ),
                        (
                            "generated_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="generated on"),
                        ),
                        ("approved_at", models.DateTimeField(blank=True, null=True)),
                        ("exported_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "approved_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_statements",
                                to="network.organization",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-month", "organization__name"],
                        "indexes": [],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organization", "month"), name="paas_one_statement"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="StatementLine",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("allowance", "Support allowance"),
                                    ("transport", "Transport reimbursement"),
                                    ("childcare", "Childcare reimbursement"),
                                    ("organization_payment", "Payment to the organization"),
                                    ("adjustment", "Adjustment"),
                                ],
                                max_length=25,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="description"
                            ),
                        ),
                        ("amount_cents", models.BigIntegerField(verbose_name="amount (cents)")),
                        (
                            "adjusts",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="adjustments",
                                to="paas.statementline",
                            ),
                        ),
                        (
                            "claim",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="paas.expenseclaim",
                            ),
                        ),
                        (
                            "placement",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="paas.placement",
                            ),
                        ),
                        (
                            "statement",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="lines",
                                to="paas.statement",
                            ),
                        ),
                        (
                            "for_month",
                            models.DateField(
                                blank=True, null=True, verbose_name="for the month of"
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["kind", "id"],
                        "indexes": [
                            models.Index(
                                fields=["statement", "kind"], name="paas_statem_stateme_9d80fd_idx"
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="WaitingEntry",
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
                            "requested_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="on the list since"
                            ),
                        ),
                        (
                            "placed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="placed on"),
                        ),
                        (
                            "cancelled_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="withdrawn on"
                            ),
                        ),
                        (
                            "added_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "decision",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="decisions.decision",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_waiting",
                                to="network.organization",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="paas_waiting",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "waiting-list entry",
                        "verbose_name_plural": "waiting-list entries",
                        "ordering": ["requested_at", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
            ]
        ),
    ]
