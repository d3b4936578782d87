"""Demo data for sentier.ontario (idempotent; called by ``sentier load_demo``).

Only in the Ontario configuration (``SENTIER_JURISDICTION=on make run``): the Québec demo is
left exactly as it is. Creates the Ontario personas (password as the other demo personas) and,
through the real actions, a few Ontario Works and ODSP applications: one ready to be granted and
fast-tracked to Employment Ontario, clients in the common assessment queue, an action plan
whose review is overdue, ODSP applications to confirm and a package queued for mailing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.core.demo import DEMO_PASSWORD, Persona, ensure_persona
from sentier.intake.actions import save_step, start_application, submit_application
from sentier.intake.models import Application, Channel
from sentier.ontario import actions
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
        "coordinator_toronto",
        "coordinator.toronto@sentier.demo",
        "Chris",
        "Morrison",
        Role.COORDINATOR,
        region="ON33",
        language="en-ca",
    ),
)


def _send(
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
) -> Application:
    """An application sent through the real actions (as the pages would save it)."""
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
    users = {persona.key: ensure_persona(persona, password) for persona in ONTARIO_PERSONAS}
    UnitMembership.objects.update_or_create(
        user=users["odsp_intake"], defaults={"unit": Unit.ODSP_INTAKE}
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
    now = timezone.now()

    # Waiting for the grant: ready and consenting (fast track at grant), and a First Nations site.
    _send(first="Maya", last="Singh", program="OW", ready=True, consent=True)
    _send(first="Daniel", last="Whitecloud", program="OW", ready=True, first_nations_site=True)

    # Already granted: one fast-tracked to Employment Ontario, two in the common assessment.
    fast = _send(first="Amir", last="Rahimi", program="OW", ready=True, consent=True)
    actions.grant_ow_application(
        actor=tara, ow_application=OWApplication.objects.get(application=fast)
    )
    for first, last in (("Grace", "Okafor"), ("Lucas", "Tremblay")):
        granted = _send(first=first, last=last, program="OW", language="fr-ca")
        actions.grant_ow_application(
            actor=tara, ow_application=OWApplication.objects.get(application=granted)
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
    earlier = _send(first="Sofia", last="Martins", program="OW")
    actions.grant_ow_application(
        actor=tara,
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
    _send(first="Noor", last="Haddad", program="ODSP")
    _send(
        first="Peter",
        last="Lindqvist",
        program="ODSP",
        channel=Channel.PHONE,
        entered_by=iris,
        region="ON40",
        city="Kenora",
    )
    queued = _send(first="Hélène", last="Bouchard", program="ODSP", language="fr-ca")
    actions.confirm_odsp_financial_eligibility(
        actor=iris, odsp_application=ODSPApplication.objects.get(application=queued)
    )
    member = _send(first="Walter", last="Kim", program="ODSP")
    actions.confirm_odsp_financial_eligibility(
        actor=iris,
        odsp_application=ODSPApplication.objects.get(application=member),
        prescribed_class=PrescribedClass.objects.get(code="cpp_qpp_disability"),
    )
