"""PostgreSQL's ``unaccent`` extension, for searches that ignore accents (sentier.core.text).

A trusted extension since PostgreSQL 13: the database's owner may create it. Nothing on SQLite,
where sentier.core.text registers its own function on each connection.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies: list[tuple[str, str]] = []
    operations = [UnaccentExtension()]
