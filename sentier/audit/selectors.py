"""Reads of the access log. The caller has already checked that the reader may see the file."""

from __future__ import annotations

from django.db.models import QuerySet

from sentier.audit.models import AccessLog
from sentier.participants.models import Participant


def list_access_for_participant(participant: Participant) -> QuerySet[AccessLog]:
    """Every showing of ``participant``'s file, newest first, with what the page says of each
    viewer (name, role, organization, office, region) read in the same query."""
    return AccessLog.objects.filter(participant=participant).select_related(
        "user__organization", "user__region"
    )
