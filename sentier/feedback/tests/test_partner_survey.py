"""Partner organization staff rate the referral process once a quarter."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from sentier.feedback.models import PartnerSurveyResponse
from sentier.feedback.selectors import current_quarter, organization_regions

pytestmark = pytest.mark.django_db

GOOD = {"complete": "2", "timely": "3", "reachable": "4", "overall": "3", "comment": ""}


def _good(personas: dict[str, Any]) -> dict[str, str]:
    regions = organization_regions(personas["partner_opex"].organization_id)
    assert regions
    return {**GOOD, "region": str(regions[0].pk)}


def test_partner_home_offers_the_quarter_survey(client_for: Any) -> None:
    page = client_for("partner_opex").get(reverse("core:home"))
    assert reverse("feedback:partner_survey") in page.content.decode()


def test_partner_answers_once_a_quarter(client_for: Any, personas: dict[str, Any]) -> None:
    client = client_for("partner_opex")
    assert client.get(reverse("feedback:partner_survey")).status_code == 200
    assert client.post(reverse("feedback:partner_survey"), _good(personas)).status_code == 302
    row = PartnerSurveyResponse.objects.get()
    assert row.organization_id == personas["partner_opex"].organization_id
    assert row.period == current_quarter()
    assert (row.complete, row.timely, row.reachable, row.overall) == (2, 3, 4, 3)
    again = client.post(reverse("feedback:partner_survey"), {**_good(personas), "overall": "5"})
    assert again.status_code == 409
    assert PartnerSurveyResponse.objects.get().overall == 3
    home = client.get(reverse("core:home")).content.decode()
    assert reverse("feedback:partner_survey") not in home


def test_a_region_outside_the_organization_is_refused(
    client_for: Any, personas: dict[str, Any]
) -> None:
    from sentier.reference.models import Region

    theirs = {r.pk for r in organization_regions(personas["partner_opex"].organization_id)}
    other = Region.objects.exclude(pk__in=theirs).first()
    assert other is not None
    with translation.override("en-ca"):
        url = reverse("feedback:partner_survey")
    page = client_for("partner_opex").post(url, {**_good(personas), "region": str(other.pk)})
    assert page.status_code == 400
    assert "Choose one answer." in page.content.decode()
    assert not PartnerSurveyResponse.objects.exists()


@pytest.mark.parametrize("who", ["participant", "caseworker_laval", "analyst"])
def test_only_partner_staff_answer(client_for: Any, personas: Any, who: str) -> None:
    client = client_for(who)
    assert client.get(reverse("feedback:partner_survey")).status_code == 404
    assert client.post(reverse("feedback:partner_survey"), _good(personas)).status_code == 404
    assert not PartnerSurveyResponse.objects.exists()
