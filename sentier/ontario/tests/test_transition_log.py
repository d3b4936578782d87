"""Every Ontario lifecycle logs its moves: OW applications, common assessments, ODSP
applications and their Disability Determination Packages."""

from __future__ import annotations

from typing import Any

from django.test import Client

from sentier.core.models import Transition
from sentier.ontario import actions, mailing, states
from sentier.ontario.models import CommonAssessment, DeterminationPackage
from sentier.ontario.tests.helpers import odsp_of, ow_of, send_application


def moves(lifecycle: Any, obj: Any) -> list[tuple[str, str, str]]:
    rows = Transition.objects.filter(lifecycle=lifecycle.name, object_id=obj.pk)
    return [(t.from_status, t.to_status, t.side) for t in rows]


def test_an_ow_application_and_its_assessment_log_their_moves(ontario: dict[str, Any]) -> None:
    ow = ow_of(send_application(Client(), ready=False, consent=False))
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    assert moves(states.OW_APPLICATION, ow) == [
        ("", "pending", states.APPLICANT),
        ("pending", "granted", states.OW_INTAKE),
    ]
    assessment = CommonAssessment.objects.get()
    actions.put_action_plan_in_place(
        actor=ontario["tara"], assessment=assessment, goal="Goal", activities="Steps"
    )
    actions.complete_assessment(actor=ontario["tara"], assessment=assessment, summary="Ok")
    assert moves(states.ASSESSMENT, assessment) == [
        ("", "to_do", states.OW_STAFF),
        ("to_do", "done", states.OW_STAFF),
    ]
    last = Transition.objects.filter(lifecycle=states.ASSESSMENT.name).last()
    assert last is not None
    assert last.actor == ontario["tara"]


def test_an_odsp_application_and_its_package_log_their_moves(ontario: dict[str, Any]) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    assert moves(states.ODSP_APPLICATION, odsp) == [
        ("", "received", states.APPLICANT),
        ("received", "confirmed", states.ODSP_INTAKE),
    ]
    package = DeterminationPackage.objects.get()
    mailing.mark_packages_mailed(actor=ontario["iris"], packages=[package])
    assert moves(states.PACKAGE, package) == [
        ("", "queued", states.ODSP_INTAKE),
        ("queued", "mailed", states.ODSP_INTAKE),
    ]
