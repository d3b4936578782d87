"""Who works which files: the plug-in point behind a coordinator's "caseload per caseworker".

A Québec caseworker's files are the participants assigned to them
(``Participant.caseworker``). Other capabilities assign work on their own rows (Ontario: an
Ontario Works application, a common assessment, an ODSP application); each registers, in its
``AppConfig.ready``, a function that counts, per caseworker, the files its rows assign to them.
Counters of an app this jurisdiction does not offer (``sentier.core.jurisdiction``) are left
out. The counts add up: each counter counts a file once per caseworker, and no two counters
assign the same file to someone (Ontario never sets ``Participant.caseworker``).
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Callable, Collection, Mapping

from django.db.models import Count

from sentier.core.jurisdiction import module_enabled
from sentier.participants.models import Participant

#: ``counter(caseworker_ids)`` → ``{caseworker_id: number of files}`` (missing ids: none).
CaseloadCounter = Callable[[Collection[int]], Mapping[int, int]]

_counters: list[CaseloadCounter] = []


def register(counter: CaseloadCounter) -> CaseloadCounter:
    """Add a counter (idempotent: a module imported twice registers once)."""
    if counter not in _counters:
        _counters.append(counter)
    return counter


def files_per_caseworker(caseworker_ids: Collection[int]) -> dict[int, int]:
    """How many files each of these caseworkers works on, every counter offered here added up."""
    total: Tally[int] = Tally(dict.fromkeys(caseworker_ids, 0))
    if not caseworker_ids:
        return dict(total)
    for counter in _counters:
        if module_enabled(counter.__module__):
            total.update(counter(caseworker_ids))
    return dict(total)


@register
def assigned_participants(caseworker_ids: Collection[int]) -> Mapping[int, int]:
    """The participants assigned to each caseworker (one query)."""
    rows = (
        Participant.objects.filter(caseworker_id__in=caseworker_ids)
        .order_by()
        .values("caseworker_id")
        .annotate(n=Count("id"))
    )
    return {row["caseworker_id"]: row["n"] for row in rows}
