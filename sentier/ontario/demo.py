"""Demo data for sentier.ontario (idempotent; called by ``sentier load_demo``).

Only in the Ontario configuration (``SENTIER_JURISDICTION=on make run``): the Québec demo is
left exactly as it is. Creates the Ontario personas (password as the other demo personas) and,
through the real actions, a few Ontario Works and ODSP applications: one ready to be granted and
fast-tracked to Employment Ontario, one waiting for missing information, one refused; granted by
the provincial Ontario Works intake unit (Lena) and transferred to Toronto's local office: a
fast-tracked client whose action plan Tara sets, clients in the common assessment queue, an
action plan whose review is overdue; ODSP applications to confirm and a package queued for
mailing. The intake unit's queue holds more applications to decide than one page shows, some of
them assigned to Lena; some of Toronto's assessments are assigned to Tara or to her colleague
Jordan.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sentier.accounts.demo import DEMO_PASSWORD, Persona, ensure_persona
from sentier.accounts.models import Role, User
from sentier.intake.actions import save_step, start_application, submit_application
from sentier.intake.models import Application, Channel
from sentier.ontario import actions
from sentier.ontario.assignment import assign_assessment, assign_ow_application
from sentier.ontario.models import (
    CommonAssessment,
    ODSPApplication,
    OWApplication,
    Unit,
    UnitMembership,
)
from sentier.reference.models import DeferralReason, PrescribedClass

#: The Ontario demo logins (for the README): email, what they do.
ONTARIO_PERSONAS: tuple[Persona, ...] = (
    Persona(
        "caseworker_toronto",
        "caseworker.toronto@sentier.demo",
        "Tara",
        "Nguyen",
        Role.CASEWORKER,
        region="ON33",
        office="Toronto Employment and Social Services",
        language="en-ca",
    ),
    Persona(
        "caseworker_toronto_2",
        "caseworker2.toronto@sentier.demo",
        "Jordan",
        "Lee",
        Role.CASEWORKER,
        region="ON33",
        office="Toronto Employment and Social Services",
        language="en-ca",
    ),
    Persona(
        "caseworker_ottawa",
        "caseworker.ottawa@sentier.demo",
        "Olivier",
        "Gagnon",
        Role.CASEWORKER,
        region="ON23",
        office="Ottawa Employment and Social Services",
    ),
    Persona(
        "odsp_intake",
        "odsp.intake@sentier.demo",
        "Iris",
        "Osei",
        Role.CASEWORKER,
        region="ON33",
        office="ODSP centralized intake",
        language="en-ca",
    ),
    Persona(
        "ow_intake",
        "ow.intake@sentier.demo",
        "Lena",
        "Fischer",
        Role.CASEWORKER,
        region="ON33",
        office="Ontario Works intake unit",
        language="en-ca",
    ),
    Persona(
        "coordinator_toronto",
        "coordinator.toronto@sentier.demo",
        "Chris",
        "Morrison",
        Role.COORDINATOR,
        region="ON33",
        language="en-ca",
    ),
)


#: The ministry's Ontario demo logins: a program analyst (aggregate statistics of Ontario only,
#: no file) and an administrator. Kept apart from ``ONTARIO_PERSONAS`` so that other units'
#: personas are added there without touching these.
ONTARIO_MINISTRY_PERSONAS: tuple[Persona, ...] = (
    Persona(
        "analyst_ontario",
        "analyst.ontario@sentier.demo",
        "Priya",
        "Raman",
        Role.ANALYST,
        language="en-ca",
    ),
    Persona(
        "admin_ontario",
        "admin.ontario@sentier.demo",
        "Morgan",
        "Reid",
        Role.ADMINISTRATOR,
        language="en-ca",
    ),
)


def submit_ontario_application(
    *,
    first: str,
    last: str,
    program: str,
    region: str = "ON33",
    city: str = "Toronto",
    ready: bool = False,
    consent: bool = False,
    first_nations_site: bool = False,
    channel: str = Channel.ONLINE,
    entered_by: User | None = None,
    language: str = "en-ca",
    told_by: str = "email",
) -> Application:
    """An Ontario application sent through the real actions (as the pages would save it); also
    used by tests that need many rows quickly. Entered by phone or in person, it carries the
    person's answer to "how do you want to be told" (``told_by``), as the counter's page asks."""
    application = start_application(channel=channel, entered_by=entered_by)
    answers: dict[str, dict[str, Any]] = {
        "identity": {
            "first_name": first,
            "last_name": last,
            "birth_date": dt.date(1988, 5, 17),
            "preferred_language": language,
        },
        "contact": {
            "phone": "416 555-0170",
            "email": f"{first.lower()}.{last.lower()}@example.org",
            "address": "",
            "city": city,
            "postal_code": "",
            "region": region,
            "first_nations_site": first_nations_site,
            **({} if channel == Channel.ONLINE else {"told_by": told_by}),
        },
        "household": {"household_type": "single", "adults": 1, "children": 0},
        "program": {"program": program, "asylum_seeker": False},
        "questionnaire": {"job_start": "yes" if ready else "no"},
    }
    if program == "OW":
        answers["eo_consent"] = {"eo_consent": consent}
    for step, cleaned in answers.items():
        save_step(application=application, step=step, typed={}, cleaned=cleaned)
    submit_application(application_id=application.pk)
    application.refresh_from_db()
    return application


def ensure_ontario_personas(password: str = DEMO_PASSWORD) -> dict[str, User]:
    users = {
        persona.key: ensure_persona(persona, password)
        for persona in (*ONTARIO_PERSONAS, *ONTARIO_MINISTRY_PERSONAS)
    }
    UnitMembership.objects.update_or_create(
        user=users["odsp_intake"], defaults={"unit": Unit.ODSP_INTAKE}
    )
    UnitMembership.objects.update_or_create(
        user=users["ow_intake"], defaults={"unit": Unit.OW_INTAKE}
    )
    return users


@transaction.atomic
def load_demo() -> None:
    if settings.SENTIER_JURISDICTION != "on":
        return
    users = ensure_ontario_personas()
    if OWApplication.objects.exists() or ODSPApplication.objects.exists():
        return
    tara, iris = users["caseworker_toronto"], users["odsp_intake"]
    lena = users["ow_intake"]
    now = timezone.now()
    today = timezone.localdate()

    # Waiting for the grant: ready and consenting (fast track at grant), and a First Nations site.
    submit_ontario_application(first="Maya", last="Singh", program="OW", ready=True, consent=True)
    submit_ontario_application(
        first="Daniel", last="Whitecloud", program="OW", ready=True, first_nations_site=True
    )
    # The intake unit asked one applicant for a missing document, and refused another.
    asked = submit_ontario_application(first="Ravi", last="Sharma", program="OW")
    actions.ask_ow_information(
        actor=lena,
        ow_application=OWApplication.objects.get(application=asked),
        what="Your last two bank statements.",
        due_on=today + dt.timedelta(days=10),
    )
    refused = submit_ontario_application(first="Emma", last="Novak", program="OW")
    actions.refuse_ow_application(
        actor=lena,
        ow_application=OWApplication.objects.get(application=refused),
        reason="income_assets",
        note="Savings above the asset limit.",
    )

    # Already granted by the intake unit and transferred to Toronto: one fast-tracked to
    # Employment Ontario (its action plan to set by the local office), two in the common
    # assessment.
    fast = submit_ontario_application(
        first="Amir", last="Rahimi", program="OW", ready=True, consent=True
    )
    actions.grant_ow_application(
        actor=lena, ow_application=OWApplication.objects.get(application=fast)
    )
    for first, last in (("Grace", "Okafor"), ("Lucas", "Tremblay")):
        granted = submit_ontario_application(first=first, last=last, program="OW", language="fr-ca")
        actions.grant_ow_application(
            actor=lena, ow_application=OWApplication.objects.get(application=granted)
        )
    grace = CommonAssessment.objects.get(participant__first_name="Grace")
    actions.record_deferral(
        actor=tara,
        assessment=grace,
        reason=DeferralReason.objects.get(code="caregiver"),
        review_on=timezone.localdate() + dt.timedelta(days=60),
        note="Cares for her mother every day.",
    )

    # An action plan put in place five weeks ago: its 30-day review is overdue.
    earlier = submit_ontario_application(first="Sofia", last="Martins", program="OW")
    actions.grant_ow_application(
        actor=lena,
        ow_application=OWApplication.objects.get(application=earlier),
        at=now - dt.timedelta(days=36),
    )
    actions.put_action_plan_in_place(
        actor=tara,
        assessment=CommonAssessment.objects.get(participant__first_name="Sofia"),
        goal="Work as a dental assistant within a year.",
        activities="Upgrading at the local adult school; monthly check-ins.",
        at=now - dt.timedelta(days=35),
    )

    # ODSP centralized intake: online and by phone, one confirmed (package queued), one member
    # of a prescribed class (no package).
    submit_ontario_application(first="Noor", last="Haddad", program="ODSP")
    submit_ontario_application(
        first="Peter",
        last="Lindqvist",
        program="ODSP",
        channel=Channel.PHONE,
        entered_by=iris,
        region="ON40",
        city="Kenora",
    )
    queued = submit_ontario_application(
        first="Hélène", last="Bouchard", program="ODSP", language="fr-ca"
    )
    actions.confirm_odsp_financial_eligibility(
        actor=iris, odsp_application=ODSPApplication.objects.get(application=queued)
    )
    member = submit_ontario_application(first="Walter", last="Kim", program="ODSP")
    actions.confirm_odsp_financial_eligibility(
        actor=iris,
        odsp_application=ODSPApplication.objects.get(application=member),
        prescribed_class=PrescribedClass.objects.get(code="cpp_qpp_disability"),
    )

    # A busy intake unit: more applications to decide than one page of the worklist shows,
    # received over the last weeks by every channel (phone and in person entered by Tara's
    # local office, which helps people apply); some already taken by Lena.
    jordan = users["caseworker_toronto_2"]
    for number, (first, last) in enumerate(BUSY_OFFICE):
        channel = (Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON)[number % 3]
        sent = submit_ontario_application(
            first=first,
            last=last,
            program="OW",
            ready=number % 4 == 0,
            consent=number % 2 == 0,
            channel=channel,
            entered_by=None if channel == Channel.ONLINE else tara,
        )
        ow = OWApplication.objects.get(application=sent)
        ow.received_at = now - dt.timedelta(days=30 - number, hours=number % 7)
        ow.save(update_fields=["received_at"])  # spread over a month, as a real queue is
        if number % 5 == 1:
            assign_ow_application(actor=lena, ow_application=ow, assignee=lena)
    assign_assessment(actor=tara, assessment=grace, assignee=tara)
    assign_assessment(
        actor=tara,
        assessment=CommonAssessment.objects.get(participant__first_name="Lucas"),
        assignee=jordan,
    )


#: Applicants of the busy Toronto office (more than one page of the worklist).
BUSY_OFFICE: tuple[tuple[str, str], ...] = (
    ("Aisha", "Mohamed"),
    ("Benjamin", "Clarke"),
    ("Chloé", "Lavoie"),
    ("Darnell", "Brown"),
    ("Elena", "Petrova"),
    ("Farah", "Siddiqui"),
    ("Gabriel", "Santos"),
    ("Hannah", "Goldberg"),
    ("Ibrahim", "Diallo"),
    ("Jasmine", "Wong"),
    ("Kwame", "Mensah"),
    ("Leila", "Karimi"),
    ("Marco", "Rossi"),
    ("Nadia", "Haddad"),
    ("Owen", "MacDonald"),
    ("Priya", "Patel"),
    ("Quinn", "O'Brien"),
    ("Rosa", "Delgado"),
    ("Samuel", "Osei"),
    ("Tamara", "Ivanova"),
    ("Usman", "Qureshi"),
    ("Valérie", "Bergeron"),
    ("Wei", "Zhang"),
    ("Ximena", "Flores"),
    ("Yusuf", "Ahmed"),
    ("Zoe", "Campbell"),
    ("Adrian", "Kowalski"),
    ("Bianca", "Ferreira"),
)
