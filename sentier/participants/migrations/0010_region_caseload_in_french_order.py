"""The caseload at provincial scale (the 300,000-file probe in shared/findings):

- a region's list in French order, read from an index instead of sorting every file of the
  region (121 ms to 3 ms for page 50 of Laval's 63,844 files);
- name searches (``icontains``, which PostgreSQL runs as ``UPPER(col) LIKE '%…%'``) through
  trigram indexes on the same expressions. PostgreSQL only: ``pg_trgm`` is a trusted extension
  since PostgreSQL 13, and SQLite has no equivalent worth keeping up to date.
"""

from typing import Any

import sentier.core.text
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

_NAME_COLUMNS = ("last_name", "first_name")


def _create_trigram_indexes(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in _NAME_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS participant_{column}_trgm "
            f"ON participants_participant USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def _drop_trigram_indexes(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in _NAME_COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS participant_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0009_event_kind_registry"),
        ("reference", "0003_ontario_lists"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="participant",
            options={
                "ordering": [
                    models.OrderBy(sentier.core.text.FrenchOrder("last_name")),
                    models.OrderBy(sentier.core.text.FrenchOrder("first_name")),
                    "id",
                ],
                "verbose_name": "participant",
                "verbose_name_plural": "participants",
            },
        ),
        migrations.AddIndex(
            model_name="participant",
            index=models.Index(
                models.F("region"),
                sentier.core.text.FrenchOrder("last_name"),
                sentier.core.text.FrenchOrder("first_name"),
                models.F("id"),
                name="participant_region_name_idx",
            ),
        ),
        TrigramExtension(),
        migrations.RunPython(_create_trigram_indexes, _drop_trigram_indexes),
    ]
