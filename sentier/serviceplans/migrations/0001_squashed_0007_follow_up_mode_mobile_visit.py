from typing import Any

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


# From 0002_situations: the six situations of 000 that justify a service plan.
def add_situations(apps: Any, schema_editor: Any) -> None:
    from sentier.serviceplans.situations import ensure_situations

    ensure_situations(apps.get_model("serviceplans", "Situation"))


class Migration(migrations.Migration):
    replaces = [
        ("serviceplans", "0001_initial"),
        ("serviceplans", "0002_situations"),
        ("serviceplans", "0003_planevent_data"),
        ("serviceplans", "0004_coordinated_by_the_initiator"),
        ("serviceplans", "0005_follow_ups_agreements_initiator_pick_public_staff"),
        ("serviceplans", "0006_objectives_agreed_with_the_plan"),
        ("serviceplans", "0007_follow_up_mode_mobile_visit"),
    ]

    initial = True

    dependencies = [
        ("decisions", "0002_history"),
        ("network", "0007_service_province_wide"),
        ("participants", "0006_more_event_kinds"),
        ("reference", "0002_historical_names"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="Situation",
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
                        (
                            "label_fr",
                            models.CharField(max_length=250, verbose_name="label (French)"),
                        ),
                        (
                            "label_en",
                            models.CharField(max_length=250, verbose_name="label (English)"),
                        ),
                        (
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        ("active", models.BooleanField(default=True, verbose_name="offered")),
                    ],
                    options={
                        "verbose_name": "situation justifying a service plan",
                        "verbose_name_plural": "situations justifying a service plan",
                        "ordering": ["order", "code"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalRegionalNetwork",
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
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical regional support network",
                        "verbose_name_plural": "historical regional support networks",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalSituation",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("code", models.SlugField(max_length=60, verbose_name="code")),
                        (
                            "label_fr",
                            models.CharField(max_length=250, verbose_name="label (French)"),
                        ),
                        (
                            "label_en",
                            models.CharField(max_length=250, verbose_name="label (English)"),
                        ),
                        (
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        ("active", models.BooleanField(default=True, verbose_name="offered")),
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
                        "verbose_name": "historical situation justifying a service plan",
                        "verbose_name_plural": "historical situations justifying a service plan",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="RegionalNetwork",
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
                            "region",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="support_network",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "regional support network",
                        "verbose_name_plural": "regional support networks",
                        "ordering": ["region__code"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="NetworkMember",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry"),
                                    ("other_ministry", "Another ministry"),
                                    ("public_body", "Public body"),
                                    (
                                        "designated_organization",
                                        "Organization designated by the minister",
                                    ),
                                ],
                                max_length=30,
                                verbose_name="kind of member",
                            ),
                        ),
                        (
                            "sector",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry (Emploi et Solidarité sociale)"),
                                    ("health", "Health and social services network"),
                                    ("education", "Education network"),
                                    ("justice", "Justice"),
                                    ("housing", "Housing"),
                                    ("employment", "Employment services"),
                                    ("other_public", "Another public body"),
                                    ("organization", "A community organization"),
                                    ("family", "Family or caregivers"),
                                ],
                                max_length=20,
                                verbose_name="sector",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="network_memberships",
                                to="network.organization",
                                verbose_name="organization in the directory",
                            ),
                        ),
                        (
                            "network",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="members",
                                to="serviceplans.regionalnetwork",
                            ),
                        ),
                        (
                            "staff",
                            models.ManyToManyField(
                                blank=True,
                                related_name="public_bodies",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="staff with an account",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "network member",
                        "verbose_name_plural": "network members",
                        "ordering": ["order", "name"],
                        "indexes": [],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("network", "name"), name="unique_member_name"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalServicePlanRequest",
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
                        ("requested_at", models.DateTimeField(verbose_name="requested on")),
                        ("reasons", models.TextField(verbose_name="why a service plan")),
                        (
                            "initiator_kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry initiates it"),
                                    (
                                        "other_ministry",
                                        "Another ministry or public body initiated it",
                                    ),
                                    ("organization", "An organization initiated it"),
                                ],
                                max_length=20,
                                verbose_name="initiator",
                            ),
                        ),
                        (
                            "initiator_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="name of the initiator"
                            ),
                        ),
                        (
                            "support_plan_uuid",
                            models.UUIDField(
                                blank=True,
                                null=True,
                                verbose_name="personalized support plan it evolves from",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for the coordinator"),
                                    ("approved", "Approved"),
                                    ("declined", "Declined"),
                                ],
                                default="pending",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="decided on"),
                        ),
                        (
                            "decline_reason",
                            models.TextField(blank=True, verbose_name="reason for declining"),
                        ),
                        (
                            "next_step",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("support_plan", "Offer a personalized support plan"),
                                    ("referral", "Refer the person to a community organization"),
                                    (
                                        "concertation",
                                        "Consult the other caseworkers involved first",
                                    ),
                                    ("review_later", "Send a new request if the situation changes"),
                                    ("other", "Another next step (describe it)"),
                                ],
                                max_length=20,
                                verbose_name="proposed next step",
                            ),
                        ),
                        (
                            "next_step_details",
                            models.TextField(blank=True, verbose_name="next step, in detail"),
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
                                verbose_name="decided by",
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
                                verbose_name="participant",
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
                            "requested_by",
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
                            "rules_decision",
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
                            "initiator_member",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.networkmember",
                                verbose_name="initiating member of the regional network",
                            ),
                        ),
                        (
                            "initiator_organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                                verbose_name="initiating organization of the directory",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical service plan request",
                        "verbose_name_plural": "historical service plan requests",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalNetworkMember",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry"),
                                    ("other_ministry", "Another ministry"),
                                    ("public_body", "Public body"),
                                    (
                                        "designated_organization",
                                        "Organization designated by the minister",
                                    ),
                                ],
                                max_length=30,
                                verbose_name="kind of member",
                            ),
                        ),
                        (
                            "sector",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry (Emploi et Solidarité sociale)"),
                                    ("health", "Health and social services network"),
                                    ("education", "Education network"),
                                    ("justice", "Justice"),
                                    ("housing", "Housing"),
                                    ("employment", "Employment services"),
                                    ("other_public", "Another public body"),
                                    ("organization", "A community organization"),
                                    ("family", "Family or caregivers"),
                                ],
                                max_length=20,
                                verbose_name="sector",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
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
                                verbose_name="organization in the directory",
                            ),
                        ),
                        (
                            "network",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.regionalnetwork",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical network member",
                        "verbose_name_plural": "historical network members",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="ServicePlanRequest",
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
                        ("requested_at", models.DateTimeField(verbose_name="requested on")),
                        ("reasons", models.TextField(verbose_name="why a service plan")),
                        (
                            "initiator_kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry initiates it"),
                                    (
                                        "other_ministry",
                                        "Another ministry or public body initiated it",
                                    ),
                                    ("organization", "An organization initiated it"),
                                ],
                                max_length=20,
                                verbose_name="initiator",
                            ),
                        ),
                        (
                            "initiator_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="name of the initiator"
                            ),
                        ),
                        (
                            "support_plan_uuid",
                            models.UUIDField(
                                blank=True,
                                null=True,
                                verbose_name="personalized support plan it evolves from",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting for the coordinator"),
                                    ("approved", "Approved"),
                                    ("declined", "Declined"),
                                ],
                                default="pending",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "decided_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="decided on"),
                        ),
                        (
                            "decline_reason",
                            models.TextField(blank=True, verbose_name="reason for declining"),
                        ),
                        (
                            "next_step",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("support_plan", "Offer a personalized support plan"),
                                    ("referral", "Refer the person to a community organization"),
                                    (
                                        "concertation",
                                        "Consult the other caseworkers involved first",
                                    ),
                                    ("review_later", "Send a new request if the situation changes"),
                                    ("other", "Another next step (describe it)"),
                                ],
                                max_length=20,
                                verbose_name="proposed next step",
                            ),
                        ),
                        (
                            "next_step_details",
                            models.TextField(blank=True, verbose_name="next step, in detail"),
                        ),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="decided by",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="service_plan_requests",
                                to="participants.participant",
                                verbose_name="participant",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="service_plan_requests",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                        (
                            "requested_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="service_plan_requests",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="requested by",
                            ),
                        ),
                        (
                            "rules_decision",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="decisions.decision",
                                verbose_name="eligibility decision",
                            ),
                        ),
                        (
                            "situations",
                            models.ManyToManyField(
                                related_name="requests",
                                to="serviceplans.situation",
                                verbose_name="situations",
                            ),
                        ),
                        (
                            "initiator_member",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="serviceplans.networkmember",
                                verbose_name="initiating member of the regional network",
                            ),
                        ),
                        (
                            "initiator_organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="network.organization",
                                verbose_name="initiating organization of the directory",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "service plan request",
                        "verbose_name_plural": "service plan requests",
                        "ordering": ["-requested_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["region", "status", "requested_at"],
                                name="serviceplan_region__be609f_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ServicePlan",
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
                            "initiator_kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry initiates it"),
                                    (
                                        "other_ministry",
                                        "Another ministry or public body initiated it",
                                    ),
                                    ("organization", "An organization initiated it"),
                                ],
                                max_length=20,
                                verbose_name="initiator",
                            ),
                        ),
                        (
                            "initiator_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="name of the initiator"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("awaiting_agreement", "Waiting for the person's agreement"),
                                    ("active", "Active"),
                                    ("ended", "Ended"),
                                ],
                                default="awaiting_agreement",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="opened on")),
                        (
                            "agreed_on",
                            models.DateField(blank=True, null=True, verbose_name="agreed on"),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement given",
                            ),
                        ),
                        (
                            "agreement_note",
                            models.TextField(blank=True, verbose_name="note on the agreement"),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ended on"),
                        ),
                        ("end_reason", models.TextField(blank=True, verbose_name="why it ended")),
                        (
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                        (
                            "coordinator",
                            models.ForeignKey(
                                blank=True,
                                help_text="Only for a plan the Ministry initiates.",
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="coordinated_service_plans",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Ministry coordinator",
                            ),
                        ),
                        (
                            "ended_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="ended by",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="service_plans",
                                to="participants.participant",
                                verbose_name="participant",
                            ),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="service_plans",
                                to="reference.region",
                                verbose_name="region",
                            ),
                        ),
                        (
                            "request",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="plan",
                                to="serviceplans.serviceplanrequest",
                                verbose_name="request",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "service plan",
                        "verbose_name_plural": "service plans",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["region", "status"], name="serviceplan_region__633933_idx"
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="Party",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry (Emploi et Solidarité sociale)"),
                                    ("health", "Health and social services network"),
                                    ("education", "Education network"),
                                    ("justice", "Justice"),
                                    ("housing", "Housing"),
                                    ("employment", "Employment services"),
                                    ("other_public", "Another public body"),
                                    ("organization", "A community organization"),
                                    ("family", "Family or caregivers"),
                                ],
                                max_length=20,
                                verbose_name="kind of party",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "contact",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="contact person"
                            ),
                        ),
                        ("added_at", models.DateTimeField(verbose_name="added on")),
                        (
                            "removed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="removed on"),
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
                            "member",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="parties",
                                to="serviceplans.networkmember",
                                verbose_name="member of the regional network",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="service_plan_parties",
                                to="network.organization",
                                verbose_name="organization in the directory",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="parties",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "coordinates",
                            models.BooleanField(
                                default=False,
                                help_text="The body that initiated the plan coordinates it (000).",
                                verbose_name="coordinates the plan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "party",
                        "verbose_name_plural": "parties",
                        "ordering": ["added_at", "id"],
                        "indexes": [],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("kind", "organization"), _negated=True),
                                    ("organization__isnull", False),
                                    _connector="OR",
                                ),
                                name="party_organization_named",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("coordinates", True)),
                                fields=("plan",),
                                name="one_coordinating_party_per_plan",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Objective",
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
                        ("text", models.CharField(max_length=500, verbose_name="objective")),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("on_hold", "On hold"),
                                    ("abandoned", "Abandoned"),
                                ],
                                default="planned",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="by")),
                        (
                            "carried_from",
                            models.CharField(
                                blank=True,
                                help_text="Set when the objective comes from a personalized support plan.",
                                max_length=200,
                                verbose_name="carried from",
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="added on")),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "owner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="objectives",
                                to="serviceplans.party",
                                verbose_name="owner",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="objectives",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "agreed_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="the person agreed on"
                            ),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement given",
                            ),
                        ),
                        (
                            "agreement_recorded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="agreement recorded on"
                            ),
                        ),
                        (
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "objective",
                        "verbose_name_plural": "objectives",
                        "ordering": ["created_at", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalPlanAction",
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
                        ("text", models.CharField(max_length=500, verbose_name="action")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("on_hold", "On hold"),
                                    ("abandoned", "Abandoned"),
                                ],
                                default="planned",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="by")),
                        ("created_at", models.DateTimeField(verbose_name="added on")),
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
                            "created_by",
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
                            "objective",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.objective",
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
                                to="serviceplans.party",
                                verbose_name="done by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical action",
                        "verbose_name_plural": "historical actions",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="PlanAction",
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
                        ("text", models.CharField(max_length=500, verbose_name="action")),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("on_hold", "On hold"),
                                    ("abandoned", "Abandoned"),
                                ],
                                default="planned",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="by")),
                        ("created_at", models.DateTimeField(verbose_name="added on")),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "objective",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="actions",
                                to="serviceplans.objective",
                            ),
                        ),
                        (
                            "owner",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="actions",
                                to="serviceplans.party",
                                verbose_name="done by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "action",
                        "verbose_name_plural": "actions",
                        "ordering": ["created_at", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="PlanEvent",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("opened", "Plan opened"),
                                    ("agreed", "The person agreed to take part"),
                                    ("refused", "The person did not wish to take part"),
                                    ("party_added", "Party added"),
                                    ("party_removed", "Party removed"),
                                    ("objective_added", "Objective added"),
                                    ("objective_updated", "Objective updated"),
                                    ("action_added", "Action added"),
                                    ("action_updated", "Action updated"),
                                    ("note", "Note"),
                                    ("follow_up_added", "Follow-up added"),
                                    ("follow_up_updated", "Follow-up updated"),
                                    ("item_agreed", "The person agreed"),
                                    ("consent_recorded", "Consent to share recorded"),
                                    ("ended", "Plan ended"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                default="plan",
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "summary",
                            models.CharField(blank=True, max_length=300, verbose_name="summary"),
                        ),
                        ("text", models.TextField(blank=True, verbose_name="text")),
                        ("occurred_at", models.DateTimeField(verbose_name="when")),
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
                            "party",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="events",
                                to="serviceplans.party",
                                verbose_name="party",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="events",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "data",
                            models.JSONField(blank=True, default=dict, verbose_name="details"),
                        ),
                    ],
                    options={
                        "verbose_name": "service plan event",
                        "verbose_name_plural": "service plan events",
                        "ordering": ["-occurred_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["plan", "-occurred_at"],
                                name="serviceplan_plan_id_fafc64_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalParty",
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
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry (Emploi et Solidarité sociale)"),
                                    ("health", "Health and social services network"),
                                    ("education", "Education network"),
                                    ("justice", "Justice"),
                                    ("housing", "Housing"),
                                    ("employment", "Employment services"),
                                    ("other_public", "Another public body"),
                                    ("organization", "A community organization"),
                                    ("family", "Family or caregivers"),
                                ],
                                max_length=20,
                                verbose_name="kind of party",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "contact",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="contact person"
                            ),
                        ),
                        ("added_at", models.DateTimeField(verbose_name="added on")),
                        (
                            "removed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="removed on"),
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
                            "organization",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.organization",
                                verbose_name="organization in the directory",
                            ),
                        ),
                        (
                            "member",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.networkmember",
                                verbose_name="member of the regional network",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "coordinates",
                            models.BooleanField(
                                default=False,
                                help_text="The body that initiated the plan coordinates it (000).",
                                verbose_name="coordinates the plan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical party",
                        "verbose_name_plural": "historical parties",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalObjective",
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
                        ("text", models.CharField(max_length=500, verbose_name="objective")),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("planned", "Planned"),
                                    ("in_progress", "In progress"),
                                    ("done", "Done"),
                                    ("on_hold", "On hold"),
                                    ("abandoned", "Abandoned"),
                                ],
                                default="planned",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("due_on", models.DateField(blank=True, null=True, verbose_name="by")),
                        (
                            "carried_from",
                            models.CharField(
                                blank=True,
                                help_text="Set when the objective comes from a personalized support plan.",
                                max_length=200,
                                verbose_name="carried from",
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="added on")),
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
                            "created_by",
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
                            "owner",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.party",
                                verbose_name="owner",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "agreed_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="the person agreed on"
                            ),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement given",
                            ),
                        ),
                        (
                            "agreement_recorded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="agreement recorded on"
                            ),
                        ),
                        (
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical objective",
                        "verbose_name_plural": "historical objectives",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalServicePlan",
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
                            "initiator_kind",
                            models.CharField(
                                choices=[
                                    ("ministry", "The Ministry initiates it"),
                                    (
                                        "other_ministry",
                                        "Another ministry or public body initiated it",
                                    ),
                                    ("organization", "An organization initiated it"),
                                ],
                                max_length=20,
                                verbose_name="initiator",
                            ),
                        ),
                        (
                            "initiator_name",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="name of the initiator"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("awaiting_agreement", "Waiting for the person's agreement"),
                                    ("active", "Active"),
                                    ("ended", "Ended"),
                                ],
                                default="awaiting_agreement",
                                max_length=20,
                                verbose_name="status",
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="opened on")),
                        (
                            "agreed_on",
                            models.DateField(blank=True, null=True, verbose_name="agreed on"),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement given",
                            ),
                        ),
                        (
                            "agreement_note",
                            models.TextField(blank=True, verbose_name="note on the agreement"),
                        ),
                        (
                            "ended_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="ended on"),
                        ),
                        ("end_reason", models.TextField(blank=True, verbose_name="why it ended")),
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
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                        (
                            "coordinator",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                help_text="Only for a plan the Ministry initiates.",
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Ministry coordinator",
                            ),
                        ),
                        (
                            "ended_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="ended by",
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
                                verbose_name="participant",
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
                            "request",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.serviceplanrequest",
                                verbose_name="request",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical service plan",
                        "verbose_name_plural": "historical service plans",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="FollowUp",
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
                            "agreed_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="the person agreed on"
                            ),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement given",
                            ),
                        ),
                        (
                            "agreement_recorded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="agreement recorded on"
                            ),
                        ),
                        ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                        ("scheduled_for", models.DateTimeField(verbose_name="date and time")),
                        (
                            "mode",
                            models.CharField(
                                choices=[
                                    ("in_person", "In person"),
                                    ("phone", "By phone"),
                                    ("video", "By video"),
                                    ("home_visit", "Home visit"),
                                    ("mobile_agent", "Visit by a mobile agent"),
                                ],
                                max_length=12,
                                verbose_name="how",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("scheduled", "Scheduled"),
                                    ("done", "Held"),
                                    ("missed", "Missed"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="scheduled",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("notes", models.TextField(blank=True, verbose_name="notes")),
                        ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        ("written_at", models.DateTimeField(verbose_name="written on")),
                        (
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
                            ),
                        ),
                        (
                            "party",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="follow_ups",
                                to="serviceplans.party",
                                verbose_name="by the party",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="follow_ups",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "follow-up",
                        "verbose_name_plural": "follow-ups",
                        "ordering": ["scheduled_for", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="HistoricalFollowUp",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "agreed_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="the person agreed on"
                            ),
                        ),
                        (
                            "agreement_channel",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("phone", "By phone"),
                                    ("in_person", "In person"),
                                    ("paper", "Signed paper form"),
                                    ("online", "Online, by the person"),
                                ],
                                max_length=12,
                                verbose_name="agreement given",
                            ),
                        ),
                        (
                            "agreement_recorded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="agreement recorded on"
                            ),
                        ),
                        (
                            "uuid",
                            models.UUIDField(db_index=True, default=uuid.uuid4, editable=False),
                        ),
                        ("scheduled_for", models.DateTimeField(verbose_name="date and time")),
                        (
                            "mode",
                            models.CharField(
                                choices=[
                                    ("in_person", "In person"),
                                    ("phone", "By phone"),
                                    ("video", "By video"),
                                    ("home_visit", "Home visit"),
                                    ("mobile_agent", "Visit by a mobile agent"),
                                ],
                                max_length=12,
                                verbose_name="how",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("scheduled", "Scheduled"),
                                    ("done", "Held"),
                                    ("missed", "Missed"),
                                    ("cancelled", "Cancelled"),
                                ],
                                default="scheduled",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("notes", models.TextField(blank=True, verbose_name="notes")),
                        ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                        (
                            "category",
                            models.CharField(
                                choices=[
                                    ("identity", "Name, language and contact details"),
                                    ("program", "Assistance program and file number"),
                                    ("situation", "Household and living situation"),
                                    ("employment", "Education, work experience and job readiness"),
                                    ("housing", "Housing"),
                                    ("health", "Physical or mental health"),
                                    ("addiction", "Addiction"),
                                    ("justice", "Involvement with the justice system"),
                                    ("violence", "Violence, assault or exploitation"),
                                    ("finances", "Debts and finances"),
                                    ("plan", "Objectives and progress of my plan"),
                                ],
                                max_length=20,
                                verbose_name="kind of information",
                            ),
                        ),
                        ("written_at", models.DateTimeField(verbose_name="written on")),
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
                            "agreement_recorded_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="agreement recorded by",
                            ),
                        ),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="last changed by",
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
                            "party",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.party",
                                verbose_name="by the party",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="serviceplans.serviceplan",
                            ),
                        ),
                        (
                            "written_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="written by",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "historical follow-up",
                        "verbose_name_plural": "historical follow-ups",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ]
        ),
        migrations.RunPython(add_situations, migrations.RunPython.noop),  # 0002_situations
    ]
