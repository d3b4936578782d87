import django.db.models.deletion
import sentier.intake.models
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("intake", "0001_initial"),
        ("intake", "0002_confirmation_emailed_at"),
        ("intake", "0003_review_comment"),
        ("intake", "0004_ontario_paths"),
    ]

    initial = True

    dependencies = [
        ("participants", "0004_alter_timelineevent_kind"),
        ("reference", "0002_historical_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="Application",
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
                            "resume_key",
                            models.CharField(
                                default=sentier.intake.models.new_resume_key,
                                max_length=64,
                                unique=True,
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("draft", "Draft"), ("submitted", "Submitted")],
                                default="draft",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("online", "Online, by the person"),
                                    ("phone", "By phone, entered by a caseworker"),
                                    ("in_person", "In person, entered by a caseworker"),
                                ],
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "answers",
                            models.JSONField(blank=True, default=dict, verbose_name="answers"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="started on"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="last saved"),
                        ),
                        (
                            "submitted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
                        ),
                        (
                            "applicant",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="applications",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="applicant's account",
                            ),
                        ),
                        (
                            "entered_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="entered by",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="applications",
                                to="participants.participant",
                                verbose_name="participant file",
                            ),
                        ),
                        (
                            "confirmation_emailed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="confirmation e-mailed on"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "application",
                        "verbose_name_plural": "applications",
                        "ordering": ["-created_at"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalApplication",
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
                            "resume_key",
                            models.CharField(
                                db_index=True,
                                default=sentier.intake.models.new_resume_key,
                                max_length=64,
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[("draft", "Draft"), ("submitted", "Submitted")],
                                default="draft",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("online", "Online, by the person"),
                                    ("phone", "By phone, entered by a caseworker"),
                                    ("in_person", "In person, entered by a caseworker"),
                                ],
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="started on"
                            ),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="last saved"
                            ),
                        ),
                        (
                            "submitted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
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
                            "applicant",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="applicant's account",
                            ),
                        ),
                        (
                            "entered_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="entered by",
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
                                verbose_name="participant file",
                            ),
                        ),
                        (
                            "confirmation_emailed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="confirmation e-mailed on"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical application",
                        "verbose_name_plural": "historical applications",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalRecommendation",
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
                            "path",
                            models.CharField(
                                choices=[
                                    ("employment_services", "Employment services (fast track)"),
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("none", "No support requested"),
                                    (
                                        "common_assessment",
                                        "Common assessment at the local Ontario Works office",
                                    ),
                                    (
                                        "first_nations_office",
                                        "First Nations office or site, as before",
                                    ),
                                    ("odsp_intake", "ODSP central intake unit"),
                                ],
                                max_length=25,
                                verbose_name="recommended path",
                            ),
                        ),
                        ("factors", models.JSONField(default=list, verbose_name="factors")),
                        ("scores", models.JSONField(default=dict, verbose_name="scores")),
                        (
                            "used_information",
                            models.JSONField(default=list, verbose_name="information used"),
                        ),
                        (
                            "employment_ready",
                            models.BooleanField(
                                verbose_name="assessed ready for employment services"
                            ),
                        ),
                        (
                            "questionnaire_version",
                            models.CharField(max_length=80, verbose_name="questionnaire version"),
                        ),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="produced on"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "To review"),
                                    ("accepted", "Accepted"),
                                    ("overridden", "Changed by the caseworker"),
                                ],
                                default="pending",
                                max_length=12,
                                verbose_name="review",
                            ),
                        ),
                        (
                            "final_path",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("employment_services", "Employment services (fast track)"),
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("none", "No support requested"),
                                    (
                                        "common_assessment",
                                        "Common assessment at the local Ontario Works office",
                                    ),
                                    (
                                        "first_nations_office",
                                        "First Nations office or site, as before",
                                    ),
                                    ("odsp_intake", "ODSP central intake unit"),
                                ],
                                max_length=25,
                                verbose_name="path decided",
                            ),
                        ),
                        (
                            "override_reason",
                            models.TextField(blank=True, verbose_name="reason for the change"),
                        ),
                        (
                            "reviewed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="reviewed on"),
                        ),
                        (
                            "review_requested_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="review requested by the person on",
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
                            "application",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="intake.application",
                            ),
                        ),
                        (
                            "assigned_to",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="assigned to",
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
                            "reviewed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="reviewed by",
                            ),
                        ),
                        (
                            "review_comment",
                            models.TextField(
                                blank=True,
                                default="",
                                max_length=1000,
                                verbose_name="the person's comment",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical recommendation",
                        "verbose_name_plural": "historical recommendations",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Recommendation",
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
                            "path",
                            models.CharField(
                                choices=[
                                    ("employment_services", "Employment services (fast track)"),
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("none", "No support requested"),
                                    (
                                        "common_assessment",
                                        "Common assessment at the local Ontario Works office",
                                    ),
                                    (
                                        "first_nations_office",
                                        "First Nations office or site, as before",
                                    ),
                                    ("odsp_intake", "ODSP central intake unit"),
                                ],
                                max_length=25,
                                verbose_name="recommended path",
                            ),
                        ),
                        ("factors", models.JSONField(default=list, verbose_name="factors")),
                        ("scores", models.JSONField(default=dict, verbose_name="scores")),
                        (
                            "used_information",
                            models.JSONField(default=list, verbose_name="information used"),
                        ),
                        (
                            "employment_ready",
                            models.BooleanField(
                                verbose_name="assessed ready for employment services"
                            ),
                        ),
                        (
                            "questionnaire_version",
                            models.CharField(max_length=80, verbose_name="questionnaire version"),
                        ),
                        (
                            "rules_version",
                            models.CharField(max_length=80, verbose_name="rules version"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="produced on"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "To review"),
                                    ("accepted", "Accepted"),
                                    ("overridden", "Changed by the caseworker"),
                                ],
                                default="pending",
                                max_length=12,
                                verbose_name="review",
                            ),
                        ),
                        (
                            "final_path",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("employment_services", "Employment services (fast track)"),
                                    ("support_plan", "Personalized support plan"),
                                    ("service_plan", "Service plan"),
                                    ("paas_action", "PAAS Action"),
                                    ("none", "No support requested"),
                                    (
                                        "common_assessment",
                                        "Common assessment at the local Ontario Works office",
                                    ),
                                    (
                                        "first_nations_office",
                                        "First Nations office or site, as before",
                                    ),
                                    ("odsp_intake", "ODSP central intake unit"),
                                ],
                                max_length=25,
                                verbose_name="path decided",
                            ),
                        ),
                        (
                            "override_reason",
                            models.TextField(blank=True, verbose_name="reason for the change"),
                        ),
                        (
                            "reviewed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="reviewed on"),
                        ),
                        (
                            "review_requested_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="review requested by the person on",
                            ),
                        ),
                        (
                            "application",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="recommendation",
                                to="intake.application",
                            ),
                        ),
                        (
                            "assigned_to",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="assigned to",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="recommendations",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                            ),
                        ),
                        (
                            "reviewed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="reviewed by",
                            ),
                        ),
                        (
                            "review_comment",
                            models.TextField(
                                blank=True,
                                default="",
                                max_length=1000,
                                verbose_name="the person's comment",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "recommendation",
                        "verbose_name_plural": "recommendations",
                        "ordering": ["created_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["region", "status", "created_at"],
                                name="intake_reco_region__6a321e_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
            ]
        ),
    ]
