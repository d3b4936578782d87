"""Give the access-log rows written before kinds the kind their English text names.

Only the new ``kind`` column is filled: ``what`` stays as it was written, so the row still says
what the application said then. A text this list does not know keeps an empty kind and is shown
as written.

The rows are updated, which the append-only trigger of 0002 refuses. This migration runs as the
tables' owner (the only role that migrates, ``docs/security.md``), so on PostgreSQL it turns that
trigger off for its own UPDATE and on again, inside the migration's transaction: the ``ALTER
TABLE`` holds an exclusive lock on the log until the commit, so no other session writes, reads
or changes a row while the trigger is off, and if anything fails the trigger was never off. The
application's role cannot do the same (it owns nothing). The TRUNCATE trigger of 0004 is not
involved.
"""

from collections.abc import Callable

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

# The texts written by the code before kinds, and the kind each one meant.
KINDS = {
    "file": "file",
    "details form": "file_edit",
    "change history": "change_history",
    "own file": "own_file",
    "identity": "identity",
    "application": "application",
    "eligibility form": "eligibility_form",
    "decision": "decision",
    "Support plan request": "support_plan_request",
    "Support plan proposal": "support_plan_proposal",
    "Support plan": "support_plan",
    "Support plan (PDF)": "support_plan_pdf",
    "Service plan request": "service_plan_request",
    "Service plan decision": "service_plan_decision",
    "Service plan": "service_plan",
    "Regional network": "regional_network",
    "PAAS Action list": "paas_organization",
    "PAAS Action attendance": "paas_attendance",
    "PAAS Action placement form": "paas_placement_form",
    "PAAS Action placement": "paas_placement",
    "PAAS Action exit form": "paas_exit_form",
    "PAAS Action claim": "paas_claim",
    "PAAS Action statement": "paas_statement",
    "PAAS Action statement (CSV)": "paas_statement_csv",
    "PAAS Action statement (PDF)": "paas_statement_pdf",
    "Consent": "consent",
    "Referral": "referral",
    "Referral (partner)": "referral_received",
    "referral (FHIR)": "referral_fhir",
    "referral (signed link)": "referral_link",
    "waiting lists": "waiting_lists",
    "waiting list": "waiting_list",
    "ontario_worklist": "ontario_worklist",
    "ow_application": "ow_application",
    "common_assessment": "common_assessment",
    "odsp_queue": "odsp_queue",
    "odsp_application": "odsp_application",
    "odsp_package": "odsp_package",
    "odsp_mailing": "odsp_mailing",
}

TRIGGER = "audit_accesslog_append_only"


def _with_trigger_off(schema_editor: BaseDatabaseSchemaEditor, change: Callable[[], None]) -> None:
    if schema_editor.connection.vendor != "postgresql":
        change()
        return
    table = schema_editor.quote_name("audit_accesslog")
    # Deferred foreign-key checks pending on the table would make ALTER TABLE fail.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    schema_editor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {TRIGGER}")
    change()
    schema_editor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {TRIGGER}")


def forwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    AccessLog = apps.get_model("audit", "AccessLog")
    rows = AccessLog.objects.using(schema_editor.connection.alias).filter(kind="")
    if not rows.exclude(what="").exists():
        return  # a new database: nothing to convert, the trigger is left alone

    # A row that went back through ``backwards`` holds its kind's code as text.
    codes = [code for code, _label in AccessLog._meta.get_field("kind").choices]

    def convert() -> None:
        for text, kind in KINDS.items():
            rows.filter(what=text).update(kind=kind)
        # The partner API's detail wrote "referral", which is also the sender's kind's code.
        rows.filter(what="referral", channel="api").update(kind="referral_received")
        rows.filter(what__in=codes).update(kind=models.F("what"))

    _with_trigger_off(schema_editor, convert)


def backwards(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Before 0005's columns go, rows written since get their kind's code as text, so that no
    row is left saying nothing."""
    AccessLog = apps.get_model("audit", "AccessLog")
    rows = AccessLog.objects.using(schema_editor.connection.alias).filter(what="")
    if not rows.exists():
        return

    def keep() -> None:
        rows.update(what=models.F("kind"))

    _with_trigger_off(schema_editor, keep)


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_access_kind_and_affiliation")]
    operations = [migrations.RunPython(forwards, backwards)]
