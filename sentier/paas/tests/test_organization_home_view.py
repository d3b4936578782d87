"""The partner staff home and the organization's PAAS Action page."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.paas.tests.placement_helpers import grant, laval_file, opex, place, placed

pytestmark = pytest.mark.django_db


def url(name: str) -> str:
    with translation.override("en-ca"):
        return reverse(name)


@pytest.fixture
def setup(personas: Any, laval_participant: Any) -> None:
    grant(personas, opex(personas), "13", places=1)
    placed(personas, laval_participant, opex(personas))
    place(personas, laval_file(personas, "Marc"), opex(personas))


def test_home_shows_places_participants_and_waiting_list(client_for: Any, setup: None) -> None:
    page = client_for("partner_opex").get(url("core:home")).content.decode()
    assert "Places granted by the Ministry" in page
    assert "Julie Lavoie" in page
    assert "Arriver à l’heure" in page
    assert "Marc Côté" in page  # waiting
    assert url("paas:attendance_group") in page


def test_another_organization_sees_none_of_it(client_for: Any, setup: None) -> None:
    page = client_for("partner_sorif").get(url("paas:organization")).content.decode()
    assert "Julie Lavoie" not in page
    assert "Marc Côté" not in page


def test_the_caseworker_list_shows_placements(client_for: Any, setup: None) -> None:
    page = client_for("caseworker_laval").get(url("paas:placement_list")).content.decode()
    assert "Julie Lavoie" in page
    assert (
        client_for("caseworker_montreal")
        .get(url("paas:placement_list"))
        .content.decode()
        .count("Julie Lavoie")
        == 0
    )


def test_home_queries_do_not_grow_with_placements(
    client_for: Any, personas: Any, laval_participant: Any, django_assert_max_num_queries: Any
) -> None:
    grant(personas, opex(personas), "13", places=8)
    placed(personas, laval_participant, opex(personas))
    client = client_for("partner_opex")
    client.get(url("paas:organization"))
    with django_assert_max_num_queries(30) as few:
        client.get(url("paas:organization"))
    for name in ["A", "B", "C", "D"]:
        placed(personas, laval_file(personas, name), opex(personas))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("paas:organization"))


def test_the_participant_reads_their_placement_on_my_file(client_for: Any, setup: None) -> None:
    page = client_for("participant").get(url("participants:my_file")).content.decode()
    assert "My PAAS Action participation" in page
    assert "Arriver à l’heure" in page
    assert "<form" not in page.split("My PAAS Action participation")[1].split("</main>")[0]


def test_caseworker_list_queries_do_not_grow_with_placements(
    client_for: Any, personas: Any, laval_participant: Any, django_assert_max_num_queries: Any
) -> None:
    grant(personas, opex(personas), "13", places=8)
    placed(personas, laval_participant, opex(personas))
    client = client_for("caseworker_laval")
    client.get(url("paas:placement_list"))
    with django_assert_max_num_queries(30) as few:
        client.get(url("paas:placement_list"))
    for name in ["A", "B", "C", "D"]:
        placed(personas, laval_file(personas, name), opex(personas))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("paas:placement_list"))
    assert response.content.decode().count("/paas/placements/") >= 5


def test_the_home_and_organization_page_log_each_person_shown(
    client_for: Any, setup: None, personas: Any
) -> None:
    from sentier.audit.models import AccessLog

    client_for("partner_opex").get(url("core:home"))
    shown = AccessLog.objects.filter(user=personas["partner_opex"])
    assert sorted(row.participant.first_name for row in shown) == ["Julie", "Marc"]
    client_for("partner_opex").get(url("paas:organization"))
    assert AccessLog.objects.filter(user=personas["partner_opex"]).count() == 4
    client_for("partner_sorif").get(url("paas:organization"))
    assert not AccessLog.objects.filter(user=personas["partner_sorif"]).exists()
