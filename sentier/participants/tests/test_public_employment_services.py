"""Participants of the public employment services (000: the service plan is also offered "aux
participants des services publics d'emploi", who may not be on assistance): a caseworker opens
their file by hand; the rules give them the service plan, not the support plan (001) nor PAAS
Action (002); every page, filter and the API read their file."""

from __future__ import annotations

from typing import Any, cast

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

import sentier_rules
from sentier.decisions.actions import decide_for_participant, reevaluate_caseload
from sentier.decisions.models import Decision
from sentier.intake.steps import ProgramForm
from sentier.paas.actions import IneligibleError
from sentier.paas.models import Placement
from sentier.paas.tests.placement_helpers import grant, opex, place
from sentier.participants.actions import open_participant_file
from sentier.participants.forms import OpenFileForm
from sentier.participants.models import EventKind, Participant, TimelineEvent
from sentier.plans.selectors import support_plan_offer
from sentier.reference.models import Program, Region
from sentier.serviceplans import actions as serviceplan_actions
from sentier.serviceplans.models import InitiatorKind, Situation
from sentier.serviceplans.networks import ensure_networks

pytestmark = pytest.mark.django_db

OPEN = reverse("participants:open")


def _form(**overrides: Any) -> dict[str, Any]:
    data = {
        "first_name": "Samira",
        "last_name": "Ouellet",
        "birth_date": "1990-05-17",
        "program": str(Program.objects.get(code="SPE").pk),
        "email": "",
        "phone": "450 555-0142",
        "postal_code": "h7n 2k3",
        "preferred_language": "fr-ca",
    }
    data.update(overrides)
    return data


@pytest.fixture
def spe_participant(personas: dict[str, Any]) -> Participant:
    return open_participant_file(
        actor=personas["caseworker_laval"],
        first_name="Samira",
        last_name="Ouellet",
        region=Region.objects.get(code="13"),
        program=Program.objects.get(code="SPE"),
        caseworker=personas["caseworker_laval"],
    )


def _rows() -> list[Any]:
    return list(Participant.objects.order_by("pk").values())


# ---- Opening the file from the screens ----


def test_a_caseworker_opens_a_public_employment_services_file(
    client_for: Any, personas: dict[str, Any]
) -> None:
    client = client_for("caseworker_laval")
    page = client.get(OPEN)
    assert page.status_code == 200
    assert "Services publics d’emploi" in page.content.decode()

    response = client.post(OPEN, _form())

    participant = Participant.objects.get(last_name="Ouellet")
    assert response.status_code == 302
    assert response["Location"] == reverse("participants:file", args=[participant.uuid])
    assert participant.program.code == "SPE"
    assert participant.region.code == "13"
    assert participant.caseworker == personas["caseworker_laval"]
    assert participant.assigned_at is not None
    assert participant.postal_code == "H7N 2K3"
    opened = TimelineEvent.objects.filter(participant=participant, kind=EventKind.FILE_OPENED)
    assert opened.exists()


def test_the_caseload_links_to_the_page_for_caseworkers_only(client_for: Any) -> None:
    caseload = reverse("participants:caseload")
    assert OPEN in client_for("caseworker_laval").get(caseload).content.decode()
    assert OPEN not in client_for("coordinator").get(caseload).content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("last_name", ""),
        ("phone", "123"),
        ("postal_code", "12345"),
        ("birth_date", "9999-12-31"),
        ("program", "999999"),
        ("program", ""),
    ],
)
def test_bad_input_is_a_field_error_and_opens_nothing(
    client_for: Any, field: str, value: str
) -> None:
    before = _rows()
    response = client_for("caseworker_laval").post(OPEN, _form(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert _rows() == before


@pytest.mark.parametrize("persona", ["coordinator", "partner_opex", "participant", "analyst"])
def test_only_a_caseworker_opens_a_file(client_for: Any, persona: str) -> None:
    before = _rows()
    assert client_for(persona).post(OPEN, _form()).status_code == 403
    assert client_for(persona).get(OPEN).status_code == 403
    assert _rows() == before


def test_not_in_the_ontario_configuration(client_for: Any, settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    before = _rows()
    assert client_for("caseworker_laval").post(OPEN, _form()).status_code in (403, 404)
    assert _rows() == before


def test_the_form_lists_this_jurisdictions_programs_and_the_application_only_assistance() -> None:
    opened = str(OpenFileForm()["program"])
    assert "Services publics d’emploi" in opened
    applied_field = ProgramForm().fields["program"]
    assert isinstance(applied_field, forms.ChoiceField)
    applied = {code for code, _label in cast(list[tuple[str, str]], applied_field.choices)}
    assert applied == {"PAS", "PSS", "POE", "PRB"}


# ---- The rules: a service plan, not the support plan nor PAAS Action ----


def test_the_rules_offer_a_service_plan_and_deny_the_assistance_measures(
    personas: dict[str, Any], spe_participant: Participant
) -> None:
    today = timezone.localdate()
    actor = personas["caseworker_laval"]
    service = decide_for_participant(
        actor=actor, participant=spe_participant, measure="service_plan", date=today
    )
    support = decide_for_participant(
        actor=actor, participant=spe_participant, measure="support_plan", date=today
    )
    paas = decide_for_participant(
        actor=actor, participant=spe_participant, measure="paas_action", date=today, weekly_hours=10
    )
    assert service.eligible
    assert not support.eligible
    assert not paas.eligible
    assert not paas.amounts  # no 173 $ allowance
    codes = {r["code"] for d in (service, support, paas) for r in d.reasons}
    assert "benefit_unchanged" not in codes  # no benefit to speak of
    assert "voluntary_no_assistance" in codes


def test_a_service_plan_is_requested_and_approved_for_them(
    personas: dict[str, Any], spe_participant: Participant
) -> None:
    ensure_networks()
    request = serviceplan_actions.request_service_plan(
        actor=personas["caseworker_laval"],
        participant=spe_participant,
        situations=Situation.objects.filter(code__in=["needs_several_services"]),
        reasons="Plusieurs réseaux interviennent auprès de la personne.",
        initiator_kind=InitiatorKind.MINISTRY,
    )
    plan = serviceplan_actions.approve_request(actor=personas["coordinator"], request=request)
    assert plan.participant == spe_participant


def test_no_invitation_to_the_support_plan_the_service_plan_said_available(
    spe_participant: Participant,
) -> None:
    offer = support_plan_offer(spe_participant)
    assert not offer.offered
    assert not offer.paas_action
    assert offer.service_plan


def test_the_triage_recommends_only_what_the_rules_allow() -> None:
    answers: dict[str, str | list[str] | None] = {
        "wants_support": "yes",
        "difficulties": ["housing"],
        "wants_activities": "yes",
    }
    outcome = sentier_rules.triage(
        answers,
        date=timezone.localdate().isoformat(),
        jurisdiction="QC",
        program="SPE",
        region="13",
        application_channel="online",
    )
    assert outcome["path"] not in {"support_plan", "paas_action"}
    situations: dict[str, str | list[str] | None] = {
        "needs_several_services": "yes",
        "major_crisis": "yes",
    }
    outcome = sentier_rules.triage(
        situations,
        date=timezone.localdate().isoformat(),
        jurisdiction="QC",
        program="SPE",
        region="13",
        application_channel="online",
    )
    assert outcome["path"] == "service_plan"


def test_the_caseload_reevaluation_reads_their_file(spe_participant: Participant) -> None:
    run = reevaluate_caseload(measure="service_plan", date=timezone.localdate())
    assert run.pk is not None


# ---- Every page, filter and the API read their file ----


def test_file_caseload_filter_history_and_api_read_their_file(
    client_for: Any, spe_participant: Participant
) -> None:
    client = client_for("caseworker_laval")
    file_page = client.get(reverse("participants:file", args=[spe_participant.uuid]))
    assert file_page.status_code == 200
    assert "Services publics d’emploi" in file_page.content.decode()
    filtered = client.get(reverse("participants:caseload"), {"scope": "all", "program": "SPE"})
    assert filtered.status_code == 200
    assert [p.pk for p in filtered.context["page"].object_list] == [spe_participant.pk]
    history = client.get(reverse("participants:history", args=[spe_participant.uuid]))
    assert history.status_code == 200
    api = client.get(f"/api/v1/participants/{spe_participant.uuid}")
    assert api.status_code == 200
    assert api.json()["program"] == "SPE"
    # The coordinator's region panel counts files by program; the statistics page by program.
    assert client_for("coordinator").get("/fr-ca/").status_code == 200
    statistics = client_for("analyst").get("/fr-ca/statistics/")
    assert statistics.status_code == 200
    assert "Services publics d’emploi" in statistics.content.decode()


def test_a_paas_action_placement_is_refused_and_nothing_but_the_decision_is_written(
    personas: dict[str, Any], spe_participant: Participant
) -> None:
    grant(personas, opex(personas), "13")
    events = spe_participant.events.count()
    with pytest.raises(IneligibleError):
        place(personas, spe_participant, opex(personas))
    assert not Placement.objects.filter(participant=spe_participant).exists()
    # The rules' answer is kept on the file, as for anyone refused (paas.actions).
    refused = Decision.objects.filter(participant=spe_participant).get()
    assert not refused.eligible
    assert spe_participant.events.count() == events + 1
