"""Migration 0006 gives rows written before kinds the kind their text names, under the append-only
trigger, and leaves the trigger on.

A database migrated from nothing ran the squashed migration instead (``0001_squashed_0008_…``,
which leaves this conversion out: a new database has no rows of before kinds), so Django's loader
no longer shows 0006 by default: the historical models of 0006 come from the graph of the
original migrations (``replace_migrations=False``), which are kept."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.migrations.loader import MigrationLoader

from sentier.audit.actions import record_access
from sentier.audit.models import AccessKind, AccessLog

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("sentier.audit.migrations.0006_access_kinds_from_old_text")


def test_old_texts_become_kinds_and_stay_as_written(personas: Any, laval_participant: Any) -> None:
    admin = personas["admin"]
    # Rows as the code wrote them before kinds.
    old = {
        text: AccessLog.objects.create(user=admin, participant=laval_participant, what=text)
        for text in ("own file", "Support plan (PDF)", "waiting lists", "odsp_queue", "??")
    }
    api = AccessLog.objects.create(
        visitor="API key: Logiciel – OPEX’82",
        participant=laval_participant,
        what="referral",
        channel="api",
    )
    (new,) = record_access(user=admin, shown=laval_participant, kind=AccessKind.CONSENT)
    state = MigrationLoader(connection, replace_migrations=False).project_state(
        ("audit", "0006_access_kinds_from_old_text")
    )

    MIGRATION.forwards(state.apps, connection.schema_editor())

    rows = {row.pk: row for row in AccessLog.objects.all()}
    assert {text: rows[row.pk].kind for text, row in old.items()} == {
        "own file": AccessKind.OWN_FILE,
        "Support plan (PDF)": AccessKind.SUPPORT_PLAN_PDF,
        "waiting lists": AccessKind.WAITING_LISTS,
        "odsp_queue": AccessKind.ODSP_QUEUE,
        "??": "",  # unknown: shown as written
    }
    assert {text: rows[row.pk].what for text, row in old.items()} == {t: t for t in old}
    assert rows[api.pk].kind == AccessKind.REFERRAL_RECEIVED
    assert (rows[new.pk].kind, rows[new.pk].what) == (AccessKind.CONSENT, "")
    assert rows[old["??"].pk].shown == "??"


def test_every_text_the_code_wrote_has_a_kind() -> None:
    assert set(MIGRATION.KINDS.values()) <= set(AccessKind.values)


def test_going_back_and_forth_loses_no_kind(personas: Any, laval_participant: Any) -> None:
    """Going back writes each new row's code as its text; coming forward reads it again."""
    written = [
        record_access(user=personas["admin"], shown=laval_participant, kind=kind)[0]
        for kind in (AccessKind.CASELOAD, AccessKind.REFERRAL, AccessKind.REFERRAL_RECEIVED)
    ]
    loader = MigrationLoader(connection, replace_migrations=False)
    MIGRATION.backwards(
        loader.project_state(("audit", "0006_access_kinds_from_old_text")).apps,
        connection.schema_editor(),
    )
    assert [AccessLog.objects.get(pk=row.pk).what for row in written] == [
        "caseload",
        "referral",
        "referral_received",
    ]
    # 0005's reversal drops the kinds: emptied here, as the owner would, instead.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_accesslog DISABLE TRIGGER USER")
        cursor.execute("UPDATE audit_accesslog SET kind = ''")
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_accesslog ENABLE TRIGGER USER")
    MIGRATION.forwards(
        loader.project_state(("audit", "0006_access_kinds_from_old_text")).apps,
        connection.schema_editor(),
    )
    assert [AccessLog.objects.get(pk=row.pk).kind for row in written] == [
        AccessKind.CASELOAD,
        AccessKind.REFERRAL,
        AccessKind.REFERRAL_RECEIVED,
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger on PostgreSQL")
def test_the_trigger_refuses_updates_again_afterwards(
    personas: Any, laval_participant: Any
) -> None:
    row = AccessLog.objects.create(
        user=personas["admin"], participant=laval_participant, what="file"
    )
    state = MigrationLoader(connection, replace_migrations=False).project_state(
        ("audit", "0006_access_kinds_from_old_text")
    )
    MIGRATION.forwards(state.apps, connection.schema_editor())
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_accesslog SET kind = 'consent' WHERE id = %s", [row.pk])
    assert AccessLog.objects.get(pk=row.pk).kind == AccessKind.FILE
