"""Benchmark of the single window: submitted applications processed end to end on PostgreSQL.

Run against a throw-away PostgreSQL cluster (``make bench`` does this)::

    export DATABASE_URL=$(scripts/pg_test_cluster.sh start)
    .venv/bin/python bench/bench_intake.py            # --applications N
    scripts/pg_test_cluster.sh stop

End to end means what a person's "Send" does: store the draft's steps, then submit — open the file,
timeline events, the rules' triage, the recommendation queued for review (routing). The same run
measures a raw insert of the same rows (one INSERT per application, participant and recommendation,
no logic) so the ratio shows what the logic costs. Figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()  # the models below need the app registry: imports follow it

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench._report import machine_description, write_section  # noqa: E402
from sentier.intake import actions  # noqa: E402
from sentier.intake.models import Application, Channel  # noqa: E402
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=1000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark runs on PostgreSQL: set DATABASE_URL (see the module docstring).")
        return 2
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    end_to_end(20)  # warm-up: the rules' tax-benefit system, caches, connections
    seconds, submit_seconds = end_to_end(args.applications)
    raw = raw_insert(args.applications)
    count = args.applications
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
        "The referral outbox is not part of the path yet (partner-network capability).",
    ]
    report = "\n".join(lines)
    print(report)
    write_section("intake", report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
