"""The simulation page: analysts and administrators simulate, save, re-run and export; other
roles cannot; bad input gets field errors and leaves nothing behind."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from sentier.simulations.models import SavedSimulation, SimulationRun

pytestmark = pytest.mark.django_db

# What changes on every response: the CSRF token and the CSP nonce.
VOLATILE = re.compile(rb'((?:name="csrfmiddlewaretoken" value|nonce)=")[^"]+')

MONTREAL = {
    "date": "2027-01-15",
    "path_1": "support_plan.regions.06",
    "start_1": "2027-01-01",
    "value_1": "oui",
}


def test_analyst_simulates_montreal_joining(client_for: Any, montreal_participant: Any) -> None:
    client = client_for("analyst")

    response = client.post(reverse("simulations:home"), MONTREAL)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Résultats au" in page or "Results on" in page
    assert "06 Montr" in page
    run = SimulationRun.objects.get()
    assert run.user is not None
    assert run.channel == "page"
    assert run.changes == [{"path": "support_plan.regions.06", "from": "2027-01-01", "value": True}]


def test_the_form_offers_the_rules_parameters_with_labels_and_sources(client_for: Any) -> None:
    page = client_for("admin").get(reverse("simulations:home")).content.decode()

    assert 'value="support_plan.regions.06"' in page
    assert 'value="paas_action.monthly_allowance"' in page
    assert "triage.thresholds" not in page
    assert "PAAS Action" in page


@pytest.mark.parametrize("persona", ["caseworker_laval", "coordinator", "participant"])
def test_other_roles_cannot_simulate(client_for: Any, persona: str) -> None:
    client = client_for(persona)

    assert client.get(reverse("simulations:home")).status_code == 403
    assert client.post(reverse("simulations:home"), MONTREAL).status_code == 403
    assert client.post(reverse("simulations:save"), {**MONTREAL, "title": "x"}).status_code == 403
    assert not SimulationRun.objects.exists()
    assert not SavedSimulation.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**MONTREAL, "value_1": "peut-être"}, "value_1"),
        ({**MONTREAL, "path_1": "support_plan.regions.99"}, "path_1"),
        ({**MONTREAL, "start_1": "2027-02-30"}, "start_1"),
        ({**MONTREAL, "date": "hier"}, "date"),
        ({**MONTREAL, "path_1": "paas_action.monthly_allowance", "value_1": "-3"}, "value_1"),
        ({"date": "2027-01-15"}, "path_1"),
    ],
)
def test_bad_input_gets_a_field_error_and_runs_nothing(
    client_for: Any, data: dict[str, str], field: str
) -> None:
    response = client_for("analyst").post(reverse("simulations:home"), data)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not SimulationRun.objects.exists()


def test_save_open_rerun_and_export(client_for: Any, montreal_participant: Any) -> None:
    client = client_for("analyst")

    response = client.post(reverse("simulations:save"), {**MONTREAL, "title": "Montréal joins"})

    simulation = SavedSimulation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("simulations:detail", args=[simulation.uuid])
    assert simulation.changes[0]["path"] == "support_plan.regions.06"
    assert simulation.reference_date.isoformat() == "2027-01-15"
    page = client.get(response["Location"]).content.decode()
    assert "Montréal joins" in page
    assert "+    2027-01-01:" in page
    rerun = client.post(reverse("simulations:rerun", args=[simulation.uuid])).content.decode()
    assert "Rien n’a changé" in rerun or "Nothing changed" in rerun
    patch = client.get(reverse("simulations:yaml", args=[simulation.uuid]))
    assert patch["Content-Disposition"].startswith("attachment")
    assert b"b/sentier_rules/parameters/support_plan/regions.yaml" in patch.content
    assert SimulationRun.objects.filter(simulation=simulation).count() == 2


def test_rerun_says_what_changed_since(client_for: Any, montreal_participant: Any) -> None:
    client = client_for("analyst")
    client.post(reverse("simulations:save"), {**MONTREAL, "title": "Montréal joins"})
    simulation = SavedSimulation.objects.get()
    frozen = dict(simulation.results)
    simulation.results = {**frozen, "files": frozen["files"] - 1}
    simulation.save()

    page = client.post(reverse("simulations:rerun", args=[simulation.uuid])).content.decode()

    assert "files" in page
    simulation.refresh_from_db()
    assert simulation.results["files"] == frozen["files"] - 1  # frozen stays frozen


def test_save_without_title_is_refused(client_for: Any) -> None:
    response = client_for("analyst").post(reverse("simulations:save"), MONTREAL)

    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert not SavedSimulation.objects.exists()


def test_someone_elses_role_gets_the_same_404(client_for: Any, montreal_participant: Any) -> None:
    client_for("analyst").post(reverse("simulations:save"), {**MONTREAL, "title": "M"})
    simulation = SavedSimulation.objects.get()
    caseworker = client_for("caseworker_montreal")

    hidden = caseworker.get(reverse("simulations:detail", args=[simulation.uuid]))
    nobody = "00000000-0000-0000-0000-000000000000"
    missing = caseworker.get(reverse("simulations:detail", args=[nobody]))

    assert hidden.status_code == missing.status_code == 404
    # The same page, but for the address it was asked at (the language links name it).
    assert VOLATILE.sub(rb"\1", hidden.content.replace(str(simulation.uuid).encode(), b"?")) == (
        VOLATILE.sub(rb"\1", missing.content.replace(nobody.encode(), b"?"))
    )


def test_the_page_is_in_english_too(client_for: Any, montreal_participant: Any) -> None:
    response = client_for("analyst").post("/en-ca/simulations/", MONTREAL)

    page = response.content.decode()
    assert "Personalized support plan" in page
    assert "With the changes" in page
