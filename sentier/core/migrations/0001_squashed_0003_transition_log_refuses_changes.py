import django.db.models.deletion
from django.conf import settings
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

from sentier.core.append_only import refuse_changes
from sentier.core.migration_operations import CreateModels


class Migration(migrations.Migration):
    replaces = [
        ("core", "0001_unaccent"),
        ("core", "0002_transition_log"),
        ("core", "0003_transition_log_refuses_changes"),
    ]

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        UnaccentExtension(),  # 0001_unaccent
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="Transition",
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
                        ("object_id", models.PositiveBigIntegerField()),
                        ("lifecycle", models.CharField(max_length=40)),
                        ("from_status", models.CharField(blank=True, max_length=32)),
                        ("to_status", models.CharField(max_length=32)),
                        ("side", models.CharField(blank=True, max_length=20)),
                        ("actor_label", models.CharField(blank=True, max_length=120)),
                        ("reason", models.TextField(blank=True)),
                        ("at", models.DateTimeField()),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="contenttypes.contenttype",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["at", "id"],
                        "indexes": [
                            models.Index(
                                fields=["content_type", "object_id", "at"],
                                name="core_transi_content_992383_idx",
                            )
                        ],
                        "constraints": [],
                    },
                ),
            ]
        ),
        refuse_changes("core_transition"),  # 0003_transition_log_refuses_changes
    ]
