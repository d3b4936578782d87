"""Benchmark of the single window: submitted applications processed end to end on PostgreSQL.

Run against a throw-away PostgreSQL cluster (``make bench`` does this)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_intake.py            # --applications N
    scripts/pg_test_cluster.sh stop

End to end means what a person's "Send" does: store the draft's steps, then submit — open the file,
timeline events, the rules' triage, the recommendation queued for review (routing). The same run
measures a raw insert of the same rows (one INSERT per application, participant and recommendation,
no logic) so the ratio shows what the logic costs. Figures go to docs/benchmarks.md.

The Ontario configuration (004), end to end: apply (an Ontario Works applicant who applied online,
was assessed ready and agreed to share: file, triage, consent recorded, OW application queued for
the provincial intake unit), then the intake unit's decision (grant: the rules' fast-track
decision, the referral to Employment Ontario with the consented data only, its outbox message,
the transfer to the local office). Measured in 1, 2 and 4 worker processes (multiprocessing, each
its own PostgreSQL connection, as a web server's workers), with the scaling factor; the cost of
one application in statements and milliseconds (and the share spent waiting for PostgreSQL),
beside a raw insert of the same rows. Its figures go to their own section (``intake-ontario``).

``--part quebec`` or ``--part ontario`` runs one half only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.accounts.models import Role, User  # noqa: E402
from sentier.intake import actions  # noqa: E402
from sentier.intake.models import Application, Channel  # noqa: E402
from sentier.ontario import actions as ontario_actions  # noqa: E402
from sentier.ontario.models import OWApplication  # noqa: E402
from sentier.outbox.models import OutboxMessage  # noqa: E402
from sentier.participants.models import Participant  # noqa: E402

STEPS: dict[str, dict[str, Any]] = {
    "identity": {
        "first_name": "Awa",
        "last_name": "Diallo",
        "birth_date": "1990-06-02",
        "preferred_language": "fr-ca",
    },
    "contact": {
        "phone": "450 555-0101",
        "email": "",
        "address": "",
        "city": "Laval",
        "postal_code": "H7N 2T5",
        "region": "13",
    },
    "household": {"household_type": "single_parent", "adults": 1, "children": 2},
    "program": {"program": "PAS", "claim_booklet": "", "asylum_seeker": False},
}
QUESTIONNAIRES: tuple[dict[str, Any], ...] = (
    {"wants_support": "yes", "difficulties": ["housing", "debt"]},
    {"wants_support": "yes", "job_start": "yes"},
    {"wants_support": "yes", "needs_several_services": "yes", "major_crisis": "yes"},
    {"wants_support": "not_sure", "wants_activities": "yes", "weekly_hours": "up_to_12"},
    {"wants_support": "no"},
)


def end_to_end(count: int) -> tuple[float, float]:
    """Seconds to store and submit ``count`` applications one at a time, as people do; and the
    seconds spent in the submissions alone."""
    started = time.perf_counter()
    submitting = 0.0
    for index in range(count):
        application = actions.start_application(channel=Channel.ONLINE)
        for step, answers in STEPS.items():
            actions.save_step(application=application, step=step, typed={}, cleaned=answers)
        actions.save_step(
            application=application,
            step="questionnaire",
            typed={},
            cleaned=QUESTIONNAIRES[index % len(QUESTIONNAIRES)],
        )
        before = time.perf_counter()
        actions.submit_application(application_id=application.pk)
        submitting += time.perf_counter() - before
    return time.perf_counter() - started, submitting


ONTARIO_STEPS: dict[str, dict[str, Any]] = {
    **STEPS,
    "contact": {**STEPS["contact"], "city": "Toronto", "postal_code": "M5H 2N2", "region": "ON33"},
    "program": {"program": "OW", "asylum_seeker": False},
    "questionnaire": {"job_start": "yes"},
    "eo_consent": {"eo_consent": True},
}


def ontario_caseworker() -> User:
    from sentier.ontario.models import Unit, UnitMembership
    from sentier.reference.models import Region

    found, _created = User.objects.get_or_create(
        email="bench.toronto@sentier.bench",
        defaults={"role": Role.CASEWORKER, "region": Region.objects.get(code="ON33")},
    )
    # The provincial Ontario Works intake unit grants (004 Q11, Q15).
    UnitMembership.objects.get_or_create(user=found, defaults={"unit": Unit.OW_INTAKE})
    return found


def ontario_drafts(count: int) -> list[int]:
    """``count`` Ontario Works applications with every step saved, ready to send (the person's
    pace, not measured)."""
    ids = []
    for _index in range(count):
        application = actions.start_application(channel=Channel.ONLINE)
        for step, answers in ONTARIO_STEPS.items():
            actions.save_step(application=application, step=step, typed={}, cleaned=answers)
        ids.append(application.pk)
    return ids


def ontario_end_to_end(ids: list[int], caseworker: User) -> tuple[float, float, float]:
    """Ontario Works, fast track: seconds for the submissions, for the grants (with the referral
    and its outbox messages), and for both."""
    submitting = granting = 0.0
    for application_id in ids:
        before = time.perf_counter()
        actions.submit_application(application_id=application_id)
        submitted = time.perf_counter()
        ow = OWApplication.objects.get(application_id=application_id)
        ontario_actions.grant_ow_application(actor=caseworker, ow_application=ow)
        granting += time.perf_counter() - submitted
        submitting += submitted - before
    return submitting, granting, submitting + granting


def _process_share(ids: list[int], caseworker_id: int) -> float:
    """One worker process: its own connection, its share of the applications."""
    connection.close()  # never share the parent's socket
    return ontario_end_to_end(ids, User.objects.get(pk=caseworker_id))[2]


#: How statements are counted: transaction control, change history, other writes, reads.
KINDS = ("transaction control", "change history (INSERT)", "other INSERT / UPDATE", "SELECT")


def statement_kind(sql: str) -> str:
    head = sql.lstrip().split(None, 1)[0].upper()
    if head in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
        return KINDS[0]
    if head == "INSERT" and "_historical" in sql.split("(", 1)[0]:
        return KINDS[1]
    if head in ("INSERT", "UPDATE", "DELETE"):
        return KINDS[2]
    return KINDS[3]


@contextmanager
def database_time() -> Iterator[list[float]]:
    """Seconds spent inside the database driver (sending, waiting, reading), summed in [0]."""
    spent = [0.0]

    def timed(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        before = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += time.perf_counter() - before

    with connection.execute_wrapper(timed):
        yield spent


def ontario_cost(ids: list[int], caseworker: User) -> dict[str, Any]:
    """One process, one application at a time: statements per application (sending, decision,
    by kind), milliseconds per application and those spent in the database driver."""
    sending: Counter[str] = Counter()
    deciding: Counter[str] = Counter()
    started = time.perf_counter()
    with database_time() as in_database:
        for application_id in ids:
            with CaptureQueriesContext(connection) as sent:
                actions.submit_application(application_id=application_id)
            ow = OWApplication.objects.get(application_id=application_id)
            with CaptureQueriesContext(connection) as decided:
                ontario_actions.grant_ow_application(actor=caseworker, ow_application=ow)
            sending.update(statement_kind(q["sql"]) for q in sent.captured_queries)
            deciding.update(statement_kind(q["sql"]) for q in decided.captured_queries)
    seconds = time.perf_counter() - started
    count = len(ids)
    return {
        "sending": {kind: sending[kind] / count for kind in KINDS},
        "deciding": {kind: deciding[kind] / count for kind in KINDS},
        "ms": 1000 * seconds / count,
        "database_ms": 1000 * in_database[0] / count,
    }


def ontario_in_processes(ids: list[int], caseworker: User, processes: int) -> float:
    """Wall-clock seconds for ``processes`` worker processes sending and granting ``ids`` side by
    side, as a web server's worker processes do (the rules package scales with processes)."""
    import multiprocessing

    shares = [ids[index::processes] for index in range(processes)]
    connection.close()
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    with context.Pool(processes) as pool:
        pool.starmap(_process_share, [(share, caseworker.pk) for share in shares])
    return time.perf_counter() - started


_COLUMNS: dict[str, list[str]] = {}


def _clone(cursor: Any, table: str, row_id: int, overrides: dict[str, Any]) -> int:
    """INSERT a copy of one row (new uuid, the given columns replaced): no logic, one statement."""
    columns = _COLUMNS.get(table)
    if columns is None:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
            "ORDER BY ordinal_position",
            [table],
        )
        columns = _COLUMNS[table] = [name for (name,) in cursor.fetchall() if name != "id"]
    values, params = [], []
    for name in columns:
        if name == "uuid":
            values.append("gen_random_uuid()")
        elif name in overrides:
            values.append("%s")
            params.append(overrides[name])
        else:
            values.append(f'"{name}"')
    cursor.execute(
        f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '  # noqa: S608
        f'SELECT {", ".join(values)} FROM "{table}" WHERE id = %s RETURNING id',
        [*params, row_id],
    )
    new_id: int = cursor.fetchone()[0]
    return new_id


def ontario_raw_insert(count: int) -> tuple[float, int]:
    """Seconds to INSERT the rows one fast-tracked application leaves (copies of the last one:
    participant, application, recommendation, OW application, consent, referral, its outbox
    messages); and how many rows that is per application."""
    ow = OWApplication.objects.select_related("referral").latest("id")
    referral = ow.referral
    assert referral is not None
    assert ow.application is not None
    assert ow.consent is not None
    messages = list(OutboxMessage.objects.filter(referral=referral).values_list("id", flat=True))
    run = f"{int(time.time()) % 100000:05d}"  # unique keys when run again on the same database
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for index in range(count):
            with transaction.atomic():
                participant = _clone(
                    cursor,
                    "participants_participant",
                    ow.participant_id,
                    {"file_number": f"R{run}-{index:07d}"},
                )
                application = _clone(
                    cursor,
                    "intake_application",
                    ow.application_id,  # type: ignore[arg-type]
                    {"resume_key": f"rawon-{run}-{index:07d}", "participant_id": participant},
                )
                _clone(
                    cursor,
                    "intake_recommendation",
                    ow.application.recommendation.pk,
                    {"application_id": application, "participant_id": participant},
                )
                consent = _clone(
                    cursor, "consent_consent", ow.consent.pk, {"participant_id": participant}
                )
                new_referral = _clone(
                    cursor,
                    "referrals_referral",
                    referral.pk,
                    {"participant_id": participant, "consent_id": consent},
                )
                _clone(
                    cursor,
                    "ontario_owapplication",
                    ow.pk,
                    {
                        "participant_id": participant,
                        "application_id": application,
                        "consent_id": consent,
                        "referral_id": new_referral,
                    },
                )
                for message in messages:
                    _clone(
                        cursor,
                        "referrals_outboxmessage",
                        message,
                        {"referral_id": new_referral, "consent_id": consent},
                    )
    return time.perf_counter() - started, 6 + len(messages)


def raw_insert(count: int) -> float:
    """Seconds to INSERT the same rows with no logic: application, participant, recommendation."""
    template = Participant.objects.select_related("region", "program").latest("id")
    recommendation = Application.objects.latest("id").recommendation
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for index in range(count):
            with transaction.atomic():
                cursor.execute(
                    "INSERT INTO participants_participant (uuid, file_number, first_name, "
                    "last_name, email, phone, address, city, postal_code, preferred_language, "
                    "region_id, program_id, claim_booklet, household_type, adults, children, "
                    "asylum_seeker, first_nations_site, status, created_at, updated_at) VALUES "
                    "(gen_random_uuid(), %s, 'Awa', 'Diallo', '', '', '', 'Laval', 'H7N 2T5', "
                    "'fr-ca', %s, %s, '', 'single', 1, 0, false, false, 'pending', now(), now()) "
                    "RETURNING id",
                    [f"RAW-{index:07d}", template.region_id, template.program_id],
                )
                participant_id = cursor.fetchone()[0]
                cursor.execute(
                    "INSERT INTO intake_application (uuid, resume_key, status, channel, answers, "
                    "created_at, updated_at, submitted_at, participant_id) VALUES "
                    "(gen_random_uuid(), %s, 'submitted', 'online', %s, now(), now(), now(), %s) "
                    "RETURNING id",
                    [f"raw-{index:07d}", '{"raw": true}', participant_id],
                )
                application_id = cursor.fetchone()[0]
                cursor.execute(
                    "INSERT INTO intake_recommendation (uuid, application_id, participant_id, "
                    "region_id, path, factors, scores, used_information, employment_ready, "
                    "questionnaire_version, rules_version, created_at, status, final_path, "
                    "override_reason) VALUES (gen_random_uuid(), %s, %s, %s, 'none', '[]', '{}', "
                    "'[]', false, %s, %s, now(), 'pending', '', '')",
                    [
                        application_id,
                        participant_id,
                        template.region_id,
                        recommendation.questionnaire_version,
                        recommendation.rules_version,
                    ],
                )
    return time.perf_counter() - started


def quebec_part(count: int) -> None:
    end_to_end(20)  # warm-up: the rules' tax-benefit system, caches, connections
    seconds, submit_seconds = end_to_end(count)
    raw = raw_insert(count)
    submit_rate, whole_rate, raw_rate = count / submit_seconds, count / seconds, count / raw
    lines = [
        "## Single-window applications (`bench/bench_intake.py`, PostgreSQL 15)",
        "",
        f"Machine: {machine_description()}",
        "",
        "| path | applications | seconds | per second |",
        "|---|---:|---:|---:|",
        f"| **submitted applications processed end to end**: store the sending, open the file, "
        f"triage (rules), queue the recommendation for review (routing) | {count:,} | "
        f"{submit_seconds:.2f} | **{submit_rate:,.0f}** |",
        f"| the same with the person's six step saves before it (paced by people, not a batch) | "
        f"{count:,} | {seconds:.2f} | {whole_rate:,.0f} |",
        f"| raw insert of the same rows (3 INSERTs, no logic) | {count:,} | {raw:.2f} | "
        f"{raw_rate:,.0f} |",
        "",
        f"Target >= 100 submitted applications a second: "
        f"{'met' if submit_rate >= 100 else 'NOT met'}; processing costs "
        f"{raw_rate / submit_rate:.1f}x a raw insert of its rows.",
        "",
        "The Ontario configuration has its own section below (`intake-ontario`).",
    ]
    report = "\n".join(lines)
    print(report)
    write_section("intake", report)


PROCESSES = (1, 2, 4)


def ontario_part(count: int) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        call_command("load_reference", verbosity=0)
    caseworker = ontario_caseworker()
    ontario_end_to_end(ontario_drafts(20), caseworker)  # warm-up
    cost = ontario_cost(ontario_drafts(min(count, 200)), caseworker)
    walls = {n: ontario_in_processes(ontario_drafts(count), caseworker, n) for n in PROCESSES}
    load = os.getloadavg()[0]
    on_raw, on_rows = ontario_raw_insert(count)
    rates = {n: count / walls[n] for n in PROCESSES}
    raw_ms = 1000 * on_raw / count
    sending, deciding = sum(cost["sending"].values()), sum(cost["deciding"].values())
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        "## Ontario intake end to end (`bench/bench_intake.py`, PostgreSQL 15)",
        "",
        f"Machine: {machine_description()}",
        "",
        "Apply → triage → intake decision: an Ontario Works applicant who applied online, is "
        "assessed ready and agreed to share is sent (file, triage, consent, OW application "
        "queued for the provincial intake unit), then granted by the intake unit (fast-track "
        "decision, referral to Employment Ontario with the consented data only, its outbox "
        "message, transfer to the local office), 004 Q1, Q11, Q15.",
        "",
        "| worker processes (each its own connection) | applications | seconds (wall clock) | "
        "per second | scaling vs 1 process |",
        "|---:|---:|---:|---:|---:|",
        *(
            f"| {n} | {count:,} | {walls[n]:.2f} | {rates[n]:,.1f} | {rates[n] / rates[1]:.2f}x |"
            for n in PROCESSES
        ),
        "",
        f"Cost of one application (one process, {min(count, 200):,} applications): "
        f"**{sending + deciding:.0f} statements** ({sending:.0f} to send, {deciding:.0f} to "
        f"decide), **{cost['ms']:.0f} ms**, of which {cost['database_ms']:.0f} ms "
        f"({100 * cost['database_ms'] / cost['ms']:.0f} %) inside the database driver. A raw "
        f"insert of the same rows ({on_rows} INSERTs, no logic): {raw_ms:.1f} ms, so the "
        f"application costs {cost['ms'] / raw_ms:.0f}x its raw insert.",
        "",
        "| statements per application | sending | decision |",
        "|---|---:|---:|",
        *(
            f"| {kind} | {cost['sending'][kind]:.1f} | {cost['deciding'][kind]:.1f} |"
            for kind in KINDS
        ),
        "",
        "The biggest cost is the round trips to PostgreSQL (the driver's share above), so it is "
        "cut in statements: on 2026-12-06 one application took 43 (24 to send, 19 to decide); "
        "the file number is no longer taken inside a savepoint (2 fewer) and the grant reads "
        "the service area with the application (1 fewer). What remains is one row and one "
        "history row per record the law asks for, and the locks of the decision.",
        "",
        f"The machine has {cores} cores shared with other work: load average "
        f"{load:.1f} when the runs ended, so the milliseconds and the scaling measure that "
        f"contention as much as the code (the statement counts do not depend on it). The "
        f"sending and the decision share no lock (file numbers come from a PostgreSQL "
        f"sequence).",
    ]
    report = "\n".join(lines)
    print(report)
    write_section("intake-ontario", report)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1000)
    parser.add_argument("--part", choices=("all", "quebec", "ontario"), default="all")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark runs on PostgreSQL: set DATABASE_URL (see the module docstring).")
        return 2
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    if args.part in ("all", "quebec"):
        quebec_part(args.applications)
    if args.part in ("all", "ontario"):
        ontario_part(args.applications)
    return 0


if __name__ == "__main__":
    sys.exit(main())
