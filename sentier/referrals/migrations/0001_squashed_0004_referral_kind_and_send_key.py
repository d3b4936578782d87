import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("referrals", "0001_initial"),
        ("referrals", "0002_notices_and_signed_links"),
        ("referrals", "0003_sender_answer_notices"),
        ("referrals", "0004_referral_kind_and_send_key"),
    ]

    initial = True

    dependencies = [
        ("consent", "0001_initial"),
        ("network", "0005_services"),
        ("participants", "0006_more_event_kinds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="HistoricalReferral",
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
                        ("purpose", models.CharField(max_length=30, verbose_name="purpose")),
                        ("need", models.TextField(verbose_name="reason for the referral")),
                        (
                            "categories",
                            models.JSONField(default=list, verbose_name="information shared"),
                        ),
                        (
                            "payload",
                            models.JSONField(blank=True, default=dict, verbose_name="data sent"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("requested", "Sent, awaiting answer"),
                                    ("accepted", "Accepted"),
                                    ("rejected", "Declined"),
                                    ("in_progress", "In progress"),
                                    ("on_hold", "On hold"),
                                    ("completed", "Completed"),
                                    ("cancelled", "Cancelled"),
                                    ("failed", "Did not work out"),
                                    ("expired", "Expired without an answer"),
                                ],
                                default="draft",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("status_reason", models.TextField(blank=True, verbose_name="reason")),
                        ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                        ("created_at", models.DateTimeField(verbose_name="created on")),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
                        ),
                        (
                            "reminded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="reminder sent on"
                            ),
                        ),
                        (
                            "expires_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="expires on"),
                        ),
                        (
                            "answered_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="answered on"),
                        ),
                        (
                            "closed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="closed on"),
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
                            "consent",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="consent.consent",
                                verbose_name="consent",
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
                            "location",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="network.location",
                                verbose_name="point of service",
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
                            ),
                        ),
                        (
                            "sender",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="sent by",
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
                                verbose_name="service",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                blank=True, default="", max_length=30, verbose_name="kind of need"
                            ),
                        ),
                        (
                            "send_key",
                            models.UUIDField(blank=True, db_index=True, editable=False, null=True),
                        ),
                    ],
                    options={
                        "verbose_name": "historical referral",
                        "verbose_name_plural": "historical referrals",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalWebhookEndpoint",
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
                        ("url", models.URLField(verbose_name="address")),
                        ("secret", models.CharField(max_length=128, verbose_name="signing secret")),
                        ("active", models.BooleanField(default=True, verbose_name="active")),
                        (
                            "created_at",
                            models.DateTimeField(
                                blank=True, editable=False, verbose_name="created on"
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
                        "verbose_name": "historical webhook endpoint",
                        "verbose_name_plural": "historical webhook endpoints",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="Referral",
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
                        ("purpose", models.CharField(max_length=30, verbose_name="purpose")),
                        ("need", models.TextField(verbose_name="reason for the referral")),
                        (
                            "categories",
                            models.JSONField(default=list, verbose_name="information shared"),
                        ),
                        (
                            "payload",
                            models.JSONField(blank=True, default=dict, verbose_name="data sent"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("requested", "Sent, awaiting answer"),
                                    ("accepted", "Accepted"),
                                    ("rejected", "Declined"),
                                    ("in_progress", "In progress"),
                                    ("on_hold", "On hold"),
                                    ("completed", "Completed"),
                                    ("cancelled", "Cancelled"),
                                    ("failed", "Did not work out"),
                                    ("expired", "Expired without an answer"),
                                ],
                                default="draft",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        ("status_reason", models.TextField(blank=True, verbose_name="reason")),
                        ("outcome", models.TextField(blank=True, verbose_name="outcome")),
                        ("created_at", models.DateTimeField(verbose_name="created on")),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent on"),
                        ),
                        (
                            "reminded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="reminder sent on"
                            ),
                        ),
                        (
                            "expires_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="expires on"),
                        ),
                        (
                            "answered_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="answered on"),
                        ),
                        (
                            "closed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="closed on"),
                        ),
                        (
                            "updated_at",
                            models.DateTimeField(auto_now=True, verbose_name="updated on"),
                        ),
                        (
                            "consent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="referrals",
                                to="consent.consent",
                                verbose_name="consent",
                            ),
                        ),
                        (
                            "location",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="referrals",
                                to="network.location",
                                verbose_name="point of service",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="referrals",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="referrals",
                                to="participants.participant",
                            ),
                        ),
                        (
                            "sender",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="referrals_sent",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="sent by",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="referrals",
                                to="network.service",
                                verbose_name="service",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                blank=True, default="", max_length=30, verbose_name="kind of need"
                            ),
                        ),
                        (
                            "send_key",
                            models.UUIDField(blank=True, editable=False, null=True, unique=True),
                        ),
                    ],
                    options={
                        "verbose_name": "referral",
                        "verbose_name_plural": "referrals",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["organization", "status"],
                                name="referrals_r_organiz_f8c3a2_idx",
                            ),
                            models.Index(
                                fields=["participant", "-created_at"],
                                name="referrals_r_partici_9a0842_idx",
                            ),
                            models.Index(
                                fields=["status", "expires_at"],
                                name="referrals_r_status_7f6c4a_idx",
                            ),
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ReferralTransition",
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
                            "from_status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("requested", "Sent, awaiting answer"),
                                    ("accepted", "Accepted"),
                                    ("rejected", "Declined"),
                                    ("in_progress", "In progress"),
                                    ("on_hold", "On hold"),
                                    ("completed", "Completed"),
                                    ("cancelled", "Cancelled"),
                                    ("failed", "Did not work out"),
                                    ("expired", "Expired without an answer"),
                                ],
                                max_length=12,
                                verbose_name="from",
                            ),
                        ),
                        (
                            "to_status",
                            models.CharField(
                                choices=[
                                    ("draft", "Draft"),
                                    ("requested", "Sent, awaiting answer"),
                                    ("accepted", "Accepted"),
                                    ("rejected", "Declined"),
                                    ("in_progress", "In progress"),
                                    ("on_hold", "On hold"),
                                    ("completed", "Completed"),
                                    ("cancelled", "Cancelled"),
                                    ("failed", "Did not work out"),
                                    ("expired", "Expired without an answer"),
                                ],
                                max_length=12,
                                verbose_name="to",
                            ),
                        ),
                        (
                            "side",
                            models.CharField(
                                choices=[
                                    ("sender", "Sender"),
                                    ("receiver", "Receiving organization"),
                                    ("system", "Sentier"),
                                ],
                                max_length=10,
                                verbose_name="side",
                            ),
                        ),
                        (
                            "actor_label",
                            models.CharField(
                                blank=True, max_length=120, verbose_name="by (no account)"
                            ),
                        ),
                        ("reason", models.TextField(blank=True, verbose_name="reason")),
                        ("at", models.DateTimeField(verbose_name="when")),
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
                            "referral",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="transitions",
                                to="referrals.referral",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "referral status change",
                        "verbose_name_plural": "referral status changes",
                        "ordering": ["at", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="WebhookEndpoint",
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
                        ("url", models.URLField(verbose_name="address")),
                        ("secret", models.CharField(max_length=128, verbose_name="signing secret")),
                        ("active", models.BooleanField(default=True, verbose_name="active")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created on"),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="webhook_endpoints",
                                to="network.organization",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "webhook endpoint",
                        "verbose_name_plural": "webhook endpoints",
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="OutboxMessage",
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
                        ("topic", models.CharField(max_length=60, verbose_name="topic")),
                        (
                            "channel",
                            models.CharField(
                                default="webhook", max_length=40, verbose_name="channel"
                            ),
                        ),
                        ("payload", models.JSONField(default=dict)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting to be delivered"),
                                    ("delivered", "Delivered"),
                                    ("cancelled", "Cancelled"),
                                    ("failed", "Gave up after retries"),
                                ],
                                default="pending",
                                max_length=10,
                            ),
                        ),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("next_attempt_at", models.DateTimeField()),
                        ("last_error", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField()),
                        ("delivered_at", models.DateTimeField(blank=True, null=True)),
                        ("cancelled_reason", models.CharField(blank=True, max_length=200)),
                        (
                            "consent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="messages",
                                to="consent.consent",
                            ),
                        ),
                        (
                            "referral",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="messages",
                                to="referrals.referral",
                            ),
                        ),
                        (
                            "endpoint",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="messages",
                                to="referrals.webhookendpoint",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "outgoing message",
                        "verbose_name_plural": "outgoing messages",
                        "ordering": ["created_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "next_attempt_at"],
                                name="referrals_o_status_09c749_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ReferralLink",
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
                        ("expires_at", models.DateTimeField(verbose_name="expires on")),
                        (
                            "used_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="used on"),
                        ),
                        (
                            "answer",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("draft", "Draft"),
                                    ("requested", "Sent, awaiting answer"),
                                    ("accepted", "Accepted"),
                                    ("rejected", "Declined"),
                                    ("in_progress", "In progress"),
                                    ("on_hold", "On hold"),
                                    ("completed", "Completed"),
                                    ("cancelled", "Cancelled"),
                                    ("failed", "Did not work out"),
                                    ("expired", "Expired without an answer"),
                                ],
                                max_length=12,
                                verbose_name="answer",
                            ),
                        ),
                        (
                            "referral",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="links",
                                to="referrals.referral",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "signed referral link",
                        "verbose_name_plural": "signed referral links",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="ReferralNotice",
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
                            "audience",
                            models.CharField(
                                choices=[
                                    ("receiver", "Receiving organization"),
                                    ("sender", "Sender"),
                                ],
                                max_length=10,
                                verbose_name="for",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("new", "New referral"),
                                    ("reminder", "Reminder: a referral awaits your answer"),
                                    ("expired", "A referral expired without an answer"),
                                    ("consent_withdrawn", "The person withdrew their consent"),
                                    ("accepted", "The organization accepted the referral"),
                                    ("declined", "The organization declined the referral"),
                                    ("completed", "The organization completed the referral"),
                                    ("failed", "The referral did not work out"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        ),
                        ("created_at", models.DateTimeField(verbose_name="when")),
                        (
                            "emailed_to",
                            models.CharField(
                                blank=True, max_length=254, verbose_name="e-mailed to"
                            ),
                        ),
                        (
                            "emailed_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="e-mailed on"),
                        ),
                        (
                            "link",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="referrals.referrallink",
                            ),
                        ),
                        (
                            "referral",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notices",
                                to="referrals.referral",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "referral notice",
                        "verbose_name_plural": "referral notices",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["audience", "-created_at"],
                                name="referrals_r_audienc_6af9b8_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
            ]
        ),
    ]
