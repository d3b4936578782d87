"""Remote regions (issue 19): in a region where the nearest point of service is far, matching
counts the points of service that serve by phone or video and those whose staff travel to the
person; the directory says so, the HSDS export carries it, and the demo has a few."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import translation

from sentier.network.demo import REMOTE_POINTS, load_remote_points_of_service
from sentier.network.hsds.export import export_datapackage
from sentier.network.hsds.importing import import_datapackage
from sentier.network.matching import WEIGHTS, far_regions, match_services
from sentier.network.models import Location, Organization
from sentier.network.tests.factories import NOW, make_service, only_these_services
from sentier.reference.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _isolated() -> None:
    only_these_services()


def point(
    organization: str,
    region: str,
    *,
    phone: bool = False,
    video: bool = False,
    travels: bool = False,
    number: str = "418-555-0100",
) -> Location:
    return Location.objects.create(
        organization=Organization.objects.get(slug=organization.lower().replace(" ", "-")),
        region=Region.objects.get(code=region),
        phone=number,
        serves_by_phone=phone,
        serves_by_video=video,
        travels_to_person=travels,
    )


def by_name(matches: list[Any]) -> dict[str, Any]:
    return {m.organization.name: m for m in matches}


def test_the_far_regions_are_a_setting_naming_the_four_regions() -> None:
    assert far_regions() == {"08", "09", "10", "11"}
    with override_settings(SENTIER_FAR_REGIONS=["09"]):
        assert far_regions() == {"09"}


@pytest.mark.parametrize("region", ["08", "09", "10", "11"])
def test_in_a_far_region_a_mobile_agent_and_phone_or_video_come_first(region: str) -> None:
    make_service("Bureau", regions=[region])
    make_service("Mobile", regions=[region])
    make_service("Distance", regions=[region])
    point("Bureau", region)
    point("Mobile", region, travels=True)
    point("Distance", "06", video=True)  # a video point of service anywhere reaches the person

    matches = match_services(region=region, now=NOW)

    assert [m.organization.name for m in matches] == ["Mobile", "Distance", "Bureau"]
    scores = {m.organization.name: m.score for m in matches}
    assert scores["Mobile"] - scores["Bureau"] == WEIGHTS["travels"]
    assert scores["Distance"] - scores["Bureau"] == WEIGHTS["remote"]


def test_a_mobile_agent_of_another_region_does_not_travel_here() -> None:
    make_service("Loin", regions=["09"])
    point("Loin", "06", travels=True)

    with translation.override("en-ca"):
        [match] = match_services(region="09", now=NOW)
    assert not any("travel" in reason for reason in match.reasons)


def test_near_services_the_same_options_count_for_nothing() -> None:
    make_service("Bureau", regions=["13"])
    make_service("Mobile", regions=["13"])
    point("Mobile", "13", phone=True, video=True, travels=True)

    matches = by_name(match_services(region="13", now=NOW))

    assert matches["Mobile"].score == matches["Bureau"].score
    assert len(matches["Mobile"].reasons) == len(matches["Bureau"].reasons)


def test_the_setting_decides_which_regions_are_far() -> None:
    make_service("Bureau", regions=["13"])
    make_service("Mobile", regions=["13"])
    point("Mobile", "13", travels=True)

    with override_settings(SENTIER_FAR_REGIONS=["13"]):
        matches = by_name(match_services(region="13", now=NOW))
    assert matches["Mobile"].score == matches["Bureau"].score + WEIGHTS["travels"]

    with override_settings(SENTIER_FAR_REGIONS=[]):
        far = by_name(match_services(region="11", now=NOW))
    assert far == {}


def test_the_reasons_say_how_the_service_reaches_the_person() -> None:
    make_service("Mobile", regions=["11"])
    point("Mobile", "11", phone=True, travels=True)

    with translation.override("en-ca"):
        [match] = match_services(region="11", now=NOW)
    assert "Staff travel to you (Gaspésie–Îles-de-la-Madeleine)" in match.reasons
    assert "Serves by phone or video" in match.reasons


def test_matching_still_answers_in_a_constant_number_of_queries(
    django_assert_num_queries: Any,
) -> None:
    for index in range(5):
        make_service(f"Service {index}", regions=["10"])
        point(f"Service {index}", "10", video=index % 2 == 0, number=f"418-555-01{index:02d}")
    with django_assert_num_queries(6):
        matches = match_services(region="10", now=NOW)
    assert len(matches) == 5


def test_the_directory_says_how_a_point_of_service_reaches_people(client: Client) -> None:
    load_remote_points_of_service(NOW)

    page = client.get("/en-ca/directory/?region=09").content.decode()

    assert "Démo · Cap Emploi Côte-Nord" in page
    assert "Can also serve you: by phone, where you live (staff travel to you)" in page
    assert "Demonstration data." in page
    rssmo = client.get("/en-ca/directory/?region=13").content.decode()
    assert "Demonstration data." not in rssmo
    assert "Can also serve you" not in rssmo


def test_the_demo_has_points_of_service_in_each_far_region_and_is_idempotent() -> None:
    first = load_remote_points_of_service(NOW)
    counts = (Organization.objects.count(), Location.objects.count())
    load_remote_points_of_service(NOW)

    assert (Organization.objects.count(), Location.objects.count()) == counts
    assert {p.region.code for p in first} == far_regions()
    assert len(first) == len(REMOTE_POINTS)
    assert all(p.serves_remotely or p.travels_to_person for p in first)
    assert any(p.travels_to_person for p in first)
    assert any(p.serves_by_video for p in first)


def test_hsds_export_and_import_keep_how_a_point_of_service_reaches_people(
    tmp_path: Any,
) -> None:
    [travel, *_rest] = load_remote_points_of_service(NOW)
    export_datapackage(tmp_path)
    Location.objects.filter(pk=travel.pk).update(
        serves_by_phone=False, serves_by_video=False, travels_to_person=False
    )

    result = import_datapackage(tmp_path)

    assert not result.problems
    travel.refresh_from_db()
    assert (travel.serves_by_phone, travel.serves_by_video, travel.travels_to_person) == (
        True,
        True,
        True,
    )
