"""Re-evaluating the caseload finds the people whose outcome changed, for the worklist."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from sentier.decisions.actions import reevaluate_caseload
from sentier.decisions.models import MeasureStatus, OutcomeChange

pytestmark = pytest.mark.django_db


def test_a_region_joining_on_a_date_appears_in_the_worklist(
    personas: Any, laval_participant: Any, montreal_participant: Any, client_for: Any
) -> None:
    before = reevaluate_caseload(measure="support_plan", date=dt.date(2026, 3, 31))
    assert before.changed == 0  # the first run is the baseline
    after = reevaluate_caseload(measure="support_plan", date=dt.date(2026, 4, 1))
    changed = set(OutcomeChange.objects.filter(run=after).values_list("participant", flat=True))
    assert laval_participant.pk in changed  # Laval is a pilot region
    assert montreal_participant.pk not in changed  # Montréal is not (yet)
    home = client_for("caseworker_laval").get("/fr-ca/").content.decode()
    assert laval_participant.full_name in home
    assert (
        laval_participant.full_name
        not in client_for("caseworker_montreal").get("/fr-ca/").content.decode()
    )


def test_a_run_writes_only_the_outcomes_that_changed(
    laval_participant: Any, montreal_participant: Any
) -> None:
    first = reevaluate_caseload(measure="support_plan", date=dt.date(2026, 3, 31))
    same = reevaluate_caseload(measure="support_plan", date=dt.date(2026, 3, 31))
    assert same.evaluated == first.evaluated
    assert same.changed == 0
    # Nothing changed: every outcome is still the one the first run set.
    assert set(MeasureStatus.objects.values_list("run", flat=True)) == {first.pk}
    before = {
        row[0]: row[1:]
        for row in MeasureStatus.objects.values_list("id", "eligible", "reason_code")
    }
    joined = reevaluate_caseload(measure="support_plan", date=dt.date(2026, 4, 1))
    laval = MeasureStatus.objects.get(participant=laval_participant, measure="support_plan")
    assert (laval.eligible, laval.run_id) == (True, joined.pk)  # Laval joined the pilot
    for row_id, eligible, reason, run in MeasureStatus.objects.values_list(
        "id", "eligible", "reason_code", "run"
    ):
        # A row is rewritten by the run that changed its outcome or reason, and only then.
        assert run == (first.pk if before[row_id] == (eligible, reason) else joined.pk)


def test_handling_a_worklist_item(personas: Any, laval_participant: Any, client_for: Any) -> None:
    reevaluate_caseload(measure="support_plan", date=dt.date(2026, 3, 31))
    reevaluate_caseload(measure="support_plan", date=dt.date(2026, 4, 1))
    change = OutcomeChange.objects.get(participant=laval_participant)
    url = reverse("decisions:handle_change", kwargs={"change_uuid": change.uuid})
    assert client_for("caseworker_montreal").post(url).status_code == 404
    change.refresh_from_db()
    assert change.handled_at is None
    assert client_for("caseworker_laval").post(url).status_code == 302
    change.refresh_from_db()
    assert change.handled_by == personas["caseworker_laval"]


def test_command_prints_the_changes(laval_participant: Any) -> None:
    call_command("reevaluate", measure="support_plan", date="2026-03-31", no_progress=True)
    out = StringIO()
    err = StringIO()
    call_command("reevaluate", measure="support_plan", date="2026-04-01", stdout=out, stderr=err)
    assert laval_participant.file_number in out.getvalue()


def test_command_refuses_a_bad_date() -> None:
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("reevaluate", measure="support_plan", date="01/04/2026")
