"""Reads of the partner network: the public directory search.

The directory is public (no personal information), so these reads need no user.
"""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from sentier.network.models import Clientele, Location, Organization

# Fields a directory search word is looked for in (any of them, case-insensitively).
SEARCHED_FIELDS = (
    "name",
    "clientele_text",
    "locations__city",
    "locations__points_of_service_text",
    "locations__phone",
    "clienteles__name_fr_ca",
    "clienteles__name_en_ca",
)


def search_directory(
    text: str = "", region_code: str = "", clientele_code: str = ""
) -> QuerySet[Organization]:
    """Organizations matching every word of ``text``, in a region, serving a clientele.

    Empty arguments do not filter. Each organization comes with its clienteles and its
    locations (with their region) prefetched, so listing a page costs the same few queries
    whatever the number of results. With a region, only that region's locations are attached.
    """
    organizations = Organization.objects.all()
    for word in text.split():
        match = Q()
        for field in SEARCHED_FIELDS:
            match |= Q(**{f"{field}__icontains": word})
        organizations = organizations.filter(pk__in=Organization.objects.filter(match).values("pk"))
    locations = Location.objects.select_related("region").order_by("region__code", "city", "pk")
    if region_code:
        organizations = organizations.filter(locations__region__code=region_code)
        locations = locations.filter(region__code=region_code)
    if clientele_code:
        organizations = organizations.filter(clienteles__code=clientele_code)
    return (
        organizations.distinct()
        .order_by("name", "pk")
        .prefetch_related(
            Prefetch("locations", queryset=locations),
            Prefetch("clienteles", queryset=Clientele.objects.order_by("code")),
        )
    )
