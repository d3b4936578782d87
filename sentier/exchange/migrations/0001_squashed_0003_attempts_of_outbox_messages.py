import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("exchange", "0001_initial"),
        ("exchange", "0002_api_key_expiry"),
        ("exchange", "0003_attempts_of_outbox_messages"),
    ]

    initial = True

    dependencies = [
        ("network", "0005_services"),
        ("outbox", "0001_initial"),
        ("referrals", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="ApiKey",
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
                            "name",
                            models.CharField(
                                help_text="What the key is for, e.g. the name of the system that uses it.",
                                max_length=80,
                                verbose_name="name",
                            ),
                        ),
                        (
                            "prefix",
                            models.CharField(
                                editable=False, max_length=16, unique=True, verbose_name="prefix"
                            ),
                        ),
                        ("secret_hash", models.CharField(editable=False, max_length=64)),
                        ("created_at", models.DateTimeField(verbose_name="created on")),
                        (
                            "last_used_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="last used on"
                            ),
                        ),
                        (
                            "revoked_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="revoked on"),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="created by",
                            ),
                        ),
                        (
                            "organization",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="api_keys",
                                to="network.organization",
                                verbose_name="organization",
                            ),
                        ),
                        (
                            "revoked_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="revoked by",
                            ),
                        ),
                        (
                            "expires_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="expires on"),
                        ),
                        (
                            "expiry_notice_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="expiry notice sent on"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "API key",
                        "verbose_name_plural": "API keys",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
                migrations.CreateModel(
                    name="DeliveryAttempt",
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
                        ("number", models.PositiveSmallIntegerField(verbose_name="attempt")),
                        ("at", models.DateTimeField(verbose_name="when")),
                        ("ok", models.BooleanField(verbose_name="delivered")),
                        (
                            "status_code",
                            models.PositiveSmallIntegerField(
                                blank=True, null=True, verbose_name="answer code"
                            ),
                        ),
                        ("error", models.TextField(blank=True, verbose_name="error")),
                        (
                            "duration_ms",
                            models.PositiveIntegerField(default=0, verbose_name="duration (ms)"),
                        ),
                        (
                            "message",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="delivery_attempts",
                                to="outbox.outboxmessage",
                                verbose_name="message",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "delivery attempt",
                        "verbose_name_plural": "delivery attempts",
                        "ordering": ["message_id", "number", "id"],
                        "indexes": [],
                        "constraints": [],
                    },
                ),
            ]
        ),
    ]
