"""Single-window demo: a few submitted applications in the Laval and Montréal review queues."""

from __future__ import annotations

from sentier.accounts.models import User
from sentier.core.clock import acting_at, at_local
from sentier.intake import actions as intake
from sentier.intake.models import Application
from sentier.participants.demo import CITIES, POSTAL_PREFIX

DEMO_APPLICATIONS: tuple[tuple[str, str, str, str, dict[str, object]], ...] = (
    # channel, first name, last name, region, questionnaire answers
    (
        "online",
        "Mélissa",
        "Gendron",
        "13",
        {"wants_support": "yes", "difficulties": ["housing", "debt"]},
    ),
    ("online", "Kevin", "Ouellette", "13", {"wants_support": "yes", "job_start": "yes"}),
    (
        "phone",
        "Rosa",
        "Martinez",
        "13",
        {"wants_support": "yes", "needs_several_services": "yes", "major_crisis": "yes"},
    ),
    (
        "in_person",
        "Jean-Guy",
        "Thibault",
        "13",
        {"wants_support": "not_sure", "wants_activities": "yes", "weekly_hours": "up_to_12"},
    ),
    ("online", "Samira", "Benali", "13", {"wants_support": "no"}),
    ("online", "Tom", "Fraser", "06", {"wants_support": "yes", "difficulties": ["addiction"]}),
)


def load_demo() -> None:
    """Once: a few submitted applications waiting in the Laval and Montréal review queues, one a
    day over the past week (each typed in 25 minutes)."""
    if Application.objects.filter(answers__demo=True).exists():
        return
    caseworker = User.objects.get(email="caseworker.laval@sentier.demo")
    for days_ago, (channel, first, last, region, questionnaire) in zip(
        range(len(DEMO_APPLICATIONS), 0, -1), DEMO_APPLICATIONS, strict=True
    ):
        with acting_at(at_local(-days_ago, 10)):
            application = intake.start_application(
                channel=channel, entered_by=None if channel == "online" else caseworker
            )
        application.answers = {
            "demo": True,
            "identity": {
                "first_name": first,
                "last_name": last,
                "birth_date": "1987-09-12",
                "preferred_language": "en-ca" if last == "Fraser" else "fr-ca",
            },
            "contact": {
                "phone": "450 555-0177",
                "email": "",
                "address": "",
                "city": CITIES[region],
                "postal_code": f"{POSTAL_PREFIX[region]} 1A1",
                "region": region,
            },
            "household": {"household_type": "single", "adults": 1, "children": 0},
            "program": {"program": "PAS", "claim_booklet": "", "asylum_seeker": False},
            "questionnaire": questionnaire,
        }
        with acting_at(at_local(-days_ago, 10, 25)):
            application.save(update_fields=["answers"])
            intake.submit_application(application_id=application.pk)
