"""Matching: the order of services for a person and a need, with the reasons for each rank."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import translation

from sentier.network.matching import clienteles_for_participant, match_services
from sentier.network.models import ServiceKind, ServiceStatus
from sentier.network.tests.factories import NOW, make_service, only_these_services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _isolated() -> None:
    only_these_services()


def _names(matches: list[Any]) -> list[str]:
    return [m.service.organization.name for m in matches]


def test_a_service_of_the_region_comes_before_one_elsewhere_and_others_are_left_out() -> None:
    make_service("Ici", regions=["13"])
    make_service("Partout", regions=[], province_wide=True)
    make_service("Ailleurs", regions=["06"])

    matches = match_services(region="13", now=NOW)

    assert _names(matches) == ["Ici", "Partout"]
    assert [m.rank for m in matches] == [1, 2]
    assert matches[0].score > matches[1].score


@pytest.mark.parametrize(
    ("case", "services", "person", "expected"),
    [
        (
            "clientele fit beats a general service",
            [("Général", {}), ("Jeunesse", {"clienteles": ["young_adults_18_35"]})],
            {"clienteles": ["young_adults_18_35"]},
            ["Jeunesse", "Général"],
        ),
        (
            "a specialised service for someone else comes after a general one",
            [("Femmes", {"clienteles": ["women"]}), ("Général", {})],
            {"clienteles": ["youth"]},
            ["Général", "Femmes"],
        ),
        (
            "the person's language counts",
            [("Franco", {"languages": ["fr"]}), ("Bilingue", {"languages": ["fr", "en"]})],
            {"language": "en-ca"},
            ["Bilingue", "Franco"],
        ),
        (
            "places available come before a full service",
            [("Plein", {"available": 0, "waiting": 5}), ("Libre", {"available": 3})],
            {},
            ["Libre", "Plein"],
        ),
        (
            "of two full services, the shorter wait first",
            [
                ("Longue", {"available": 0, "waiting": 30, "maximum": 10}),
                ("Courte", {"available": 0, "waiting": 2, "maximum": 10}),
            ],
            {},
            ["Courte", "Longue"],
        ),
        (
            "a known short wait beats a long one",
            [
                ("Huit-semaines", {"available": 0, "wait_days": 56}),
                ("Une-semaine", {"available": 0, "wait_days": 7}),
            ],
            {},
            ["Une-semaine", "Huit-semaines"],
        ),
        (
            "fresh capacity beats stale capacity",
            [("Périmé", {"updated_days_ago": 45}), ("Frais", {"updated_days_ago": 2})],
            {},
            ["Frais", "Périmé"],
        ),
        (
            "with equal scores, more places first",
            [("Deux", {"available": 2}), ("Cinq", {"available": 5})],
            {},
            ["Cinq", "Deux"],
        ),
    ],
)
def test_order_for_a_table_of_cases(
    case: str,
    services: list[tuple[str, dict[str, Any]]],
    person: dict[str, Any],
    expected: list[str],
) -> None:
    for name, fields in services:
        make_service(name, **fields)

    matches = match_services(region="13", now=NOW, **person)

    assert _names(matches) == expected, case


def test_reasons_say_why_in_plain_language() -> None:
    make_service(
        "Via",
        clienteles=["young_adults_18_35"],
        languages=["fr", "en"],
        available=2,
        updated_days_ago=3,
    )
    make_service("Vieux", available=0, waiting=4, updated_days_ago=45)

    with translation.override("en-ca"):
        first, second = match_services(
            region="13", clienteles=["young_adults_18_35"], language="en", now=NOW
        )

    assert first.reasons == [
        "Serves your region (Laval)",
        "Works with young adults (18 to 35)",
        "Offers services in English",
        "2 places available",
        "Capacity up to date",
    ]
    assert second.reasons == [
        "Serves your region (Laval)",
        "Open to everyone",
        "Services in French only",
        "Full: 4 people waiting",
        "Capacity not updated for 45 days",
    ]
    assert second.stale
    assert not first.stale


def test_a_service_without_a_region_is_not_province_wide() -> None:
    make_service("Nulle part", regions=[])

    assert match_services(region="13", now=NOW) == []


def test_a_service_whose_clientele_is_not_stated_says_so() -> None:
    make_service("Inconnu", clienteles=[])

    with translation.override("en-ca"):
        [match] = match_services(region="13", now=NOW)

    assert "Clientele not stated" in match.reasons


def test_the_kind_filters_and_closed_services_are_left_out() -> None:
    make_service("Emploi", kind=ServiceKind.EMPLOYABILITY)
    make_service("PAAS", kind=ServiceKind.PAAS_ACTION)
    closed = make_service("Fermé", kind=ServiceKind.PAAS_ACTION)
    closed.status = ServiceStatus.TEMPORARILY_CLOSED
    closed.save()

    assert _names(match_services(region="13", kind=ServiceKind.PAAS_ACTION, now=NOW)) == ["PAAS"]


def test_the_point_of_service_in_the_region_is_given(personas: dict[str, Any]) -> None:
    from sentier.network.models import Organization

    via = Organization.objects.get(slug="opex-82-via-travail")
    make_service(via, regions=["13"])

    [match] = match_services(region="13", now=NOW)

    assert match.location is not None
    assert match.location.region.code == "13"
    assert match.organization == via


def test_limit_keeps_the_best() -> None:
    for index in range(5):
        make_service(f"Org {index}", available=index + 1)

    assert _names(match_services(region="13", limit=2, now=NOW)) == ["Org 4", "Org 3"]


def test_the_number_of_queries_does_not_grow_with_the_services(
    django_assert_num_queries: Any,
) -> None:
    make_service("Seul")
    with django_assert_num_queries(6):
        few = match_services(region="13", clienteles=["youth"], language="fr", now=NOW)
    for index in range(40):
        make_service(f"Org {index}", clienteles=["youth", "women"], regions=["13", "06"])
    with django_assert_num_queries(6):
        many = match_services(region="13", clienteles=["youth"], language="fr", now=NOW)

    assert len(few) == 1
    assert len(many) == 20


def test_clienteles_are_inferred_from_the_file() -> None:
    class File:
        birth_date = dt.date(2000, 5, 1)
        asylum_seeker = True
        preferred_language = "en-ca"

    codes = clienteles_for_participant(File(), today=dt.date(2026, 11, 23))

    assert {"young_adults_18_35", "youth", "refugees", "immigrants", "english_speaking"} <= set(
        codes
    )
