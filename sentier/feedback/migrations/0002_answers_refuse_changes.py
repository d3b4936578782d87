"""On PostgreSQL, the survey answers refuse UPDATE, DELETE and TRUNCATE at the database level,
for the role that owns them too (``sentier.core.append_only``): they are evaluation evidence."""

from django.db import migrations

from sentier.core.append_only import refuse_changes


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_surveys")]
    operations = [
        refuse_changes("feedback_participantsurveyresponse"),
        refuse_changes("feedback_partnersurveyresponse"),
    ]
