"""Ontario reference data: the 47 service areas (37 municipal service managers and 10 district
boards), deferral reasons and prescribed classes, loaded only in the Ontario configuration and
idempotently."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import call_command

from sentier.network.models import Organization, Service
from sentier.reference.loading import (
    ONTARIO_FILE,
    ReferenceDataError,
    load_reference_data,
    read_ontario,
)
from sentier.reference.models import DeferralReason, Jurisdiction, PrescribedClass, Region

pytestmark = pytest.mark.django_db


def test_quebec_loads_no_ontario_rows() -> None:
    """The session's load ran in the default (Québec) configuration."""
    load_reference_data(jurisdiction="qc")
    assert not Region.objects.filter(jurisdiction=Jurisdiction.ONTARIO).exists()
    assert not DeferralReason.objects.exists()
    assert not Organization.objects.filter(slug="employment-ontario").exists()


def test_ontario_loads_47_service_areas_and_the_lists_once(settings: Any) -> None:
    settings.SENTIER_JURISDICTION = "on"
    out = StringIO()
    call_command("load_reference", stdout=out)
    areas = Region.objects.filter(jurisdiction=Jurisdiction.ONTARIO)
    assert areas.count() == 47
    assert areas.get(code="ON33").name_en_ca == "City of Toronto"  # type: ignore[attr-defined]
    assert areas.get(code="ON40").name_en_ca == "Kenora District Services Board"  # type: ignore[attr-defined]
    assert DeferralReason.objects.count() == 9
    assert PrescribedClass.objects.count() == 7
    assert all(row.source for row in DeferralReason.objects.all())
    organization = Organization.objects.get(slug="employment-ontario")
    assert Service.objects.filter(organization=organization, kind="employment_ontario").count() == 1
    # Service areas: 47, all created (« Zones de service : 47 (créations : 47; … »).
    assert re.search(r": 47 \(\D*47\b", out.getvalue().replace("\xa0", " "))
    again = load_reference_data()
    assert not again.changed
    assert Region.objects.filter(jurisdiction=Jurisdiction.ONTARIO).count() == 47
    assert Service.objects.filter(organization=organization).count() == 1


def test_the_file_names_37_service_managers_and_10_district_boards() -> None:
    data = yaml.safe_load(ONTARIO_FILE.read_text(encoding="utf-8"))
    kinds = [row["kind"] for row in data["service_areas"]]
    assert kinds.count("cmsm") == 37
    assert kinds.count("dssab") == 10


def test_a_malformed_ontario_file_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(ONTARIO_FILE.read_text(encoding="utf-8"))
    data["deferral_reasons"][0]["active_from"] = "not a date"
    broken = tmp_path / "ontario.yaml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ReferenceDataError):
        read_ontario(broken)
    data = yaml.safe_load(ONTARIO_FILE.read_text(encoding="utf-8"))
    data["service_areas"][1]["code"] = data["service_areas"][0]["code"]
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ReferenceDataError):
        read_ontario(broken)
