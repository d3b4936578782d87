"""Demo rows for the ODSP centralized intake unit: a queue longer than one page, received over
three weeks by every channel, some assigned to Iris or to her colleague Malik, a day's mailing
of packages waiting to be printed, a few already mailed, one of them back and with the
Disability Adjudication Unit, one refused, one waiting for information; and a First Nations
site's own queue with its staff member Fay (the site is a *placeholder*: the sources give no
list of sites, and the demo says so).

``load_odsp_demo()`` is idempotent and runs after ``sentier.ontario.demo.load_demo`` (which
creates the Ontario personas, Iris among them); only in the Ontario configuration.
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
from sentier.intake.models import Channel
from sentier.ontario import actions, mailing
from sentier.ontario.models import (
    DeterminationPackage,
    ODSPApplication,
    ODSPRefusalReason,
    ODSPStatus,
    Unit,
    UnitMembership,
)
from sentier.ontario.odsp import actions as odsp_actions
from sentier.ontario.odsp.assignment import assign_odsp_application
from sentier.ontario.odsp.reference import PLACEHOLDER_SITES, load_odsp_reference
from sentier.reference.models import FirstNationsSite

#: Iris's colleague in the ODSP centralized intake unit (to assign applications to).
ODSP_COLLEAGUE = Persona(
    "odsp_intake_2",
    "odsp.intake2@sentier.demo",
    "Malik",
    "Haddad",
    Role.CASEWORKER,
    region="ON33",
    office="ODSP centralized intake",
    language="en-ca",
)

#: Staff of a First Nations site delivering ODSP (004 Q14): her site's queue only.
FIRST_NATIONS_STAFF = Persona(
    "first_nations_site",
    "first.nations.site@sentier.demo",
    "Fay",
    "Cardinal",
    Role.CASEWORKER,
    region="ON33",
    office="First Nations site A (placeholder, not a real site)",
    language="en-ca",
)

#: Applicants served by that site: first name, last name, address, city, postal code, area.
SITE_APPLICANTS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("Nina", "Whitehorse", "12 Lakeview Rd", "Sioux Lookout", "P8T 1A1", "ON40", "en-ca"),
    ("Tom", "Kakegamic", "4 Bay St", "Sioux Lookout", "P8T 1B2", "ON40", "en-ca"),
)

#: Applicants: first name, last name, street address, city, postal code, service area, language.
APPLICANTS: tuple[tuple[str, str, str, str, str, str, str], ...] = (
    ("Aisha", "Mohamed", "55 Bloor St W", "Toronto", "M4W 1A5", "ON33", "en-ca"),
    ("Benoît", "Lavoie", "210 rue Principale", "Hearst", "P0L 1N0", "ON39", "fr-ca"),
    ("Carmen", "Diaz", "18 King St E", "Hamilton", "L8N 1A1", "ON09", "en-ca"),
    ("Dmitri", "Volkov", "402 Rideau St", "Ottawa", "K1N 5Y6", "ON23", "en-ca"),
    ("Élise", "Cormier", "77 rue Main", "Sudbury", "P3E 1A1", "ON32", "fr-ca"),
    ("Farah", "Siddiqui", "9 Dundas St", "London", "N6A 1G1", "ON18", "en-ca"),
    ("Gabriel", "Ouellet", "31 chemin du Lac", "Timmins", "P4N 1B1", "ON39", "fr-ca"),
    ("Hannah", "Brooks", "120 Queen St", "Kingston", "K7K 1A1", "ON13", "en-ca"),
    ("Ibrahim", "Yusuf", "66 Main St", "Brampton", "L6V 1A1", "ON25", "en-ca"),
    ("Joëlle", "Gauthier", "14 rue Champlain", "Cornwall", "K6H 1A1", "ON04", "fr-ca"),
    ("Kwame", "Asante", "300 Yonge St", "Toronto", "M5B 1R4", "ON33", "en-ca"),
    ("Laura", "Bianchi", "8 Ouellette Ave", "Windsor", "N9A 1A1", "ON36", "en-ca"),
    ("Mei", "Chen", "45 Highway 7", "Markham", "L3R 1A1", "ON37", "en-ca"),
    ("Nathan", "Roy", "5 rue Notre-Dame", "Embrun", "K0A 1W0", "ON27", "fr-ca"),
    ("Olivia", "Martin", "19 Water St", "Peterborough", "K9H 1A1", "ON26", "en-ca"),
    ("Pierre", "Lachance", "2 rue Laurier", "Kapuskasing", "P5N 1A1", "ON39", "fr-ca"),
    ("Qadira", "Hassan", "88 Eglinton Ave E", "Toronto", "M4P 1A1", "ON33", "en-ca"),
    ("Rosa", "Ferreira", "23 Duke St", "Kitchener", "N2H 1A1", "ON34", "en-ca"),
    ("Samuel", "Baker", "61 Front St", "Belleville", "K8N 1A1", "ON10", "en-ca"),
    ("Tania", "Bélanger", "40 rue Queen", "Sturgeon Falls", "P2B 1A1", "ON42", "fr-ca"),
    ("Umar", "Qureshi", "150 Steeles Ave", "Toronto", "M2M 1A1", "ON33", "en-ca"),
    ("Valérie", "Poirier", "12 rue Victoria", "Welland", "L3B 1A1", "ON20", "fr-ca"),
    ("William", "Carter", "7 Simcoe St", "Barrie", "L4M 1A1", "ON29", "en-ca"),
    ("Xiomara", "Reyes", "33 Lakeshore Rd", "Mississauga", "L5H 1A1", "ON25", "en-ca"),
    ("Yannick", "Després", "9 rue Dollard", "Hawkesbury", "K6A 1A1", "ON27", "fr-ca"),
    ("Zainab", "Abdi", "260 Jane St", "Toronto", "M6S 1A1", "ON33", "en-ca"),
    ("André", "Lemieux", "4 rue Cartier", "Sudbury", "P3C 1A1", "ON32", "fr-ca"),
    ("Bridget", "O'Neill", "17 Wellington St", "Guelph", "N1H 1A1", "ON35", "en-ca"),
)


def _send(
    *,
    applicant: tuple[str, str, str, str, str, str, str],
    channel: str,
    entered_by: User | None,
    number: int,
    site: str = "",
) -> ODSPApplication:
    """An ODSP application sent through the real intake actions, with a full address."""
    first, last, address, city, postal_code, region, language = applicant
    application = start_application(channel=channel, entered_by=entered_by)
    answers: dict[str, dict[str, Any]] = {
        "identity": {
            "first_name": first,
            "last_name": last,
            "birth_date": dt.date(1960 + number % 35, 1 + number % 12, 1 + number % 27),
            "preferred_language": language,
        },
        "contact": {
            "phone": f"416 555-{200 + number:04d}",
            "email": "",
            "address": address,
            "city": city,
            "postal_code": postal_code.replace(" ", ""),
            "region": region,
            "first_nations_site": bool(site),
            **({"first_nations_office": site} if site else {}),
        },
        "household": {"household_type": "single", "adults": 1, "children": 0},
        "program": {"program": "ODSP", "asylum_seeker": False},
        "questionnaire": {"job_start": "no"},
    }
    for step, cleaned in answers.items():
        save_step(application=application, step=step, typed={}, cleaned=cleaned)
    submit_application(application_id=application.pk)
    return ODSPApplication.objects.get(application_id=application.pk)


@transaction.atomic
def load_odsp_demo() -> None:
    if settings.SENTIER_JURISDICTION != "on":
        return
    load_odsp_reference()
    iris = User.objects.filter(email="odsp.intake@sentier.demo").first()
    if iris is None:
        return  # the Ontario demo (its personas) comes first
    malik = ensure_persona(ODSP_COLLEAGUE, DEMO_PASSWORD)
    UnitMembership.objects.update_or_create(user=malik, defaults={"unit": Unit.ODSP_INTAKE})
    if ODSPApplication.objects.filter(participant__last_name=APPLICANTS[0][1]).exists():
        return
    now = timezone.now()
    channels = (Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON)
    confirmed: list[ODSPApplication] = []
    for number, applicant in enumerate(APPLICANTS):
        channel = channels[number % 3]
        received_at = now - dt.timedelta(days=21 - number * 0.7, hours=number % 5)
        odsp = _send(
            applicant=applicant,
            channel=channel,
            entered_by=None if channel == Channel.ONLINE else iris,
            number=number,
        )
        odsp.received_at = received_at
        odsp.save(update_fields=["received_at"])  # spread over three weeks, as a real queue is
        if number % 4 == 1:
            assign_odsp_application(actor=iris, odsp_application=odsp, assignee=iris)
        elif number % 4 == 3:
            assign_odsp_application(actor=malik, odsp_application=odsp, assignee=malik)
        if number < 9:  # the oldest are confirmed: their packages wait for the day's mailing
            actions.confirm_odsp_financial_eligibility(
                actor=iris, odsp_application=odsp, at=received_at + dt.timedelta(days=2)
            )
            confirmed.append(odsp)
    # The three oldest packages went out already.
    oldest = DeterminationPackage.objects.filter(odsp_application__in=confirmed[:3])
    mailing.mark_packages_mailed(actor=iris, packages=list(oldest.defer("pdf")))
    # The oldest came back and went to the Disability Adjudication Unit.
    first = DeterminationPackage.objects.defer("pdf").get(odsp_application=confirmed[0])
    odsp_actions.record_package_returned(
        actor=iris, package=first, returned_on=timezone.localdate()
    )
    odsp_actions.send_package_to_adjudication(actor=iris, package=first)
    # One refused, one waiting for information.
    waiting = list(
        ODSPApplication.objects.filter(status=ODSPStatus.RECEIVED).order_by("received_at", "id")
    )
    reason = ODSPRefusalReason.objects.filter(code="income_over_limit").first()
    if reason is not None and len(waiting) > 2:
        odsp_actions.refuse_odsp_application(actor=iris, odsp_application=waiting[0], reason=reason)
        odsp_actions.request_odsp_information(
            actor=iris,
            odsp_application=waiting[1],
            what="Your last three bank statements.",
            due_on=timezone.localdate() + dt.timedelta(days=14),
        )
    # A First Nations site's own queue (a placeholder site: the sources give no list).
    site = FirstNationsSite.objects.filter(code=PLACEHOLDER_SITES[0][0]).first()
    if site is None:
        return
    fay = ensure_persona(FIRST_NATIONS_STAFF, DEMO_PASSWORD)
    UnitMembership.objects.update_or_create(
        user=fay, defaults={"unit": Unit.FIRST_NATIONS_SITE, "first_nations_site": site}
    )
    for number, applicant in enumerate(SITE_APPLICANTS):
        _send(
            applicant=applicant,
            channel=Channel.IN_PERSON if number else Channel.ONLINE,
            entered_by=fay if number else None,
            number=number + len(APPLICANTS),
            site=site.code,
        )
