"""The public directory and the consent page's organizations are the jurisdiction's own (issue
21): Ontario lists its demo HSDS set (Employment Ontario and community services by service
area, marked as demonstration data), never an RSSMO member; Québec never lists an Ontario one."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import translation

from sentier.consent.forms import ChoiceForm
from sentier.consent.models import Purpose
from sentier.network.demo import load_ontario_directory
from sentier.network.forms import DirectoryFilterForm
from sentier.network.models import Organization, service_kinds_here
from sentier.network.selectors import list_current_organizations
from sentier.reference.loading import LoadReport, load_ontario_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def ontario_directory(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    with translation.override(django_settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        load_ontario_data(LoadReport())
    assert load_ontario_directory()["organization"] == 7
    assert load_ontario_directory() == {}  # idempotent


def test_the_ontario_directory_lists_ontario_services_only(
    client: Client, ontario_directory: None
) -> None:
    page = client.get("/en-ca/directory/").content.decode()
    assert "Employment Ontario service system managers and providers" in page
    assert "Demonstration data." in page
    assert "Demo · Employment Ontario provider, downtown Toronto" in page
    assert "RSSMO" not in page
    for member in Organization.objects.filter(rssmo_member=True)[:60]:
        assert member.name not in page
    toronto = client.get("/en-ca/directory/", {"region": "ON33"}).content.decode()
    assert "Demo · Community housing help, Toronto" in toronto
    assert "Demo · Employment Ontario provider, Ottawa" not in toronto
    assert "City of Toronto" in toronto


def test_the_consent_page_offers_ontario_organizations_only(ontario_directory: None) -> None:
    form = ChoiceForm(purpose=Purpose.REFERRAL)
    offered = set(form.fields["recipient_organization"].queryset)  # type: ignore[attr-defined]
    assert offered
    assert not any(organization.rssmo_member for organization in offered)
    assert all(
        organization.slug.startswith("demo-on-") or organization.slug == "employment-ontario"
        for organization in offered
    )


def test_quebec_lists_no_ontario_organization(ontario_directory: None, settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "qc"
    slugs = set(list_current_organizations().values_list("slug", flat=True))
    assert "employment-ontario" not in slugs
    assert not any(slug.startswith("demo-on-") for slug in slugs)
    assert Organization.objects.filter(rssmo_member=True, slug__in=slugs).count() == 49


@pytest.mark.parametrize(
    ("jurisdiction", "offered", "absent"),
    [("on", "employment_ontario", "paas_action"), ("qc", "paas_action", "employment_ontario")],
)
def test_kinds_of_service_are_the_jurisdictions_own(
    settings: Any, jurisdiction: str, offered: str, absent: str
) -> None:
    settings.SENTIER_JURISDICTION = jurisdiction
    kinds = [value for value, _label in service_kinds_here()]
    assert offered in kinds
    assert absent not in kinds
    assert "employability" in kinds  # shared kinds stay everywhere
    page_kinds = DirectoryFilterForm().fields["kind"].widget.choices
    form_kinds = [value for value, _label in page_kinds]
    assert offered in form_kinds
    assert absent not in form_kinds
