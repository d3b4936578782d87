"""The access log's rows by file through one index, (participant, -accessed_at), not two: the
one on the participant alone cost each logged row one more index entry (the inbox logs 100 rows
a page; docs/benchmarks.md, "Pages' CPU and SQL, session 16, list19")."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0008_correspondence_access_kind"),
        ("participants", "0011_languages_on_the_file"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accesslog",
            name="participant",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="access_log",
                to="participants.participant",
                verbose_name="whose file",
            ),
        ),
    ]
