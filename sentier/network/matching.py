"""Matching: which services can take this person for this need, best first, each with its reasons.

``match_services`` answers in a constant number of queries whatever the size of the directory:

1. the clientele taxonomy (17 rows);
2. the candidate services, pre-filtered in SQL (listed, of the kind asked, serving the region or
   the whole province), as narrow ``values()`` rows that carry, as booleans computed by
   ``EXISTS`` subqueries, whether they name the region and whether they fit the person's
   clienteles or serve everyone;
3. the clienteles of the chosen services (for their reasons); 4. the chosen services with their
   organization; 5. the points of service of those organizations in the region.

Scores are computed in Python over that narrow set; only the chosen ones get their reasons.
The score is a plain sum of points so that every point has a reason a caseworker can read
(see :data:`WEIGHTS`):

- region: serves the person's region (30) or the whole province (15, ``province_wide``);
- clientele: works with one of the person's clienteles (25), or with everyone ("multiple
  clienteles", "adults": 10); a service whose clientele is not stated gets nothing;
- language: offers services in the person's language (15);
- capacity: places available (20); full with a known wait: 10 minus the wait (0 to 10);
  not said: 5;
- freshness: capacity updated within ``SENTIER_CAPACITY_STALE_DAYS`` (10);
- reach, for a person in a region where the nearest point of service is far
  (``SENTIER_FAR_REGIONS``: Abitibi-Témiscamingue, Côte-Nord, Nord-du-Québec, Gaspésie–
  Îles-de-la-Madeleine; issue 19): a point of service of the organization in the person's
  region whose staff travel to the person (15); a point of service of the organization that
  serves by phone or video (10). Elsewhere these count for nothing.

Ties go to the service with more places, then fewer people waiting, then the name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sentier.core import languages
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
    "travels": 15,
    "remote": 10,
}

# Clienteles that mean "everyone" (a general service, not a specialised one).
GENERAL_CLIENTELES = frozenset({"multiple", "adults"})

CANDIDATE_FIELDS = (
    "pk",
    "organization_id",
    "name",
    "capacity_available",
    "capacity_maximum",
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


def language_code(language: str | None) -> str:
    """``fr-ca`` → ``fr``; ``EN`` → ``en``; empty stays empty."""
    return (language or "").split("-")[0].strip().lower()


def far_regions() -> frozenset[str]:
    """Codes of the regions where the nearest point of service is far (a setting)."""
    return frozenset(getattr(settings, "SENTIER_FAR_REGIONS", ()))


def is_far(region: Region) -> bool:
    return region.code in far_regions()


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
    taxonomy = {c.pk: c for c in Clientele.objects.all()}
    specific_ids = [pk for pk, c in taxonomy.items() if c.code in wanted - GENERAL_CLIENTELES]
    general_ids = [pk for pk, c in taxonomy.items() if c.code in GENERAL_CLIENTELES]

    # One query: the candidates with what scoring needs from the link tables, as booleans.
    # Each condition is an uncorrelated ``id IN (SELECT …)`` that PostgreSQL hashes once.
    areas = Service.regions.through.objects
    links = Service.clienteles.through.objects
    here = Q(pk__in=areas.filter(region_id=region_row.pk).values("service_id"))
    fit = Q(pk__in=links.filter(clientele_id__in=specific_ids).values("service_id"))
    general = Q(pk__in=links.filter(clientele_id__in=general_ids).values("service_id"))
    stale_after = dt.timedelta(days=stale_days())
    # Languages are a JSON list of codes: the quoted code is in its text (SQLite and PostgreSQL).
    speaks = Q(languages__icontains=f'"{wanted_language}"') if wanted_language else Q(pk__in=[])
    fresh = Q(capacity_updated_at__gte=now - stale_after)
    # Far from any point of service: what reaches the person where they live counts.
    travels, remote = Q(pk__in=[]), Q(pk__in=[])
    if is_far(region_row):
        points = Location.objects.values("organization_id")
        travels = Q(
            organization_id__in=points.filter(region_id=region_row.pk, travels_to_person=True)
        )
        remote = Q(
            organization_id__in=points.filter(Q(serves_by_phone=True) | Q(serves_by_video=True))
        )
    services = (
        Service.objects.filter(active=True, status=ServiceStatus.ACTIVE)
        .filter(here | Q(province_wide=True))
        .annotate(
            here=ExpressionWrapper(here, output_field=BooleanField()),
            fit=ExpressionWrapper(fit, output_field=BooleanField()),
            general=ExpressionWrapper(general, output_field=BooleanField()),
            speaks=ExpressionWrapper(speaks, output_field=BooleanField()),
            fresh=ExpressionWrapper(fresh, output_field=BooleanField()),
            travels=ExpressionWrapper(travels, output_field=BooleanField()),
            remote=ExpressionWrapper(remote, output_field=BooleanField()),
        )
    )
    if kind:
        services = services.filter(kind=kind)
    columns = (*CANDIDATE_FIELDS, "here", "fit", "general", "speaks", "fresh", "travels", "remote")
    rows = list(services.order_by().values(*columns))
    if not rows:
        return []

    scored = [_Candidate(row=row, score=_points(row)) for row in rows]
    scored.sort(key=_order)
    chosen = scored[:limit]
    chosen_ids = [c.row["pk"] for c in chosen]

    # Only the chosen ones get their reasons: their clienteles, organization and location.
    names: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for service_id, clientele_id in (
        links.filter(service_id__in=chosen_ids)
        .values_list("service_id", "clientele_id")
        .order_by("clientele_id")
    ):
        clientele = taxonomy[clientele_id]
        names[service_id].append((clientele.code, str(clientele.name)))
    by_pk = Service.objects.select_related("organization").in_bulk(chosen_ids)
    locations: dict[int, Location] = {}
    for location in Location.objects.filter(
        organization_id__in={c.row["organization_id"] for c in chosen}, region=region_row
    ).order_by("pk"):
        locations.setdefault(location.organization_id, location)

    matches = []
    for rank, candidate in enumerate(chosen, start=1):
        service = by_pk[candidate.row["pk"]]
        reasons, stale = _reasons(
            candidate.row,
            service,
            region_name=str(region_row.name),
            clienteles=names.get(service.pk, []),
            wanted=wanted,
            language=wanted_language,
            now=now,
            stale_after=stale_after,
        )
        matches.append(
            Match(
                service=service,
                organization=service.organization,
                location=locations.get(service.organization_id),
                rank=rank,
                score=candidate.score,
                reasons=reasons,
                stale=stale,
            )
        )
    return matches


def _order(candidate: _Candidate) -> tuple[int, int, int, str, int]:
    row = candidate.row
    return (
        -candidate.score,
        -(row["capacity_available"] or 0),
        row["waiting_list_length"] or 0,
        row["name"],
        row["pk"],
    )


def _wait_points(row: dict[str, Any]) -> int:
    """Points of a full service: ten, minus the wait (a week of wait costs one point)."""
    wait_days = row["estimated_wait_days"]
    if wait_days is not None:
        return int(max(0, WEIGHTS["waiting"] - wait_days // 7))
    waiting = row["waiting_list_length"] or 0
    maximum = row["capacity_maximum"] or 0
    # Without an estimate, the queue against the places gives the wait.
    turns = waiting / maximum if maximum else waiting
    return int(max(0, WEIGHTS["waiting"] - round(turns * 2)))


def _points(row: dict[str, Any]) -> int:
    """The score of one candidate (see the module docstring); :func:`_reasons` explains it."""
    score = WEIGHTS["region"] if row["here"] else WEIGHTS["province"]
    if row["fit"]:
        score += WEIGHTS["clientele"]
    elif row["general"]:
        score += WEIGHTS["everyone"]
    if row["speaks"]:
        score += WEIGHTS["language"]
    available = row["capacity_available"]
    if available is None:
        score += WEIGHTS["unknown_capacity"]
    elif available > 0:
        score += WEIGHTS["available"]
    else:
        score += _wait_points(row)
    if row["fresh"]:
        score += WEIGHTS["fresh"]
    if row["travels"]:
        score += WEIGHTS["travels"]
    if row["remote"]:
        score += WEIGHTS["remote"]
    return score


def _reasons(
    row: dict[str, Any],
    service: Service,
    *,
    region_name: str,
    clienteles: list[tuple[str, str]],
    wanted: set[str],
    language: str,
    now: dt.datetime,
    stale_after: dt.timedelta,
) -> tuple[list[str], bool]:
    """The reasons for a candidate's points, in plain language, and whether it is stale."""
    reasons: list[str] = []
    add = reasons.append
    if row["here"]:
        add(_("Serves your region (%(region)s)") % {"region": region_name})
    else:
        add(_("Serves all of Québec"))

    fit = [name for code, name in clienteles if code in wanted and code not in GENERAL_CLIENTELES]
    if fit:
        add(_("Works with %(clienteles)s") % {"clienteles": ", ".join(fit).lower()})
    elif row["general"]:
        add(_("Open to everyone"))
    elif clienteles:
        names = ", ".join(name for _code, name in clienteles).lower()
        add(_("Specialised in: %(clienteles)s") % {"clienteles": names})
    else:
        add(_("Clientele not stated"))

    languages = [language_code(code) for code in service.languages or []]
    if row["speaks"]:
        add(_("Offers services in %(language)s") % {"language": _language_name(language)})
    elif language and languages:
        spoken = ", ".join(_language_name(code) for code in languages)
        add(_("Services in %(languages)s only") % {"languages": spoken})

    available = row["capacity_available"]
    waiting = row["waiting_list_length"] or 0
    if available is None:
        add(_("Places available: not stated"))
    elif available > 0:
        add(
            ngettext("%(count)d place available", "%(count)d places available", available)
            % {"count": available}
        )
    elif row["estimated_wait_days"] is not None:
        days = row["estimated_wait_days"]
        add(
            ngettext("Full: about %(days)d day of wait", "Full: about %(days)d days of wait", days)
            % {"days": days}
        )
    else:
        add(
            ngettext("Full: %(count)d person waiting", "Full: %(count)d people waiting", waiting)
            % {"count": waiting}
        )

    if row["travels"]:
        add(_("Staff travel to you (%(region)s)") % {"region": region_name})
    if row["remote"]:
        add(_("Serves by phone or video"))

    updated = service.capacity_updated_at
    stale = True
    if updated is None:
        add(_("Capacity never updated"))
    elif not row["fresh"]:
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
        stale = False
        add(_("Capacity up to date"))
    return reasons, stale


def _language_name(code: str) -> str:
    names = {"fr": _("French"), "en": _("English"), "es": _("Spanish"), "ar": _("Arabic")}
    return str(names[code]) if code in names else languages.language_name(code)


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


def service_language(participant: Any) -> str:
    """The language services should speak with the person: the one they need an interpreter
    for, else their language of correspondence (issue 19)."""
    return str(
        getattr(participant, "interpreter_language", "")
        or getattr(participant, "preferred_language", "")
    )


def match_for_participant(
    participant: Any, *, kind: str | None = None, now: dt.datetime | None = None, limit: int = 20
) -> list[Match]:
    """``match_services`` with the region, language and clienteles of a participant's file."""
    return match_services(
        region=participant.region,
        clienteles=clienteles_for_participant(participant),
        language=service_language(participant),
        kind=kind,
        now=now,
        limit=limit,
    )
