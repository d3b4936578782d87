"""Triggers that keep an append-only table so on PostgreSQL, for the role that owns it too.

The application's role may only read and insert an append-only table (``sentier.audit.roles``);
the role that owns it, which migrates, could still change or empty it. These triggers refuse
UPDATE and DELETE row by row and TRUNCATE as a statement, the way the access log's do (audit
migrations 0002 and 0004): a TRUNCATE passes only when the session has set
``sentier.audit_maintenance = 'on'``, which emptying a test database does (``conftest.py``).
For the owner they are a guard against mistakes, not a wall: it may still drop them; the wall is
the two-role setup. On SQLite there are no roles and nothing is created.

Each migration that marks a table calls :func:`refuse_changes` with the table's name.
"""

from __future__ import annotations

import re

from sentier.core.migration_operations import RunSQLOnPostgreSQL

_TABLE = re.compile(r"[a-z_][a-z0-9_]{0,40}")


CREATE = """
CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{table} is append-only: % is refused', TG_OP;
END;
$$ LANGUAGE plpgsql SET search_path = pg_catalog;
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
CREATE OR REPLACE FUNCTION {table}_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('sentier.audit_maintenance', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION '{table} is append-only: TRUNCATE is refused'
        USING HINT = 'Only for maintenance, as the owner: SET sentier.audit_maintenance = ''on''.';
END;
$$ LANGUAGE plpgsql SET search_path = pg_catalog;
CREATE TRIGGER {table}_refuse_truncate
    BEFORE TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION {table}_refuse_truncate();
"""
DROP = """
DROP TRIGGER IF EXISTS {table}_refuse_truncate ON {table};
DROP FUNCTION IF EXISTS {table}_refuse_truncate();
DROP TRIGGER IF EXISTS {table}_append_only ON {table};
DROP FUNCTION IF EXISTS {table}_append_only();
"""


def _sql(text: str, table: str) -> str:
    """``text`` for ``table``, a plain name checked by :func:`refuse_changes`."""
    return text.replace("{table}", table)


def refuse_changes(table: str) -> RunSQLOnPostgreSQL:
    """A reversible migration operation adding the triggers to ``table`` on PostgreSQL."""
    if not _TABLE.fullmatch(table):
        raise ValueError(f"not a plain table name: {table!r}")
    return RunSQLOnPostgreSQL(sql=[_sql(CREATE, table)], reverse_sql=[_sql(DROP, table)])
