import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from sentier.core.append_only import refuse_changes


class Migration(migrations.Migration):
    replaces = [
        ("referrals", "0005_outbox_moves_to_its_app"),
        ("referrals", "0006_partner_api_list_index"),
        ("referrals", "0007_transitions_kept_when_a_referral_is_deleted"),
        ("referrals", "0008_transition_log_refuses_changes"),
    ]

    dependencies = [
        ("consent", "0001_initial"),
        ("exchange", "0003_attempts_of_outbox_messages"),
        ("network", "0007_service_province_wide"),
        ("outbox", "0001_initial"),
        ("participants", "0010_region_caseload_in_french_order"),
        ("referrals", "0004_referral_kind_and_send_key"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # 0005's RemoveField operations go with the models (as the optimizer folds them).
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
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                fields=["organization", "updated_at", "id"], name="referrals_r_organiz_d3deb0_idx"
            ),
        ),
        migrations.AlterField(
            model_name="referraltransition",
            name="referral",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="transitions",
                to="referrals.referral",
            ),
        ),
        refuse_changes("referrals_referraltransition"),  # 0008_transition_log_refuses_changes
    ]
