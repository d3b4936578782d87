"""Small helpers to set up services for network tests (real rows, no fixtures file)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from sentier.network.models import Clientele, Organization, Service, ServiceKind
from sentier.reference.models import Region

NOW = dt.datetime(2026, 11, 23, 15, 0, tzinfo=dt.UTC)


def make_service(
    organization: Organization | str,
    *,
    name: str = "Accompagnement",
    kind: str = ServiceKind.EMPLOYABILITY,
    regions: Iterable[str] = ("13",),
    province_wide: bool = False,
    clienteles: Iterable[str] = ("multiple",),
    languages: Iterable[str] = ("fr",),
    available: int | None = 2,
    maximum: int | None = 10,
    waiting: int = 0,
    wait_days: int | None = None,
    updated_days_ago: int | None = 1,
    now: dt.datetime = NOW,
) -> Service:
    if isinstance(organization, str):
        organization = Organization.objects.get_or_create(
            slug=organization.lower().replace(" ", "-"), defaults={"name": organization}
        )[0]
    service = Service.objects.create(
        organization=organization,
        name=name,
        kind=kind,
        languages=list(languages),
        capacity_available=available,
        capacity_maximum=maximum,
        waiting_list_length=waiting,
        province_wide=province_wide,
        estimated_wait_days=wait_days,
        capacity_updated_at=(
            None if updated_days_ago is None else now - dt.timedelta(days=updated_days_ago)
        ),
    )
    service.regions.set(Region.objects.filter(code__in=list(regions)))
    service.clienteles.set(Clientele.objects.filter(code__in=list(clienteles)))
    return service


def only_these_services() -> None:
    """Hide the seeded services so that a test sees only the ones it creates."""
    Service.objects.update(active=False)


def now() -> dt.datetime:
    return timezone.now()
