"""Nobody the application runs as can erase or rewrite the access log or the change history.

On PostgreSQL, as the role ``grant_app_role`` sets up (``SET ROLE`` on the test connection):
reading and appending work; TRUNCATE, disabling or dropping a trigger, UPDATE and DELETE are all
refused, on the access log and on a history table, whatever the session sets. As the owner,
TRUNCATE of the access log is refused unless the session says it is maintenance.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import translation

from sentier.audit.models import AccessLog
from sentier.audit.roles import append_only_tables
from sentier.core.models import AppendOnly, Transition
from sentier.participants.models import Participant
from sentier.plans.models import PlanTransition
from sentier.plans.tests.helpers import proposed_plan
from sentier.referrals.models import ReferralTransition

ON_POSTGRESQL = connection.vendor == "postgresql"
ROLE = "sentier_app_test"
postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="Database roles, privileges and TRUNCATE exist on PostgreSQL only; on SQLite the "
    "model's own refusals are what there is (test_access_log.py).",
)
pytestmark = pytest.mark.django_db

#: Every lifecycle's transition log: the shared one and the two kept by plans and referrals.
LOG_MODELS = (Transition, PlanTransition, ReferralTransition)
TRANSITION_LOGS = [model._meta.db_table for model in LOG_MODELS]


def execute(sql: str, params: list[Any] | None = None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def refusal(sql: str) -> str:
    """The database's refusal of ``sql`` (run in a savepoint, so the test goes on); the test
    fails if the statement succeeds."""
    try:
        with transaction.atomic():
            execute(sql)
    except DatabaseError as error:
        return str(error)
    pytest.fail(f"allowed: {sql}")


@contextmanager
def as_role(role: str) -> Iterator[None]:
    execute(f"SET ROLE {role}")
    try:
        yield
    finally:
        execute("RESET ROLE")


@pytest.fixture
def app_role() -> str:
    """A role that owns nothing, set up as the application's (rolled back with the test)."""
    execute(f"CREATE ROLE {ROLE} NOLOGIN")
    call_command("grant_app_role", ROLE, stdout=io.StringIO())
    return ROLE


def checked_now() -> None:
    """Check the foreign keys of rows written so far in the test's transaction now rather than
    at its (never reached) commit: PostgreSQL refuses to TRUNCATE a table with checks pending."""
    execute("SET CONSTRAINTS ALL IMMEDIATE")


def show_file(client_for: Any, participant: Any) -> None:
    """The Laval caseworker opens the file: the page writes to the access log."""
    url = reverse("participants:file", kwargs={"participant_uuid": participant.uuid})
    assert client_for("caseworker_laval").get(url).status_code == 200


def history_table() -> str:
    return str(Participant.history.model._meta.db_table)


@postgresql_only
def test_the_application_role_reads_and_appends(
    personas: Any, client_for: Any, laval_participant: Any, app_role: str
) -> None:
    from sentier.participants.actions import update_participant_details

    history_rows = Participant.history.filter(id=laval_participant.pk).count()
    access_rows = AccessLog.objects.count()
    with as_role(app_role):
        show_file(client_for, laval_participant)  # reads the file, appends to the access log
        update_participant_details(  # an ordinary table: UPDATE; its history: INSERT
            actor=personas["caseworker_laval"],
            participant=laval_participant,
            changes={"first_name": "Élise"},
        )
        assert AccessLog.objects.count() > access_rows
        assert Participant.history.filter(id=laval_participant.pk).count() == history_rows + 1


@postgresql_only
def test_the_application_role_numbers_the_first_file_of_a_year(
    personas: Any, app_role: str
) -> None:
    """The one thing it creates as it runs: the year's file-number sequence, in its own schema."""
    from sentier.participants.actions import open_participant_file
    from sentier.reference.models import Program, Region

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sequence_name FROM information_schema.sequences"
            " WHERE sequence_name LIKE 'participants_file_number_%%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP SEQUENCE {connection.ops.quote_name(name)}")
    with as_role(app_role):
        participant = open_participant_file(
            actor=personas["admin"],
            first_name="Olivier",
            last_name="Bergeron",
            region=Region.objects.get(code="06"),
            program=Program.objects.get(code="PSS"),
            caseworker=personas["caseworker_montreal"],
        )
    assert participant.file_number
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sequence_schema FROM information_schema.sequences"
            " WHERE sequence_name LIKE 'participants_file_number_%%'"
        )
        assert cursor.fetchall() == [(app_role,)]


@postgresql_only
def test_the_application_role_cannot_erase_or_rewrite(
    client_for: Any, laval_participant: Any, app_role: str
) -> None:
    show_file(client_for, laval_participant)
    before = (AccessLog.objects.count(), Participant.history.count())
    with as_role(app_role):
        execute("SET sentier.audit_maintenance = 'on'")  # changes nothing for this role
        for table in ("audit_accesslog", history_table()):
            for statement in ("TRUNCATE {}", "UPDATE {} SET id = id", "DELETE FROM {}"):
                assert "permission denied" in refusal(statement.format(table)), statement
            assert "must be owner" in refusal(f"ALTER TABLE {table} DISABLE TRIGGER ALL")
        for trigger in ("audit_accesslog_append_only", "audit_accesslog_refuse_truncate"):
            assert "must be owner" in refusal(
                f"ALTER TABLE audit_accesslog DISABLE TRIGGER {trigger}"
            )
            assert "must be owner" in refusal(f"DROP TRIGGER {trigger} ON audit_accesslog")
        assert "permission denied" in refusal("TRUNCATE participants_participant CASCADE")
    assert (AccessLog.objects.count(), Participant.history.count()) == before


@postgresql_only
def test_the_owner_cannot_truncate_the_access_log_outside_maintenance(
    client_for: Any, laval_participant: Any
) -> None:
    show_file(client_for, laval_participant)
    checked_now()
    before = AccessLog.objects.count()
    execute("SET LOCAL sentier.audit_maintenance = 'off'")  # the test database says 'on'
    assert "append-only" in refusal("TRUNCATE audit_accesslog")
    # A TRUNCATE that would reach it through a foreign key is refused as well.
    assert "append-only" in refusal("TRUNCATE participants_participant CASCADE")
    assert AccessLog.objects.count() == before


@postgresql_only
def test_the_owner_may_truncate_in_maintenance(client_for: Any, laval_participant: Any) -> None:
    """What emptying the test database (and an operator's deliberate ``flush``) relies on."""
    show_file(client_for, laval_participant)
    checked_now()

    with transaction.atomic():
        execute("SET LOCAL sentier.audit_maintenance = 'on'")
        execute("TRUNCATE audit_accesslog")
        emptied = not AccessLog.objects.exists()
        transaction.set_rollback(True)  # back to the savepoint: the rows come back
    assert emptied
    assert AccessLog.objects.exists()


def privileges(role: str, table: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',"
            " 'TRIGGER', 'REFERENCES']) AS p WHERE has_table_privilege(%s, %s, p)",
            [role, table],
        )
        return {row[0] for row in cursor.fetchall()}


@postgresql_only
def test_grant_app_role_is_idempotent_and_takes_back_extra_privileges(app_role: str) -> None:
    execute(f"GRANT UPDATE, TRUNCATE ON audit_accesslog TO {app_role}")  # given by hand
    out = io.StringIO()
    with translation.override("en-ca"):
        call_command("grant_app_role", app_role, stdout=out)
    tables = append_only_tables()
    assert "audit_accesslog" in tables
    assert set(TRANSITION_LOGS) <= set(tables)
    marked = {m._meta.db_table for m in apps.get_models() if issubclass(m, AppendOnly)}
    assert set(TRANSITION_LOGS) <= marked <= set(tables)
    # The rest: the access log and the history tables, nothing else.
    assert [t for t in tables if "historical" not in t] == sorted({"audit_accesslog"} | marked)
    for table in tables:
        assert privileges(app_role, table) == {"SELECT", "INSERT"}, table
    assert privileges(app_role, "participants_participant") == {
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
    }
    assert privileges(app_role, "django_migrations") == {"SELECT"}
    assert f"{len(tables)} append-only tables" in out.getvalue()


def refused_with(role: str) -> str:
    with translation.override("en-ca"), pytest.raises(CommandError) as refused:
        call_command("grant_app_role", role, stdout=io.StringIO())
    return str(refused.value)


@postgresql_only
def test_grant_app_role_refuses_a_role_that_could_erase() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        (owner,) = cursor.fetchone()
    execute("CREATE ROLE sentier_super SUPERUSER")
    execute("CREATE ROLE sentier_member")
    execute(f"GRANT {connection.ops.quote_name(owner)} TO sentier_member")
    assert "does not exist" in refused_with("sentier_nobody")
    assert "superuser" in refused_with("sentier_super")
    assert "acts as their owner" in refused_with("sentier_member")
    assert "not a plain role name" in refused_with("Bad'; DROP TABLE x")


@pytest.mark.skipif(ON_POSTGRESQL, reason="the message on SQLite")
def test_grant_app_role_says_sqlite_has_no_roles() -> None:
    assert "only on PostgreSQL" in refused_with(ROLE)


@postgresql_only
def test_the_application_role_cannot_rewrite_or_erase_a_transition_log(
    personas: Any, laval_participant: Any, app_role: str
) -> None:
    proposed_plan(personas, laval_participant)  # writes a row to the plan's log
    checked_now()
    before = [model.objects.count() for model in LOG_MODELS]
    assert before[1] > 0
    with as_role(app_role):
        for table in TRANSITION_LOGS:
            for statement in ("TRUNCATE {}", "UPDATE {} SET reason = 'x'", "DELETE FROM {}"):
                assert "permission denied" in refusal(statement.format(table)), statement
    assert [model.objects.count() for model in LOG_MODELS] == before
