import django.db.models.deletion
import sentier.core.models
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes
from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("ontario", "0001_initial"),
        ("ontario", "0002_worklist_assignment"),
        ("ontario", "0003_odsp_decisions_package_return_first_nations_sites"),
        ("ontario", "0004_ow_intake_unit_decisions"),
        ("ontario", "0005_unit_choices_ow_intake_and_first_nations_site"),
        ("ontario", "0006_odsp_adjudication_answer_moves_the_file"),
        ("ontario", "0007_refusal_notice"),
        ("ontario", "0008_refusal_notice_grounds"),
        ("ontario", "0009_office_postal_address"),
        ("ontario", "0010_site_survey"),
    ]

    initial = True

    dependencies = [
        ("consent", "0001_initial"),
        ("intake", "0003_review_comment"),
        ("participants", "0010_region_caseload_in_french_order"),
        ("reference", "0005_program_assistance"),
        ("referrals", "0002_notices_and_signed_links"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="HistoricalOWApplication",
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
                        ("channel", models.CharField(max_length=10, verbose_name="channel")),
                        (
                            "employment_ready",
                            models.BooleanField(
                                verbose_name="assessed ready for employment services"
                            ),
                        ),
                        (
                            "eo_consent",
                            models.CharField(
                                choices=[
                                    ("given", "Agreed to share"),
                                    ("not_given", "Did not agree to share"),
                                    ("not_asked", "Not asked"),
                                ],
                                default="not_asked",
                                max_length=10,
                                verbose_name="consent to share with Employment Ontario",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Financial eligibility to decide"),
                                    ("info_asked", "Missing information asked"),
                                    ("granted", "Financial assistance granted"),
                                    ("refused", "Refused"),
                                    ("withdrawn", "Closed: application withdrawn"),
                                    ("closed", "Closed: information not received"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("received_at", models.DateTimeField(verbose_name="received on")),
                        (
                            "granted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="granted on"),
                        ),
                        (
                            "route",
                            models.CharField(
                                blank=True,
                                choices=[
                                    (
                                        "employment_ontario",
                                        "Referred to Employment Ontario (fast track)",
                                    ),
                                    ("common_assessment", "Common assessment at the local office"),
                                ],
                                max_length=20,
                                verbose_name="route",
                            ),
                        ),
                        (
                            "route_reason",
                            models.CharField(
                                blank=True, max_length=60, verbose_name="why this route"
                            ),
                        ),
                        (
                            "route_explanation",
                            models.JSONField(blank=True, default=dict, verbose_name="explanation"),
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
                            "consent",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="consent.consent",
                                verbose_name="consent record",
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
                            "referral",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="referrals.referral",
                                verbose_name="Employment Ontario referral",
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
                                verbose_name="area",
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
                            "closed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="refused or closed on"
                            ),
                        ),
                        (
                            "decision_note",
                            models.TextField(blank=True, verbose_name="note on the decision"),
                        ),
                        (
                            "info_asked",
                            models.TextField(blank=True, verbose_name="information asked"),
                        ),
                        (
                            "info_due_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="information due on"
                            ),
                        ),
                        (
                            "refusal_reason",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="reason for refusal"
                            ),
                        ),
                        (
                            "transferred_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="transferred to the local office on",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical Ontario Works application",
                        "verbose_name_plural": "historical Ontario Works applications",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalUnitMembership",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "unit",
                            models.CharField(
                                choices=[
                                    ("ow_office", "Ontario Works local office"),
                                    ("ow_intake", "Ontario Works intake unit"),
                                    ("odsp_intake", "ODSP centralized intake unit"),
                                    ("fn_site", "First Nations ODSP delivery site"),
                                ],
                                max_length=20,
                                verbose_name="unit",
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
                            "user",
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
                            "first_nations_site",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                help_text="Only for the staff of a First Nations ODSP delivery site: which site.",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.firstnationssite",
                                verbose_name="First Nations site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical unit membership",
                        "verbose_name_plural": "historical unit memberships",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="OWApplication",
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
                        ("channel", models.CharField(max_length=10, verbose_name="channel")),
                        (
                            "employment_ready",
                            models.BooleanField(
                                verbose_name="assessed ready for employment services"
                            ),
                        ),
                        (
                            "eo_consent",
                            models.CharField(
                                choices=[
                                    ("given", "Agreed to share"),
                                    ("not_given", "Did not agree to share"),
                                    ("not_asked", "Not asked"),
                                ],
                                default="not_asked",
                                max_length=10,
                                verbose_name="consent to share with Employment Ontario",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Financial eligibility to decide"),
                                    ("info_asked", "Missing information asked"),
                                    ("granted", "Financial assistance granted"),
                                    ("refused", "Refused"),
                                    ("withdrawn", "Closed: application withdrawn"),
                                    ("closed", "Closed: information not received"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        ("received_at", models.DateTimeField(verbose_name="received on")),
                        (
                            "granted_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="granted on"),
                        ),
                        (
                            "route",
                            models.CharField(
                                blank=True,
                                choices=[
                                    (
                                        "employment_ontario",
                                        "Referred to Employment Ontario (fast track)",
                                    ),
                                    ("common_assessment", "Common assessment at the local office"),
                                ],
                                max_length=20,
                                verbose_name="route",
                            ),
                        ),
                        (
                            "route_reason",
                            models.CharField(
                                blank=True, max_length=60, verbose_name="why this route"
                            ),
                        ),
                        (
                            "route_explanation",
                            models.JSONField(blank=True, default=dict, verbose_name="explanation"),
                        ),
                        (
                            "application",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="ow_application",
                                to="intake.application",
                            ),
                        ),
                        (
                            "consent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="consent.consent",
                                verbose_name="consent record",
                            ),
                        ),
                        (
                            "granted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="granted by",
                            ),
                        ),
                        (
                            "participant",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="ow_application",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "referral",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="referrals.referral",
                                verbose_name="Employment Ontario referral",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                                verbose_name="area",
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
                            "closed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="refused or closed on"
                            ),
                        ),
                        (
                            "decision_note",
                            models.TextField(blank=True, verbose_name="note on the decision"),
                        ),
                        (
                            "info_asked",
                            models.TextField(blank=True, verbose_name="information asked"),
                        ),
                        (
                            "info_due_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="information due on"
                            ),
                        ),
                        (
                            "refusal_reason",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="reason for refusal"
                            ),
                        ),
                        (
                            "transferred_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="transferred to the local office on",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Ontario Works application",
                        "verbose_name_plural": "Ontario Works applications",
                        "ordering": ["received_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["region", "status", "received_at"],
                                name="ontario_owa_region__374214_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="CommonAssessment",
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
                            "status",
                            models.CharField(
                                choices=[("to_do", "To do"), ("done", "Done")],
                                default="to_do",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "why",
                            models.CharField(
                                blank=True, max_length=60, verbose_name="why not fast-tracked"
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="queued on")),
                        ("summary", models.TextField(blank=True, verbose_name="assessment")),
                        (
                            "completed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="completed on"
                            ),
                        ),
                        (
                            "completed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="completed by",
                            ),
                        ),
                        (
                            "participant",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="common_assessment",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "referral",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="referrals.referral",
                                verbose_name="Employment Ontario referral",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                                verbose_name="area",
                            ),
                        ),
                        (
                            "ow_application",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="assessment",
                                to="ontario.owapplication",
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
                    ],
                    options={
                        "verbose_name": "common assessment",
                        "verbose_name_plural": "common assessments",
                        "ordering": ["created_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["region", "status", "created_at"],
                                name="ontario_com_region__85c3fb_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ActionPlan",
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
                        ("goal", models.TextField(verbose_name="goal")),
                        ("activities", models.TextField(verbose_name="activities and supports")),
                        ("put_in_place_on", models.DateField(verbose_name="put in place on")),
                        ("next_review_on", models.DateField(verbose_name="next review on")),
                        (
                            "created_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="created by",
                            ),
                        ),
                        (
                            "participant",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="action_plan",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                                verbose_name="area",
                            ),
                        ),
                        (
                            "assessment",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="action_plan",
                                to="ontario.commonassessment",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "action plan",
                        "verbose_name_plural": "action plans",
                        "ordering": ["next_review_on", "id"],
                        "indexes": [
                            models.Index(
                                fields=["region", "next_review_on"],
                                name="ontario_act_region__5cf88b_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ActionPlanReview",
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
                        ("reviewed_on", models.DateField(verbose_name="reviewed on")),
                        ("was_due_on", models.DateField(verbose_name="was due on")),
                        ("notes", models.TextField(verbose_name="notes")),
                        ("next_review_on", models.DateField(verbose_name="next review on")),
                        ("recorded_at", models.DateTimeField(verbose_name="recorded on")),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reviews",
                                to="ontario.actionplan",
                            ),
                        ),
                        (
                            "reviewed_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="reviewed by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "action plan review",
                        "verbose_name_plural": "action plan reviews",
                        "ordering": ["-reviewed_on", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Deferral",
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
                        ("note", models.TextField(blank=True, verbose_name="note")),
                        ("review_on", models.DateField(verbose_name="review on")),
                        ("recorded_at", models.DateTimeField(verbose_name="recorded on")),
                        (
                            "reviewed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last reviewed on"
                            ),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ended on"),
                        ),
                        (
                            "assessment",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deferrals",
                                to="ontario.commonassessment",
                            ),
                        ),
                        (
                            "reason",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.deferralreason",
                                verbose_name="reason",
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
                    ],
                    options={
                        "verbose_name": "deferral",
                        "verbose_name_plural": "deferrals",
                        "ordering": ["recorded_at", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalActionPlan",
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
                        ("goal", models.TextField(verbose_name="goal")),
                        ("activities", models.TextField(verbose_name="activities and supports")),
                        ("put_in_place_on", models.DateField(verbose_name="put in place on")),
                        ("next_review_on", models.DateField(verbose_name="next review on")),
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
                            "assessment",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="ontario.commonassessment",
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="created by",
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
                                verbose_name="area",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical action plan",
                        "verbose_name_plural": "historical action plans",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalDeferral",
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
                        ("note", models.TextField(blank=True, verbose_name="note")),
                        ("review_on", models.DateField(verbose_name="review on")),
                        ("recorded_at", models.DateTimeField(verbose_name="recorded on")),
                        (
                            "reviewed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last reviewed on"
                            ),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ended on"),
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
                            "assessment",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="ontario.commonassessment",
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
                            "reason",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.deferralreason",
                                verbose_name="reason",
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
                    ],
                    options={
                        "verbose_name": "historical deferral",
                        "verbose_name_plural": "historical deferrals",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalCommonAssessment",
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
                            "status",
                            models.CharField(
                                choices=[("to_do", "To do"), ("done", "Done")],
                                default="to_do",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "why",
                            models.CharField(
                                blank=True, max_length=60, verbose_name="why not fast-tracked"
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="queued on")),
                        ("summary", models.TextField(blank=True, verbose_name="assessment")),
                        (
                            "completed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="completed on"
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
                            "completed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="completed by",
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
                            "referral",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="referrals.referral",
                                verbose_name="Employment Ontario referral",
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
                                verbose_name="area",
                            ),
                        ),
                        (
                            "ow_application",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="ontario.owapplication",
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
                    ],
                    options={
                        "verbose_name": "historical common assessment",
                        "verbose_name_plural": "historical common assessments",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="UnitMembership",
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
                            "unit",
                            models.CharField(
                                choices=[
                                    ("ow_office", "Ontario Works local office"),
                                    ("ow_intake", "Ontario Works intake unit"),
                                    ("odsp_intake", "ODSP centralized intake unit"),
                                    ("fn_site", "First Nations ODSP delivery site"),
                                ],
                                max_length=20,
                                verbose_name="unit",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="ontario_unit",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "first_nations_site",
                            models.ForeignKey(
                                blank=True,
                                help_text="Only for the staff of a First Nations ODSP delivery site: which site.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.firstnationssite",
                                verbose_name="First Nations site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "unit membership",
                        "verbose_name_plural": "unit memberships",
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ODSPRefusalReason",
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
                        "verbose_name": "ODSP refusal reason",
                        "verbose_name_plural": "ODSP refusal reasons",
                        "ordering": ["name"],
                        "abstract": False,
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalODSPApplication",
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
                        ("channel", models.CharField(max_length=10, verbose_name="channel")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("received", "Financial eligibility to confirm"),
                                    (
                                        "info_requested",
                                        "Waiting for information from the applicant",
                                    ),
                                    ("confirmed", "Financial eligibility confirmed"),
                                    ("refused", "Refused"),
                                    ("withdrawn", "Closed: withdrawn by the applicant"),
                                    ("closed", "Closed: the information asked for did not come"),
                                    (
                                        "dau_info",
                                        "The Disability Adjudication Unit asked for more information",
                                    ),
                                    ("granted", "ODSP granted: disability confirmed"),
                                    ("not_granted", "Refused: disability not confirmed"),
                                ],
                                default="received",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("received_at", models.DateTimeField(verbose_name="received on")),
                        (
                            "confirmed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="confirmed on"
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
                            "confirmed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="confirmed by",
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
                            "prescribed_class",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.prescribedclass",
                                verbose_name="prescribed class",
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
                            "closed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="closed on"),
                        ),
                        (
                            "closed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="closed by",
                            ),
                        ),
                        (
                            "decision_note",
                            models.TextField(blank=True, verbose_name="note on the decision"),
                        ),
                        (
                            "first_nations_site",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                help_text="Served by this First Nations site: in its queue, never the central one.",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="reference.firstnationssite",
                                verbose_name="First Nations site",
                            ),
                        ),
                        (
                            "info_due_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="information due on"
                            ),
                        ),
                        (
                            "info_requested",
                            models.TextField(blank=True, verbose_name="information asked for"),
                        ),
                        (
                            "info_requested_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="information asked on"
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=0, verbose_name="version")),
                        (
                            "refusal_reason",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="ontario.odsprefusalreason",
                                verbose_name="refusal reason",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical ODSP application",
                        "verbose_name_plural": "historical ODSP applications",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ODSPApplication",
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
                        ("channel", models.CharField(max_length=10, verbose_name="channel")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("received", "Financial eligibility to confirm"),
                                    (
                                        "info_requested",
                                        "Waiting for information from the applicant",
                                    ),
                                    ("confirmed", "Financial eligibility confirmed"),
                                    ("refused", "Refused"),
                                    ("withdrawn", "Closed: withdrawn by the applicant"),
                                    ("closed", "Closed: the information asked for did not come"),
                                    (
                                        "dau_info",
                                        "The Disability Adjudication Unit asked for more information",
                                    ),
                                    ("granted", "ODSP granted: disability confirmed"),
                                    ("not_granted", "Refused: disability not confirmed"),
                                ],
                                default="received",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("received_at", models.DateTimeField(verbose_name="received on")),
                        (
                            "confirmed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="confirmed on"
                            ),
                        ),
                        (
                            "application",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="odsp_application",
                                to="intake.application",
                            ),
                        ),
                        (
                            "confirmed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="confirmed by",
                            ),
                        ),
                        (
                            "participant",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="odsp_application",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "prescribed_class",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.prescribedclass",
                                verbose_name="prescribed class",
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
                            "closed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="closed on"),
                        ),
                        (
                            "closed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="closed by",
                            ),
                        ),
                        (
                            "decision_note",
                            models.TextField(blank=True, verbose_name="note on the decision"),
                        ),
                        (
                            "first_nations_site",
                            models.ForeignKey(
                                blank=True,
                                help_text="Served by this First Nations site: in its queue, never the central one.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="applications",
                                to="reference.firstnationssite",
                                verbose_name="First Nations site",
                            ),
                        ),
                        (
                            "info_due_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="information due on"
                            ),
                        ),
                        (
                            "info_requested",
                            models.TextField(blank=True, verbose_name="information asked for"),
                        ),
                        (
                            "info_requested_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="information asked on"
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=0, verbose_name="version")),
                        (
                            "refusal_reason",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="ontario.odsprefusalreason",
                                verbose_name="refusal reason",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ODSP application",
                        "verbose_name_plural": "ODSP applications",
                        "ordering": ["received_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "received_at"],
                                name="ontario_ods_status_564c23_idx",
                            ),
                            models.Index(
                                fields=["first_nations_site", "status", "received_at"],
                                name="ontario_ods_first_n_14ff26_idx",
                            ),
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="DeterminationPackage",
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
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        ("pdf", models.BinaryField(verbose_name="PDF")),
                        ("sha256", models.CharField(max_length=64, verbose_name="SHA-256")),
                        ("generated_at", models.DateTimeField(verbose_name="generated on")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued for mailing"),
                                    ("mailed", "Mailed"),
                                    ("delivered", "Given another way"),
                                    ("returned", "Returned by the applicant"),
                                    ("with_dau", "With the Disability Adjudication Unit"),
                                    ("dau_info", "Adjudication: more information asked"),
                                    ("granted", "Adjudication: disability confirmed"),
                                    ("not_granted", "Adjudication: disability not confirmed"),
                                ],
                                default="queued",
                                max_length=12,
                                verbose_name="mailing",
                            ),
                        ),
                        (
                            "mailed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
                        ),
                        (
                            "mailed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="sent by",
                            ),
                        ),
                        (
                            "odsp_application",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="package",
                                to="ontario.odspapplication",
                            ),
                        ),
                        (
                            "adjudicated_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="adjudication decided on"
                            ),
                        ),
                        (
                            "adjudication_note",
                            models.TextField(blank=True, verbose_name="adjudication note"),
                        ),
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="city")),
                        (
                            "delivery",
                            models.CharField(
                                choices=[
                                    ("mail", "By mail"),
                                    ("in_person", "Handed over in person"),
                                    ("alternate_format", "In an alternate format"),
                                    ("representative", "Sent to a representative"),
                                ],
                                default="mail",
                                max_length=20,
                                verbose_name="delivery",
                            ),
                        ),
                        (
                            "delivery_reason",
                            models.TextField(blank=True, verbose_name="why not by mail"),
                        ),
                        (
                            "postal_code",
                            models.CharField(blank=True, max_length=7, verbose_name="postal code"),
                        ),
                        (
                            "province",
                            models.CharField(blank=True, max_length=2, verbose_name="province"),
                        ),
                        (
                            "return_by",
                            models.DateField(blank=True, null=True, verbose_name="return by"),
                        ),
                        (
                            "returned_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="received back on"
                            ),
                        ),
                        (
                            "sent_to_dau_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="sent to the Disability Adjudication Unit on",
                            ),
                        ),
                        (
                            "street",
                            models.CharField(
                                blank=True, max_length=250, verbose_name="street address"
                            ),
                        ),
                        ("version", models.PositiveIntegerField(default=0, verbose_name="version")),
                    ],
                    options={
                        "verbose_name": "Disability Determination Package",
                        "verbose_name_plural": "Disability Determination Packages",
                        "ordering": ["generated_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "generated_at"],
                                name="ontario_det_status_a2a45d_idx",
                            ),
                            models.Index(
                                fields=["status", "return_by"], name="ontario_det_status_c7515d_idx"
                            ),
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="RefusalNotice",
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
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        (
                            "channel",
                            models.CharField(
                                max_length=10, verbose_name="channel of the application"
                            ),
                        ),
                        ("reason_names", models.JSONField(default=dict, verbose_name="reason")),
                        ("decided_on", models.DateField(verbose_name="refused on")),
                        ("issued_at", models.DateTimeField(verbose_name="issued on")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("to_mail", "To mail"),
                                    ("mailed", "Mailed"),
                                    ("to_email", "To send by e-mail"),
                                    ("emailed", "Sent by e-mail"),
                                ],
                                default="to_mail",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="e-mail"),
                        ),
                        (
                            "street",
                            models.CharField(
                                blank=True, max_length=250, verbose_name="street address"
                            ),
                        ),
                        ("city", models.CharField(blank=True, max_length=120, verbose_name="city")),
                        (
                            "province",
                            models.CharField(blank=True, max_length=2, verbose_name="province"),
                        ),
                        (
                            "postal_code",
                            models.CharField(blank=True, max_length=7, verbose_name="postal code"),
                        ),
                        ("pdf", models.BinaryField(blank=True, default=b"", verbose_name="PDF")),
                        (
                            "sha256",
                            models.CharField(blank=True, max_length=64, verbose_name="SHA-256"),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
                        ),
                        (
                            "odsp_application",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="refusal_notice",
                                to="ontario.odspapplication",
                            ),
                        ),
                        (
                            "ow_application",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="refusal_notice",
                                to="ontario.owapplication",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="refusal_notices",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "sent_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="sent by",
                            ),
                        ),
                        (
                            "grounds",
                            models.CharField(
                                choices=[
                                    ("intake", "Refused at intake"),
                                    ("disability", "Disability not confirmed"),
                                ],
                                default="intake",
                                max_length=10,
                                verbose_name="decision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "refusal notice",
                        "verbose_name_plural": "refusal notices",
                        "ordering": ["issued_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "issued_at"], name="ontario_ref_status_735659_idx"
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("odsp_application__isnull", False),
                                        ("ow_application__isnull", True),
                                    ),
                                    models.Q(
                                        ("odsp_application__isnull", True),
                                        ("ow_application__isnull", False),
                                    ),
                                    _connector="OR",
                                ),
                                name="refusal_notice_one_application",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalOffice",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "name",
                            models.CharField(db_index=True, max_length=120, verbose_name="name"),
                        ),
                        (
                            "postal_address",
                            models.TextField(
                                blank=True,
                                help_text="One line per line of the envelope. Leave empty when not known.",
                                verbose_name="postal address",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="Whom people call about their file. Empty: the province's line.",
                                max_length=40,
                                verbose_name="phone number",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                blank=True,
                                help_text="Where the address and number come from.",
                                max_length=300,
                                verbose_name="source of the address",
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
                                verbose_name="service area",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical office",
                        "verbose_name_plural": "historical offices",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Office",
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
                            "name",
                            models.CharField(max_length=120, unique=True, verbose_name="name"),
                        ),
                        (
                            "postal_address",
                            models.TextField(
                                blank=True,
                                help_text="One line per line of the envelope. Leave empty when not known.",
                                verbose_name="postal address",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(
                                blank=True,
                                help_text="Whom people call about their file. Empty: the province's line.",
                                max_length=40,
                                verbose_name="phone number",
                            ),
                        ),
                        (
                            "source",
                            models.CharField(
                                blank=True,
                                help_text="Where the address and number come from.",
                                max_length=300,
                                verbose_name="source of the address",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                                verbose_name="service area",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "office",
                        "verbose_name_plural": "offices",
                        "ordering": ["name"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="SiteSurveyResponse",
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
                        ("period", models.CharField(max_length=7, verbose_name="quarter")),
                        (
                            "answered_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="answered on"
                            ),
                        ),
                        ("language", models.CharField(max_length=8, verbose_name="language")),
                        (
                            "informed",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="We know which of our clients were referred to Employment Ontario at grant time",
                            ),
                        ),
                        (
                            "supported",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="Clients referred at grant time still get the full range of our supports",
                            ),
                        ),
                        (
                            "targets",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="Our targets still fit the clients we can refer ourselves",
                            ),
                        ),
                        (
                            "ministry",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="The ministry’s operational supports answer our questions",
                            ),
                        ),
                        (
                            "overall",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Strongly disagree"),
                                    (2, "Disagree"),
                                    (3, "Neither agree nor disagree"),
                                    (4, "Agree"),
                                    (5, "Strongly agree"),
                                ],
                                verbose_name="Overall, the new referral pathways work well for our clients",
                            ),
                        ),
                        (
                            "comment",
                            models.TextField(blank=True, max_length=1000, verbose_name="comment"),
                        ),
                        (
                            "respondent",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="answered by",
                            ),
                        ),
                        (
                            "site",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="reference.region",
                                verbose_name="site",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "site survey answer",
                        "verbose_name_plural": "site survey answers",
                        "ordering": ["-period", "-answered_at", "-id"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("site", "period"), name="one_site_answer_per_quarter"
                            )
                        ],
                        "indexes": [],
                    },
                    bases=(sentier.core.models.AppendOnly, models.Model),
                ),
            ]
        ),
        refuse_changes("ontario_sitesurveyresponse"),  # 0010_site_survey
    ]
