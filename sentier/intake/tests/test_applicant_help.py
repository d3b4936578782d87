"""Plain-language help where the applicant meets PAS, PSS, POE, PRB, the claim booklet and PAAS
Action: in the application, on the result page and in "My file", in French and English, as
<details> disclosures that work without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.intake.models import Recommendation
from sentier.intake.tests.helpers import fill, start_online, step_url
from sentier.participants.models import Participant
from sentier.reference.models import Program

pytestmark = pytest.mark.django_db

PROGRAM_HELP = {
    "fr-ca": (
        "Que veulent dire PAS, PSS, POE et PRB?",
        "Le Programme d’aide sociale (PAS) donne de l’argent chaque mois",
        "Le Programme de solidarité sociale (PSS)",
        "Le Programme objectif emploi (POE)",
        "Le Programme de revenu de base (PRB)",
    ),
    "en-ca": (
        "What do PAS, PSS, POE and PRB mean?",
        "The Social Assistance Program (PAS) gives money each month",
        "The Social Solidarity Program (PSS)",
        "The Aim for Employment Program (POE)",
        "The Basic Income Program (PRB)",
    ),
}


@pytest.mark.parametrize("language", ["fr-ca", "en-ca"])
def test_the_program_question_explains_each_program(client: Client, language: str) -> None:
    application = start_online(client)
    page = client.get(step_url(application, "program", language)).content.decode()
    for text in PROGRAM_HELP[language]:
        assert text in page
    assert "<details><summary>" in page


def test_the_claim_booklet_question_says_what_it_is_next_to_the_field(client: Client) -> None:
    application = start_online(client)
    page = client.get(step_url(application, "program")).content.decode()
    assert 'aria-describedby="id_claim_booklet_helptext"' in page
    assert "Le carnet de réclamation est un document du Ministère" in page


def test_no_quebec_program_help_in_the_ontario_configuration(client: Client, settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    application = start_online(client)
    page = client.get(step_url(application, "program")).content.decode()
    assert "Que veulent dire PAS" not in page
    assert "carnet de réclamation" not in page


def sent(client: Client) -> Recommendation:
    application = start_online(client)
    fill(client, application)
    client.post(reverse("intake:summary", args=[application.resume_key]))
    return Recommendation.objects.get(application=application)


def test_the_result_page_explains_paas_action_when_it_is_suggested(client: Client) -> None:
    recommendation = sent(client)
    url = reverse("intake:confirmation", args=[recommendation.application.resume_key])
    Recommendation.objects.filter(pk=recommendation.pk).update(path="support_plan")
    assert "Qu’est-ce que le PAAS Action?" not in client.get(url).content.decode()
    Recommendation.objects.filter(pk=recommendation.pk).update(path="paas_action")
    page = client.get(url).content.decode()
    assert "Qu’est-ce que le PAAS Action?" in page
    assert "jusqu’à 20 heures par semaine" in page
    english = client.get(url.replace("/fr-ca/", "/en-ca/", 1)).content.decode()
    assert "What is PAAS Action?" in english


def test_my_file_explains_my_program_and_the_claim_booklet(
    client_for: Any, laval_participant: Participant
) -> None:
    laval_participant.program = Program.objects.get(code="POE")
    laval_participant.save(update_fields=["program"])
    page = client_for("participant").get(reverse("participants:my_file")).content.decode()
    assert "Qu’est-ce que le POE?" in page
    assert "Qu’est-ce que le PSS?" not in page
    assert "Qu’est-ce qu’un carnet de réclamation?" in page
