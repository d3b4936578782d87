"""The Disability Determination Package (DDP) as a tagged PDF in the applicant's language.

Generated automatically once the ODSP intake unit confirms financial eligibility, then mailed
(004 Q13). The forms themselves are the Ministry's; this is the cover letter and checklist that
goes with them, addressed to the applicant. The applicant has 90 days to return it (ODSP Policy
Directive 1.2).
"""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone, translation

from sentier.ontario.models import ODSPApplication

RETURN_DAYS = 90  # ODSP Policy Directive 1.2 (September 2023)


def package_html(odsp: ODSPApplication, *, at: dt.datetime) -> str:
    participant = odsp.participant
    language = participant.preferred_language
    with translation.override(language):
        return render_to_string(
            "ontario/ddp_pdf.html",
            {
                "participant": participant,
                "odsp": odsp,
                "language": language,
                "generated_on": timezone.localdate(at),
                "return_by": timezone.localdate(at) + dt.timedelta(days=RETURN_DAYS),
                "return_days": RETURN_DAYS,
            },
        )


def determination_package_pdf(odsp: ODSPApplication, *, at: dt.datetime) -> bytes:
    """The package as PDF/UA-1 (tagged) with WeasyPrint."""
    from weasyprint import HTML

    document = HTML(string=package_html(odsp, at=at)).render()
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf
