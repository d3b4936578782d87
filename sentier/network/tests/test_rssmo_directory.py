"""The RSSMO member directory as loaded from ``sentier/network/data/rssmo_members.yaml``.

Figures established by reading the "LISTE DES ORGANISMES MEMBRES" of seed 003: 14 regions,
54 published listings (one location each), 49 distinct organizations ("Centre de main-d’œuvre
OPEX" is listed in 3 regions, "Centre de main-d’œuvre OPEX’82 (Via Travail)" in 4).
"""

from __future__ import annotations

import pytest

from sentier.network.models import Location, Organization

pytestmark = pytest.mark.django_db

VIA_TRAVAIL = "Centre de main-d’œuvre OPEX’82 (Via Travail)"
OPEX = "Centre de main-d’œuvre OPEX"


def _location(phone: str) -> Location:
    return Location.objects.select_related("organization", "region").get(phone=phone)


def _codes(organization: Organization) -> set[str]:
    return set(organization.clienteles.values_list("code", flat=True))


def test_the_directory_has_54_locations_of_49_organizations_in_14_regions() -> None:
    members = Organization.objects.filter(rssmo_member=True)
    assert members.count() == 49
    assert Location.objects.filter(organization__rssmo_member=True).count() == 54
    regions = set(Location.objects.values_list("region__code", flat=True))
    assert regions == {
        *("01", "02", "03", "04", "05", "06", "07"),
        *("11", "12", "13", "14", "15", "16", "17"),
    }


def test_locations_per_region_match_the_published_list() -> None:
    per_region: dict[str, int] = {}
    for code in Location.objects.values_list("region__code", flat=True):
        per_region[code] = per_region.get(code, 0) + 1
    assert per_region == {
        "01": 2,
        "02": 1,
        "03": 4,
        "04": 3,
        "05": 3,
        "06": 20,
        "07": 4,
        "11": 5,
        "12": 2,
        "13": 1,
        "14": 1,
        "15": 2,
        "16": 3,
        "17": 3,
    }


def test_every_member_is_a_non_profit_with_a_published_clientele() -> None:
    members = Organization.objects.filter(rssmo_member=True)
    assert not members.filter(non_profit=False).exists()
    assert not members.filter(clientele_text="").exists()
    assert not members.filter(clienteles__isnull=True).exists()


def test_autismopolis() -> None:
    location = _location("450-895-1470")
    assert location.organization.name == "Autismopolis"
    assert location.city == "Saint-Jean-sur-Richelieu"
    assert location.region.code == "16"
    assert _codes(location.organization) == {"autism_spectrum"}
    assert location.organization.clientele_text == (
        "Personnes présentant un trouble du spectre de l’autisme"
    )


def test_sorif_serves_single_mothers_in_montreal_with_no_city_printed() -> None:
    location = _location("514-271-3866")
    assert location.organization.name == "SORIF"
    assert location.region.code == "06"
    assert location.city == ""
    assert location.points_of_service is None
    assert _codes(location.organization) == {"single_mothers"}


def test_equitem_in_alma_has_an_unknown_number_of_points_of_service() -> None:
    location = _location("418-668-5243")
    assert location.organization.name == "Équitem"
    assert (location.city, location.region.code) == ("Alma", "02")
    assert location.points_of_service_text == "Alma et autres points de services"
    assert location.points_of_service is None
    assert _codes(location.organization) == {"justice_involved"}


def test_military_family_centre_serves_military_and_english_speaking_communities() -> None:
    location = _location("418-844-6060")
    assert location.organization.name == (
        "Centre de ressources pour les familles militaires Valcartier"
    )
    assert (location.city, location.region.code) == ("Courcelette", "03")
    assert location.points_of_service_text == "Courcelette et Sainte-Foy"
    assert location.points_of_service == 2
    assert _codes(location.organization) == {"military_community", "english_speaking"}


def test_wrapped_names_and_places_are_rejoined() -> None:
    assert _location("819-539-9285").points_of_service_text == "Shawinigan et Sainte-Thècle"
    assert _location("514-521-8816").organization.name == (
        "L’Hirondelle, services d’accueil et d’intégration des immigrants"
    )
    reception = _location("418-855-2777")
    assert reception.organization.name == "Service Accès-Emploi"
    assert reception.points_of_service_text == (
        "Témiscouata-sur-le-lac et autres points de services"
    )
    assert reception.points_of_service is None


def test_points_of_service_count_the_places_and_the_stated_number() -> None:
    assert _location("418-725-0996").points_of_service == 2  # "Rimouski et 1 point de services"
    assert _location("819-474-5381").points_of_service == 7  # "… et 6 points de services"
    assert _location("819-583-2081").points_of_service == 2  # "Lac-Mégantic et East Angus"
    assert _location("819-472-3351").points_of_service == 1  # "Drummondville"


def test_several_clienteles_in_one_text_map_to_several_codes() -> None:
    assert _codes(_location("819-776-2777").organization) == {
        "addiction",
        "justice_involved",
        "marginalized",
    }
    assert _codes(_location("514-598-7319").organization) == {"youth", "adults", "employers"}
    assert _codes(_location("514-858-5288").organization) == {"women", "immigrant_women"}
    assert _codes(_location("514-277-6776").organization) == {"immigrants", "refugees"}
    assert _codes(_location("514-849-8393").organization) == {
        "justice_involved",
        "women_with_children",
    }
    assert _codes(_location("514-495-6571").organization) == {"young_adults_18_35"}


def test_via_travail_is_one_organization_with_four_locations() -> None:
    via_travail = Organization.objects.get(name=VIA_TRAVAIL)
    locations = {
        (loc.phone, loc.region.code, loc.city)
        for loc in via_travail.locations.select_related("region")
    }
    assert locations == {
        ("514-792-3324", "14", ""),
        ("450-848-2058", "15", ""),
        ("450-975-7160", "13", ""),
        ("514-381-7276", "06", ""),
    }
    assert _codes(via_travail) == {"justice_involved"}
    assert via_travail.rssmo_member
    assert via_travail.non_profit


def test_opex_is_a_different_organization_with_three_locations() -> None:
    opex = Organization.objects.get(name=OPEX)
    assert opex != Organization.objects.get(name=VIA_TRAVAIL)
    assert {(loc.phone, loc.region.code, loc.city) for loc in opex.locations.all()} == {
        ("819-474-5381", "17", "Drummondville"),
        ("819-565-1866", "05", "Sherbrooke"),
        ("450-741-3217", "16", "Saint-Jean-sur-Richelieu"),
    }


def test_only_opex_and_via_travail_have_locations_in_several_regions() -> None:
    several = [
        org.name
        for org in Organization.objects.filter(rssmo_member=True).prefetch_related("locations")
        if len(org.locations.all()) > 1
    ]
    assert sorted(several) == [OPEX, VIA_TRAVAIL]


def test_organization_names_are_not_translated() -> None:
    assert not hasattr(Organization, "name_en_ca")
