"""Every model marked ``AppendOnly`` has, on PostgreSQL, the triggers that refuse UPDATE, DELETE
and TRUNCATE for the role that owns its table too: a migration calls ``refuse_changes`` for it."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from sentier.core.models import AppendOnly, AppendOnlyError, Transition

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


def test_the_orm_refuses_to_change_or_delete_a_written_row_on_every_database() -> None:
    row = Transition.objects.create(
        content_type=ContentType.objects.get_for_model(Transition),
        object_id=1,
        lifecycle="test",
        to_status="open",
        at=timezone.now(),
    )
    row.reason = "changed afterwards"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    kept = Transition.objects.get(pk=row.pk)
    assert (kept.reason, kept.to_status) == ("", "open")
