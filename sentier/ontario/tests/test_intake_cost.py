"""What one Ontario Works application costs the database, apply → triage → intake decision
(issue 18, ``bench/bench_intake.py``): the statements stay few and never grow with the number
of files already there. Counted, never timed."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sentier.intake import actions
from sentier.intake.models import Application, Channel
from sentier.ontario import actions as ontario_actions
from sentier.ontario.models import OWApplication
from sentier.ontario.tests.helpers import ON_GOOD

#: The statements of the sending and of the grant on PostgreSQL, savepoints left out: inside a
#: test the action's transaction is a savepoint, outside one a BEGIN and COMMIT that Django does
#: not log (bench, 2026-12-06: 22 and 18 with the savepoint around the consent, down from 24 and
#: 19: no savepoint around the file number, the service area read with the application). SQLite
#: takes the file number from a counter row.
SENDING_MAX = 19
DECISION_MAX = 18


def _work(queries: CaptureQueriesContext) -> int:
    """The statements that read or write, not the savepoints that frame them."""
    return sum(
        1
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))
    )


def _draft() -> Application:
    application = actions.start_application(channel=Channel.ONLINE)
    for step, answers in {
        **ON_GOOD,
        "program": {"program": "OW", "asylum_seeker": False},
        "questionnaire": {"job_start": "yes"},
        "eo_consent": {"eo_consent": True},
    }.items():
        actions.save_step(application=application, step=step, typed={}, cleaned=answers)
    return application


def _cost(ontario: dict[str, Any]) -> tuple[int, int]:
    application = _draft()
    with CaptureQueriesContext(connection) as sending:
        actions.submit_application(application_id=application.pk)
    ow = OWApplication.objects.get(application=application)
    with CaptureQueriesContext(connection) as deciding:
        ontario_actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    assert ow.status == "granted"
    assert ow.referral is not None  # the whole fast track ran
    return _work(sending), _work(deciding)


def test_an_application_sent_and_granted_costs_a_few_statements(ontario: dict[str, Any]) -> None:
    _cost(ontario)  # the first one creates the year's numbering, reads the reference data
    sending, deciding = _cost(ontario)
    assert sending <= SENDING_MAX + (1 if connection.vendor == "sqlite" else 0), sending
    assert deciding <= DECISION_MAX, deciding
    for _index in range(3):
        _cost(ontario)
    assert _cost(ontario) == (sending, deciding)
