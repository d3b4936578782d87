"""The six situations of 000 that justify a service plan (configurable afterwards in the admin)."""

from typing import Any

from django.db import migrations


def add_situations(apps: Any, schema_editor: Any) -> None:
    from sentier.serviceplans.situations import ensure_situations

    ensure_situations(apps.get_model("serviceplans", "Situation"))


class Migration(migrations.Migration):
    dependencies = [("serviceplans", "0001_initial")]

    operations = [migrations.RunPython(add_situations, migrations.RunPython.noop)]
