import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("reference", "0001_initial"),
        ("reference", "0002_historical_names"),
        ("reference", "0003_ontario_lists"),
        ("reference", "0004_first_nations_odsp_sites"),
        ("reference", "0005_program_assistance"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="Program",
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
                        ("code", models.CharField(max_length=8, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=160, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=160, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=160, null=True, verbose_name="name"),
                        ),
                        (
                            "jurisdiction",
                            models.CharField(
                                choices=[("QC", "Québec"), ("ON", "Ontario")],
                                default="QC",
                                max_length=2,
                                verbose_name="jurisdiction",
                            ),
                        ),
                        (
                            "assistance",
                            models.BooleanField(
                                default=True,
                                help_text="Unticked for the public employment services: no financial assistance.",
                                verbose_name="last-resort financial assistance",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "program",
                        "verbose_name_plural": "programs",
                        "ordering": ["jurisdiction", "code"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Region",
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
                        ("code", models.CharField(max_length=4, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=120, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=120, null=True, verbose_name="name"),
                        ),
                        (
                            "jurisdiction",
                            models.CharField(
                                choices=[("QC", "Québec"), ("ON", "Ontario")],
                                default="QC",
                                max_length=2,
                                verbose_name="jurisdiction",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "region",
                        "verbose_name_plural": "regions",
                        "ordering": ["jurisdiction", "code"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalProgram",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "code",
                            models.CharField(db_index=True, max_length=8, verbose_name="code"),
                        ),
                        ("name", models.CharField(max_length=160, verbose_name="name")),
                        (
                            "jurisdiction",
                            models.CharField(
                                choices=[("QC", "Québec"), ("ON", "Ontario")],
                                default="QC",
                                max_length=2,
                                verbose_name="jurisdiction",
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
                            "name_en_ca",
                            models.CharField(max_length=160, null=True, verbose_name="name"),
                        ),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=160, null=True, verbose_name="name"),
                        ),
                        (
                            "assistance",
                            models.BooleanField(
                                default=True,
                                help_text="Unticked for the public employment services: no financial assistance.",
                                verbose_name="last-resort financial assistance",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical program",
                        "verbose_name_plural": "historical programs",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalRegion",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "code",
                            models.CharField(db_index=True, max_length=4, verbose_name="code"),
                        ),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        (
                            "jurisdiction",
                            models.CharField(
                                choices=[("QC", "Québec"), ("ON", "Ontario")],
                                default="QC",
                                max_length=2,
                                verbose_name="jurisdiction",
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
                            "name_en_ca",
                            models.CharField(max_length=120, null=True, verbose_name="name"),
                        ),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=120, null=True, verbose_name="name"),
                        ),
                    ],
                    options={
                        "verbose_name": "historical region",
                        "verbose_name_plural": "historical regions",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="DeferralReason",
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
                        ("code", models.SlugField(max_length=60, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=250, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=250, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=250, null=True, verbose_name="name"),
                        ),
                        ("source", models.CharField(max_length=300, verbose_name="source")),
                        ("active_from", models.DateField(verbose_name="applies from")),
                        (
                            "active_until",
                            models.DateField(blank=True, null=True, verbose_name="applies until"),
                        ),
                    ],
                    options={
                        "verbose_name": "deferral reason",
                        "verbose_name_plural": "deferral reasons",
                        "ordering": ["name"],
                        "abstract": False,
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="PrescribedClass",
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
                        ("code", models.SlugField(max_length=60, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=250, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=250, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=250, null=True, verbose_name="name"),
                        ),
                        ("source", models.CharField(max_length=300, verbose_name="source")),
                        ("active_from", models.DateField(verbose_name="applies from")),
                        (
                            "active_until",
                            models.DateField(blank=True, null=True, verbose_name="applies until"),
                        ),
                    ],
                    options={
                        "verbose_name": "prescribed class",
                        "verbose_name_plural": "prescribed classes",
                        "ordering": ["name"],
                        "abstract": False,
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="FirstNationsSite",
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
                        ("code", models.SlugField(max_length=60, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "placeholder",
                            models.BooleanField(
                                default=False,
                                help_text="Shipped as an example, not a real site: replace it with the ministry's list.",
                                verbose_name="placeholder",
                            ),
                        ),
                        (
                            "active",
                            models.BooleanField(default=True, verbose_name="offered to applicants"),
                        ),
                    ],
                    options={
                        "verbose_name": "First Nations ODSP delivery site",
                        "verbose_name_plural": "First Nations ODSP delivery sites",
                        "ordering": ["name", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalFirstNationsSite",
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
                        ("code", models.SlugField(max_length=60, verbose_name="code")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=200, null=True, verbose_name="name"),
                        ),
                        (
                            "placeholder",
                            models.BooleanField(
                                default=False,
                                help_text="Shipped as an example, not a real site: replace it with the ministry's list.",
                                verbose_name="placeholder",
                            ),
                        ),
                        (
                            "active",
                            models.BooleanField(default=True, verbose_name="offered to applicants"),
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
                    ],
                    options={
                        "verbose_name": "historical First Nations ODSP delivery site",
                        "verbose_name_plural": "historical First Nations ODSP delivery sites",
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
