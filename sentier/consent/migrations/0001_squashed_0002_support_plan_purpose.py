import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [("consent", "0001_initial"), ("consent", "0002_support_plan_purpose")]

    initial = True

    dependencies = [
        ("network", "0005_services"),
        ("participants", "0006_more_event_kinds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="HistoricalConsent",
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
                            "purpose",
                            models.CharField(
                                choices=[
                                    ("referral", "Referral to a community organization"),
                                    ("service_plan", "Coordination of my service plan"),
                                    (
                                        "support_plan",
                                        "Running of my support plan with an organization",
                                    ),
                                    ("employment_ontario", "Referral to Employment Ontario"),
                                ],
                                max_length=30,
                                verbose_name="purpose",
                            ),
                        ),
                        (
                            "recipient_kind",
                            models.CharField(
                                choices=[
                                    ("organization", "A community organization"),
                                    ("health", "Health and social services network"),
                                    ("education", "Education network"),
                                    ("justice", "Justice"),
                                    ("housing", "Housing"),
                                    ("employment", "Employment services"),
                                    ("family", "Family or caregivers"),
                                    ("other_public", "Another public body"),
                                ],
                                max_length=20,
                                verbose_name="recipient",
                            ),
                        ),
                        (
                            "categories",
                            models.JSONField(default=list, verbose_name="information categories"),
                        ),
                        (
                            "text_version",
                            models.CharField(max_length=20, verbose_name="text version"),
                        ),
                        ("text_shown", models.TextField(verbose_name="text shown")),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("online", "Online, by the person"),
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                ],
                                max_length=12,
                                verbose_name="channel",
                            ),
                        ),
                        ("given_at", models.DateTimeField(verbose_name="given on")),
                        ("expires_on", models.DateField(verbose_name="expires on")),
                        (
                            "withdrawn_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="withdrawn on"
                            ),
                        ),
                        (
                            "withdrawal_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("online", "Online, by the person"),
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                ],
                                max_length=12,
                                verbose_name="withdrawal channel",
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
                            "recipient_organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                                verbose_name="recipient organization",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recorded by",
                            ),
                        ),
                        (
                            "withdrawn_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="withdrawal recorded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical consent",
                        "verbose_name_plural": "historical consents",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Consent",
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
                            "purpose",
                            models.CharField(
                                choices=[
                                    ("referral", "Referral to a community organization"),
                                    ("service_plan", "Coordination of my service plan"),
                                    (
                                        "support_plan",
                                        "Running of my support plan with an organization",
                                    ),
                                    ("employment_ontario", "Referral to Employment Ontario"),
                                ],
                                max_length=30,
                                verbose_name="purpose",
                            ),
                        ),
                        (
                            "recipient_kind",
                            models.CharField(
                                choices=[
                                    ("organization", "A community organization"),
                                    ("health", "Health and social services network"),
                                    ("education", "Education network"),
                                    ("justice", "Justice"),
                                    ("housing", "Housing"),
                                    ("employment", "Employment services"),
                                    ("family", "Family or caregivers"),
                                    ("other_public", "Another public body"),
                                ],
                                max_length=20,
                                verbose_name="recipient",
                            ),
                        ),
                        (
                            "categories",
                            models.JSONField(default=list, verbose_name="information categories"),
                        ),
                        (
                            "text_version",
                            models.CharField(max_length=20, verbose_name="text version"),
                        ),
                        ("text_shown", models.TextField(verbose_name="text shown")),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("online", "Online, by the person"),
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                ],
                                max_length=12,
                                verbose_name="channel",
                            ),
                        ),
                        ("given_at", models.DateTimeField(verbose_name="given on")),
                        ("expires_on", models.DateField(verbose_name="expires on")),
                        (
                            "withdrawn_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="withdrawn on"
                            ),
                        ),
                        (
                            "withdrawal_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("online", "Online, by the person"),
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                ],
                                max_length=12,
                                verbose_name="withdrawal channel",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="consents",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "recipient_organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="consents",
                                to="network.organization",
                                verbose_name="recipient organization",
                            ),
                        ),
                        (
                            "recorded_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recorded by",
                            ),
                        ),
                        (
                            "withdrawn_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="withdrawal recorded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "consent",
                        "verbose_name_plural": "consents",
                        "ordering": ["-given_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["participant", "purpose", "recipient_kind"],
                                name="consent_con_partici_bfafba_idx",
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("recipient_kind", "organization"), _negated=True),
                                    ("recipient_organization__isnull", False),
                                    _connector="OR",
                                ),
                                name="consent_organization_named",
                            )
                        ],
                    },
                ),
            ]
        ),
    ]
