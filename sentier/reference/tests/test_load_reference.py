"""``sentier load_reference``: regions, programs and clienteles, loaded once and idempotently.

The session fixture (``conftest.py``) already ran the command once; these tests check what it
wrote and that running it again changes nothing.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from sentier.network.loading import RSSMO_FILE
from sentier.network.models import Clientele, Location, Organization
from sentier.reference.loading import ReferenceDataError, load_reference_data
from sentier.reference.models import Jurisdiction, Program, Region

pytestmark = pytest.mark.django_db


def _fr(row: object) -> str:
    """The French name (a modeltranslation field the type checker cannot see)."""
    return str(getattr(row, "name_fr_ca"))  # noqa: B009


def _en(row: object) -> str:
    return str(getattr(row, "name_en_ca"))  # noqa: B009


def _snapshot() -> dict[str, object]:
    """Every loaded row and every history row, to compare before and after a second load."""
    return {
        "regions": list(Region.objects.order_by("code").values()),
        "programs": list(Program.objects.order_by("code").values()),
        "clienteles": list(Clientele.objects.order_by("code").values()),
        "organizations": list(Organization.objects.order_by("slug").values()),
        "organization_clienteles": sorted(
            Organization.clienteles.through.objects.values_list(
                "organization__slug", "clientele__code"
            )
        ),
        "locations": list(Location.objects.order_by("pk").values()),
        "history": [
            Region.history.count(),
            Program.history.count(),
            Clientele.history.count(),
            Organization.history.count(),
            Location.history.count(),
        ],
    }


def test_the_17_quebec_regions_are_loaded_with_both_names() -> None:
    regions = Region.objects.filter(jurisdiction=Jurisdiction.QUEBEC)
    assert [r.code for r in regions] == [f"{n:02d}" for n in range(1, 18)]
    gaspesie = Region.objects.get(code="11")
    assert _fr(gaspesie) == "Gaspésie–Îles-de-la-Madeleine"  # en dash, as officially
    assert _en(gaspesie) == "Gaspésie–Îles-de-la-Madeleine"
    assert _fr(Region.objects.get(code="02")) == "Saguenay–Lac-Saint-Jean"
    assert _fr(Region.objects.get(code="03")) == "Capitale-Nationale"
    assert _en(Region.objects.get(code="06")) == "Montréal"


def test_the_six_programs_are_loaded_in_their_jurisdiction(settings: Any) -> None:
    # The session loaded the Québec configuration: its four programs and the public employment
    # services (no assistance, 000), no Ontario one.
    assert dict(Program.objects.values_list("code", "jurisdiction")) == {
        "PAS": "QC",
        "PSS": "QC",
        "POE": "QC",
        "PRB": "QC",
        "SPE": "QC",
    }
    assert set(Program.objects.filter(assistance=False).values_list("code", flat=True)) == {"SPE"}
    pss = Program.objects.get(code="PSS")
    assert _fr(pss) == "Programme de solidarité sociale"
    assert _en(pss) == "Social Solidarity Program"
    settings.SENTIER_JURISDICTION = "on"
    load_reference_data()
    assert dict(Program.objects.filter(jurisdiction="ON").values_list("code", "jurisdiction")) == {
        "OW": "ON",
        "ODSP": "ON",
    }
    assert _en(Program.objects.get(code="ODSP")) == "Ontario Disability Support Program"


def test_names_follow_the_active_language() -> None:
    program = Program.objects.get(code="POE")
    with translation.override("fr-ca"):
        assert program.name == "Programme objectif emploi"
    with translation.override("en-ca"):
        assert program.name == "Aim for Employment Program"


def test_the_clientele_taxonomy_has_french_and_english_names() -> None:
    expected = {
        "multiple": ("Clientèles multiples", "Multiple clienteles"),
        "justice_involved": ("Personnes judiciarisées", "Justice-involved people"),
        "single_mothers": ("Femmes chefs de famille monoparentale", "Single mothers"),
        "young_adults_18_35": ("Jeunes adultes (18 à 35 ans)", "Young adults (18 to 35)"),
        "military_community": ("Communauté militaire", "Military community"),
        "english_speaking": ("Communauté anglophone civile", "English-speaking community"),
    }
    for code, (french, english) in expected.items():
        clientele = Clientele.objects.get(code=code)
        assert (_fr(clientele), _en(clientele)) == (french, english)
    assert Clientele.objects.count() == 17


def test_every_region_of_the_directory_file_exists() -> None:
    data = yaml.safe_load(RSSMO_FILE.read_text(encoding="utf-8"))
    codes = {block["region"] for block in data["regions"]}
    assert len(codes) == 14
    assert set(Region.objects.filter(code__in=codes).values_list("code", flat=True)) == codes


def test_every_clientele_code_of_the_directory_file_exists() -> None:
    data = yaml.safe_load(RSSMO_FILE.read_text(encoding="utf-8"))
    codes = {code for b in data["regions"] for m in b["members"] for code in m["clienteles"]}
    assert set(Clientele.objects.filter(code__in=codes).values_list("code", flat=True)) == codes


def test_loading_again_changes_nothing() -> None:
    before = _snapshot()

    report = load_reference_data()

    assert not report.changed
    assert {kind: counts.total for kind, counts in report.items()} == {
        "regions": 17,
        # Québec's four and the public employment services: Ontario's two are not loaded here
        "programs": 5,
        "clienteles": 17,
        "organizations": 49,
        "locations": 54,
    }
    assert _snapshot() == before


def test_the_command_twice_prints_a_summary_and_adds_no_rows() -> None:
    before = _snapshot()
    out = StringIO()

    with translation.override("en-ca"):
        call_command("load_reference", stdout=out)
        call_command("load_reference", stdout=out)

    assert "Regions: 17 (0 created, 0 updated)" in out.getvalue()
    assert "Locations: 54 (0 created, 0 updated)" in out.getvalue()
    assert "Reference data was already up to date." in out.getvalue()
    assert _snapshot() == before


def test_a_changed_name_is_updated_in_place_with_one_history_row() -> None:
    Clientele.objects.filter(code="women").update(name_en_ca="Ladies")
    history = Clientele.history.filter(code="women").count()

    report = load_reference_data()

    assert (report.clienteles.updated, report.clienteles.created) == (1, 0)
    assert _en(Clientele.objects.get(code="women")) == "Women"
    assert Clientele.history.filter(code="women").count() == history + 1


def test_a_removed_clientele_link_is_restored() -> None:
    sorif = Organization.objects.get(slug="sorif")
    sorif.clienteles.clear()

    report = load_reference_data()

    assert report.organizations.updated == 1
    assert list(sorif.clienteles.values_list("code", flat=True)) == ["single_mothers"]


def _write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _directory(**member: object) -> dict[str, object]:
    listing: dict[str, object] = {
        "organization": "sorif",
        "name": "SORIF",
        "phone": "514-271-3866",
        "city": None,
        "points_of_service_text": "",
        "points_of_service": None,
        "clientele_text": "Femmes chefs de famille monoparentale",
        "clienteles": ["single_mothers"],
    }
    listing.update(member)
    return {"regions": [{"heading": "MONTRÉAL", "region": "06", "members": [listing]}]}


@pytest.mark.parametrize(
    ("member", "message"),
    [
        ({"clienteles": ["nobody"]}, "unknown clientele codes"),
        ({"points_of_service": 0}, "points_of_service"),
        ({"phone": ""}, "'phone'"),
    ],
)
def test_a_bad_directory_file_is_refused_and_nothing_is_written(
    tmp_path: Path, member: dict[str, object], message: str
) -> None:
    before = _snapshot()
    bad = _write(tmp_path / "rssmo.yaml", _directory(**member))

    with pytest.raises(ReferenceDataError, match=message):
        load_reference_data(rssmo_file=bad)

    assert _snapshot() == before


def test_an_unknown_region_code_is_refused(tmp_path: Path) -> None:
    data = _directory()
    data["regions"][0]["region"] = "99"  # type: ignore[index]
    bad = _write(tmp_path / "rssmo.yaml", data)

    with pytest.raises(ReferenceDataError, match="unknown region code '99'"):
        load_reference_data(rssmo_file=bad)


def test_one_name_under_two_identifiers_is_refused(tmp_path: Path) -> None:
    data = _directory()
    block = data["regions"][0]  # type: ignore[index]
    block["members"].append({**block["members"][0], "organization": "sorif-2", "phone": "1"})
    bad = _write(tmp_path / "rssmo.yaml", data)

    with pytest.raises(ReferenceDataError, match="two identifiers"):
        load_reference_data(rssmo_file=bad)


def test_the_command_reports_a_bad_file_as_a_command_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = _write(tmp_path / "reference.yaml", {"regions": [{"code": "01"}], "programs": []})
    monkeypatch.setattr(
        "sentier.reference.management.commands.load_reference.load_reference_data",
        lambda: load_reference_data(reference_file=bad),
    )

    with pytest.raises(CommandError, match="name_fr_ca"):
        call_command("load_reference", stdout=StringIO())
