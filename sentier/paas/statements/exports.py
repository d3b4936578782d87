"""A statement's exports, in the organization's working language: CSV and tagged PDF."""

from __future__ import annotations

import csv
import io

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from sentier.core.spreadsheets import safe_row
from sentier.paas.models import (
    Statement,
    StatementLine,
)
from sentier.paas.statements.computation import LINE_LABELS, statement_totals
from sentier.paas.statements.selectors import list_lines


def line_label(line: StatementLine) -> str:
    return str(LINE_LABELS[line.kind])


def statement_csv(statement: Statement) -> str:
    """The statement as CSV in the organization's language (French: ``;`` and decimal comma)."""
    language = statement.organization.language
    lines = list(list_lines(statement))
    totals = statement_totals(lines)
    french = language.startswith("fr")
    delimiter = ";" if french else ","

    def amount(cents: int) -> str:
        sign = "-" if cents < 0 else ""
        text = f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"
        return text.replace(".", ",") if french else text

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    with translation.override(language):
        writer.writerow(
            [
                _("Organization"),
                _("Statement month"),
                _("Line"),
                _("For the month of"),
                _("File number"),
                _("Participant"),
                _("Description"),
                _("Amount ($)"),
            ]
        )
        for line in lines:
            participant = line.placement.participant if line.placement else None
            writer.writerow(
                safe_row(
                    [
                        statement.organization.name,
                        f"{statement.month:%Y-%m}",
                        line_label(line),
                        f"{line.for_month:%Y-%m}" if line.for_month else "",
                        participant.file_number if participant else "",
                        participant.full_name if participant else "",
                        line.description,
                        amount(line.amount_cents),
                    ]
                )
            )
        for label, cents in (
            (_("Total of allowances and reimbursements"), totals.participants),
            (_("Total payment to the organization"), totals.organization_payment),
            (_("Total of adjustments"), totals.adjustments),
            (_("Total"), totals.total),
        ):
            writer.writerow(
                safe_row(
                    [statement.organization.name, f"{statement.month:%Y-%m}", label]
                    + [""] * 4
                    + [amount(cents)]
                )
            )
    return "\ufeff" + out.getvalue()


def statement_pdf_html(statement: Statement) -> str:
    """The HTML the PDF is made from, in the organization's language."""
    language = statement.organization.language
    lines = list(list_lines(statement))
    with translation.override(language):
        return render_to_string(
            "paas/statements/pdf.html",
            {
                "statement": statement,
                "lines": lines,
                "totals": statement_totals(lines),
                "language": language,
            },
        )


def statement_pdf(statement: Statement) -> bytes:
    """The statement as a tagged PDF (PDF/UA-1) in the organization's language (WeasyPrint)."""
    # Lazy: weasyprint takes ~1.3 s to import and only PDF output needs it.
    from weasyprint import HTML

    document = HTML(string=statement_pdf_html(statement)).render()
    pdf: bytes = document.write_pdf(pdf_variant="pdf/ua-1")
    return pdf
