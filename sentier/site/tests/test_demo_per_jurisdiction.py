"""Each jurisdiction loads only its own reference and demo data (issue 21): an Ontario load
writes no Québec region, program, organization, persona or file, and a Québec load no Ontario one.

The session's database holds the Québec reference data and personas (``conftest.py``); the
Ontario test therefore looks at every row the Ontario loaders write or change, which on an empty
database is the whole Ontario database.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import Model

from sentier.accounts.demo import PERSONAS
from sentier.accounts.models import User
from sentier.network.models import Organization
from sentier.ontario import site_survey_demo
from sentier.participants.models import Participant
from sentier.reference.models import Jurisdiction, Program, Region
from sentier.site.demo import demo_personas

# It loads the whole demo or walks every page: longer than the suite's 5-minute limit per test
# allows on a loaded machine (make test: UNIT_LIMITS).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

WATCHED: tuple[type[Model], ...] = (Region, Program, Organization, User, Participant)


def _rows() -> dict[tuple[str, int], tuple[Any, ...]]:
    """Every watched row, by (model, pk), with its field values."""
    rows: dict[tuple[str, int], tuple[Any, ...]] = {}
    for model in WATCHED:
        fields = [f.attname for f in model._meta.concrete_fields if f.attname != "last_login"]
        for values in model._default_manager.values_list("pk", *fields):
            rows[(model.__name__, values[0])] = values[1:]
    return rows


def _written(before: dict[tuple[str, int], tuple[Any, ...]]) -> dict[str, set[int]]:
    after = _rows()
    written: dict[str, set[int]] = {}
    for key, values in after.items():
        if before.get(key) != values:
            written.setdefault(key[0], set()).add(key[1])
    return written


def test_an_ontario_load_writes_no_quebec_row(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    before = _rows()
    out = StringIO()
    call_command("load_demo", stdout=out)  # load_reference, then the demo
    written = _written(before)

    regions = Region.objects.filter(pk__in=written["Region"])
    assert regions.count() == 47
    assert set(regions.values_list("jurisdiction", flat=True)) == {Jurisdiction.ONTARIO}
    programs = Program.objects.filter(pk__in=written["Program"])
    assert set(programs.values_list("code", flat=True)) == {"OW", "ODSP"}
    organizations = Organization.objects.filter(pk__in=written.get("Organization", set()))
    assert not organizations.filter(rssmo_member=True).exists()
    assert not organizations.filter(locations__region__jurisdiction=Jurisdiction.QUEBEC).exists()
    users = User.objects.filter(pk__in=written["User"])
    assert not users.filter(email__in=[p.email for p in PERSONAS]).exists()
    assert not users.filter(region__jurisdiction=Jurisdiction.QUEBEC).exists()
    # The personas, and the sites' survey respondents (one per site, who can never sign in).
    respondents = users.filter(email__endswith=f"@{site_survey_demo.DOMAIN}")
    assert not respondents.filter(is_active=True).exists()
    assert not respondents.exclude(password__startswith="!").exists()
    personas = users.exclude(pk__in=respondents)
    assert set(personas.values_list("email", flat=True)) == {p.email for p in demo_personas()}
    files = Participant.objects.filter(pk__in=written["Participant"])
    assert files.exists()
    assert not files.exclude(region__jurisdiction=Jurisdiction.ONTARIO).exists()
    assert not files.exclude(program__jurisdiction=Jurisdiction.ONTARIO).exists()

    # The logins printed are Ontario's, in English (the Ontario default language).
    printed = out.getvalue()
    assert "Demo logins" in printed
    assert "caseworker.toronto@sentier.demo" in printed
    assert "caseworker.laval@sentier.demo" not in printed
    assert "coordinator.laval@sentier.demo" not in printed


def test_a_quebec_load_writes_no_ontario_row() -> None:
    out = StringIO()
    call_command("load_demo", "--participants", "20", stdout=out)
    assert not Region.objects.filter(jurisdiction=Jurisdiction.ONTARIO).exists()
    assert not Program.objects.filter(jurisdiction=Jurisdiction.ONTARIO).exists()
    assert not Organization.objects.filter(slug="employment-ontario").exists()
    ontario_logins = {p.email for p in User.objects.filter(email__contains="ontario")}
    assert not ontario_logins
    assert not User.objects.filter(region__jurisdiction=Jurisdiction.ONTARIO).exists()
    assert not Participant.objects.filter(program__jurisdiction=Jurisdiction.ONTARIO).exists()
    printed = out.getvalue()
    assert "caseworker.laval@sentier.demo" in printed
    assert "caseworker.toronto@sentier.demo" not in printed
    assert "Comptes de démonstration" in printed  # French, Québec's default language
