"""The Ontario files each caseworker works on, for a supervisor's "caseload per caseworker"
(registered with ``sentier.participants.caseload``): an Ontario Works application, a common
assessment (and so its action plan's reviews) or an ODSP application assigned to them. Ontario
never sets ``Participant.caseworker``: its work is assigned on these rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping

from sentier.ontario.models import CommonAssessment, ODSPApplication, OWApplication


def ontario_files(caseworker_ids: Collection[int]) -> Mapping[int, int]:
    """Distinct clients per assignee across the three worklists (one query: a UNION, which
    counts a client whose application and assessment are both assigned to someone once)."""
    rows = [
        model.objects.filter(assigned_to_id__in=caseworker_ids)
        .order_by()
        .values_list("assigned_to_id", "participant_id")
        for model in (OWApplication, CommonAssessment, ODSPApplication)
    ]
    pairs = rows[0].union(*rows[1:])
    return Counter(assignee for assignee, _participant in pairs)
