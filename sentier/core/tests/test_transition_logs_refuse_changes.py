"""Every transition log refuses to be rewritten or erased, by the role that owns it too.

The application's role may only read and insert these tables (``audit.roles``); on PostgreSQL
a trigger on each also refuses UPDATE and DELETE to the owner, which migrates, and TRUNCATE
outside maintenance (``core.append_only``), as the access log's triggers do. SQLite has no
triggers of ours: there the tables are append-only by the code that writes them (only
``Lifecycle.apply`` and ``start`` write them).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from sentier.core.lifecycle import Lifecycle, move
from sentier.core.models import Transition
from sentier.participants.models import FileStatus
from sentier.plans.models import PlanTransition
from sentier.plans.tests.helpers import proposed_plan
from sentier.referrals.models import ReferralTransition
from sentier.referrals.tests.helpers import opex, send

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger on PostgreSQL"),
]

LOGS = (Transition, PlanTransition, ReferralTransition)


def refusal(sql: str) -> str:
    """The database's refusal of ``sql``, run in a savepoint; the test fails if it succeeds."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    except DatabaseError as error:
        return str(error)
    pytest.fail(f"allowed: {sql}")


def rows() -> list[list[tuple[Any, ...]]]:
    return [
        list(
            model.objects.order_by("pk").values_list(
                *(field.attname for field in model._meta.concrete_fields)
            )
        )
        for model in LOGS
    ]


@pytest.fixture
def one_row_in_each_log(personas: dict[str, Any], laval_participant: Any) -> None:
    """A move in each log, through the code that writes it: a lifecycle of the shared log, a
    support plan proposed, a referral sent."""
    file = Lifecycle("tests.file", [move("", FileStatus.ACTIVE, "staff")], order=FileStatus.values)
    laval_participant.status = FileStatus.ACTIVE
    file.start(laval_participant, side="staff", actor=personas["caseworker_laval"])
    proposed_plan(personas, laval_participant)
    send(personas, laval_participant, opex())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending checks


@pytest.mark.parametrize("model", LOGS, ids=lambda model: model.__name__)
def test_the_owner_cannot_update_delete_or_truncate_a_transition_log(
    one_row_in_each_log: None, model: Any
) -> None:
    table = model._meta.db_table
    before = rows()
    assert all(before), "every log has a row"
    for operation, statement in (
        ("UPDATE", "UPDATE {} SET reason = 'rewritten'"),
        ("DELETE", "DELETE FROM {}"),
    ):
        assert f"append-only: {operation} is refused" in refusal(statement.format(table))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL sentier.audit_maintenance = 'off'")  # the test database: 'on'
    assert "append-only: TRUNCATE is refused" in refusal(f"TRUNCATE {table} CASCADE")
    assert rows() == before


def test_the_orm_cannot_rewrite_a_move_either(one_row_in_each_log: None) -> None:
    before = rows()
    with pytest.raises(DatabaseError), transaction.atomic():
        Transition.objects.update(reason="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        PlanTransition.objects.all().delete()
    assert rows() == before
