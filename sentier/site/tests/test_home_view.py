"""Each role lands on its own home page; anonymous visitors get the welcome page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("caseworker_laval", "Ma charge de cas"),
        ("caseworker_montreal", "Montréal-Centre"),
        ("coordinator", "Personnel intervenant de ma région"),
        ("partner_opex", "OPEX"),
        ("partner_sorif", "SORIF"),
        ("participant", "Voir mon dossier"),
        ("analyst", "Personnes participantes par région"),
        ("admin", "Ouvrir l’administration"),
    ],
)
def test_each_persona_reaches_their_home(client_for: Any, persona: str, expected: str) -> None:
    response = client_for(persona).get("/fr-ca/")
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_home_in_english(client_for: Any) -> None:
    response = client_for("caseworker_laval").get("/en-ca/")
    assert "My caseload" in response.content.decode()


def test_anonymous_gets_the_welcome_page(client: Any) -> None:
    response = client.get("/fr-ca/")
    assert response.status_code == 200


def test_root_redirects_to_a_language(client: Any) -> None:
    assert client.get("/")["Location"] == "/fr-ca/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-CA,en")["Location"] == "/en-ca/"


@pytest.mark.parametrize("persona", ["partner_opex", "participant", "caseworker_laval"])
def test_statistics_refused_to_roles_without_it(client_for: Any, persona: str) -> None:
    assert client_for(persona).get("/fr-ca/statistics/").status_code == 403


def test_statistics_show_aggregates_only(client_for: Any, laval_participant: Any) -> None:
    response = client_for("analyst").get("/fr-ca/statistics/")
    assert response.status_code == 200
    assert laval_participant.last_name not in response.content.decode()
