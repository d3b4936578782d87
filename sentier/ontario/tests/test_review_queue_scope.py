"""The intake review queue in Ontario is scoped by unit, not region (004 Q11, Q15): the
provincial Ontario Works intake unit reviews the whole province's applications until the grant
transfers them; a local office then sees its own area's; the ODSP unit none (its own queue).
Another unit's application is the same 404 as a missing one, and nothing changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.intake.models import Recommendation, ReviewStatus
from sentier.ontario import actions
from sentier.ontario.tests.helpers import ow_of, send_application

ClientFor = Callable[[str], Client]
MISSING = "00000000-0000-4000-8000-00000000dead"
QUEUE = reverse("intake:review_queue")
# What changes on every response: the CSRF token and the CSP nonce.
VOLATILE = re.compile(rb'((?:name="csrfmiddlewaretoken" value|nonce)=")[^"]+')


def _normal(body: bytes, key: str) -> bytes:
    return VOLATILE.sub(rb"\1", body).replace(key.encode(), MISSING.encode())


def review_url(key: object) -> str:
    return reverse("intake:review", kwargs={"recommendation_uuid": key})


def listed(client: Client) -> list[Recommendation]:
    response = client.get(QUEUE)
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def sent(area: str) -> Recommendation:
    application = send_application(Client(), contact={"region": area})
    return Recommendation.objects.get(application=application)


def test_the_ow_intake_unit_reviews_every_area_of_the_province(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    # Wendy's account names Ottawa; the unit is provincial.
    toronto, ottawa = sent("ON33"), sent("ON23")
    assert listed(on_client("wendy")) == [toronto, ottawa]
    assert on_client("wendy").get(review_url(toronto.uuid)).status_code == 200


@pytest.mark.parametrize("who", ["tara", "omar", "iris", "chris"])
def test_before_the_transfer_other_units_see_nothing_and_get_the_missing_404(
    ontario: dict[str, Any], on_client: ClientFor, who: str
) -> None:
    recommendation = sent("ON33")
    client = on_client(who)
    assert listed(client) == []
    found, missing = client.get(review_url(recommendation.uuid)), client.get(review_url(MISSING))
    assert found.status_code == missing.status_code == 404
    assert _normal(found.content, str(recommendation.uuid)) == _normal(missing.content, MISSING)
    posted = client.post(review_url(recommendation.uuid), {"final_path": recommendation.path})
    assert posted.status_code == 404
    recommendation.refresh_from_db()
    assert recommendation.status == ReviewStatus.PENDING
    assert recommendation.reviewed_by is None


def test_the_intake_unit_reviews_a_toronto_application(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    recommendation = sent("ON33")
    response = on_client("wendy").post(
        review_url(recommendation.uuid), {"final_path": recommendation.path}
    )
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == ReviewStatus.ACCEPTED
    assert recommendation.reviewed_by == ontario["wendy"]


def test_after_the_transfer_only_the_areas_local_office_sees_it(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    recommendation = sent("ON33")
    actions.grant_ow_application(
        actor=ontario["wendy"], ow_application=ow_of(recommendation.application)
    )
    assert listed(on_client("tara")) == [recommendation]
    assert listed(on_client("chris")) == [recommendation]
    assert on_client("tara").get(review_url(recommendation.uuid)).status_code == 200
    for who in ("wendy", "omar", "iris"):
        assert listed(on_client(who)) == []
        assert on_client(who).get(review_url(recommendation.uuid)).status_code == 404
