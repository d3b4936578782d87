import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("network", "0001_initial"),
        ("network", "0002_points_of_service_unknown"),
        ("network", "0003_historical_clientele_names"),
        ("network", "0004_historicalorganization_language_and_more"),
        ("network", "0005_services"),
        ("network", "0006_hsds_capacity_waiting_lists"),
        ("network", "0007_service_province_wide"),
        ("network", "0008_location_remote_service"),
        ("network", "0009_service_kind_social_participation"),
        ("network", "0010_offer_window_starts_when_told"),
    ]

    initial = True

    dependencies = [
        ("participants", "0006_more_event_kinds"),
        ("reference", "0002_historical_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="Clientele",
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
                        ("name", models.CharField(max_length=160, verbose_name="name")),
                        (
                            "name_fr_ca",
                            models.CharField(max_length=160, null=True, verbose_name="name"),
                        ),
                        (
                            "name_en_ca",
                            models.CharField(max_length=160, null=True, verbose_name="name"),
                        ),
                    ],
                    options={
                        "verbose_name": "target clientele",
                        "verbose_name_plural": "target clienteles",
                        "ordering": ["code"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalClientele",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("code", models.SlugField(max_length=60, verbose_name="code")),
                        ("name", models.CharField(max_length=160, verbose_name="name")),
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
                    ],
                    options={
                        "verbose_name": "historical target clientele",
                        "verbose_name_plural": "historical target clienteles",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalOrganization",
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
                        ("slug", models.SlugField(max_length=120, verbose_name="identifier")),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "non_profit",
                            models.BooleanField(
                                default=True, verbose_name="non-profit organization"
                            ),
                        ),
                        (
                            "rssmo_member",
                            models.BooleanField(default=False, verbose_name="RSSMO member"),
                        ),
                        (
                            "clientele_text",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="target clientele (as published)",
                            ),
                        ),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
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
                            "language",
                            models.CharField(
                                choices=[("fr-ca", "Français"), ("en-ca", "English")],
                                default="fr-ca",
                                help_text="Language of the documents Sentier sends the organization (statements…).",
                                max_length=8,
                                verbose_name="working language",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "legal_status",
                            models.CharField(
                                blank=True,
                                help_text="As registered, e.g. non-profit organization (OBNL).",
                                max_length=120,
                                verbose_name="legal status",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=40, verbose_name="phone"),
                        ),
                        (
                            "tax_id",
                            models.CharField(
                                blank=True,
                                help_text="Québec enterprise number (NEQ) or charity number; optional.",
                                max_length=40,
                                verbose_name="registration number",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical organization",
                        "verbose_name_plural": "historical organizations",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Organization",
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
                            "slug",
                            models.SlugField(
                                max_length=120, unique=True, verbose_name="identifier"
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "non_profit",
                            models.BooleanField(
                                default=True, verbose_name="non-profit organization"
                            ),
                        ),
                        (
                            "rssmo_member",
                            models.BooleanField(default=False, verbose_name="RSSMO member"),
                        ),
                        (
                            "clientele_text",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="target clientele (as published)",
                            ),
                        ),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "clienteles",
                            models.ManyToManyField(
                                blank=True,
                                related_name="organizations",
                                to="network.clientele",
                                verbose_name="target clienteles",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("fr-ca", "Français"), ("en-ca", "English")],
                                default="fr-ca",
                                help_text="Language of the documents Sentier sends the organization (statements…).",
                                max_length=8,
                                verbose_name="working language",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "legal_status",
                            models.CharField(
                                blank=True,
                                help_text="As registered, e.g. non-profit organization (OBNL).",
                                max_length=120,
                                verbose_name="legal status",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=40, verbose_name="phone"),
                        ),
                        (
                            "tax_id",
                            models.CharField(
                                blank=True,
                                help_text="Québec enterprise number (NEQ) or charity number; optional.",
                                max_length=40,
                                verbose_name="registration number",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "organization",
                        "verbose_name_plural": "organizations",
                        "ordering": ["name"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalLocation",
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
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="city")),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=40, verbose_name="phone"),
                        ),
                        (
                            "points_of_service",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                default=1,
                                help_text="Number of points of service in this region, as published; empty when not stated.",
                                null=True,
                                verbose_name="points of service",
                            ),
                        ),
                        (
                            "points_of_service_text",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="points of service (as published)",
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
                            "serves_by_phone",
                            models.BooleanField(default=False, verbose_name="serves by phone"),
                        ),
                        (
                            "serves_by_video",
                            models.BooleanField(default=False, verbose_name="serves by video"),
                        ),
                        (
                            "travels_to_person",
                            models.BooleanField(
                                default=False,
                                help_text="A mobile agent meets the person where they live.",
                                verbose_name="staff travel to the person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical location",
                        "verbose_name_plural": "historical locations",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Location",
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
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="city")),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=40, verbose_name="phone"),
                        ),
                        (
                            "points_of_service",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                default=1,
                                help_text="Number of points of service in this region, as published; empty when not stated.",
                                null=True,
                                verbose_name="points of service",
                            ),
                        ),
                        (
                            "points_of_service_text",
                            models.CharField(
                                blank=True,
                                max_length=200,
                                verbose_name="points of service (as published)",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="locations",
                                to="reference.region",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="locations",
                                to="network.organization",
                            ),
                        ),
                        (
                            "serves_by_phone",
                            models.BooleanField(default=False, verbose_name="serves by phone"),
                        ),
                        (
                            "serves_by_video",
                            models.BooleanField(default=False, verbose_name="serves by video"),
                        ),
                        (
                            "travels_to_person",
                            models.BooleanField(
                                default=False,
                                help_text="A mobile agent meets the person where they live.",
                                verbose_name="staff travel to the person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "location",
                        "verbose_name_plural": "locations",
                        "ordering": ["region__code", "organization__name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("organization", "region", "phone"),
                                name="unique_location_per_phone",
                            )
                        ],
                        "indexes": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalService",
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
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("employability", "Employability support"),
                                    ("paas_action", "PAAS Action"),
                                    ("job_search", "Job search and placement"),
                                    ("training", "Training and basic skills"),
                                    ("housing", "Housing support"),
                                    ("addiction", "Addiction support"),
                                    ("mental_health", "Mental health support"),
                                    ("budget", "Budget and debt counselling"),
                                    ("violence", "Help for victims of violence"),
                                    ("employment_ontario", "Employment Ontario services"),
                                    (
                                        "social_participation",
                                        "Social participation and volunteering",
                                    ),
                                    ("other", "Other support"),
                                ],
                                max_length=30,
                                verbose_name="kind",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "languages",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Language codes, e.g. fr, en.",
                                verbose_name="languages",
                            ),
                        ),
                        ("active", models.BooleanField(default=True, verbose_name="active")),
                        (
                            "capacity_available",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="places available"
                            ),
                        ),
                        (
                            "capacity_maximum",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="maximum places"
                            ),
                        ),
                        (
                            "capacity_unit",
                            models.CharField(
                                blank=True, default="places", max_length=40, verbose_name="unit"
                            ),
                        ),
                        (
                            "capacity_updated_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="capacity updated on"
                            ),
                        ),
                        (
                            "waiting_list_length",
                            models.PositiveIntegerField(default=0, verbose_name="people waiting"),
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
                            "application_process",
                            models.TextField(blank=True, verbose_name="how to apply"),
                        ),
                        (
                            "eligibility_description",
                            models.TextField(blank=True, verbose_name="who can take part"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "estimated_wait_days",
                            models.PositiveIntegerField(
                                blank=True,
                                help_text="How long a new person usually waits for a place, as the organization says.",
                                null=True,
                                verbose_name="estimated wait (days)",
                            ),
                        ),
                        (
                            "fees_description",
                            models.CharField(blank=True, max_length=300, verbose_name="fees"),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=40, verbose_name="phone"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("active", "Active"),
                                    ("inactive", "Inactive"),
                                    ("defunct", "Closed for good"),
                                    ("temporarily closed", "Temporarily closed"),
                                ],
                                default="active",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("url", models.URLField(blank=True, verbose_name="web page")),
                        (
                            "province_wide",
                            models.BooleanField(
                                default=False,
                                help_text="Open to people from every region (by phone, online…).",
                                verbose_name="serves all of Québec",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical service",
                        "verbose_name_plural": "historical services",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Service",
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
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("employability", "Employability support"),
                                    ("paas_action", "PAAS Action"),
                                    ("job_search", "Job search and placement"),
                                    ("training", "Training and basic skills"),
                                    ("housing", "Housing support"),
                                    ("addiction", "Addiction support"),
                                    ("mental_health", "Mental health support"),
                                    ("budget", "Budget and debt counselling"),
                                    ("violence", "Help for victims of violence"),
                                    ("employment_ontario", "Employment Ontario services"),
                                    (
                                        "social_participation",
                                        "Social participation and volunteering",
                                    ),
                                    ("other", "Other support"),
                                ],
                                max_length=30,
                                verbose_name="kind",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "languages",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="Language codes, e.g. fr, en.",
                                verbose_name="languages",
                            ),
                        ),
                        ("active", models.BooleanField(default=True, verbose_name="active")),
                        (
                            "capacity_available",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="places available"
                            ),
                        ),
                        (
                            "capacity_maximum",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="maximum places"
                            ),
                        ),
                        (
                            "capacity_unit",
                            models.CharField(
                                blank=True, default="places", max_length=40, verbose_name="unit"
                            ),
                        ),
                        (
                            "capacity_updated_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="capacity updated on"
                            ),
                        ),
                        (
                            "waiting_list_length",
                            models.PositiveIntegerField(default=0, verbose_name="people waiting"),
                        ),
                        (
                            "clienteles",
                            models.ManyToManyField(
                                blank=True,
                                related_name="services",
                                to="network.clientele",
                                verbose_name="target clienteles",
                            ),
                        ),
                        (
                            "locations",
                            models.ManyToManyField(
                                blank=True,
                                related_name="services",
                                to="network.location",
                                verbose_name="points of service",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="services",
                                to="network.organization",
                            ),
                        ),
                        (
                            "regions",
                            models.ManyToManyField(
                                blank=True,
                                related_name="services",
                                to="reference.region",
                                verbose_name="service area",
                            ),
                        ),
                        (
                            "application_process",
                            models.TextField(blank=True, verbose_name="how to apply"),
                        ),
                        (
                            "eligibility_description",
                            models.TextField(blank=True, verbose_name="who can take part"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "estimated_wait_days",
                            models.PositiveIntegerField(
                                blank=True,
                                help_text="How long a new person usually waits for a place, as the organization says.",
                                null=True,
                                verbose_name="estimated wait (days)",
                            ),
                        ),
                        (
                            "fees_description",
                            models.CharField(blank=True, max_length=300, verbose_name="fees"),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=40, verbose_name="phone"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("active", "Active"),
                                    ("inactive", "Inactive"),
                                    ("defunct", "Closed for good"),
                                    ("temporarily closed", "Temporarily closed"),
                                ],
                                default="active",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("url", models.URLField(blank=True, verbose_name="web page")),
                        (
                            "province_wide",
                            models.BooleanField(
                                default=False,
                                help_text="Open to people from every region (by phone, online…).",
                                verbose_name="serves all of Québec",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "service",
                        "verbose_name_plural": "services",
                        "ordering": ["organization__name", "name"],
                        "indexes": [
                            models.Index(
                                fields=["kind", "active"], name="network_ser_kind_13375e_idx"
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="CapacityUpdate",
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
                        ("at", models.DateTimeField(verbose_name="when")),
                        (
                            "available",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="places available"
                            ),
                        ),
                        (
                            "maximum",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="maximum places"
                            ),
                        ),
                        (
                            "waiting",
                            models.PositiveIntegerField(default=0, verbose_name="people waiting"),
                        ),
                        ("unit", models.CharField(blank=True, max_length=40, verbose_name="unit")),
                        (
                            "actor_label",
                            models.CharField(max_length=200, verbose_name="by (as recorded)"),
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
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="capacity_updates",
                                to="network.service",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "capacity update",
                        "verbose_name_plural": "capacity updates",
                        "ordering": ["-at", "-pk"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalWaitingListEntry",
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
                        ("since", models.DateTimeField(verbose_name="waiting since")),
                        (
                            "priority_reason",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("", "None"),
                                    ("safety", "Safety at risk (violence)"),
                                    ("housing", "About to lose housing"),
                                    (
                                        "leaving_institution",
                                        "Leaving detention or a treatment centre",
                                    ),
                                    ("deadline", "A benefit or training deadline"),
                                ],
                                default="",
                                max_length=30,
                                verbose_name="priority reason",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("waiting", "Waiting"),
                                    ("offered", "Place offered"),
                                    ("placed", "Took the place"),
                                    ("withdrawn", "Left the list"),
                                ],
                                default="waiting",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="left the list on"
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
                            "service",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.service",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical waiting list entry",
                        "verbose_name_plural": "historical waiting list entries",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ImportJob",
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
                        ("created_at", models.DateTimeField(verbose_name="created on")),
                        ("file_name", models.CharField(max_length=200, verbose_name="file")),
                        ("content", models.TextField(verbose_name="content")),
                        ("dry_run", models.BooleanField(default=True, verbose_name="dry run")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("running", "Running"),
                                    ("done", "Done"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("total_rows", models.PositiveIntegerField(default=0)),
                        ("processed_rows", models.PositiveIntegerField(default=0)),
                        ("created_count", models.PositiveIntegerField(default=0)),
                        ("updated_count", models.PositiveIntegerField(default=0)),
                        ("errors", models.JSONField(blank=True, default=list)),
                        ("finished_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-created_at"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="WaitingListEntry",
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
                        ("since", models.DateTimeField(verbose_name="waiting since")),
                        (
                            "priority_reason",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("", "None"),
                                    ("safety", "Safety at risk (violence)"),
                                    ("housing", "About to lose housing"),
                                    (
                                        "leaving_institution",
                                        "Leaving detention or a treatment centre",
                                    ),
                                    ("deadline", "A benefit or training deadline"),
                                ],
                                default="",
                                max_length=30,
                                verbose_name="priority reason",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("waiting", "Waiting"),
                                    ("offered", "Place offered"),
                                    ("placed", "Took the place"),
                                    ("withdrawn", "Left the list"),
                                ],
                                default="waiting",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="left the list on"
                            ),
                        ),
                        (
                            "added_by",
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
                                related_name="waiting_list_entries",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="waiting_entries",
                                to="network.service",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "waiting list entry",
                        "verbose_name_plural": "waiting list entries",
                        "ordering": ["since", "pk"],
                        "indexes": [
                            models.Index(
                                fields=["service", "status", "since"],
                                name="network_wai_service_03f955_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(("status__in", ["waiting", "offered"])),
                                fields=("service", "participant"),
                                name="one_open_waiting_entry_per_service",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Offer",
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
                        ("place", models.UUIDField(db_index=True, verbose_name="place")),
                        ("offered_at", models.DateTimeField(verbose_name="offered on")),
                        (
                            "respond_by",
                            models.DateTimeField(blank=True, null=True, verbose_name="answer by"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("offered", "Waiting for an answer"),
                                    ("accepted", "Accepted"),
                                    ("declined", "Declined"),
                                    ("expired", "No answer in time"),
                                    ("passed", "Passed to the next person"),
                                ],
                                default="offered",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "responded_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="answered on"),
                        ),
                        (
                            "entry",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="offers",
                                to="network.waitinglistentry",
                            ),
                        ),
                        (
                            "told_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="person told on"
                            ),
                        ),
                        (
                            "told_by",
                            models.CharField(
                                blank=True, default="", max_length=10, verbose_name="told by"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "offer",
                        "verbose_name_plural": "offers",
                        "ordering": ["-offered_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["status", "respond_by"],
                                name="network_off_status_1e6153_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalOffer",
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
                        ("place", models.UUIDField(db_index=True, verbose_name="place")),
                        ("offered_at", models.DateTimeField(verbose_name="offered on")),
                        (
                            "respond_by",
                            models.DateTimeField(blank=True, null=True, verbose_name="answer by"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("offered", "Waiting for an answer"),
                                    ("accepted", "Accepted"),
                                    ("declined", "Declined"),
                                    ("expired", "No answer in time"),
                                    ("passed", "Passed to the next person"),
                                ],
                                default="offered",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "responded_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="answered on"),
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
                            "entry",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.waitinglistentry",
                            ),
                        ),
                        (
                            "told_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="person told on"
                            ),
                        ),
                        (
                            "told_by",
                            models.CharField(
                                blank=True, default="", max_length=10, verbose_name="told by"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical offer",
                        "verbose_name_plural": "historical offers",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="WaitingListLog",
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
                        ("at", models.DateTimeField(verbose_name="when")),
                        ("step", models.CharField(max_length=30, verbose_name="step")),
                        ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "entry",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="log",
                                to="network.waitinglistentry",
                            ),
                        ),
                        (
                            "offer",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to="network.offer",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="waiting_log",
                                to="network.service",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-at", "-pk"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="CapacityReminder",
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
                        ("sent_at", models.DateTimeField(verbose_name="sent on")),
                        ("services", models.PositiveIntegerField(verbose_name="stale services")),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="sent to"),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="capacity_reminders",
                                to="network.organization",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["-sent_at"],
                        "indexes": [
                            models.Index(
                                fields=["organization", "-sent_at"],
                                name="network_cap_organiz_58a6e2_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
            ]
        ),
    ]
