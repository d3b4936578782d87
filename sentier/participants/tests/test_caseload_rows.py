"""The caseload rows drawn in Python (``sentier.participants.caseload_rows``) are character for
character what ``participants/_caseload_rows.html`` gives, in French and English: every status,
a caseworker or none, an interpreter or none, awkward characters."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.participants.caseload_rows import _loads_rows_file, rows_html
from sentier.participants.models import FileStatus, Participant
from sentier.reference.models import Program, Region

pytestmark = pytest.mark.django_db


def rows() -> list[tuple[Participant, str]]:
    region, program = Region.objects.order_by("code").first(), Program.objects.first()
    assert region is not None
    assert program is not None
    worker = Participant.objects.exclude(caseworker=None).first()
    assert worker is not None

    def row(**fields: Any) -> tuple[Participant, str]:
        values: dict[str, Any] = {
            "first_name": "Amara",
            "last_name": "Okafor",
            "file_number": "L-000123",
            "region": region,
            "program": program,
            "status": FileStatus.ACTIVE,
            "preferred_language": "fr",
            "caseworker": worker.caseworker,
            **fields,
        }
        participant = Participant(**values)
        return participant, f"/fr-ca/participants/{participant.uuid}/"

    found = [row(status=status) for status in FileStatus.values]
    found += [
        row(caseworker=None),
        row(interpreter_language="ar"),
        row(preferred_language="en", interpreter_language="es"),
        row(first_name='Zoë <b>"&', last_name="O'Brien & fils", file_number="<1>"),
        row(status="unknown"),
    ]
    return found


def test_the_rows_template_is_the_file_python_copies() -> None:
    assert _loads_rows_file()


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_the_rows_drawn_in_python_are_the_templates(language: str) -> None:
    every = rows()
    with translation.override(language):
        drawn = rows_html(every, drawn=True)
        assert drawn == rows_html(every, drawn=False)
        assert rows_html([], drawn=True) == rows_html([], drawn=False) == ""
    assert drawn.count("<tr>") == len(every)
    assert "O&#x27;Brien &amp; fils" in drawn
    assert "—</td></tr>" in drawn  # the file with no caseworker


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_the_caseload_page_shows_the_rows(client_for: Any, language: str) -> None:
    with translation.override(language):
        response = client_for("caseworker_laval").get(
            reverse("participants:caseload") + "?scope=all"
        )
        page = response.content.decode()
        assert response.context["rows"]
        assert rows_html(response.context["rows"], drawn=False) in page
