"""The partner's inbox read in index order (docs/benchmarks.md, "Pages' CPU and SQL, session
16, list19"): an organization's referrals by status then date, for its late answers, a status
filter and its counts by status (an index-only scan), and by date alone, for the others. The
inbox sorted every referral of the organization, with its file, to show the first 100 (39 ms
a page at 2,241 referrals, more each day)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0008_transition_log_refuses_changes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="referral",
            name="referrals_r_organiz_f8c3a2_idx",
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                fields=["organization", "status", "sent_at", "id"],
                name="referrals_r_organiz_c1dd2b_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="referral",
            index=models.Index(
                fields=["organization", "sent_at", "id"], name="referrals_r_organiz_fc2f5a_idx"
            ),
        ),
    ]
