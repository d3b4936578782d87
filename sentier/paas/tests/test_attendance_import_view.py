"""CSV import of attendance: a dry run with a result per row, then the import."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from sentier.paas import selectors
from sentier.paas.models import AttendanceEntry
from sentier.paas.tests.placement_helpers import grant, laval_file, opex, placed, sorif, start_date

pytestmark = pytest.mark.django_db


def url() -> str:
    with translation.override("en-ca"):
        return reverse("paas:attendance_import")


@pytest.fixture
def placements(personas: Any, laval_participant: Any) -> list[Any]:
    grant(personas, opex(personas), "13", places=3)
    grant(personas, sorif(personas), "06", places=1)
    return [
        placed(personas, laval_participant, opex(personas)),
        placed(personas, laval_file(personas, "Marc"), opex(personas)),
    ]


def csv_file(placements: list[Any], extra: str = "") -> SimpleUploadedFile:
    week = start_date().isoformat()
    later = (start_date() + dt.timedelta(weeks=1)).isoformat()
    before = (start_date() - dt.timedelta(weeks=1)).isoformat()
    text = (
        "file_number,week_start,hours\n"
        f"{placements[0].participant.file_number},{week},6\n"
        f"{placements[1].uuid},{week},7.5\n"
        f"{placements[0].participant.file_number},{later},21\n"
        f"{placements[1].participant.file_number},{before},4\n"
        f"{placements[1].participant.file_number},{later},-2\n"
        f"{placements[1].participant.file_number},{later},beaucoup\n"
        f"9999-000000,{week},3\n" + extra
    )
    return SimpleUploadedFile("presences.csv", text.encode(), content_type="text/csv")


def test_dry_run_shows_each_row_and_saves_nothing(client_for: Any, placements: list[Any]) -> None:
    response = client_for("partner_opex").post(
        url(), {"file": csv_file(placements), "step": "check"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 lines accepted" in page
    assert "5 lines refused" in page
    assert "At most 20 hours a week can be recorded (21 given)." in page
    assert "is outside the placement" in page
    assert "Hours cannot be negative." in page
    assert "“beaucoup” is not a number of hours." in page
    assert (
        "No placement of your organization has the file number or identifier “9999-000000”." in page
    )
    assert "Import the 2 accepted lines" in page
    assert not AttendanceEntry.objects.exists()


def test_import_records_the_accepted_rows_only(client_for: Any, placements: list[Any]) -> None:
    client = client_for("partner_opex")
    checked = client.post(url(), {"file": csv_file(placements), "step": "check"})
    content = checked.context["content"]
    response = client.post(url(), {"content": content, "step": "import"})
    assert response.status_code == 200
    assert "2 rows imported." in response.content.decode()
    assert selectors.hours_of_week(placements[0], start_date()) == Decimal(6)
    assert selectors.hours_of_week(placements[1], start_date()) == Decimal("7.5")
    assert AttendanceEntry.objects.count() == 2


def test_importing_again_keeps_the_entries_and_a_new_figure_is_a_correction(
    client_for: Any, placements: list[Any]
) -> None:
    client = client_for("partner_opex")
    week = start_date().isoformat()
    first = f"file_number,week_start,hours\n{placements[0].participant.file_number},{week},6\n"
    client.post(url(), {"content": first, "step": "import"})
    client.post(url(), {"content": first, "step": "import"})
    assert AttendanceEntry.objects.count() == 1
    client.post(url(), {"content": first.replace(",6\n", ",5\n"), "step": "import"})
    entries = list(AttendanceEntry.objects.order_by("id"))
    assert [e.hours for e in entries] == [Decimal(6), Decimal(5)]
    assert entries[1].corrects == entries[0]


def test_another_organizations_rows_look_unknown(client_for: Any, placements: list[Any]) -> None:
    response = client_for("partner_sorif").post(
        url(), {"file": csv_file(placements), "step": "check"}
    )
    assert "0 lines accepted" in response.content.decode()
    client_for("partner_sorif").post(
        url(), {"content": csv_file(placements).read().decode(), "step": "import"}
    )
    assert not AttendanceEntry.objects.exists()


def test_no_file_is_refused(client_for: Any) -> None:
    response = client_for("partner_opex").post(url(), {"step": "check"})
    assert response.status_code == 400
    assert "Choose a CSV file." in response.content.decode()


def test_semicolon_files_from_spreadsheets_are_read(client_for: Any, placements: list[Any]) -> None:
    week = start_date().isoformat()
    content = f"file_number;week_start;hours\n{placements[0].participant.file_number};{week};6,5\n"
    client_for("partner_opex").post(url(), {"content": content, "step": "import"})
    assert selectors.hours_of_week(placements[0], start_date()) == Decimal("6.5")


@pytest.mark.parametrize("week", ["0001-01-01", "9999-12-27", "0001-01-03"])
def test_a_far_week_in_the_file_is_a_refused_line(
    client_for: Any, placements: list[Any], week: str
) -> None:
    text = f"file_number,week_start,hours\n{placements[0].participant.file_number},{week},6\n"
    upload = SimpleUploadedFile("presences.csv", text.encode(), content_type="text/csv")
    response = client_for("partner_opex").post(url(), {"file": upload, "step": "check"})
    assert response.status_code == 200
    assert (response.context["accepted"], response.context["refused"]) == (0, 1)
    assert not AttendanceEntry.objects.exists()
