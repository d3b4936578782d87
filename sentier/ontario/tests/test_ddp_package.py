"""The Disability Determination Package: a cover letter and the forms' content, the applicant's
part pre-filled from the file, in the applicant's language, with the return date, a running
header (file number, page X of Y) and a return page with the unit's configured address."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sentier.core.formatting import long_date
from sentier.ontario import actions
from sentier.ontario.models import DeterminationPackage, ODSPApplication
from sentier.ontario.package import (
    RETURN_DAYS,
    determination_package_pdf,
    package_document,
    package_html,
    rendered_text,
)
from sentier.ontario.tests.helpers import odsp_of, send_application

HEADINGS = [
    "Disability Determination Package for %(name)s",
    "Health Status and Activities of Daily Living Report",
    "Diagnosis",
    "Conditions and their history",
    "Impairments",
    "Medications and treatments",
    "Restrictions in activities of daily living",
    "Health care professional",
    "Activities of Daily Living Index",
    "Self Report (optional)",
    "Consent to the Release of Medical Information",
    "Sending your package back",
]


def confirmed(ontario: dict[str, Any], identity: dict[str, Any] | None = None) -> ODSPApplication:
    odsp = odsp_of(send_application(Client(), program="ODSP", identity=identity or {}))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    odsp.refresh_from_db()
    return odsp


def pdf_pages_text(odsp: ODSPApplication, at: dt.datetime) -> list[str]:
    """The text of each page of the PDF: with pypdf when installed, else the text WeasyPrint
    laid out on each page (what it writes into the PDF)."""
    try:
        from pypdf import PdfReader  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return rendered_text(package_document(odsp, at=at))
    import io

    reader = PdfReader(io.BytesIO(determination_package_pdf(odsp, at=at)))
    return [page.extract_text() for page in reader.pages]


def expected_texts(odsp: ODSPApplication, at: dt.datetime) -> list[str]:
    participant = odsp.participant
    language = participant.preferred_language
    return_by = timezone.localdate(at) + dt.timedelta(days=RETURN_DAYS)
    with translation.override(language):
        headings = [_(h) % {"name": participant.full_name} if "%" in h else _(h) for h in HEADINGS]
    return [
        participant.full_name,
        participant.file_number,
        long_date(participant.birth_date, language) if participant.birth_date else "",
        long_date(return_by, language),
        *headings,
    ]


def test_an_english_package_has_every_part_pre_filled_and_the_return_date(
    ontario: dict[str, Any],
) -> None:
    odsp = confirmed(ontario)
    assert odsp.confirmed_at is not None
    pages = pdf_pages_text(odsp, odsp.confirmed_at)
    text = " ".join(" ".join(page.split()) for page in pages)
    for expected in expected_texts(odsp, odsp.confirmed_at):
        assert expected in text, expected
    assert "February" in long_date(dt.date(2027, 2, 1), "en-ca")  # an English date
    # The applicant's part, from the file.
    for value in ("100 Queen St W", "Toronto", "M5H 2N2", "416 555-0142", "English"):
        assert value in text
    # Said plainly: the forms' content prepared for the applicant, not the Ministry's forms.
    assert "prepared for you from your file" in text
    assert "optional" in text.lower()
    # Running header on every page: the file number and "page X of Y".
    number = odsp.participant.file_number
    for index, page in enumerate(pages, start=1):
        assert number in page
        assert f"Page {index} of {len(pages)}" in page
    assert len(pages) >= 6  # a cover letter, then each form on its own page(s)


def test_a_french_speaking_applicant_gets_every_part_in_french(ontario: dict[str, Any]) -> None:
    odsp = confirmed(ontario, identity={"preferred_language": "fr-ca", "first_name": "Hélène"})
    assert odsp.confirmed_at is not None
    html = package_html(odsp, at=odsp.confirmed_at)
    assert 'lang="fr-CA"' in html
    text = " ".join(" ".join(p.split()) for p in pdf_pages_text(odsp, odsp.confirmed_at))
    for expected in expected_texts(odsp, odsp.confirmed_at):
        expected = " ".join(expected.split())  # the page's text has its spaces (NBSP too) made one
        assert expected in text, expected
    # French dates whatever the catalog's progress (Babel's): the return date in 90 days.
    return_by = timezone.localdate(odsp.confirmed_at) + dt.timedelta(days=RETURN_DAYS)
    assert long_date(return_by, "fr-ca") in text
    assert long_date(return_by, "fr-ca") != long_date(return_by, "en-ca")


def test_the_return_page_has_the_configured_address_and_the_reference(
    ontario: dict[str, Any], settings: Any
) -> None:
    settings.SENTIER_ODSP_RETURN_ADDRESS = ["ODSP Intake Unit", "PO Box 1234", "Sudbury ON"]
    odsp = confirmed(ontario)
    assert odsp.confirmed_at is not None
    last = " ".join(pdf_pages_text(odsp, odsp.confirmed_at)[-1].split())
    assert "Sending your package back" in last
    for line in ("ODSP Intake Unit", "PO Box 1234", "Sudbury ON", odsp.participant.file_number):
        assert line in last


def test_the_stored_package_is_a_tagged_pdf(ontario: dict[str, Any]) -> None:
    odsp = confirmed(ontario)
    pdf = bytes(DeterminationPackage.objects.get(odsp_application=odsp).pdf)
    assert pdf.startswith(b"%PDF-")
    inflated = pdf_inflated(pdf)
    assert b"/StructTreeRoot" in inflated  # tagged
    assert b"pdfuaid" in inflated  # declared PDF/UA-1


def pdf_inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (to read its catalog and metadata)."""
    import re
    import zlib

    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


@pytest.mark.parametrize("language", ["en-ca", "fr-ca"])
def test_the_html_names_its_language_and_has_ordered_headings(
    ontario: dict[str, Any], language: str
) -> None:
    odsp = odsp_of(
        send_application(Client(), program="ODSP", identity={"preferred_language": language})
    )
    html = package_html(odsp, at=timezone.now())
    assert html.count("<h1") == 1
    assert html.index("<h1") < html.index("<h2") < html.index("<h3")
    assert html.count('class="part"') == 5
