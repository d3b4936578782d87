"""The dashboard and its exports: who sees what (analysts everything aggregated, coordinators their
region, others nothing), every look logged, and no output anywhere with a cell under the
threshold (issue 17, "Tests prove that no output anywhere shows a cell under the threshold")."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from sentier.insights.disclosure import THRESHOLD, Cell
from sentier.insights.exports import neutralise, write_csv, write_xlsx
from sentier.insights.milestones import Kind, Scope, load_milestones
from sentier.insights.models import DashboardView
from sentier.insights.report import Report, build_report, scope_for_user
from sentier.insights.tests.journeys import load_journeys
from sentier.intake.models import Application, ApplicationStatus

pytestmark = pytest.mark.django_db

URL = "/fr-ca/insights/"


@pytest.fixture
def journeys(personas: dict[str, Any]) -> None:
    load_journeys()


def check_cells(unit: str, cells: Iterable[Cell]) -> None:
    """No shown count under the threshold: counts, numerators, denominators and complements."""
    for cell in cells:
        if cell.suppressed:
            assert (cell.value, cell.numerator, cell.denominator) == (None, None, None)
            continue
        if unit == "count":
            assert cell.value is not None
            assert cell.value >= THRESHOLD, cell
        for count in (cell.numerator, cell.denominator):
            assert count is None or count >= THRESHOLD, cell
        if unit == "rate" and cell.numerator is not None and cell.denominator is not None:
            assert cell.denominator - cell.numerator >= THRESHOLD, cell
        if unit == "median_days":
            assert cell.denominator is not None
            assert cell.denominator >= THRESHOLD, cell


def check_report(report: Report) -> None:
    for result in report.results:
        check_cells(result.definition.unit, result.cells)


def check_rows(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        unit = row["unit"]
        if not unit:  # what the files do not hold: words only
            continue
        value = row["value"]
        suppressed = row["suppressed"] == "yes"
        numbers = {
            k: (None if row[k] in ("", None) else float(row[k]))
            for k in ("value", "numerator", "denominator")
        }
        if suppressed:
            assert numbers == {"value": None, "numerator": None, "denominator": None}
            continue
        assert value not in ("", None)
        if unit == "count":
            assert numbers["value"] is not None
            assert numbers["value"] >= THRESHOLD, row
        for key in ("numerator", "denominator"):
            number = numbers[key]
            assert number is None or number >= THRESHOLD, row


def test_analyst_sees_every_region_aggregated_with_no_name_and_it_is_logged(
    journeys: None, client_for: Any, personas: dict[str, Any]
) -> None:
    before = DashboardView.objects.count()
    response = client_for("analyst").get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "02, 08, 11, 13, 15" in page  # the pilot regions
    assert "Démo 1" not in page  # no name
    assert "/participants/" not in page  # no link to a file
    assert "data-suppressed" in page  # some cells are suppressed, and say so
    assert page.count("data-indicator=") == page.count('class="sentier-small"><strong>')
    view = DashboardView.objects.latest("id")
    assert DashboardView.objects.count() == before + 1
    assert (view.user, view.channel, view.regions) == (personas["analyst"], "page", "")


def test_coordinator_sees_only_their_region(journeys: None, client_for: Any) -> None:
    client = client_for("coordinator")
    page = client.get(URL).content.decode()
    assert "Laval" in page  # their region, named
    assert "02, 08, 11, 13, 15" not in page  # no comparison across regions
    assert 'value="region"' not in page  # no breakdown by region offered
    # Asking for a breakdown by region gives their own region only.
    exported = client.get("/fr-ca/insights/export.csv?view=region").content.decode()
    regions = {row["region"] for row in csv.DictReader(io.StringIO(exported)) if "region" in row}
    assert regions <= {"", "13", "*"}
    view = DashboardView.objects.latest("id")
    assert (view.channel, view.regions) == ("csv", "13")


@pytest.mark.parametrize("persona", ["caseworker_laval", "partner_opex", "participant"])
def test_others_cannot_read_the_indicators_and_nothing_is_logged(
    journeys: None, client_for: Any, persona: str
) -> None:
    before = DashboardView.objects.count()
    for address in (URL, "/fr-ca/insights/export.csv", "/fr-ca/insights/export.xlsx"):
        assert client_for(persona).get(address).status_code == 403
    assert DashboardView.objects.count() == before


def test_a_bad_period_is_a_field_error_not_a_500(journeys: None, client_for: Any) -> None:
    response = client_for("analyst").get(URL + "?start=2026-05-01&end=2026-01-01")
    assert response.status_code == 200
    assert response.context["form"].errors["end"]
    response = client_for("analyst").get(URL + "?start=1800-01-01&end=2026-13-45")
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"start", "end"}


def test_no_output_shows_a_cell_under_the_threshold(
    journeys: None, client_for: Any, personas: dict[str, Any], tmp_path: Any
) -> None:
    """Page, CSV, XLSX and command line, over several breakdowns."""
    analyst = client_for("analyst")
    coordinator = client_for("coordinator")
    for view in ("area,month", "region", "month", "program", "channel", "age_band", "language"):
        for client, who in ((analyst, "analyst"), (coordinator, "coordinator")):
            scope = scope_for_user(personas[who])
            query = f"?view={view}"
            # The page: built from the report's cells, whose every cell is checked …
            response = client.get(URL + query)
            assert response.status_code == 200
            by = tuple(view.split(",")) if who == "analyst" or "region" not in view else ()
            if who == "analyst" or view not in ("area,month", "area", "region"):
                check_report(build_report(scope, by=by))
            # … and the numbers of its count tables, as shown.
            check_page_counts(response.content.decode())
            rows = list(
                csv.DictReader(
                    io.StringIO(client.get("/fr-ca/insights/export.csv" + query).content.decode())
                )
            )
            assert rows
            check_rows(rows)
            book = load_workbook(
                io.BytesIO(client.get("/fr-ca/insights/export.xlsx" + query).content)
            )
            for sheet in book.worksheets[2:]:
                lines = list(sheet.iter_rows(values_only=True))
                head = [str(h) for h in lines[0]]
                check_rows(
                    [
                        dict(zip(head, line, strict=True))
                        | {"suppressed": line[head.index("suppressed")]}
                        for line in lines[1:]
                    ]
                )
    for breakdown in ("", "region,month", "program", "channel,month", "age_band"):
        out = io.StringIO()
        call_command("indicators", "--format", "json", "--by", breakdown, stdout=out)
        data = json.loads(out.getvalue())
        for indicator in data["indicators"]:
            check_cells(indicator["unit"], [Cell(**cell) for cell in indicator["cells"]])


def check_page_counts(page: str) -> None:
    """Every number in a count table of the page is at least the threshold."""
    for table in re.findall(
        r'<table class="sentier-table" data-indicator="([^"]+)">(.*?)</table>', page, re.S
    ):
        indicator, body = table
        from sentier.insights.catalogue import definition

        if definition(indicator).unit != "count":
            continue
        for text in re.findall(r'<td class="sentier-number">([^<]*)</td>', body):
            number = int(re.sub(r"\D", "", text))
            assert number >= THRESHOLD, (indicator, text)


def test_exports_state_the_catalogue_version_and_definitions(
    journeys: None, client_for: Any
) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(client_for("analyst").get("/fr-ca/insights/export.csv").content.decode())
        )
    )
    assert {row["catalogue_version"] for row in rows} == {build_report(Scope()).catalogue_version}
    assert all(row["definition"] for row in rows if row["unit"])
    assert any(row["note"] for row in rows)  # what the files do not hold
    book = load_workbook(
        io.BytesIO(client_for("analyst").get("/fr-ca/insights/export.xlsx").content)
    )
    assert book.sheetnames[:2] == ["About", "Definitions"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row and row[0]}
    assert about["catalogue_version"] == build_report(Scope()).catalogue_version


def test_one_table_can_be_exported_alone(journeys: None, client_for: Any) -> None:
    response = client_for("analyst").get("/fr-ca/insights/export.csv?indicator=referrals_sent")
    rows = [row for row in csv.DictReader(io.StringIO(response.content.decode())) if row["unit"]]
    assert {row["indicator"] for row in rows} == {"referrals_sent"}
    assert "referrals_sent" in response["Content-Disposition"]


@pytest.mark.parametrize("text", ["=1+1", "+33", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("13 Laval") == "13 Laval"
    assert neutralise(-2) == -2


def test_a_formula_in_a_label_never_reaches_a_spreadsheet(
    journeys: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = build_report(Scope(), by=("channel",), indicators=["applications_sent"])
    from dataclasses import replace

    from sentier.insights.catalogue import Text
    from sentier.insights.indicators import Result

    evil = replace(report.results[0].definition, label=Text("=HYPERLINK(1)", "=HYPERLINK(1)"))
    report = replace(report, results=[Result(evil, report.results[0].by, report.results[0].cells)])
    assert "'=HYPERLINK(1)" in write_csv(report)
    book = load_workbook(io.BytesIO(write_xlsx(report)))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"


def test_milestones_are_derived_from_the_rows(journeys: None) -> None:
    sent = load_milestones(Scope(), kinds=[Kind.APPLICATION_SENT])
    assert len(sent) == Application.objects.filter(status=ApplicationStatus.SUBMITTED).count()
    laval = load_milestones(Scope(regions=frozenset({"13"})), kinds=[Kind.APPLICATION_SENT])
    assert laval
    assert {m.dims["region"] for m in laval} == {"13"}
    assert {m.dims["area"] for m in laval} == {"pilot"}


def test_the_command_line_contract(journeys: None) -> None:
    out = io.StringIO()
    call_command("indicators", "--from", "2025-10-01", "--by", "region,month", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) >= {"catalog_version", "threshold", "indicators", "pilots"}
    assert data["threshold"] == THRESHOLD
    assert isinstance(data["pilots"], list)
    first = data["indicators"][0]
    assert set(first) >= {"id", "label", "definition", "unit", "cells"}
    assert set(first["label"]) == {"fr", "en"}
    assert first["unit"] in {"count", "rate", "median_days"}
    cell = first["cells"][0]
    assert set(cell) == {"group", "value", "numerator", "denominator", "suppressed"}
    suppressed = [c for i in data["indicators"] for c in i["cells"] if c["suppressed"]]
    assert suppressed
    assert all(c["value"] is None for c in suppressed)
    assert DashboardView.objects.latest("id").channel == "cli"


def test_the_command_line_writes_csv_and_xlsx(journeys: None, tmp_path: Any) -> None:
    out = io.StringIO()
    call_command("indicators", "--format", "csv", "--by", "month", stdout=out)
    assert out.getvalue().startswith("catalogue_version,indicator")
    target = tmp_path / "indicators.xlsx"
    call_command("indicators", "--format", "xlsx", "--output", str(target))
    assert load_workbook(target).sheetnames[0] == "About"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "2026-13-01"], "2026-13-01"),
        (["--to", "not a date"], "not a date"),
        (["--from", "1999-01-01"], "2020-01-01"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "--from"),
        (["--by", "region,colour"], "colour"),
        (["--by", "sex"], "sex"),
        (["--by", "month,month"], ""),
    ],
)
def test_bad_arguments_exit_with_code_2(arguments: list[str], message: str) -> None:
    before = DashboardView.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("indicators", *arguments, stdout=io.StringIO())
    assert refused.value.returncode == 2
    assert message in str(refused.value)
    assert DashboardView.objects.count() == before
