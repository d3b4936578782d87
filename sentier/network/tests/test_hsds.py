"""HSDS 3.1 datapackage: export, validation against the schemas, import and round trip."""

from __future__ import annotations

import csv
import json
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sentier.network.hsds.common import TABLES
from sentier.network.hsds.export import export_datapackage
from sentier.network.hsds.importing import import_datapackage
from sentier.network.hsds.validation import validate_datapackage
from sentier.network.models import CapacityUpdate, Service

pytestmark = pytest.mark.django_db


def _files(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def _rewrite(folder: Path, table: str, change: dict[str, str], row: int = 0) -> None:
    path = folder / f"{table}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row].update(change)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)


def test_the_export_is_a_valid_hsds_datapackage(tmp_path: Path) -> None:
    counts = export_datapackage(tmp_path)

    assert counts["organization"] == 49
    assert counts["service"] == Service.objects.count()
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == list(TABLES)
    assert descriptor["hsds_version"] == "3.1"
    _tables, problems = validate_datapackage(tmp_path)
    assert problems == []


def test_export_then_import_gives_the_same(tmp_path: Path) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    Service.objects.filter(organization__slug="sorif", kind="budget").update(province_wide=True)
    export_datapackage(first)
    # Change things, lose the services entirely: the import brings them back as they were.
    Service.objects.filter(organization__slug="sorif").update(
        name="Renamed", status="inactive", province_wide=False
    )
    Service.objects.filter(organization__slug="opex").delete()

    result = import_datapackage(first)

    assert result.ok
    assert result.created["service"] == 2
    export_datapackage(second)
    assert _files(second) == _files(first)


def test_importing_the_same_package_again_changes_nothing(tmp_path: Path) -> None:
    export_datapackage(tmp_path)
    logs = CapacityUpdate.objects.count()

    result = import_datapackage(tmp_path)

    assert result.ok
    assert dict(result.created) == {}
    assert dict(result.updated) == {}
    assert CapacityUpdate.objects.count() == logs


def test_a_dry_run_changes_nothing_but_says_what_would(tmp_path: Path) -> None:
    export_datapackage(tmp_path)
    Service.objects.filter(organization__slug="opex").delete()
    before = Service.objects.count()

    result = import_datapackage(tmp_path, dry_run=True)

    assert result.ok
    assert result.created["service"] == 2
    assert Service.objects.count() == before


def test_schema_errors_are_reported_and_nothing_is_written(tmp_path: Path) -> None:
    export_datapackage(tmp_path)
    _rewrite(tmp_path, "service", {"status": "open-ish", "name": "Changed"})
    _rewrite(tmp_path, "service", {"id": "not-a-uuid"}, row=1)
    _rewrite(tmp_path, "organization", {"name": ""})
    _rewrite(tmp_path, "service_capacity", {"available": "many"})
    names = set(Service.objects.values_list("name", flat=True))

    result = import_datapackage(tmp_path)

    found = {(p.table, p.row, p.column) for p in result.problems}
    assert ("service", 1, "status") in found
    assert ("service", 2, "id") in found
    assert ("organization", 1, "name") in found
    assert ("service_capacity", 1, "available") in found
    assert set(Service.objects.values_list("name", flat=True)) == names
    status = next(p for p in result.problems if p.column == "status")
    assert "active" in status.message


def test_links_to_missing_rows_are_reported(tmp_path: Path) -> None:
    export_datapackage(tmp_path)
    _rewrite(tmp_path, "service", {"organization_id": "00000000-0000-4000-8000-000000000000"})

    result = import_datapackage(tmp_path)

    assert [(p.table, p.column) for p in result.problems] == [("service", "organization_id")]


def test_the_commands_export_and_import_a_zip(tmp_path: Path) -> None:
    target = tmp_path / "directory.zip"
    out = StringIO()

    call_command("hsds_export", str(target), stdout=out)
    call_command("hsds_import", str(target), "--dry-run", stdout=out)

    assert "datapackage.json" in zipfile.ZipFile(target).namelist()
    assert "service: " in out.getvalue()


def test_the_import_command_fails_on_problems(tmp_path: Path) -> None:
    export_datapackage(tmp_path)
    _rewrite(tmp_path, "service", {"status": "nope"})
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("hsds_import", str(tmp_path), stdout=StringIO(), stderr=err)

    assert "service" in err.getvalue()
    assert "status" in err.getvalue()


def test_administrators_download_the_datapackage(client_for: object) -> None:
    response = client_for("admin").get("/fr-ca/directory/export/hsds.zip")  # type: ignore[operator]

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(__import__("io").BytesIO(response.content))
    assert {"datapackage.json", "service.csv", "service_capacity.csv"} <= set(archive.namelist())


@pytest.mark.parametrize("who", ["partner_sorif", "participant", "caseworker_laval"])
def test_others_cannot_download_it(client_for: object, who: str) -> None:
    response = client_for(who).get("/fr-ca/directory/export/hsds.zip")  # type: ignore[operator]
    assert response.status_code == 403


def test_text_that_would_run_as_a_formula_is_written_as_text_and_read_back(
    tmp_path: Path,
) -> None:
    formula = '=HYPERLINK("https://evil.example","OPEX")'
    Service.objects.filter(organization__slug="opex").update(description=formula)
    export_datapackage(tmp_path)
    rows = list(csv.DictReader((tmp_path / "service.csv").open(encoding="utf-8")))
    written = {row["description"] for row in rows if row["description"].endswith('"OPEX")')}
    assert written == {"'" + formula}
    Service.objects.filter(organization__slug="opex").update(description="changed")

    assert import_datapackage(tmp_path).ok

    assert set(
        Service.objects.filter(organization__slug="opex").values_list("description", flat=True)
    ) == {formula}
