"""Demo personas and synthetic participants, shared by ``sentier load_demo`` and the tests.

Everything here is fictitious. Loading is idempotent: personas are found by e-mail, demo
participants by file number.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.core.jurisdiction import app_enabled
from sentier.network.models import Organization
from sentier.paas import actions as paas_actions
from sentier.paas import selectors as paas_selectors
from sentier.paas.models import PlaceAllocation, Placement, WaitingEntry
from sentier.participants import actions as participant_actions
from sentier.participants.models import (
    ClaimBooklet,
    FileStatus,
    HouseholdType,
    Participant,
    TimelineEvent,
)
from sentier.reference.models import Program, Region

DEMO_PASSWORD = "sentier-demo-2026"  # noqa: S105 - published demo credentials, demo data only
DEMO_PREFIX = "D26-"


@dataclass(frozen=True)
class Persona:
    key: str
    email: str
    first_name: str
    last_name: str
    role: str
    region: str | None = None
    office: str = ""
    organization: str | None = None  # published name of a directory organization
    language: str = "fr-ca"


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "caseworker_laval",
        "caseworker.laval@sentier.demo",
        "Sophie",
        "Tremblay",
        Role.CASEWORKER,
        region="13",
        office="Laval",
    ),
    Persona(
        "caseworker_montreal",
        "caseworker.montreal@sentier.demo",
        "Marc",
        "Gagnon",
        Role.CASEWORKER,
        region="06",
        office="Montréal-Centre",
    ),
    Persona(
        "coordinator",
        "coordinator.laval@sentier.demo",
        "Nadia",
        "Roy",
        Role.COORDINATOR,
        region="13",
    ),
    Persona(
        "partner_opex",
        "partner.opex@sentier.demo",
        "Luc",
        "Bouchard",
        Role.PARTNER_STAFF,
        organization="Centre de main-d’œuvre OPEX’82 (Via Travail)",
    ),
    Persona(
        "partner_sorif",
        "partner.sorif@sentier.demo",
        "Amélie",
        "Côté",
        Role.PARTNER_STAFF,
        organization="SORIF",
    ),
    Persona("participant", "participant@sentier.demo", "Julie", "Lavoie", Role.PARTICIPANT),
    Persona("analyst", "analyst@sentier.demo", "Karim", "Haddad", Role.ANALYST, language="en-ca"),
    Persona("admin", "admin@sentier.demo", "Claire", "Pelletier", Role.ADMINISTRATOR),
)

# More caseworkers so that demo participants across the province have someone.
EXTRA_CASEWORKERS: tuple[tuple[str, str, str, str], ...] = (
    ("02", "Saguenay", "Étienne", "Girard"),
    ("03", "Québec", "Isabelle", "Morin"),
    ("06", "Montréal-Nord", "David", "Wilson"),
    ("08", "Rouyn-Noranda", "Chantal", "Poirier"),
    ("11", "Gaspé", "Yves", "Cloutier"),
    ("15", "Saint-Jérôme", "Mélanie", "Fortin"),
    ("16", "Longueuil", "Patrick", "Lévesque"),
)

FIRST_NAMES_FR = [
    "Marie",
    "Jean",
    "Nathalie",
    "Louis",
    "Émilie",
    "François",
    "Camille",
    "Olivier",
    "Geneviève",
    "Mathieu",
    "Josée",
    "Samuel",
    "Valérie",
    "Gabriel",
    "Annie",
    "Félix",
    "Karine",
    "Simon",
    "Marie-Ève",
    "Alexandre",
    "Fatima",
    "Mamadou",
    "Nguyen",
    "Rosa",
]
FIRST_NAMES_EN = [
    "Emily",
    "James",
    "Sarah",
    "Michael",
    "Olivia",
    "Daniel",
    "Grace",
    "Ryan",
    "Hannah",
    "Kevin",
    "Priya",
    "Omar",
]
LAST_NAMES = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
    "Smith",
    "Brown",
    "Nguyen",
    "Diallo",
    "Haddad",
    "Martinez",
    "O'Brien",
    "Campbell",
]
CITIES = {
    "01": "Rimouski",
    "02": "Saguenay",
    "03": "Québec",
    "04": "Trois-Rivières",
    "05": "Sherbrooke",
    "06": "Montréal",
    "07": "Gatineau",
    "08": "Rouyn-Noranda",
    "09": "Baie-Comeau",
    "10": "Chibougamau",
    "11": "Gaspé",
    "12": "Lévis",
    "13": "Laval",
    "14": "Joliette",
    "15": "Saint-Jérôme",
    "16": "Longueuil",
    "17": "Drummondville",
}
POSTAL_PREFIX = {
    "01": "G5L",
    "02": "G7H",
    "03": "G1R",
    "04": "G9A",
    "05": "J1H",
    "06": "H2X",
    "07": "J8X",
    "08": "J9X",
    "09": "G4Z",
    "10": "G8P",
    "11": "G4X",
    "12": "G6V",
    "13": "H7N",
    "14": "J6E",
    "15": "J7Z",
    "16": "J4K",
    "17": "J2B",
}
# Where demo participants live: weighted towards the pilot regions and Montréal.
REGION_WEIGHTS = {
    "13": 40,
    "06": 40,
    "02": 14,
    "08": 12,
    "11": 10,
    "15": 16,
    "03": 14,
    "16": 14,
    "01": 5,
    "04": 5,
    "05": 5,
    "07": 5,
    "09": 3,
    "10": 2,
    "12": 5,
    "14": 5,
    "17": 5,
}
PROGRAM_WEIGHTS = {"PAS": 55, "PSS": 25, "POE": 10, "PRB": 10}


def _organization(name: str) -> Organization:
    """The directory organization with this published name (created if the data is absent)."""
    found = Organization.objects.filter(name=name).first()
    if found is None:
        found = Organization.objects.filter(name__iexact=name.replace("’", "'")).first()
    if found is None:
        from django.utils.text import slugify

        found, _created = Organization.objects.get_or_create(
            slug=slugify(name.replace("’", "-"))[:120], defaults={"name": name}
        )
    return found


def ensure_persona(persona: Persona, password: str = DEMO_PASSWORD) -> User:
    """Create or refresh one persona's account."""
    user = User.objects.filter(email=persona.email).first()
    if user is None:
        user = User(email=persona.email)
    user.first_name = persona.first_name
    user.last_name = persona.last_name
    user.role = persona.role
    user.region = Region.objects.get(code=persona.region) if persona.region else None
    user.office = persona.office
    user.organization = _organization(persona.organization) if persona.organization else None
    user.preferred_language = persona.language
    user.is_staff = persona.role == Role.ADMINISTRATOR
    user.is_superuser = persona.role == Role.ADMINISTRATOR
    user.set_password(password)
    user.save()
    return user


@transaction.atomic
def ensure_personas(password: str = DEMO_PASSWORD) -> dict[str, User]:
    """All personas by key, plus the participant persona's own file in Laval."""
    users = {persona.key: ensure_persona(persona, password) for persona in PERSONAS}
    for region, office, first, last in EXTRA_CASEWORKERS:
        email = f"caseworker.{region}.{last.lower()}@sentier.demo"
        ensure_persona(
            Persona(
                f"cw_{region}_{last}",
                email,
                first,
                last,
                Role.CASEWORKER,
                region=region,
                office=office,
            ),
            password,
        )
    admin = users["admin"]
    if not Participant.objects.filter(user=users["participant"]).exists():
        participant = participant_actions.open_participant_file(
            actor=admin,
            file_number=f"{DEMO_PREFIX}000000",
            user=users["participant"],
            first_name="Julie",
            last_name="Lavoie",
            birth_date=dt.date(1988, 3, 14),
            email=users["participant"].email,
            phone="450 555-0142",
            address="123, boulevard des Laurentides",
            city="Laval",
            postal_code="H7N 2T5",
            region=Region.objects.get(code="13"),
            program=Program.objects.get(code="PAS"),
            household_type=HouseholdType.SINGLE_PARENT,
            children=1,
        )
        participant_actions.assign_caseworker(
            actor=admin, participant=participant, caseworker=users["caseworker_laval"]
        )
    return users


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@transaction.atomic
def load_demo_participants(
    count: int = 200, seed: int = 2026, password: str = DEMO_PASSWORD
) -> int:
    """Create ``count`` synthetic participants (idempotent); returns how many were created."""
    users = ensure_personas(password)
    admin = users["admin"]
    rng = random.Random(seed)
    regions = {r.code: r for r in Region.objects.filter(code__in=REGION_WEIGHTS)}
    programs = {p.code: p for p in Program.objects.filter(code__in=PROGRAM_WEIGHTS)}
    caseworkers: dict[str, list[User]] = {}
    for cw in User.objects.filter(role=Role.CASEWORKER).order_by("email"):
        caseworkers.setdefault(cw.region.code if cw.region else "", []).append(cw)
    existing = set(
        Participant.objects.filter(file_number__startswith=DEMO_PREFIX).values_list(
            "file_number", flat=True
        )
    )
    created = 0
    now = timezone.now()
    for index in range(1, count + 1):
        # Draw every value even for rows that exist, so reruns give the same people.
        english = rng.random() < 0.25
        first = rng.choice(FIRST_NAMES_EN if english else FIRST_NAMES_FR)
        last = rng.choice(LAST_NAMES)
        region_code = _weighted(rng, REGION_WEIGHTS)
        program_code = _weighted(rng, PROGRAM_WEIGHTS)
        booklet = rng.choices(
            [ClaimBooklet.NONE, ClaimBooklet.ASM_1, ClaimBooklet.ASM_2, ClaimBooklet.ASM_5],
            weights=[70, 15, 10, 5],
        )[0]
        household = rng.choice(list(HouseholdType.values))
        children = 0 if household in ("single", "couple") else rng.randint(1, 4)
        adults = 2 if household.startswith("couple") else 1
        birth = dt.date(rng.randint(1960, 2005), rng.randint(1, 12), rng.randint(1, 28))
        status = rng.choices(list(FileStatus.values), weights=[80, 8, 8, 4])[0]
        asylum = rng.random() < 0.05
        phone = f"{rng.choice(['514', '450', '418', '819'])} 555-{rng.randint(0, 9999):04d}"
        days_ago = rng.randint(0, 400)
        number = f"{DEMO_PREFIX}{index:06d}"
        if number in existing:
            continue
        participant = participant_actions.open_participant_file(
            actor=admin,
            file_number=number,
            first_name=first,
            last_name=last,
            birth_date=birth,
            email=f"{first}.{last}.{index}@example.org".lower().replace("'", ""),
            phone=phone,
            city=CITIES[region_code],
            postal_code=f"{POSTAL_PREFIX[region_code]} {rng.randint(1, 9)}A{rng.randint(1, 9)}",
            preferred_language="en-ca" if english else "fr-ca",
            region=regions[region_code],
            program=programs[program_code],
            claim_booklet=booklet,
            household_type=household,
            adults=adults,
            children=children,
            asylum_seeker=asylum,
            status=status,
        )
        team = caseworkers.get(region_code)
        opened_at = now - dt.timedelta(days=days_ago, hours=rng.randint(1, 6))
        if team:
            participant_actions.assign_caseworker(
                actor=admin, participant=participant, caseworker=team[index % len(team)]
            )
        _date_back(participant, opened_at, assigned=bool(team))
        created += 1
    seed_worklist()
    if app_enabled("paas"):  # a Québec measure: an Ontario installation has none of it
        load_demo_paas()
    load_demo_applications()
    load_demo_capabilities()
    return created


def _date_back(participant: Participant, opened_at: dt.datetime, *, assigned: bool) -> None:
    """Give a demo file the day it was opened, and its first events (the opening, the
    assignment) minutes apart from that day, rather than the moment the demo was loaded."""
    Participant.objects.filter(pk=participant.pk).update(
        created_at=opened_at,
        assigned_at=opened_at + dt.timedelta(minutes=20) if assigned else None,
    )
    for step, event in enumerate(participant.events.order_by("occurred_at", "pk")):
        TimelineEvent.objects.filter(pk=event.pk).update(
            occurred_at=opened_at + dt.timedelta(minutes=20 * step)
        )


def load_demo_capabilities() -> None:
    """Each later capability's own demo data, in dependency order (each is idempotent)."""
    from sentier.consent import demo as consent_demo
    from sentier.exchange import demo as exchange_demo
    from sentier.network import demo as network_demo
    from sentier.ontario import demo as ontario_demo
    from sentier.plans import demo as plans_demo
    from sentier.referrals import demo as referrals_demo
    from sentier.serviceplans import demo as serviceplans_demo

    # The partner-network, consent, referral, exchange and plan scenarios are told around the
    # Laval personas: an Ontario installation, where Québec staff reach no file, skips them.
    quebec = (
        network_demo,
        consent_demo,
        referrals_demo,
        exchange_demo,
        plans_demo,
        serviceplans_demo,
    )
    for module in (*quebec, ontario_demo):
        if module is ontario_demo or app_enabled("plans"):
            module.load_demo()
    from sentier.ontario.odsp_demo import load_odsp_demo

    load_odsp_demo()  # after the Ontario personas exist


def seed_worklist() -> None:
    """Once: re-evaluate the caseload the day before the pilot start and today, so the
    caseworkers' worklists show who became eligible to a support plan when their region joined."""
    from sentier.decisions.actions import reevaluate_caseload
    from sentier.decisions.models import ReevaluationRun

    if ReevaluationRun.objects.exists():
        return
    reevaluate_caseload(measure="support_plan", date=dt.date(2026, 3, 31))
    reevaluate_caseload(measure="support_plan", date=timezone.localdate())


def _demo_period(today: dt.date) -> tuple[dt.date, dt.date]:
    """The Ministry's fiscal year that contains ``today`` (April 1 to March 31)."""
    year = today.year if today.month >= 4 else today.year - 1
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def load_demo_paas() -> None:
    """PAAS Action demo (idempotent): places for OPEX’82 in Laval and SORIF in Montréal this
    fiscal year, a few placements with a progressive hours plan, attendance for past weeks, and
    one person on OPEX’82's waiting list. Everything goes through the real actions."""
    users = {persona.key: User.objects.get(email=persona.email) for persona in PERSONAS}
    admin = users["admin"]
    today = timezone.localdate()
    start, end = _demo_period(today)
    plans = (
        ("partner_opex", "13", "caseworker_laval", 3, 4),
        ("partner_sorif", "06", "caseworker_montreal", 4, 2),
    )
    for staff_key, region_code, caseworker_key, places, wanted in plans:
        staff, caseworker = users[staff_key], users[caseworker_key]
        organization = staff.organization
        if organization is None:
            continue
        region = Region.objects.get(code=region_code)
        if not PlaceAllocation.objects.filter(
            organization=organization, region=region, period_start=start
        ).exists():
            paas_actions.grant_places(
                actor=admin,
                organization=organization,
                region=region,
                period_start=start,
                period_end=end,
                places=places,
                budget_cents=paas_selectors.allocation_cost_cents(start, end, places),
            )
        already = Placement.objects.filter(organization=organization).count()
        already += WaitingEntry.objects.filter(organization=organization).count()
        if already:
            continue
        candidates = list(
            Participant.objects.filter(
                region=region, caseworker=caseworker, status=FileStatus.ACTIVE
            ).order_by(F("user_id").desc(nulls_last=True), "file_number")[:wanted]
        )
        first_monday = paas_selectors.week_start(start + dt.timedelta(days=6))
        placement_start = max(
            paas_selectors.week_start(today) - dt.timedelta(weeks=6), first_monday
        )
        for participant in candidates:
            outcome = paas_actions.place_participant(
                actor=caseworker,
                participant=participant,
                organization=organization,
                start_date=placement_start,
                hours_plan=[
                    (placement_start, 6),
                    (placement_start + dt.timedelta(weeks=3), 12),
                    (placement_start + dt.timedelta(weeks=8), 20),
                ],
                objectives=[
                    "Arriver à l’heure aux ateliers",
                    "Utiliser un ordinateur pour chercher de l’information",
                    "Préparer un budget mensuel",
                ],
                activities=[
                    ("formative", "Gestion du stress, budget"),
                    ("basic_skills", "Informatique de base"),
                    ("social_recreational", "Sortie au musée"),
                ],
            )
            placement = outcome.placement
            if placement is None:
                continue
            week = placement_start
            while week < paas_selectors.week_start(today):
                planned = paas_selectors.planned_hours(placement, week) or 0
                paas_actions.record_attendance(
                    actor=staff,
                    placement=placement,
                    week_start=week,
                    hours=Decimal(max(planned - (week.toordinal() // 7) % 3, 0)),
                )
                week += dt.timedelta(weeks=1)


DEMO_APPLICATIONS: tuple[tuple[str, str, str, str, dict[str, object]], ...] = (
    # channel, first name, last name, region, questionnaire answers
    (
        "online",
        "Mélissa",
        "Gendron",
        "13",
        {"wants_support": "yes", "difficulties": ["housing", "debt"]},
    ),
    ("online", "Kevin", "Ouellette", "13", {"wants_support": "yes", "job_start": "yes"}),
    (
        "phone",
        "Rosa",
        "Martinez",
        "13",
        {"wants_support": "yes", "needs_several_services": "yes", "major_crisis": "yes"},
    ),
    (
        "in_person",
        "Jean-Guy",
        "Thibault",
        "13",
        {"wants_support": "not_sure", "wants_activities": "yes", "weekly_hours": "up_to_12"},
    ),
    ("online", "Samira", "Benali", "13", {"wants_support": "no"}),
    ("online", "Tom", "Fraser", "06", {"wants_support": "yes", "difficulties": ["addiction"]}),
)


def load_demo_applications() -> None:
    """Once: a few submitted applications waiting in the Laval and Montréal review queues."""
    from sentier.intake import actions as intake
    from sentier.intake.models import Application

    if Application.objects.filter(answers__demo=True).exists():
        return
    caseworker = User.objects.get(email="caseworker.laval@sentier.demo")
    for channel, first, last, region, questionnaire in DEMO_APPLICATIONS:
        application = intake.start_application(
            channel=channel, entered_by=None if channel == "online" else caseworker
        )
        application.answers = {
            "demo": True,
            "identity": {
                "first_name": first,
                "last_name": last,
                "birth_date": "1987-09-12",
                "preferred_language": "en-ca" if last == "Fraser" else "fr-ca",
            },
            "contact": {
                "phone": "450 555-0177",
                "email": "",
                "address": "",
                "city": CITIES[region],
                "postal_code": f"{POSTAL_PREFIX[region]} 1A1",
                "region": region,
            },
            "household": {"household_type": "single", "adults": 1, "children": 0},
            "program": {"program": "PAS", "claim_booklet": "", "asylum_seeker": False},
            "questionnaire": questionnaire,
        }
        application.save(update_fields=["answers"])
        intake.submit_application(application_id=application.pk)
