"""Two database roles on PostgreSQL: the owner migrates, the application only appends to the audit.

The role that owns a table can do anything to it: TRUNCATE it, disable or drop its triggers. So
the application must not run as the owner. ``grant_app_role`` gives a second role, which owns
nothing, exactly what the application needs:

- SELECT and INSERT, nothing else, on the append-only tables: the access log, every change
  history table of django-simple-history and every lifecycle's transition log (models marked
  :class:`sentier.core.models.AppendOnly`), found from the models, so a model that gains a history
  or a log is covered the next time this runs;
- SELECT on ``django_migrations`` (the application reads which migrations ran; only the owner
  records them);
- SELECT, INSERT, UPDATE and DELETE on every other table; never TRUNCATE, REFERENCES or TRIGGER;
- a schema of its own name for what it creates as it runs (each year's file-number sequence).

It starts each table from nothing (``REVOKE ALL``), so running it again after a migration is how
new tables are granted and how a privilege given by hand is taken back; then it checks, table by
table, that the role cannot change or empty an append-only table by any route (a membership in
the owner's role, a grant to PUBLIC), and refuses (rolling everything back) if it can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.utils import CursorWrapper
from django.utils.translation import gettext as _
from simple_history.models import HistoricalChanges

from sentier.audit.models import AccessLog
from sentier.core.models import AppendOnly

APPEND_ONLY_PRIVILEGES = ("SELECT", "INSERT")
READ_ONLY_PRIVILEGES = ("SELECT",)
ORDINARY_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE")
READ_ONLY_TABLES = frozenset({"django_migrations"})
# A plain role name, so that it can be quoted safely (PostgreSQL's own rule, lower case first).
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_$]{0,62}")


class RoleSetupError(Exception):
    """The role cannot be set up as the application's role; the message says why."""


@dataclass(frozen=True)
class Grants:
    """What ``grant_app_role`` granted, table names sorted."""

    role: str
    append_only: list[str]
    read_only: list[str]
    ordinary: list[str]


def append_only_tables() -> list[str]:
    """The access log, every simple-history table and every transition log (``AppendOnly``) of
    the installed models."""
    tables = {AccessLog._meta.db_table}
    tables.update(
        model._meta.db_table
        for model in apps.get_models()
        if issubclass(model, (HistoricalChanges, AppendOnly))
    )
    return sorted(tables)


def grant_app_role(*, role: str, using: str = DEFAULT_DB_ALIAS) -> Grants:
    """Give ``role`` the application's privileges on every table of the current schema.

    Run as the owner of the tables (the role that runs ``migrate``); idempotent."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise RoleSetupError(
            _(
                "Database roles exist only on PostgreSQL; this database is %(vendor)s, where "
                "there is nothing to grant."
            )
            % {"vendor": connection.display_name}
        )
    if not ROLE_NAME.fullmatch(role):
        raise RoleSetupError(
            _(
                "“%(role)s” is not a plain role name: use lower-case letters, digits and "
                "underscores."
            )
            % {"role": role}
        )
    quote = connection.ops.quote_name
    append_only = set(append_only_tables())
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
        found = cursor.fetchone()
        if found is None:
            raise RoleSetupError(
                _("The role “%(role)s” does not exist. Create it first (CREATE ROLE … LOGIN).")
                % {"role": role}
            )
        if found[0]:
            raise RoleSetupError(
                _("The role “%(role)s” is a superuser: privileges do not bind it.") % {"role": role}
            )
        cursor.execute("SELECT current_database(), current_schema()")
        database, schema = cursor.fetchone()
        cursor.execute(
            "SELECT DISTINCT tableowner FROM pg_tables"
            " WHERE schemaname = %s AND pg_has_role(%s, tableowner, 'MEMBER')",
            [schema, role],
        )
        owners = sorted(row[0] for row in cursor.fetchall())
        if owners:
            raise RoleSetupError(
                _(
                    "The role “%(role)s” owns the tables or acts as their owner (%(owners)s): "
                    "an owner can empty the access log and drop its triggers. Use a role that "
                    "owns nothing and is not a member of the owner's role."
                )
                % {"role": role, "owners": ", ".join(owners)}
            )
        tables = sorted(connection.introspection.table_names(cursor))
        grants = Grants(
            role=role,
            append_only=[t for t in tables if t in append_only],
            read_only=[t for t in tables if t in READ_ONLY_TABLES],
            ordinary=[t for t in tables if t not in append_only and t not in READ_ONLY_TABLES],
        )
        cursor.execute(f"GRANT CONNECT ON DATABASE {quote(database)} TO {quote(role)}")
        cursor.execute(f"GRANT USAGE ON SCHEMA {quote(schema)} TO {quote(role)}")
        # What the application creates as it runs (each year's file-number sequence,
        # sentier.participants.actions) goes to a schema of the role's own name: first in its
        # default search path ("$user", public), in nobody else's, so nothing it creates can
        # stand in for what the owner uses. It creates nothing in the tables' schema.
        cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {quote(role)}")
        cursor.execute(f"GRANT USAGE, CREATE ON SCHEMA {quote(role)} TO {quote(role)}")
        for names, privileges in (
            (grants.append_only, APPEND_ONLY_PRIVILEGES),
            (grants.read_only, READ_ONLY_PRIVILEGES),
            (grants.ordinary, ORDINARY_PRIVILEGES),
        ):
            for table in names:
                cursor.execute(f"REVOKE ALL ON TABLE {quote(table)} FROM {quote(role)}")
                cursor.execute(
                    f"GRANT {', '.join(privileges)} ON TABLE {quote(table)} TO {quote(role)}"
                )
        # Sequences of serial columns (identity columns need none): the next value, no setval.
        cursor.execute(
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quote(schema)} TO {quote(role)}"
        )
        _check_append_only(cursor, role, grants.append_only)
    return grants


def _check_append_only(cursor: CursorWrapper, role: str, tables: list[str]) -> None:
    """Refuse if ``role`` can still change or empty an append-only table by any route."""
    leaks: list[str] = []
    for table in tables:
        cursor.execute(
            "SELECT has_table_privilege(%s, %s, 'UPDATE, DELETE, TRUNCATE, TRIGGER')",
            [role, table],
        )
        if cursor.fetchone()[0]:
            leaks.append(table)
    if leaks:
        raise RoleSetupError(
            _(
                "The role “%(role)s” could still change or empty %(tables)s (through PUBLIC or "
                "another role it belongs to). Revoke that first."
            )
            % {"role": role, "tables": ", ".join(leaks)}
        )
