"""The outbox's models now belong to ``sentier.outbox`` (its 0001): referrals forgets them in
its state only; their tables and rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        ("exchange", "0003_attempts_of_outbox_messages"),
        ("referrals", "0004_referral_kind_and_send_key"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="outboxmessage",
                    name="consent",
                ),
                migrations.RemoveField(
                    model_name="outboxmessage",
                    name="endpoint",
                ),
                migrations.RemoveField(
                    model_name="outboxmessage",
                    name="referral",
                ),
                migrations.RemoveField(
                    model_name="webhookendpoint",
                    name="organization",
                ),
                migrations.DeleteModel(
                    name="HistoricalWebhookEndpoint",
                ),
                migrations.DeleteModel(
                    name="OutboxMessage",
                ),
                migrations.DeleteModel(
                    name="WebhookEndpoint",
                ),
            ],
            database_operations=[],
        ),
    ]
