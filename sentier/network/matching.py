"""Matching: which services can take this person for this need, best first, each with its reasons.

``match_services`` answers in a constant number of queries whatever the size of the directory:

1. the candidate services, pre-filtered in SQL (listed, of the kind asked, serving the region or
   the whole province), as narrow ``values()`` rows;
2. which of them name the region; 3. the clientele taxonomy; 4. their clientele links;
5. the chosen services with their organization; 6. the points of service of those
   organizations in the region.

Scores are computed in Python over that narrow set. The score is a plain sum of points so that
every point has a reason a caseworker can read (see :data:`WEIGHTS`):

- region: serves the person's region (30) or the whole province (15);
- clientele: works with one of the person's clienteles (25), or with everyone (10);
- language: offers services in the person's language (15);
- capacity: places available (20); full with a known wait: 10 minus the wait (0 to 10);
  not said: 5;
- freshness: capacity updated within ``SENTIER_CAPACITY_STALE_DAYS`` (10).

Ties go to the service with more places, then fewer people waiting, then the name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sentier.network.models import (
    Clientele,
    Location,
    Organization,
    Service,
    ServiceStatus,
    stale_days,
)
from sentier.reference.models import Region

WEIGHTS = {
    "region": 30,
    "province": 15,
    "clientele": 25,
    "everyone": 10,
    "language": 15,
    "available": 20,
    "waiting": 10,
    "unknown_capacity": 5,
    "fresh": 10,
}

# Clienteles that mean "everyone" (a general service, not a specialised one).
GENERAL_CLIENTELES = frozenset({"multiple", "adults"})

CANDIDATE_FIELDS = (
    "pk",
    "organization_id",
    "organization__name",
    "name",
    "languages",
    "capacity_available",
    "capacity_maximum",
    "capacity_updated_at",
    "waiting_list_length",
    "estimated_wait_days",
)


@dataclasses.dataclass
class Match:
    """One proposed service, its rank (1 = best), its score and the reasons for it."""

    service: Service
    organization: Organization
    location: Location | None
    rank: int
    score: int
    reasons: list[str]
    stale: bool = False


@dataclasses.dataclass
class _Candidate:
    row: dict[str, Any]
    score: int = 0
    reasons: list[str] = dataclasses.field(default_factory=list)
    stale: bool = False


def language_code(language: str | None) -> str:
    """``fr-ca`` → ``fr``; ``EN`` → ``en``; empty stays empty."""
    return (language or "").split("-")[0].strip().lower()


def match_services(
    *,
    region: Region | str,
    clienteles: Iterable[Clientele | str] = (),
    language: str | None = None,
    kind: str | None = None,
    now: dt.datetime | None = None,
    limit: int = 20,
) -> list[Match]:
    """Services for a person in ``region`` with these clienteles and language, best first.

    ``region`` is a ``Region`` or its code; ``clienteles`` are ``Clientele`` rows or codes;
    ``language`` a code such as ``fr``, ``en`` or ``fr-ca``; ``kind`` a ``ServiceKind`` value
    (no kind: every kind). Reasons are in the active language.
    """
    now = now or timezone.now()
    region_row = region if isinstance(region, Region) else Region.objects.get(code=region)
    wanted = {c.code if isinstance(c, Clientele) else str(c) for c in clienteles}
    wanted_language = language_code(language)

    areas = Service.regions.through.objects
    here = areas.filter(region_id=region_row.pk).values("service_id")
    services = Service.objects.filter(active=True, status=ServiceStatus.ACTIVE).filter(
        Q(pk__in=here) | ~Q(pk__in=areas.values("service_id"))
    )
    if kind:
        services = services.filter(kind=kind)
    rows = list(services.values(*CANDIDATE_FIELDS))
    if not rows:
        return []
    ids = [row["pk"] for row in rows]

    served_here = set(
        areas.filter(service_id__in=ids, region_id=region_row.pk).values_list(
            "service_id", flat=True
        )
    )
    taxonomy = {c.pk: (c.code, str(c.name)) for c in Clientele.objects.all()}
    clientele_links: dict[int, list[tuple[str, str]]] = defaultdict(list)
    links = Service.clienteles.through.objects.filter(service_id__in=ids).values_list(
        "service_id", "clientele_id"
    )
    for service_id, clientele_id in links.order_by("clientele_id"):
        clientele_links[service_id].append(taxonomy[clientele_id])

    limit_days = stale_days()
    candidates = [
        _score(
            row,
            served_here=row["pk"] in served_here,
            region_name=str(region_row.name),
            clienteles=clientele_links.get(row["pk"], []),
            wanted=wanted,
            language=wanted_language,
            now=now,
            stale_after=dt.timedelta(days=limit_days),
        )
        for row in rows
    ]
    candidates.sort(key=_order)
    chosen = candidates[:limit]

    by_pk = Service.objects.select_related("organization").in_bulk([c.row["pk"] for c in chosen])
    locations: dict[int, Location] = {}
    for location in Location.objects.filter(
        organization_id__in={c.row["organization_id"] for c in chosen}, region=region_row
    ).order_by("pk"):
        locations.setdefault(location.organization_id, location)

    matches = []
    for rank, candidate in enumerate(chosen, start=1):
        service = by_pk[candidate.row["pk"]]
        matches.append(
            Match(
                service=service,
                organization=service.organization,
                location=locations.get(service.organization_id),
                rank=rank,
                score=candidate.score,
                reasons=candidate.reasons,
                stale=candidate.stale,
            )
        )
    return matches


def _order(candidate: _Candidate) -> tuple[int, int, int, str, str]:
    row = candidate.row
    return (
        -candidate.score,
        -(row["capacity_available"] or 0),
        row["waiting_list_length"] or 0,
        row["organization__name"],
        row["name"],
    )


def _score(
    row: dict[str, Any],
    *,
    served_here: bool,
    region_name: str,
    clienteles: list[tuple[str, str]],
    wanted: set[str],
    language: str,
    now: dt.datetime,
    stale_after: dt.timedelta,
) -> _Candidate:
    candidate = _Candidate(row=row)
    add = candidate.reasons.append

    if served_here:
        candidate.score += WEIGHTS["region"]
        add(_("Serves your region (%(region)s)") % {"region": region_name})
    else:
        candidate.score += WEIGHTS["province"]
        add(_("Serves all of Québec"))

    codes = {code for code, _name in clienteles}
    fit = [name for code, name in clienteles if code in wanted and code not in GENERAL_CLIENTELES]
    if fit:
        candidate.score += WEIGHTS["clientele"]
        add(_("Works with %(clienteles)s") % {"clienteles": ", ".join(fit).lower()})
    elif not codes or codes & GENERAL_CLIENTELES:
        candidate.score += WEIGHTS["everyone"]
        add(_("Open to everyone"))
    else:
        names = ", ".join(name for _code, name in clienteles).lower()
        add(_("Specialised in: %(clienteles)s") % {"clienteles": names})

    languages = [language_code(code) for code in row["languages"] or []]
    if language and language in languages:
        candidate.score += WEIGHTS["language"]
        add(_("Offers services in %(language)s") % {"language": _language_name(language)})
    elif language and languages:
        spoken = ", ".join(_language_name(code) for code in languages)
        add(_("Services in %(languages)s only") % {"languages": spoken})

    available = row["capacity_available"]
    waiting = row["waiting_list_length"] or 0
    if available is None:
        candidate.score += WEIGHTS["unknown_capacity"]
        add(_("Places available: not stated"))
    elif available > 0:
        candidate.score += WEIGHTS["available"]
        add(
            ngettext("%(count)d place available", "%(count)d places available", available)
            % {"count": available}
        )
    else:
        wait_days = row["estimated_wait_days"]
        if wait_days is not None:
            # One point less per week of wait, down to nothing after ten weeks.
            candidate.score += max(0, WEIGHTS["waiting"] - wait_days // 7)
            add(
                ngettext(
                    "Full: about %(days)d day of wait",
                    "Full: about %(days)d days of wait",
                    wait_days,
                )
                % {"days": wait_days}
            )
        else:
            maximum = row["capacity_maximum"] or 0
            # Without an estimate, the queue against the places gives the wait.
            turns = waiting / maximum if maximum else waiting
            candidate.score += max(0, WEIGHTS["waiting"] - round(turns * 2))
            add(
                ngettext(
                    "Full: %(count)d person waiting",
                    "Full: %(count)d people waiting",
                    waiting,
                )
                % {"count": waiting}
            )

    updated = row["capacity_updated_at"]
    if updated is None:
        candidate.stale = True
        add(_("Capacity never updated"))
    elif now - updated > stale_after:
        candidate.stale = True
        days = (now - updated).days
        add(
            ngettext(
                "Capacity not updated for %(days)d day",
                "Capacity not updated for %(days)d days",
                days,
            )
            % {"days": days}
        )
    else:
        candidate.score += WEIGHTS["fresh"]
        add(_("Capacity up to date"))
    return candidate


def _language_name(code: str) -> str:
    names = {"fr": _("French"), "en": _("English"), "es": _("Spanish"), "ar": _("Arabic")}
    return names.get(code, code)


# ---------------------------------------------------------------------------------------------
# What a participant's file says about the clienteles that fit them


def clienteles_for_participant(participant: Any, *, today: dt.date | None = None) -> list[str]:
    """Clientele codes inferred from the file: age, asylum claim, language. Never gender."""
    today = today or timezone.localdate()
    codes = ["adults", "multiple"]
    birth = getattr(participant, "birth_date", None)
    if birth is not None:
        age = today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
        if 18 <= age <= 35:
            codes.append("young_adults_18_35")
        if age <= 35:
            codes.append("youth")
    if getattr(participant, "asylum_seeker", False):
        codes += ["refugees", "immigrants"]
    if getattr(participant, "preferred_language", "") == "en-ca":
        codes.append("english_speaking")
    return codes


def match_for_participant(
    participant: Any, *, kind: str | None = None, now: dt.datetime | None = None, limit: int = 20
) -> list[Match]:
    """``match_services`` with the region, language and clienteles of a participant's file."""
    return match_services(
        region=participant.region,
        clienteles=clienteles_for_participant(participant),
        language=participant.preferred_language,
        kind=kind,
        now=now,
        limit=limit,
    )
