"""The plan as a tagged PDF (PDF/UA-1, WeasyPrint) in the participant's language: objectives,
actions, follow-ups and the agreement record."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from sentier.core import languages
from sentier.plans import selectors
from sentier.plans.models import SupportPlan


def plan_pdf_html(plan: SupportPlan) -> str:
    """The HTML the PDF is made from, in the participant's language."""
    language = plan.participant.preferred_language
    content = selectors.plan_content(plan, with_events=False)
    with translation.override(language):
        return render_to_string(
            "plans/pdf.html",
            {
                "plan": plan,
                "content": content,
                "language": language,
                # ``fr-CA``, ``en-CA``, ``es``, ``ar`` (right to left), ``ht`` (issue 19).
                "html_lang": {"fr-ca": "fr-CA", "en-ca": "en-CA"}.get(language, language),
                "direction": "rtl" if language in languages.RIGHT_TO_LEFT else "ltr",
                "unreviewed": language in languages.PARTICIPANT_ONLY_LANGUAGES,
                "difficulties": [d.name_in(language) for d in content.difficulties],
            },
        )


def plan_pdf(plan: SupportPlan) -> bytes:
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint import HTML

    document = HTML(string=plan_pdf_html(plan)).render()
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf


def filename(plan: SupportPlan) -> str:
    return f"plan-{plan.participant.file_number}.pdf"
