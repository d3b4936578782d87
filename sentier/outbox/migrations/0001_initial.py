"""The outbox's models, moved from referrals without moving their rows.

The tables keep their names (``referrals_*``): this migration only tells Django's state that the
outbox owns them (``SeparateDatabaseAndState`` with no database operation), and moves their
content types, so that permissions and admin history follow.
"""

import django.db.models.deletion
import simple_history.models
import uuid
from django.conf import settings
from django.db import migrations, models


MOVED = ("webhookendpoint", "historicalwebhookendpoint", "outboxmessage")


def content_types_follow(apps, schema_editor):  # noqa: ANN001, ANN201
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label="outbox", model=model).exists():
            continue
        ContentType.objects.filter(app_label="referrals", model=model).update(app_label="outbox")


def content_types_go_back(apps, schema_editor):  # noqa: ANN001, ANN201
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label="referrals", model=model).exists():
            continue
        ContentType.objects.filter(app_label="outbox", model=model).update(app_label="referrals")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("consent", "0001_initial"),
        ("network", "0007_service_province_wide"),
        ("referrals", "0004_referral_kind_and_send_key"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
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
                        "db_table": "referrals_historicalwebhookendpoint",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
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
                        "db_table": "referrals_webhookendpoint",
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
                                to="outbox.webhookendpoint",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "outgoing message",
                        "verbose_name_plural": "outgoing messages",
                        "db_table": "referrals_outboxmessage",
                        "ordering": ["created_at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "next_attempt_at"],
                                name="referrals_o_status_09c749_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_follow, content_types_go_back),
    ]
