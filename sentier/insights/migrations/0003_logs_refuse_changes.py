"""On PostgreSQL, the log of views of the indicators and the frozen reports refuse UPDATE, DELETE
and TRUNCATE at the database level, for the role that owns them too (``sentier.core.append_only``)."""

from django.db import migrations

from sentier.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("insights", "0002_frozen_report")]
    operations = [
        refuse_changes("insights_dashboardview"),
        refuse_changes("insights_frozenreport"),
    ]
