"""The regional support networks (réseaux régionaux d'accompagnement, Bill 71, art. 43.2).

003 (RSSMO brief) describes their make-up: representatives of the Ministry, of other ministries
and public bodies (school, health and social services, community) and organizations designated by
the minister. The seeds name no member, so each region gets a believable composition: the
Ministry's regional direction, the region's integrated health and social services centre
(CISSS/CIUSSS), a school service centre, the municipal housing office of its main city,
correctional services (Public Security), the OPHQ in every region (000: "Un projet pilote de
l'OPHQ se poursuit après le 1er avril 2026 [...] soutenir les intervenants des différents réseaux
dans l'initiation, la planification et la coordination des plans de services" — the seed ties it
to no region) and the RSSMO members of the region from the directory
as designated organizations. Loaded idempotently by :func:`ensure_networks` (the demo calls it).
"""

from __future__ import annotations

from django.db import transaction

from sentier.network.models import Organization
from sentier.reference.models import Jurisdiction, Region
from sentier.serviceplans.models import MemberKind, NetworkMember, PartyKind, RegionalNetwork

# region: (health and social services centre, school service centre, main city)
REGIONAL_BODIES: dict[str, tuple[str, str, str]] = {
    "01": ("CISSS du Bas-Saint-Laurent", "Centre de services scolaire des Phares", "Rimouski"),
    "02": (
        "CIUSSS du Saguenay–Lac-Saint-Jean",
        "Centre de services scolaire des Rives-du-Saguenay",
        "Saguenay",
    ),
    "03": (
        "CIUSSS de la Capitale-Nationale",
        "Centre de services scolaire de la Capitale",
        "Québec",
    ),
    "04": (
        "CIUSSS de la Mauricie-et-du-Centre-du-Québec",
        "Centre de services scolaire du Chemin-du-Roy",
        "Trois-Rivières",
    ),
    "05": (
        "CIUSSS de l’Estrie – CHUS",
        "Centre de services scolaire de la Région-de-Sherbrooke",
        "Sherbrooke",
    ),
    "06": (
        "CIUSSS du Centre-Sud-de-l’Île-de-Montréal",
        "Centre de services scolaire de Montréal",
        "Montréal",
    ),
    "07": (
        "CISSS de l’Outaouais",
        "Centre de services scolaire des Portages-de-l’Outaouais",
        "Gatineau",
    ),
    "08": (
        "CISSS de l’Abitibi-Témiscamingue",
        "Centre de services scolaire de Rouyn-Noranda",
        "Rouyn-Noranda",
    ),
    "09": ("CISSS de la Côte-Nord", "Centre de services scolaire de l’Estuaire", "Baie-Comeau"),
    "10": (
        "Centre régional de santé et de services sociaux de la Baie-James",
        "Centre de services scolaire de la Baie-James",
        "Chibougamau",
    ),
    "11": ("CISSS de la Gaspésie", "Centre de services scolaire des Chic-Chocs", "Gaspé"),
    "12": (
        "CISSS de Chaudière-Appalaches",
        "Centre de services scolaire des Navigateurs",
        "Lévis",
    ),
    "13": ("CISSS de Laval", "Centre de services scolaire de Laval", "Laval"),
    "14": ("CISSS de Lanaudière", "Centre de services scolaire des Samares", "Joliette"),
    "15": (
        "CISSS des Laurentides",
        "Centre de services scolaire de la Rivière-du-Nord",
        "Saint-Jérôme",
    ),
    "16": (
        "CISSS de la Montérégie-Centre",
        "Centre de services scolaire Marie-Victorin",
        "Longueuil",
    ),
    "17": (
        "CIUSSS de la Mauricie-et-du-Centre-du-Québec",
        "Centre de services scolaire des Chênes",
        "Drummondville",
    ),
}

# Which regions offer the service plan, and from when, is the rules' dated parameter
# service_plan.ministry_initiation_regions (000), never a list here (issue 16).
MAX_DESIGNATED = 5


def _members_for(region: Region) -> list[tuple[str, str, str, Organization | None]]:
    health, school, city = REGIONAL_BODIES[region.code]
    members: list[tuple[str, str, str, Organization | None]] = [
        (
            MemberKind.MINISTRY,
            PartyKind.MINISTRY,
            f"Ministère de l’Emploi et de la Solidarité sociale — Services Québec, "
            f"direction régionale ({region.name})",
            None,
        ),
        (MemberKind.PUBLIC_BODY, PartyKind.HEALTH, health, None),
        (MemberKind.PUBLIC_BODY, PartyKind.EDUCATION, school, None),
        (
            MemberKind.PUBLIC_BODY,
            PartyKind.HOUSING,
            f"Office municipal d’habitation de {city}",
            None,
        ),
        (
            MemberKind.OTHER_MINISTRY,
            PartyKind.JUSTICE,
            f"Ministère de la Sécurité publique — Services correctionnels ({region.name})",
            None,
        ),
        (
            MemberKind.PUBLIC_BODY,
            PartyKind.OTHER_PUBLIC,
            "Office des personnes handicapées du Québec (projet pilote plans de services)",
            None,
        ),
    ]
    designated = (
        Organization.objects.filter(locations__region=region, rssmo_member=True)
        .distinct()
        .order_by("name")[:MAX_DESIGNATED]
    )
    for organization in designated:
        members.append(
            (
                MemberKind.DESIGNATED_ORGANIZATION,
                PartyKind.ORGANIZATION,
                organization.name,
                organization,
            )
        )
    return members


@transaction.atomic
def ensure_networks() -> int:
    """One network per Québec region with its members (idempotent); returns networks created."""
    created = 0
    for region in Region.objects.filter(jurisdiction=Jurisdiction.QUEBEC, code__in=REGIONAL_BODIES):
        network, was_created = RegionalNetwork.objects.get_or_create(
            region=region,
            defaults={"name": f"Réseau régional d’accompagnement — {region.name}"},
        )
        created += int(was_created)
        for order, (kind, sector, name, organization) in enumerate(_members_for(region)):
            NetworkMember.objects.get_or_create(
                network=network,
                name=name,
                defaults={
                    "kind": kind,
                    "sector": sector,
                    "organization": organization,
                    "order": order,
                },
            )
    return created
