"""Access-log rows say what was shown as a code (``kind``) and where the viewer worked
(``affiliation``); ``what`` keeps the English text of the rows written before.

Adding the columns writes no row (PostgreSQL keeps the default in the catalog), so the
append-only triggers have nothing to refuse; 0006 gives the old rows their kinds.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_refuse_truncate"),
    ]

    operations = [
        migrations.AddField(
            model_name="accesslog",
            name="affiliation",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="organization or office"
            ),
        ),
        migrations.AddField(
            model_name="accesslog",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("file", "File"),
                    ("file_edit", "File details, to change them"),
                    ("change_history", "Change history of the file"),
                    ("own_file", "File, seen by the person themselves"),
                    ("caseload", "Caseload"),
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
                    ("regional_network", "Regional support network"),
                    ("paas_organization", "PAAS Action: the organization’s participants"),
                    ("paas_placements", "PAAS Action: caseworker’s list"),
                    ("paas_placement", "PAAS Action placement"),
                    ("paas_placement_form", "PAAS Action placement form"),
                    ("paas_exit_form", "End of a PAAS Action placement"),
                    ("paas_attendance", "PAAS Action attendance"),
                    ("paas_claim", "PAAS Action expense claim"),
                    ("paas_claim_receipt", "Receipt of a PAAS Action expense claim"),
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
                ],
                default="",
                max_length=40,
                verbose_name="what was shown",
            ),
        ),
        migrations.AlterField(
            model_name="accesslog",
            name="what",
            field=models.CharField(
                blank=True, max_length=120, verbose_name="what was shown (before kinds)"
            ),
        ),
        migrations.AddConstraint(
            model_name="accesslog",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", ""), _negated=True),
                    models.Q(("what", ""), _negated=True),
                    _connector="OR",
                ),
                name="accesslog_says_what",
            ),
        ),
    ]
