"""The regional support networks: no region list in code (rollout is data, issue 16)."""

from __future__ import annotations

import pytest

from sentier.serviceplans import networks as network_loading
from sentier.serviceplans.models import NetworkMember, RegionalNetwork

pytestmark = pytest.mark.django_db

OPHQ = "Office des personnes handicapées du Québec (projet pilote plans de services)"


def test_the_ophq_pilot_is_in_every_region_not_only_the_pilot_regions(networks: None) -> None:
    """000 says the OPHQ pilot continues after 2026-04-01 and ties it to no region."""
    regions = set(RegionalNetwork.objects.values_list("region__code", flat=True))
    with_ophq = set(
        NetworkMember.objects.filter(name=OPHQ).values_list("network__region__code", flat=True)
    )
    assert len(regions) == 17
    assert with_ophq == regions


def test_no_pilot_region_list_is_hard_coded() -> None:
    assert not hasattr(network_loading, "PILOT_REGIONS")


def test_loading_again_changes_nothing(networks: None) -> None:
    before = list(NetworkMember.objects.order_by("pk").values_list("pk", "name", "order"))
    assert network_loading.ensure_networks() == 0
    assert list(NetworkMember.objects.order_by("pk").values_list("pk", "name", "order")) == before
