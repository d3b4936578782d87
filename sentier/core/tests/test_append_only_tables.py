"""Every model marked ``AppendOnly`` has, on PostgreSQL, the triggers that refuse UPDATE, DELETE
and TRUNCATE for the role that owns its table too: a migration calls ``refuse_changes`` for it."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from sentier.core.models import AppendOnly

pytestmark = pytest.mark.django_db


def test_every_append_only_table_refuses_changes_at_the_database() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no roles and no triggers are created (sentier.core.append_only)")
    tables = sorted(
        model._meta.db_table for model in apps.get_models() if issubclass(model, AppendOnly)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        triggers = {name for (name,) in cursor.fetchall()}
    missing = [
        table
        for table in tables
        if not {f"{table}_append_only", f"{table}_refuse_truncate"} <= triggers
    ]
    assert "core_transition" in tables
    assert missing == []
