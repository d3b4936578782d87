"""On PostgreSQL, refuse TRUNCATE of the access log too, unless the session says it is maintenance.

The row trigger of 0002 refuses UPDATE and DELETE, but TRUNCATE fires no row trigger: it needs a
statement trigger of its own, which this migration adds (``BEFORE TRUNCATE … FOR EACH STATEMENT``;
it also fires when the log would be emptied by a ``TRUNCATE … CASCADE`` of another table).

Why a maintenance setting, and why that is sound:

- Something legitimate does truncate the log: emptying a test database. pytest-django's
  transactional tests end with ``manage.py flush``, which on PostgreSQL is one ``TRUNCATE`` of
  every table. So the trigger lets a TRUNCATE through when the session has set
  ``sentier.audit_maintenance = 'on'`` (an explicit, named, custom setting that nothing sets by
  accident; the test suite sets it on its own test database only, see ``conftest.py``). An
  operator who really means to empty a database does the same, as its owner:
  ``PGOPTIONS='-c sentier.audit_maintenance=on' manage.py flush``.
- Any role may set a custom setting, so for the role that owns the table the trigger is a guard
  against mistakes, not a wall: the owner can also disable or drop any trigger. The wall is the
  two-role setup (``manage.py grant_app_role``, ``docs/security.md``): the application runs as a
  role that owns nothing and holds only SELECT and INSERT on the access log and the history
  tables. That role cannot TRUNCATE (no privilege), nor ``ALTER TABLE … DISABLE TRIGGER`` or
  ``DROP TRIGGER`` (not the owner), whatever it sets. The maintenance setting changes nothing for
  it.

On SQLite there is no TRUNCATE and no roles; the model's own refusals are what there is.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CREATE = """
CREATE OR REPLACE FUNCTION audit_accesslog_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('sentier.audit_maintenance', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'audit_accesslog is append-only: TRUNCATE is refused'
        USING HINT = 'Only for maintenance, as the owner: SET sentier.audit_maintenance = ''on''.';
END;
$$ LANGUAGE plpgsql SET search_path = pg_catalog;
CREATE TRIGGER audit_accesslog_refuse_truncate
    BEFORE TRUNCATE ON audit_accesslog
    FOR EACH STATEMENT EXECUTE FUNCTION audit_accesslog_refuse_truncate();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_accesslog_refuse_truncate ON audit_accesslog;
DROP FUNCTION IF EXISTS audit_accesslog_refuse_truncate();
"""


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_visitor_without_account")]
    operations = [migrations.RunPython(forwards, backwards)]
