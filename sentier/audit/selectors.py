"""Reads of the access log. The caller has already checked that the reader may see the file."""

from __future__ import annotations

from django.db.models import Model, QuerySet

from sentier.audit.models import AccessLog


def list_access_for_participant(participant: Model) -> QuerySet[AccessLog]:
    """Every showing of ``participant``'s file, newest first, with what the page says of each
    viewer (name, role, organization, office, region) read in the same query.

    ``participant`` is a ``participants.Participant``, reached through ``AccessLog.participant``
    (audit sits below participants and does not import it)."""
    return AccessLog.objects.filter(participant_id=participant.pk).select_related(
        "user__organization", "user__region"
    )
