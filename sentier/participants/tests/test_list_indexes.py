"""The indexes the caseload, the partner's inbox and the access log are read and written through
(docs/benchmarks.md, "Pages' CPU and SQL, session 16, list19"): each list's filters and order
have theirs, the access log keeps one index by file, and the name searches' trigram indexes
(PostgreSQL) have no pending list that every search would read whole."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def index_columns(table: str) -> list[list[str]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [c["columns"] for c in constraints.values() if c["index"] and not c["primary_key"]]


def test_each_list_has_an_index_in_its_filters_order() -> None:
    assert ["region_id", "status", "program_id"] in index_columns("participants_participant")
    referrals = index_columns("referrals_referral")
    assert ["organization_id", "status", "sent_at", "id"] in referrals
    assert ["organization_id", "sent_at", "id"] in referrals
    # Their prefixes, replaced: an index each would only slow the writes down.
    assert ["region_id", "status"] not in index_columns("participants_participant")
    assert ["organization_id", "status"] not in referrals


def test_the_access_log_has_one_index_by_file() -> None:
    access_log = index_columns("audit_accesslog")
    assert ["participant_id", "accessed_at"] in access_log
    assert ["participant_id"] not in access_log


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes: PostgreSQL only")
def test_the_name_searches_trigram_indexes_have_no_pending_list() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_am a ON a.oid = c.relam "
            "WHERE c.relname LIKE 'participant_%%_trgm' AND a.amname = 'gin' ORDER BY 1"
        )
        found = cursor.fetchall()
    assert found == [
        ("participant_first_name_trgm", ["fastupdate=off"]),
        ("participant_last_name_trgm", ["fastupdate=off"]),
    ]
