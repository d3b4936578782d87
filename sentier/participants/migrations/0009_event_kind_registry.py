"""Timeline event kinds are registered by the app that owns them (sentier.participants.events):
the column holds any registered code, and no other app's kind needs a migration here again."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0008_participants_in_french_order"),
    ]

    operations = [
        migrations.AlterField(
            model_name="timelineevent",
            name="kind",
            field=models.CharField(max_length=40, verbose_name="kind"),
        ),
    ]
