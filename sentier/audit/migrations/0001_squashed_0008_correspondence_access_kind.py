import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from sentier.core.migration_operations import CreateModels, RunSQLOnPostgreSQL


# From 0002_append_only_trigger: on PostgreSQL, the access log refuses UPDATE and DELETE.
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION audit_accesslog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_accesslog is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_accesslog_append_only
    BEFORE UPDATE OR DELETE ON audit_accesslog
    FOR EACH ROW EXECUTE FUNCTION audit_accesslog_append_only();
"""
APPEND_ONLY_DROP = """
DROP TRIGGER IF EXISTS audit_accesslog_append_only ON audit_accesslog;
DROP FUNCTION IF EXISTS audit_accesslog_append_only();
"""

# From 0004_refuse_truncate (its docstring says why a maintenance setting): TRUNCATE too.
REFUSE_TRUNCATE = """
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
REFUSE_TRUNCATE_DROP = """
DROP TRIGGER IF EXISTS audit_accesslog_refuse_truncate ON audit_accesslog;
DROP FUNCTION IF EXISTS audit_accesslog_refuse_truncate();
"""


class Migration(migrations.Migration):
    replaces = [
        ("audit", "0001_initial"),
        ("audit", "0002_append_only_trigger"),
        ("audit", "0003_visitor_without_account"),
        ("audit", "0004_refuse_truncate"),
        ("audit", "0005_access_kind_and_affiliation"),
        ("audit", "0006_access_kinds_from_old_text"),
        ("audit", "0007_staff_list_access_kinds"),
        ("audit", "0008_correspondence_access_kind"),
    ]

    initial = True

    dependencies = [
        ("participants", "0007_claim_event_kinds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        CreateModels(
            operations=[
                migrations.CreateModel(
                    name="AccessLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "accessed_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="when"
                            ),
                        ),
                        (
                            "what",
                            models.CharField(
                                blank=True,
                                max_length=120,
                                verbose_name="what was shown (before kinds)",
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("page", "Web page"),
                                    ("api", "API"),
                                    ("export", "Export"),
                                ],
                                default="page",
                                max_length=10,
                                verbose_name="channel",
                            ),
                        ),
                        (
                            "path",
                            models.CharField(blank=True, max_length=300, verbose_name="address"),
                        ),
                        (
                            "participant",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="access_log",
                                to="participants.participant",
                                verbose_name="whose file",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="who",
                            ),
                        ),
                        (
                            "visitor",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="who (no account)"
                            ),
                        ),
                        (
                            "affiliation",
                            models.CharField(
                                blank=True, max_length=200, verbose_name="organization or office"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("file", "File"),
                                    ("file_edit", "File details, to change them"),
                                    ("change_history", "Change history of the file"),
                                    ("own_file", "File, seen by the person themselves"),
                                    ("caseload", "Caseload"),
                                    ("staff_home", "Staff home page"),
                                    ("identity", "Identity"),
                                    ("application", "Application and automated recommendation"),
                                    ("review_queue", "Applications to review"),
                                    ("eligibility_form", "Eligibility check"),
                                    ("decision", "Eligibility decision"),
                                    ("support_plan_request", "Support plan request"),
                                    ("support_plan_proposal", "Support plan proposal"),
                                    ("support_plan", "Support plan"),
                                    ("support_plan_pdf", "Support plan (PDF)"),
                                    ("service_plan_request", "Service plan request"),
                                    ("service_plan_decision", "Decision on a service plan request"),
                                    ("service_plan", "Service plan"),
                                    ("support_plan_worklist", "Support plan worklist"),
                                    ("service_plans", "Service plans and requests"),
                                    ("regional_network", "Regional support network"),
                                    (
                                        "paas_organization",
                                        "PAAS Action: the organization’s participants",
                                    ),
                                    ("paas_placements", "PAAS Action: caseworker’s list"),
                                    ("paas_placement", "PAAS Action placement"),
                                    ("paas_placement_form", "PAAS Action placement form"),
                                    ("paas_exit_form", "End of a PAAS Action placement"),
                                    ("paas_attendance", "PAAS Action attendance"),
                                    ("paas_claim", "PAAS Action expense claim"),
                                    ("paas_claims", "PAAS Action expense claims"),
                                    (
                                        "paas_claim_receipt",
                                        "Receipt of a PAAS Action expense claim",
                                    ),
                                    ("paas_statement", "PAAS Action monthly statement"),
                                    ("paas_statement_csv", "PAAS Action monthly statement (CSV)"),
                                    ("paas_statement_pdf", "PAAS Action monthly statement (PDF)"),
                                    ("consent", "Consent"),
                                    ("referral", "Referral"),
                                    ("referral_send", "Sending a referral"),
                                    ("referrals_sent", "Referrals sent"),
                                    ("referral_received", "Referral received by the organization"),
                                    ("referral_inbox", "Referrals received"),
                                    ("referral_link", "Referral (signed link)"),
                                    ("referral_fhir", "Referral (FHIR)"),
                                    ("waiting_lists", "Waiting lists"),
                                    ("waiting_list", "Waiting list of a service"),
                                    ("ontario_worklist", "Local office worklist"),
                                    ("ow_application", "Ontario Works application"),
                                    ("common_assessment", "Common assessment"),
                                    ("odsp_queue", "ODSP intake queue"),
                                    ("odsp_application", "ODSP application"),
                                    ("odsp_package", "Disability Determination Package"),
                                    ("odsp_mailing", "The day’s mailing of packages"),
                                    ("correspondence", "Letters, e-mails and calls to the person"),
                                ],
                                default="",
                                max_length=40,
                                verbose_name="what was shown",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "access log entry",
                        "verbose_name_plural": "access log",
                        "ordering": ["-accessed_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["participant", "-accessed_at"],
                                name="audit_acces_partici_999772_idx",
                            )
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("user__isnull", False),
                                    models.Q(("visitor", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="accesslog_someone",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("kind", ""), _negated=True),
                                    models.Q(("what", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="accesslog_says_what",
                            ),
                        ],
                    },
                ),
            ]
        ),
        RunSQLOnPostgreSQL(sql=[APPEND_ONLY], reverse_sql=[APPEND_ONLY_DROP]),
        RunSQLOnPostgreSQL(sql=[REFUSE_TRUNCATE], reverse_sql=[REFUSE_TRUNCATE_DROP]),
    ]
