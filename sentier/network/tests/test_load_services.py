"""Seeded services: every RSSMO member offers employability support in its regions; loading
again changes nothing and never overwrites capacity the organization has given since."""

from __future__ import annotations

import pytest

from sentier.network.loading import load_services
from sentier.network.models import Organization, Service, ServiceKind

pytestmark = pytest.mark.django_db


def test_every_member_offers_employability_support_in_each_of_its_regions() -> None:
    for organization in Organization.objects.filter(rssmo_member=True).prefetch_related(
        "locations"
    ):
        regions = {location.region_id for location in organization.locations.all()}
        served: set[int] = set()
        for service in organization.services.filter(kind=ServiceKind.EMPLOYABILITY):
            served |= set(service.regions.values_list("pk", flat=True))
        assert regions <= served, organization.slug


def test_some_run_paas_action_and_some_are_full_or_stale() -> None:
    services = Service.objects.all()
    assert services.filter(kind=ServiceKind.PAAS_ACTION).count() >= 10
    assert services.filter(capacity_available=0, waiting_list_length__gt=0).count() >= 10
    assert services.filter(capacity_updated_at__isnull=True).exists()


def test_loading_again_changes_nothing() -> None:
    history = Service.history.count()

    counts = load_services()

    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, Service.objects.count())
    assert Service.history.count() == history


def test_live_capacity_is_never_overwritten() -> None:
    sorif = Service.objects.get(organization__slug="sorif", kind=ServiceKind.EMPLOYABILITY)
    Service.objects.filter(pk=sorif.pk).update(capacity_available=4, waiting_list_length=1)

    load_services()

    sorif.refresh_from_db()
    assert (sorif.capacity_available, sorif.waiting_list_length) == (4, 1)


def test_paas_action_services_name_the_support_allowance() -> None:
    """002: PAAS Action participants "peuvent avoir droit à une allocation de soutien"; the
    directory used to call it an "allocation d'aide à l'emploi" (another measure)."""
    paas = Service.objects.filter(kind=ServiceKind.PAAS_ACTION)
    assert paas.exists()
    for service in paas:
        assert "aide à l’emploi" not in service.description.lower().replace("'", "’"), service.name
    described = [s for s in paas if "allocation" in s.description.lower()]
    assert described
    assert all("allocation de soutien" in s.description.lower() for s in described)
