"""``sentier scheduled`` runs every time-driven job; one failing does not stop the others."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sentier.site.management.commands import scheduled

pytestmark = pytest.mark.django_db


def test_every_job_runs(personas: dict[str, Any]) -> None:
    out = io.StringIO()
    call_command("scheduled", "--now", "2026-11-23T08:00:00-05:00", stdout=out)
    for name, _takes_now in scheduled.JOBS:
        assert f"== {name}" in out.getvalue()


def test_a_failing_job_is_reported_and_the_others_still_run(
    personas: dict[str, Any], monkeypatch: Any
) -> None:
    monkeypatch.setattr(scheduled, "JOBS", (("no_such_command", False), ("purge_drafts", False)))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="no_such_command"):
        call_command("scheduled", stdout=out, stderr=err)
    assert "== purge_drafts" in out.getvalue()
