"""``{% capacity service now %}``: a service's places, waiting list and freshness, in words."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from sentier.network.models import Service, stale_days

register = template.Library()


@register.inclusion_tag("network/_capacity.html")
def capacity(service: Service, now: dt.datetime) -> dict[str, Any]:
    return {
        "service": service,
        "stale": service.capacity_is_stale(now),
        "age": service.capacity_age_days(now),
        "stale_days": stale_days(),
    }
