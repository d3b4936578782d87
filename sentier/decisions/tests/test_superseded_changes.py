"""A later run that changes the same measure of the same file again closes the older open change:
the worklist keeps one item per file and measure, the newest (open changes no longer pile up)."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps

from sentier.decisions.actions import reevaluate_caseload
from sentier.decisions.models import OutcomeChange
from sentier.decisions.selectors import list_worklist_changes_for_caseworker

pytestmark = pytest.mark.django_db

BEFORE_PILOT, PILOT = dt.date(2026, 3, 31), dt.date(2026, 4, 1)


def test_a_newer_change_supersedes_the_open_one(personas: Any, laval_participant: Any) -> None:
    reevaluate_caseload(measure="support_plan", date=BEFORE_PILOT)
    joined = reevaluate_caseload(measure="support_plan", date=PILOT)
    left = reevaluate_caseload(measure="support_plan", date=BEFORE_PILOT)
    first = OutcomeChange.objects.get(run=joined, participant=laval_participant)
    second = OutcomeChange.objects.get(run=left, participant=laval_participant)
    assert first.superseded_by == second
    assert second.superseded_by is None
    worklist = list(list_worklist_changes_for_caseworker(personas["caseworker_laval"]))
    assert [change.pk for change in worklist if change.participant == laval_participant] == [
        second.pk
    ]


def test_a_handled_change_stays_as_it_was_handled(personas: Any, laval_participant: Any) -> None:
    reevaluate_caseload(measure="support_plan", date=BEFORE_PILOT)
    joined = reevaluate_caseload(measure="support_plan", date=PILOT)
    OutcomeChange.objects.filter(run=joined).update(handled_by=personas["caseworker_laval"])
    handled = OutcomeChange.objects.get(run=joined, participant=laval_participant)
    handled.handled_at = handled.run.started_at
    handled.save(update_fields=["handled_at"])
    reevaluate_caseload(measure="support_plan", date=BEFORE_PILOT)
    handled.refresh_from_db()
    assert handled.superseded_by is None


def test_a_run_that_changes_nothing_supersedes_nothing(laval_participant: Any) -> None:
    reevaluate_caseload(measure="support_plan", date=BEFORE_PILOT)
    reevaluate_caseload(measure="support_plan", date=PILOT)
    reevaluate_caseload(measure="support_plan", date=PILOT)
    assert not OutcomeChange.objects.filter(superseded_by__isnull=False).exists()
    assert OutcomeChange.objects.filter(participant=laval_participant).count() == 1


def test_the_migration_closes_the_older_open_changes(laval_participant: Any) -> None:
    reevaluate_caseload(measure="support_plan", date=BEFORE_PILOT)
    runs = [
        reevaluate_caseload(measure="support_plan", date=day)
        for day in (PILOT, BEFORE_PILOT, PILOT)
    ]
    # As the rows stood before superseding existed: every change open.
    OutcomeChange.objects.update(superseded_by=None)
    migration = importlib.import_module(
        "sentier.decisions.migrations.0003_outcome_changes_superseded"
    )
    migration.supersede_older_changes(apps, None)
    changes = [OutcomeChange.objects.get(run=run, participant=laval_participant) for run in runs]
    newest = changes[-1]
    assert [change.superseded_by_id for change in changes] == [newest.pk, newest.pk, None]
