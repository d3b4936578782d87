"""Ontario test helpers: personas, and applications sent through the real application pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.core.models import Transition
from sentier.intake.models import Application
from sentier.ontario.models import (
    ODSPApplication,
    OWApplication,
    RefusalNotice,
    Unit,
    UnitMembership,
)
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import TimelineEvent
from sentier.reference.loading import LoadReport, load_ontario_data
from sentier.reference.models import FirstNationsSite, Region

ON_GOOD: dict[str, dict[str, Any]] = {
    "identity": {
        "first_name": "Maya",
        "last_name": "Singh",
        "birth_date": "1991-04-12",
        "preferred_language": "en-ca",
    },
    "contact": {
        "phone": "416 555-0142",
        "email": "maya@example.org",
        "address": "100 Queen St W",
        "city": "Toronto",
        "postal_code": "m5h2n2",
        "region": "ON33",
    },
    "household": {"household_type": "single", "adults": "1", "children": "0"},
    "program": {"program": "OW", "asylum_seeker": ""},
}


def build_ontario_world() -> dict[str, User]:
    """The Ontario reference data (``load_ontario_data``) and the Ontario personas; what the
    ``ontario`` fixture puts back in each test (``SENTIER_JURISDICTION=on`` set first)."""
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    return make_ontario_personas()


def make_ontario_personas() -> dict[str, User]:
    toronto = Region.objects.get(code="ON33")
    ottawa = Region.objects.get(code="ON23")

    def user(key: str, role: str, region: Region | None, first: str, last: str) -> User:
        found, _created = User.objects.get_or_create(
            email=f"{key}@on.sentier.test",
            defaults={"role": role, "region": region, "first_name": first, "last_name": last},
        )
        return found

    people = {
        "tara": user("tara", Role.CASEWORKER, toronto, "Tara", "Toronto"),
        "omar": user("omar", Role.CASEWORKER, ottawa, "Omar", "Ottawa"),
        "iris": user("iris", Role.CASEWORKER, toronto, "Iris", "Intake"),
        "wendy": user("wendy", Role.CASEWORKER, ottawa, "Wendy", "Works"),
        "chris": user("chris", Role.COORDINATOR, toronto, "Chris", "Coordinator"),
        "admin": user("admin", Role.ADMINISTRATOR, None, "Ana", "Admin"),
        "applicant": user("applicant", Role.PARTICIPANT, None, "Maya", "Singh"),
    }
    UnitMembership.objects.get_or_create(user=people["iris"], defaults={"unit": Unit.ODSP_INTAKE})
    # The provincial OW intake unit: her account names Ottawa, she decides Toronto's too.
    UnitMembership.objects.get_or_create(user=people["wendy"], defaults={"unit": Unit.OW_INTAKE})
    return people


def step_url(application: Application, step: str) -> str:
    return reverse("intake:step", kwargs={"resume_key": application.resume_key, "step": step})


def _usual_channel(contact: dict[str, Any]) -> str:
    if contact.get("email"):
        return "email"
    if all(contact.get(key) for key in ("address", "city", "postal_code")):
        return "letter"
    return "phone"


def send_application(
    client: Client,
    *,
    application: Application | None = None,
    program: str = "OW",
    ready: bool = True,
    consent: bool = True,
    first_nations_site: bool = False,
    questionnaire: dict[str, str] | None = None,
    **overrides: dict[str, Any],
) -> Application:
    """Fill and send an Ontario application through its pages (online unless ``application``
    is an assisted draft); returns it, sent."""
    if application is None:
        assert client.post(reverse("intake:start")).status_code == 302
        application = Application.objects.latest("created_at")
    for step, data in ON_GOOD.items():
        values = {**data, **overrides.get(step, {})}
        if step == "program":
            values["program"] = program
        if step == "contact" and "told_by" not in values:
            # Asked only when staff enter the application (phone, in person; ignored online):
            # unless a test says otherwise, what Sentier would choose by itself.
            values["told_by"] = _usual_channel(values)
        if step == "contact" and first_nations_site:
            values["first_nations_site"] = "on"
            site = FirstNationsSite.objects.filter(active=True).order_by("name", "id").first()
            if site is not None:  # the site that serves the person (asked once sites exist)
                values.setdefault("first_nations_office", site.code)
        response = client.post(step_url(application, step), values)
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    answers = {"job_start": "yes" if ready else "no", **(questionnaire or {})}
    response = client.post(step_url(application, "questionnaire"), answers)
    assert response.status_code == 302
    # The consent page is asked only where the fast track can apply (online OW, not at a First
    # Nations site).
    asked = program == "OW" and not first_nations_site and application.channel == "online"
    assert response["Location"].endswith("/eo_consent/") == asked, response["Location"]
    if asked:
        response = client.post(
            step_url(application, "eo_consent"), {"eo_consent": "on"} if consent else {}
        )
        assert response.status_code == 302
    response = client.post(reverse("intake:summary", kwargs={"resume_key": application.resume_key}))
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    return application


def ow_of(application: Application) -> OWApplication:
    return OWApplication.objects.get(application=application)


def odsp_of(application: Application) -> ODSPApplication:
    return ODSPApplication.objects.get(application=application)


def refusal_notices_state(**where: Any) -> tuple[Any, ...]:
    """The refusal notices (of ``where``: a participant, or all), the timeline events and the
    transitions: equal before and after a refused action."""
    return (
        list(
            RefusalNotice.objects.filter(**where)
            .order_by("pk")
            .values_list("status", "sha256", "sent_at", "street", "postal_code")
        ),
        TimelineEvent.objects.filter(**where).count(),
        Transition.objects.count(),
    )


def notice_events(participant_id: int) -> list[dict[str, Any]]:
    """What the file's timeline says of its refusal notice, oldest first."""
    return [
        event.data
        for event in TimelineEvent.objects.filter(
            participant_id=participant_id, kind=OntarioEventKind.REFUSAL_NOTICE
        ).order_by("id")
    ]
