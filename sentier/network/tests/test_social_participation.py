"""Social participation, volunteering included, is a kind of service in the directory (003,
« Reconnaissance de la participation sociale »): loaded with the RSSMO members' services,
filtered in the public directory, exported as an HSDS taxonomy term, proposed by matching."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from sentier.network.forms import DirectoryFilterForm
from sentier.network.hsds.export import export_datapackage
from sentier.network.matching import match_for_participant, match_services
from sentier.network.models import Service, ServiceKind, service_kinds_here

pytestmark = pytest.mark.django_db

URL = "/fr-ca/directory/"


def _social() -> set[str]:
    return set(
        Service.objects.filter(kind=ServiceKind.SOCIAL_PARTICIPATION).values_list(
            "organization__slug", flat=True
        )
    )


def test_the_directory_data_has_social_participation_services() -> None:
    assert _social() == {"opex-82-via-travail", "cap-emploi", "cje-des-iles", "equitem"}
    volunteering = Service.objects.get(name="Bénévolat accompagné")
    assert [region.code for region in volunteering.regions.all()] == ["13"]
    assert volunteering.listed


@pytest.mark.parametrize("jurisdiction", ["qc", "on"])
def test_a_kind_of_service_in_both_jurisdictions(settings: Any, jurisdiction: str) -> None:
    settings.SENTIER_JURISDICTION = jurisdiction
    assert "social_participation" in dict(service_kinds_here())


def test_the_public_directory_filters_on_it(client: Client) -> None:
    response = client.get(URL, {"kind": "social_participation"})
    assert response.status_code == 200
    organizations = response.context["page"].object_list
    assert {organization.slug for organization in organizations} == _social()
    assert 'value="social_participation" selected' in response.content.decode()


def test_the_filter_form_offers_it() -> None:
    form = DirectoryFilterForm({"kind": "social_participation"})
    assert form.is_valid()
    assert form.cleaned_data["kind"] == "social_participation"


def test_matching_proposes_them_in_the_persons_region(laval_participant: Any) -> None:
    matches = match_for_participant(laval_participant, kind="social_participation")
    assert [m.service.name for m in matches] == ["Bénévolat accompagné"]
    everything = {m.service.kind for m in match_services(region="13", limit=200)}
    assert "social_participation" in everything
    assert match_services(region="06", kind="social_participation") == []


def test_the_hsds_export_names_the_kind(tmp_path: Path) -> None:
    export_datapackage(tmp_path)
    with (tmp_path / "taxonomy_term.csv").open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    assert "social_participation" in codes
