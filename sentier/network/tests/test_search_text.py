"""The directory search's folded texts follow what they are made of: an organization, its
locations, services and clienteles, the names of regions and clienteles; the data migration
folds them as the receivers do; a search is one statement whatever its number of words."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sentier.network.models import (
    Clientele,
    Location,
    Organization,
    OrganizationSearchText,
    Service,
)
from sentier.network.search import refreshed_once, search_texts
from sentier.network.selectors import search_directory
from sentier.reference.models import Region

pytestmark = pytest.mark.django_db


def _found(text: str) -> set[str]:
    return {organization.slug for organization in search_directory(text)}


@pytest.fixture
def organization() -> Organization:
    made = Organization.objects.create(slug="atelier-zephyrin", name="Atelier Zéphyrin")
    Location.objects.create(
        organization=made, region=Region.objects.get(code="13"), city="Sainte-Dorothée"
    )
    return made


def test_a_new_organization_is_found_by_its_name_and_its_town(organization: Organization) -> None:
    assert "atelier-zephyrin" in _found("zephyrin")
    assert "atelier-zephyrin" in _found("sainte dorothee")
    kept = OrganizationSearchText.objects.get(organization=organization)
    assert (kept.name, kept.served, kept.places, kept.phones) == (
        "atelier zephyrin",
        "",
        "laval\nsainte dorothee",  # the region's name (the same in French and English), the town
        "",
    )


def test_a_load_refreshes_each_organization_once_at_its_end() -> None:
    with refreshed_once():
        with CaptureQueriesContext(connection) as saving:
            made = Organization.objects.create(slug="atelier-ulysse", name="Atelier Ulysse")
            for town, phone in (("Auteuil", "450-555-0101"), ("Vimont", "450-555-0102")):
                Location.objects.create(
                    organization=made, region=Region.objects.get(code="13"), city=town, phone=phone
                )
        searched_inside = _found("vimont")

    # The saves wrote no search text: it is read and written once, at the end.
    assert not any("searchtext" in q["sql"].lower() for q in saving.captured_queries)
    assert "atelier-ulysse" not in searched_inside
    assert "atelier-ulysse" in _found("vimont")
    assert "atelier-ulysse" in _found("auteuil")
    assert OrganizationSearchText.objects.filter(organization=made).count() == 1


def _failing_load() -> None:
    with refreshed_once():
        Organization.objects.create(slug="atelier-orphee", name="Atelier Orphée")
        raise RuntimeError("the load stops")


def test_a_load_that_fails_refreshes_nothing() -> None:
    with pytest.raises(RuntimeError):
        _failing_load()

    made = Organization.objects.get(slug="atelier-orphee")  # the test's transaction keeps it
    assert not OrganizationSearchText.objects.filter(organization=made).exists()


def test_a_town_renamed_is_found_by_its_new_name_only(organization: Organization) -> None:
    location = organization.locations.get()
    location.city = "Fabreville"
    location.save()

    assert "atelier-zephyrin" in _found("fabreville")
    assert "atelier-zephyrin" not in _found("dorothee")


def test_a_location_deleted_is_no_longer_found(organization: Organization) -> None:
    organization.locations.get().delete()

    assert "atelier-zephyrin" not in _found("dorothee")
    assert "atelier-zephyrin" in _found("zephyrin")


def test_a_service_added_is_found_and_ranks_below_a_name(organization: Organization) -> None:
    Service.objects.create(organization=organization, name="Cuisine collective Zéphyrin")
    Service.objects.create(organization=organization, name="Popote roulante")

    assert "atelier-zephyrin" in _found("popote")
    named = Organization.objects.create(slug="popote-du-quartier", name="La Popote du quartier")
    ranked = [organization.slug for organization in search_directory("popote")]
    assert ranked.index("popote-du-quartier") < ranked.index("atelier-zephyrin")
    assert named.search_text.name == "la popote du quartier"


def test_clienteles_given_and_taken_are_followed(organization: Organization) -> None:
    clientele = Clientele.objects.create(code="marins", name="Marins au long cours")

    organization.clienteles.add(clientele)
    assert "atelier-zephyrin" in _found("marins")

    organization.clienteles.remove(clientele)
    assert "atelier-zephyrin" not in _found("marins")

    clientele.organizations.add(organization)  # from the clientele's side
    assert "atelier-zephyrin" in _found("marins")

    clientele.name = "Gens de mer"
    clientele.save()
    assert "atelier-zephyrin" in _found("gens de mer")
    assert "atelier-zephyrin" not in _found("marins")

    clientele.organizations.clear()
    assert "atelier-zephyrin" not in _found("gens de mer")


def test_a_region_renamed_is_found_by_its_new_name(organization: Organization) -> None:
    region = Region.objects.get(code="13")
    setattr(region, "name_fr_ca", "Île Jésus")  # noqa: B010 (modeltranslation's field)
    region.save()

    assert "atelier-zephyrin" in _found("ile jesus")


def test_a_region_saved_with_the_same_names_reads_no_organization(
    organization: Organization,
) -> None:
    region = Region.objects.get(code="13")  # the reference data loaded again saves each region
    with CaptureQueriesContext(connection) as saving:
        region.save()

    assert not any("network_" in q["sql"] for q in saving.captured_queries)
    assert "atelier-zephyrin" in _found("laval")


def test_an_organization_deleted_with_its_locations_leaves_no_row(
    organization: Organization,
) -> None:
    pk = organization.pk

    organization.delete()

    assert not OrganizationSearchText.objects.filter(organization_id=pk).exists()
    assert "atelier-zephyrin" not in _found("zephyrin")


def test_the_data_migration_folds_as_the_receivers_do() -> None:
    """The reference data was loaded through the receivers; the migration's folding of the same
    organizations gives the same texts."""
    expected = search_texts(Organization.objects.values_list("pk", flat=True))
    kept = {
        row.organization_id: {c: getattr(row, c) for c in ("name", "served", "places", "phones")}
        for row in OrganizationSearchText.objects.all()
    }
    assert kept == expected
    assert len(kept) > 40  # the RSSMO members and the other organizations loaded

    OrganizationSearchText.objects.all().delete()
    migration = importlib.import_module(
        "sentier.network.migrations.0012_fill_organization_search_text"
    )
    migration.fill(apps, None)

    again = {
        row.organization_id: {c: getattr(row, c) for c in ("name", "served", "places", "phones")}
        for row in OrganizationSearchText.objects.all()
    }
    assert again == expected


@pytest.mark.parametrize(
    "text", ["femmes", "femmes emploi laval", "aide emploi femmes jeunes laval montreal quebec"]
)
def test_a_search_is_one_statement_whatever_its_words(text: str) -> None:
    with CaptureQueriesContext(connection) as queries:
        list(search_directory(text).values_list("pk", flat=True))

    assert len(queries) == 1
    assert "EXISTS" not in queries[0]["sql"].upper()
