"""ODSP centralized intake: every channel lands in the intake unit's queue, separate from OW;
confirming financial eligibility generates the Disability Determination Package (PDF, in the
applicant's language) and queues it for mailing, except for a member of a prescribed class."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from sentier.core.formatting import long_date
from sentier.intake.actions import start_application
from sentier.intake.models import Channel, Recommendation
from sentier.intake.selectors import review_queue_for_user
from sentier.ontario import actions
from sentier.ontario.models import DeterminationPackage, ODSPApplication, OWApplication
from sentier.ontario.odsp.selectors import odsp_received_for_user
from sentier.ontario.package import package_html
from sentier.ontario.selectors import pending_ow_for_user
from sentier.ontario.tests.helpers import odsp_of, send_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import TimelineEvent
from sentier.reference.models import PrescribedClass


@pytest.mark.parametrize("channel", [Channel.ONLINE, Channel.PHONE, Channel.IN_PERSON])
def test_odsp_applications_land_in_the_intake_unit_queue_not_with_ontario_works(
    ontario: dict[str, Any], channel: str
) -> None:
    client = Client()
    draft = None
    if channel != Channel.ONLINE:
        client.force_login(ontario["iris"])
        draft = start_application(channel=channel, entered_by=ontario["iris"])
    application = send_application(client, application=draft, program="ODSP")
    odsp = odsp_of(application)
    assert odsp.channel == channel
    assert list(odsp_received_for_user(ontario["iris"])) == [odsp]
    assert not OWApplication.objects.exists()
    assert not pending_ow_for_user(ontario["tara"]).exists()
    # Not in the local office's review queue either.
    assert Recommendation.objects.filter(participant=odsp.participant).exists()
    assert not review_queue_for_user(ontario["tara"]).exists()
    assert TimelineEvent.objects.filter(
        participant=odsp.participant, kind=OntarioEventKind.ODSP_INTAKE
    ).exists()


def test_confirming_eligibility_queues_the_package_in_the_applicants_language(
    ontario: dict[str, Any],
) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    package = DeterminationPackage.objects.get()
    assert package.status == "queued"
    assert package.language == "en-ca"
    assert bytes(package.pdf).startswith(b"%PDF-")
    odsp.refresh_from_db()
    html = package_html(odsp, at=package.generated_at)
    assert "Disability Determination Package for Maya Singh" in html
    assert 'lang="en-CA"' in html


def test_a_french_speaking_applicant_gets_a_french_package(ontario: dict[str, Any]) -> None:
    odsp = odsp_of(
        send_application(Client(), program="ODSP", identity={"preferred_language": "fr-ca"})
    )
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    odsp.refresh_from_db()
    assert odsp.confirmed_at is not None
    html = package_html(odsp, at=odsp.confirmed_at)
    assert 'lang="fr-CA"' in html
    # Rendered in French (independent of the catalog's progress: dates are Babel's).
    assert long_date(timezone.localdate(odsp.confirmed_at), "fr-ca") in html


def test_a_member_of_a_prescribed_class_gets_no_package(ontario: dict[str, Any]) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    member = PrescribedClass.objects.get(code="cpp_qpp_disability")
    actions.confirm_odsp_financial_eligibility(
        actor=ontario["iris"], odsp_application=odsp, prescribed_class=member
    )
    odsp.refresh_from_db()
    assert odsp.status == "confirmed"
    assert odsp.prescribed_class == member
    assert not DeterminationPackage.objects.exists()


def test_marking_mailed_once_and_only_once(ontario: dict[str, Any]) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    package = DeterminationPackage.objects.get()
    actions.mark_package_mailed(actor=ontario["iris"], package=package)
    package.refresh_from_db()
    assert package.status == "mailed"
    assert package.mailed_by == ontario["iris"]
    with pytest.raises(ValidationError):
        actions.mark_package_mailed(actor=ontario["iris"], package=package)


def test_confirming_twice_is_refused_and_generates_nothing_more(ontario: dict[str, Any]) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    with pytest.raises(ValidationError):
        actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    assert DeterminationPackage.objects.count() == 1


@pytest.mark.parametrize("who", ["tara", "omar", "chris"])
def test_ow_staff_and_coordinators_cannot_act_in_the_odsp_unit(
    ontario: dict[str, Any], who: str
) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    events = TimelineEvent.objects.count()
    with pytest.raises(PermissionDenied):
        actions.confirm_odsp_financial_eligibility(actor=ontario[who], odsp_application=odsp)
    odsp.refresh_from_db()
    assert odsp.status == "received"
    assert not DeterminationPackage.objects.exists()
    assert TimelineEvent.objects.count() == events


def test_ow_staff_cannot_mark_a_package_mailed(ontario: dict[str, Any]) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    package = DeterminationPackage.objects.get()
    with pytest.raises(PermissionDenied):
        actions.mark_package_mailed(actor=ontario["tara"], package=package)
    package.refresh_from_db()
    assert package.status == "queued"


def test_the_odsp_application_has_no_employment_ontario_consent_page(
    ontario: dict[str, Any],
) -> None:
    application = send_application(Client(), program="ODSP")
    assert "eo_consent" not in application.answers
    assert ODSPApplication.objects.count() == 1
