"""The statistics page's figures: one pass over the files, kept for a while, and right (they
match a count of the table, group by group)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sentier.participants.actions import open_participant_file
from sentier.participants.models import FileStatus, Participant
from sentier.reference.models import Program, Region
from sentier.site.statistics import forget_file_counts, statistics

pytestmark = pytest.mark.django_db


def _participant_queries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "participants_participant" in q["sql"]]


@pytest.fixture
def files(personas: dict[str, Any]) -> None:
    montreal, laval = Region.objects.get(code="06"), Region.objects.get(code="13")
    pss, pas = Program.objects.get(code="PSS"), Program.objects.get(code="PAS")
    for number, (region, program) in enumerate(
        [(montreal, pss), (montreal, pas), (laval, pas), (laval, pas), (montreal, pss)]
    ):
        participant = open_participant_file(
            actor=personas["admin"],
            first_name="Test",
            last_name=f"Figures{number}",
            region=region,
            program=program,
        )
        if number % 2:
            Participant.objects.filter(pk=participant.pk).update(status=FileStatus.CLOSED)
    forget_file_counts()


def test_figures_match_a_count_of_the_table(files: None) -> None:
    figures = statistics()
    files_ = Participant.objects.all()
    assert figures["total"] == files_.count()
    assert figures["active"] == files_.filter(status=FileStatus.ACTIVE).count()
    by_region = {row["region__code"]: row["n"] for row in figures["by_region"]}  # type: ignore[attr-defined]
    assert by_region == {
        region.code: files_.filter(region=region).count()
        for region in Region.objects.filter(participants__isnull=False).distinct()
    }
    by_program = {row["program__code"]: row["n"] for row in figures["by_program"]}  # type: ignore[attr-defined]
    assert by_program == {
        program.code: files_.filter(program=program).count()
        for program in Program.objects.filter(participants__isnull=False).distinct()
    }


def test_the_files_are_read_once_then_kept(files: None) -> None:
    with CaptureQueriesContext(connection) as first:
        statistics()
    assert len(_participant_queries(first)) == 1
    assert "GROUP BY" in _participant_queries(first)[0]
    with CaptureQueriesContext(connection) as again:
        statistics()
    assert _participant_queries(again) == []


def test_a_new_file_is_counted_once_the_figures_are_counted_again(
    files: None, personas: dict[str, Any], settings: Any
) -> None:
    before = statistics()
    open_participant_file(
        actor=personas["admin"],
        first_name="Test",
        last_name="Newcomer",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="PAS"),
    )
    assert statistics()["total"] == before["total"]  # kept: at most SENTIER_STATISTICS_SECONDS old
    forget_file_counts()
    assert statistics()["total"] == before["total"] + 1  # type: ignore[operator]


def test_figures_are_not_kept_when_the_setting_says_zero(files: None, settings: Any) -> None:
    settings.SENTIER_STATISTICS_SECONDS = 0
    statistics()
    with CaptureQueriesContext(connection) as again:
        statistics()
    assert len(_participant_queries(again)) == 1
