"""The public directory page: search form, filters, bad input, pagination and query count."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from sentier.network.models import Organization
from sentier.network.selectors import search_directory

pytestmark = pytest.mark.django_db

URL = "/fr-ca/directory/"
URL_EN = "/en-ca/directory/"
VIA_TRAVAIL = "Centre de main-d’œuvre OPEX’82 (Via Travail)"


def _names(response: Any) -> list[str]:
    return [organization.name for organization in response.context["page"].object_list]


def test_anyone_can_open_the_directory_without_signing_in(client: Client) -> None:
    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 49
    body = response.content.decode()
    assert "Autismopolis" in body
    assert 'role="search"' in body
    assert 'method="get"' in body
    assert 'class="qc-button qc-primary"' in body


def test_signed_in_people_see_it_too(client_for: Any) -> None:
    response = client_for("participant").get(URL)

    assert response.status_code == 200


def test_the_first_page_holds_25_organizations_and_links_to_the_next(client: Client) -> None:
    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(_names(first)) == 25
    assert len(_names(second)) == 24
    assert 'rel="next"' in first.content.decode()
    assert not set(_names(first)) & set(_names(second))


def test_pagination_links_keep_the_filters(client: Client) -> None:
    response = client.get(URL, {"clientele": "multiple", "q": ""})

    assert response.context["query"] == "clientele=multiple"


def test_a_text_search_matches_names(client: Client) -> None:
    response = client.get(URL, {"q": "sorif"})

    assert _names(response) == ["SORIF"]
    body = response.content.decode()
    assert 'href="tel:+15142713866"' in body
    assert "514-271-3866" in body


def test_every_word_of_the_text_must_match(client: Client) -> None:
    assert _names(client.get(URL, {"q": "OPEX Sherbrooke"})) == ["Centre de main-d’œuvre OPEX"]


def test_a_text_search_matches_cities_and_clienteles_in_both_languages(client: Client) -> None:
    assert _names(client.get(URL, {"q": "Alma"})) == ["Équitem"]
    assert "Autismopolis" in _names(client.get(URL, {"q": "autism"}))
    assert "Autismopolis" in _names(client.get(URL, {"q": "autisme"}))


def test_the_region_filter_shows_only_that_regions_locations(client: Client) -> None:
    response = client.get(URL, {"region": "13"})

    assert _names(response) == [VIA_TRAVAIL]
    [via_travail] = response.context["page"].object_list
    assert [loc.phone for loc in via_travail.locations.all()] == ["450-975-7160"]
    assert "514-381-7276" not in response.content.decode()


def test_the_clientele_filter(client: Client) -> None:
    response = client.get(URL, {"clientele": "autism_spectrum"})

    assert _names(response) == ["Autismopolis"]


def test_filters_combine(client: Client) -> None:
    response = client.get(URL, {"region": "06", "clientele": "immigrants"})

    assert _names(response) == [
        "Centre d’appui aux communautés immigrantes",
        "Centre social d’aide aux immigrants",
        "L’Hirondelle, services d’accueil et d’intégration des immigrants",
        "SIMO",
    ]


def test_clienteles_and_regions_are_shown_in_the_page_language(client: Client) -> None:
    french = client.get(URL, {"q": "Autismopolis"}).content.decode()
    english = client.get(URL_EN, {"q": "Autismopolis"}).content.decode()

    assert "Personnes présentant un trouble du spectre de l’autisme" in french
    assert "People on the autism spectrum" in english
    assert "Montérégie" in english
    assert "Saint-Jean-sur-Richelieu" in english


def test_points_of_service_are_shown_as_published(client: Client) -> None:
    body = client.get(URL, {"q": "Équitem"}).content.decode()

    assert "Alma et autres points de services" in body


def test_no_result_says_so(client: Client) -> None:
    response = client.get(URL_EN, {"q": "no-such-organization"})

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert "No organization matches your search." in response.content.decode()


def test_a_region_without_members_says_no_result(client: Client) -> None:
    response = client.get(URL_EN, {"region": "08"})

    assert _names(response) == []
    assert "No organization matches your search." in response.content.decode()


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"region": "99"}, "The region “99” is unknown; it was ignored."),
        ({"clientele": "nobody"}, "The clientele “nobody” is unknown; it was ignored."),
        ({"q": "x" * 101}, "The search text was too long; it was ignored."),
    ],
)
def test_an_unknown_filter_value_is_ignored_with_a_notice(
    client: Client, params: dict[str, str], notice: str
) -> None:
    response = client.get(URL_EN, params)

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 49
    assert notice in response.content.decode()
    assert response.context["query"] == ""


def test_a_bad_filter_is_dropped_but_good_ones_still_apply(client: Client) -> None:
    response = client.get(URL_EN, {"region": "<script>", "clientele": "single_mothers"})

    assert _names(response) == ["SORIF"]
    body = response.content.decode()
    assert "<script>" not in body
    assert "&lt;script&gt;" in body
    assert response.context["query"] == "clientele=single_mothers"


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", ""])
def test_an_odd_page_number_never_fails(client: Client, page: str) -> None:
    response = client.get(URL, {"page": page})

    assert response.status_code == 200
    assert response.context["page"].object_list


def test_an_unknown_parameter_is_harmless(client: Client) -> None:
    assert client.get(URL, {"region": ["06", "13"], "foo": "bar"}).status_code == 200


def test_the_query_count_does_not_grow_with_the_results(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    # Region and clientele choices, count, page, locations, clienteles, services: 7, whatever the
    # page holds.
    with django_assert_max_num_queries(7):
        one = client.get(URL, {"q": "SORIF"})
    with django_assert_max_num_queries(7):
        full = client.get(URL)
    with django_assert_max_num_queries(7):
        bad = client.get(URL, {"region": "99", "clientele": "nobody"})

    assert len(_names(one)) == 1
    assert len(_names(full)) == len(_names(bad)) == 25


def test_the_selector_prefetches_locations_clienteles_and_services(
    django_assert_num_queries: Any,
) -> None:
    with django_assert_num_queries(4):
        rows = [
            (
                org.name,
                [loc.region.code for loc in org.locations.all()],
                list(org.clienteles.all()),
                [service.capacity_available for service in org.services.all()],
            )
            for org in search_directory()
        ]
    assert len(rows) == Organization.objects.count()


def test_the_selector_without_filters_lists_everyone_once() -> None:
    names = list(search_directory().values_list("name", flat=True))
    assert len(names) == len(set(names)) == 49


# ------------------------------------------------------------------- services, capacity, filters


def test_services_show_their_places_and_freshness(client: Client) -> None:
    from sentier.network.models import Service

    Service.objects.filter(organization__slug="sorif").update(capacity_updated_at=None)

    body = client.get(URL_EN, {"q": "SORIF"}).content.decode()

    assert "Accompagnement vers l’emploi" in body
    assert "Full" in body
    assert "people waiting" in body
    assert "Never updated" in body


def test_the_kind_filter_keeps_organizations_with_such_a_service(client: Client) -> None:
    from sentier.network.models import Service, ServiceKind

    response = client.get(URL, {"kind": "paas_action"})

    expected = set(
        Service.objects.filter(kind=ServiceKind.PAAS_ACTION).values_list(
            "organization__name", flat=True
        )
    )
    assert set(_names(response)) == expected
    for organization in response.context["page"].object_list:
        assert {s.kind for s in organization.services.all()} == {"paas_action"}


def test_the_language_filter(client: Client) -> None:
    names = _names(client.get(URL, {"language": "en"}))

    assert "SAE La Boussole, YMCA Centre-ville" in names
    assert "SORIF" not in names


def test_has_places_keeps_only_services_with_places(client: Client) -> None:
    from sentier.network.models import Service

    Service.objects.filter(organization__slug="sorif").update(capacity_available=0)
    response = client.get(URL, {"places": "1", "region": "06"})

    assert "SORIF" not in _names(response)
    for organization in response.context["page"].object_list:
        assert all(s.capacity_available > 0 for s in organization.services.all())
    assert response.context["query"] == "region=06&places=1"


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"kind": "spaceship"}, "The kind of service “spaceship” is unknown; it was ignored."),
        ({"language": "xx"}, "The language “xx” is unknown; it was ignored."),
    ],
)
def test_an_unknown_kind_or_language_is_ignored_with_a_notice(
    client: Client, params: dict[str, str], notice: str
) -> None:
    response = client.get(URL_EN, params)

    assert response.status_code == 200
    assert notice in response.content.decode()


def test_stale_figures_are_marked_on_the_public_page(client: Client) -> None:
    import datetime as dt

    from django.utils import timezone

    from sentier.network.models import Service

    Service.objects.filter(organization__slug="sorif").update(
        capacity_updated_at=timezone.now() - dt.timedelta(days=45)
    )

    body = client.get(URL_EN, {"q": "SORIF"}).content.decode()

    assert "Not updated for 45 days: may be out of date" in body


def test_a_full_page_stays_light(client: Client) -> None:
    body = client.get(URL).content

    # 25 organizations with their points of service and services: well under 150 KB of HTML.
    assert len(body) < 150_000


@pytest.mark.parametrize("field", ["q", "region", "clientele", "kind", "language", "places"])
def test_a_nul_byte_in_any_filter_never_fails(client: Client, field: str) -> None:
    response = client.get(URL, {field: "a\x00b"})

    assert response.status_code == 200
