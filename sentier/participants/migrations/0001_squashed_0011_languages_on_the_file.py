import django.db.models.deletion
import sentier.core.text
import simple_history.models
import uuid
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels, RunSQLOnPostgreSQL

# From 0010_region_caseload_in_french_order (PostgreSQL only: its docstring says why).
TRIGRAM_INDEXES = [
    f"CREATE INDEX IF NOT EXISTS participant_{column}_trgm "
    f"ON participants_participant USING gin (UPPER({column}::text) gin_trgm_ops)"
    for column in ("last_name", "first_name")
]
TRIGRAM_INDEXES_DROP = [
    f"DROP INDEX IF EXISTS participant_{column}_trgm" for column in ("last_name", "first_name")
]


class Migration(migrations.Migration):
    replaces = [
        ("participants", "0001_initial"),
        ("participants", "0002_history"),
        ("participants", "0003_timelineevent_paas_kinds"),
        ("participants", "0004_alter_timelineevent_kind"),
        ("participants", "0005_file_number_counter"),
        ("participants", "0006_more_event_kinds"),
        ("participants", "0007_claim_event_kinds"),
        ("participants", "0008_participants_in_french_order"),
        ("participants", "0009_event_kind_registry"),
        ("participants", "0010_region_caseload_in_french_order"),
        ("participants", "0011_languages_on_the_file"),
    ]

    initial = True

    dependencies = [
        ("reference", "0003_ontario_lists"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="HistoricalParticipant",
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
                            "file_number",
                            models.CharField(
                                db_index=True, max_length=20, verbose_name="file number"
                            ),
                        ),
                        ("first_name", models.CharField(max_length=120, verbose_name="first name")),
                        ("last_name", models.CharField(max_length=120, verbose_name="last name")),
                        (
                            "birth_date",
                            models.DateField(blank=True, null=True, verbose_name="date of birth"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=30, verbose_name="phone"),
                        ),
                        (
                            "address",
                            models.CharField(blank=True, max_length=250, verbose_name="address"),
                        ),
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="city")),
                        (
                            "postal_code",
                            models.CharField(blank=True, max_length=7, verbose_name="postal code"),
                        ),
                        (
                            "preferred_language",
                            models.CharField(
                                choices=[
                                    ("fr-ca", "Français"),
                                    ("en-ca", "English"),
                                    ("es", "Español"),
                                    ("ar", "العربية"),
                                    ("ht", "Kreyòl ayisyen"),
                                ],
                                default="fr-ca",
                                max_length=8,
                                verbose_name="preferred language",
                            ),
                        ),
                        (
                            "claim_booklet",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("", "None"),
                                    ("ASM-1", "ASM-1"),
                                    ("ASM-2", "ASM-2"),
                                    ("ASM-5", "ASM-5"),
                                ],
                                default="",
                                max_length=8,
                                verbose_name="claim booklet",
                            ),
                        ),
                        (
                            "household_type",
                            models.CharField(
                                choices=[
                                    ("single", "Single person"),
                                    ("single_parent", "Single parent"),
                                    ("couple", "Couple without children"),
                                    ("couple_children", "Couple with children"),
                                    ("other", "Other"),
                                ],
                                default="single",
                                max_length=20,
                                verbose_name="household",
                            ),
                        ),
                        (
                            "adults",
                            models.PositiveSmallIntegerField(
                                default=1, verbose_name="adults in household"
                            ),
                        ),
                        (
                            "children",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="children in household"
                            ),
                        ),
                        (
                            "asylum_seeker",
                            models.BooleanField(default=False, verbose_name="asylum seeker"),
                        ),
                        (
                            "first_nations_site",
                            models.BooleanField(
                                default=False,
                                verbose_name="served at a First Nations delivery site (Ontario)",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("active", "Active"),
                                    ("pending", "Application pending"),
                                    ("inactive", "Inactive"),
                                    ("closed", "Closed"),
                                ],
                                default="active",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "assigned_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="assigned on"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="created on"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="updated on"
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
                            "caseworker",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="caseworker",
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
                            "program",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.program",
                                verbose_name="program",
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
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                        (
                            "interpreter_language",
                            models.CharField(
                                blank=True,
                                default="",
                                help_text="The language of the interpreter the person needs; empty: none.",
                                max_length=8,
                                verbose_name="interpreter needed",
                            ),
                        ),
                        (
                            "languages_spoken",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Language codes, e.g. fr, es, fcs (Quebec Sign Language).",
                                verbose_name="languages spoken",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical participant",
                        "verbose_name_plural": "historical participants",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Participant",
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
                            "file_number",
                            models.CharField(
                                max_length=20, unique=True, verbose_name="file number"
                            ),
                        ),
                        ("first_name", models.CharField(max_length=120, verbose_name="first name")),
                        ("last_name", models.CharField(max_length=120, verbose_name="last name")),
                        (
                            "birth_date",
                            models.DateField(blank=True, null=True, verbose_name="date of birth"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=30, verbose_name="phone"),
                        ),
                        (
                            "address",
                            models.CharField(blank=True, max_length=250, verbose_name="address"),
                        ),
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="city")),
                        (
                            "postal_code",
                            models.CharField(blank=True, max_length=7, verbose_name="postal code"),
                        ),
                        (
                            "preferred_language",
                            models.CharField(
                                choices=[
                                    ("fr-ca", "Français"),
                                    ("en-ca", "English"),
                                    ("es", "Español"),
                                    ("ar", "العربية"),
                                    ("ht", "Kreyòl ayisyen"),
                                ],
                                default="fr-ca",
                                max_length=8,
                                verbose_name="preferred language",
                            ),
                        ),
                        (
                            "claim_booklet",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("", "None"),
                                    ("ASM-1", "ASM-1"),
                                    ("ASM-2", "ASM-2"),
                                    ("ASM-5", "ASM-5"),
                                ],
                                default="",
                                max_length=8,
                                verbose_name="claim booklet",
                            ),
                        ),
                        (
                            "household_type",
                            models.CharField(
                                choices=[
                                    ("single", "Single person"),
                                    ("single_parent", "Single parent"),
                                    ("couple", "Couple without children"),
                                    ("couple_children", "Couple with children"),
                                    ("other", "Other"),
                                ],
                                default="single",
                                max_length=20,
                                verbose_name="household",
                            ),
                        ),
                        (
                            "adults",
                            models.PositiveSmallIntegerField(
                                default=1, verbose_name="adults in household"
                            ),
                        ),
                        (
                            "children",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="children in household"
                            ),
                        ),
                        (
                            "asylum_seeker",
                            models.BooleanField(default=False, verbose_name="asylum seeker"),
                        ),
                        (
                            "first_nations_site",
                            models.BooleanField(
                                default=False,
                                verbose_name="served at a First Nations delivery site (Ontario)",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("active", "Active"),
                                    ("pending", "Application pending"),
                                    ("inactive", "Inactive"),
                                    ("closed", "Closed"),
                                ],
                                default="active",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "assigned_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="assigned on"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created on"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated on"),
                        ),
                        (
                            "caseworker",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="caseload",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="caseworker",
                            ),
                        ),
                        (
                            "program",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="participants",
                                to="reference.program",
                                verbose_name="program",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="participants",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="participant",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                        (
                            "interpreter_language",
                            models.CharField(
                                blank=True,
                                default="",
                                help_text="The language of the interpreter the person needs; empty: none.",
                                max_length=8,
                                verbose_name="interpreter needed",
                            ),
                        ),
                        (
                            "languages_spoken",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Language codes, e.g. fr, es, fcs (Quebec Sign Language).",
                                verbose_name="languages spoken",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "participant",
                        "verbose_name_plural": "participants",
                        "ordering": [
                            models.OrderBy(sentier.core.text.FrenchOrder("last_name")),
                            models.OrderBy(sentier.core.text.FrenchOrder("first_name")),
                            "id",
                        ],
                        "indexes": [
                            models.Index(
                                fields=["region", "status"], name="participant_region__514e28_idx"
                            ),
                            models.Index(
                                fields=["caseworker", "-assigned_at"],
                                name="participant_casewor_a12c61_idx",
                            ),
                            models.Index(
                                models.F("region"),
                                sentier.core.text.FrenchOrder("last_name"),
                                sentier.core.text.FrenchOrder("first_name"),
                                models.F("id"),
                                name="participant_region_name_idx",
                            ),
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="SavedSearch",
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
                        ("name", models.CharField(max_length=80, verbose_name="name")),
                        ("query", models.CharField(max_length=500, verbose_name="filters")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "owner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="saved_searches",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "saved search",
                        "verbose_name_plural": "saved searches",
                        "ordering": ["name"],
                        "indexes": [],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("owner", "name"), name="unique_saved_search_name"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="TimelineEvent",
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
                        ("kind", models.CharField(max_length=40, verbose_name="kind")),
                        ("occurred_at", models.DateTimeField(verbose_name="when")),
                        (
                            "summary",
                            models.CharField(blank=True, max_length=300, verbose_name="summary"),
                        ),
                        (
                            "data",
                            models.JSONField(blank=True, default=dict, verbose_name="details"),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="by",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="events",
                                to="participants.participant",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "timeline event",
                        "verbose_name_plural": "timeline events",
                        "ordering": ["-occurred_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["participant", "-occurred_at"],
                                name="participant_partici_253f59_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalSavedSearch",
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
                        ("name", models.CharField(max_length=80, verbose_name="name")),
                        ("query", models.CharField(max_length=500, verbose_name="filters")),
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
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "owner",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical saved search",
                        "verbose_name_plural": "historical saved searches",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="FileNumberCounter",
                    fields=[
                        (
                            "year",
                            models.PositiveSmallIntegerField(primary_key=True, serialize=False),
                        ),
                        ("last", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "indexes": [],
                        "constraints": [],
                    },
                ),
            ]
        ),
        # From 0010_region_caseload_in_french_order: trigram indexes for name searches.
        TrigramExtension(),
        RunSQLOnPostgreSQL(sql=TRIGRAM_INDEXES, reverse_sql=TRIGRAM_INDEXES_DROP),
    ]
