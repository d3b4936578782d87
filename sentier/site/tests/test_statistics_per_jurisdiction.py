"""The statistics page counts the files of this jurisdiction's regions and programs only, and
names them in the page's language (issue 21: no Québec region in Ontario's figures, and
"City of Toronto", not "Ville de Toronto", in English)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from sentier.accounts.models import Role, User
from sentier.ontario.demo import submit_ontario_application
from sentier.reference.loading import LoadReport, load_ontario_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ontario_analyst(settings: Any) -> Client:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    submit_ontario_application(first="Maya", last="Singh", program="OW")
    submit_ontario_application(first="Noor", last="Haddad", program="ODSP")
    analyst = User.objects.create(email="priya@on.sentier.test", role=Role.ANALYST)
    client = Client()
    client.force_login(analyst)
    return client


def test_ontario_statistics_count_ontario_files_only(
    ontario_analyst: Client, laval_participant: Any
) -> None:
    page = ontario_analyst.get("/en-ca/statistics/").content.decode()
    assert "City of Toronto" in page
    assert "Ontario Works" in page
    assert "Ontario Disability Support Program" in page
    for quebec in ("Laval", "Montréal", "Programme d’aide sociale", "Social Assistance Program"):
        assert quebec not in page
    assert "Ville de Toronto" not in page
    assert "Ontario au travail" not in page
    french = ontario_analyst.get("/fr-ca/statistics/").content.decode()
    assert "Ville de Toronto" in french
    assert "Ontario au travail" in french


def test_quebec_statistics_count_no_ontario_file(
    client_for: Any, ontario_analyst: Client, laval_participant: Any, settings: Any
) -> None:
    settings.SENTIER_JURISDICTION = "qc"
    page = client_for("analyst").get("/fr-ca/statistics/").content.decode()
    assert "13 Laval" in page
    assert "Toronto" not in page
    assert "Ontario" not in page
