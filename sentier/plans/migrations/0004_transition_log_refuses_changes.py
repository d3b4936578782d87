"""On PostgreSQL, the transition log refuses UPDATE, DELETE and TRUNCATE at the database level,
for the role that owns it too (see ``sentier.core.append_only``)."""

from django.db import migrations

from sentier.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_transitions_kept_when_a_plan_is_deleted")]
    operations = [refuse_changes("plans_plantransition")]
