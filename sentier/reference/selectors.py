"""Reads of reference data for the jurisdiction this instance serves (``SENTIER_JURISDICTION``)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

from sentier.reference.models import Jurisdiction, Program, Region


def current_jurisdiction() -> str:
    return Jurisdiction.ONTARIO if settings.SENTIER_JURISDICTION == "on" else Jurisdiction.QUEBEC


def list_current_regions() -> QuerySet[Region]:
    """The regions (Québec) or service areas (Ontario) a list or filter should offer."""
    return Region.objects.filter(jurisdiction=current_jurisdiction()).order_by("code")


def list_current_programs() -> QuerySet[Program]:
    """The programs of this jurisdiction (PAS, PSS … and the public employment services, or
    Ontario Works, ODSP)."""
    return Program.objects.filter(jurisdiction=current_jurisdiction()).order_by("code")


def list_assistance_programs(jurisdiction: str) -> QuerySet[Program]:
    """The last-resort assistance programs of a jurisdiction: what a person applies for (not the
    public employment services, which pay no assistance)."""
    return Program.objects.filter(jurisdiction=jurisdiction, assistance=True).order_by("code")
