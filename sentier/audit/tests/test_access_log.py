"""The access log is append-only, in Python and (on PostgreSQL) in the database."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind, AccessLog, AppendOnlyError

pytestmark = pytest.mark.django_db


def test_rows_cannot_be_changed_or_deleted(personas: Any, laval_participant: Any) -> None:
    (row,) = record_access(user=personas["admin"], shown=laval_participant, kind=AccessKind.FILE)
    row.kind = AccessKind.CONSENT
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.filter(pk=row.pk).update(kind=AccessKind.CONSENT)
    with pytest.raises(AppendOnlyError):
        AccessLog.objects.filter(pk=row.pk).delete()
    assert AccessLog.objects.get(pk=row.pk).kind == AccessKind.FILE


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger on PostgreSQL")
def test_database_refuses_raw_update(personas: Any, laval_participant: Any) -> None:
    (row,) = record_access(user=personas["admin"], shown=laval_participant, kind=AccessKind.FILE)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_accesslog SET kind = 'consent' WHERE id = %s", [row.pk])
    assert AccessLog.objects.get(pk=row.pk).kind == AccessKind.FILE
