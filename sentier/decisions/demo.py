"""Eligibility demo: the caseworkers' worklists of changed outcomes (idempotent)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from sentier.decisions.actions import reevaluate_caseload
from sentier.decisions.models import ReevaluationRun


def load_demo() -> None:
    """Once: re-evaluate the caseload the day before the pilot start and today, so the
    caseworkers' worklists show who became eligible to a support plan when their region joined."""
    if ReevaluationRun.objects.exists():
        return
    reevaluate_caseload(measure="support_plan", date=dt.date(2026, 3, 31))
    reevaluate_caseload(measure="support_plan", date=timezone.localdate())
