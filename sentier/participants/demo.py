"""Demo participants: the participant persona's own file and synthetic participants, shared by
``sentier load_demo`` (``sentier.site.demo``) and the tests.

Everything here is fictitious. Loading is idempotent: demo participants are found by file number.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from sentier.accounts.demo import DEMO_PASSWORD, ensure_staff_personas
from sentier.accounts.models import Role, User
from sentier.core.clock import acting_at, at_local
from sentier.participants import actions as participant_actions
from sentier.participants.models import (
    ClaimBooklet,
    FileStatus,
    HouseholdType,
    Participant,
)
from sentier.participants.names import DEMO_LAST_NAMES
from sentier.reference.models import Program, Region

DEMO_PREFIX = "D26-"

#: The participant persona's file was opened this many days ago, before every step of her story
#: that the other apps' demos tell (support plan, placement, referral, service plan).
PERSONA_OPENED_DAYS_AGO = 150

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
LAST_NAMES = DEMO_LAST_NAMES
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


@transaction.atomic
def ensure_personas(password: str = DEMO_PASSWORD) -> dict[str, User]:
    """All personas by key, plus the participant persona's own file in Laval."""
    users = ensure_staff_personas(password)
    admin = users["admin"]
    if not Participant.objects.filter(user=users["participant"]).exists():
        with acting_at(at_local(-PERSONA_OPENED_DAYS_AGO, 9, 30)):
            participant = _open_persona_file(admin, users)
        with acting_at(at_local(-PERSONA_OPENED_DAYS_AGO, 9, 50)):
            participant_actions.assign_caseworker(
                actor=admin, participant=participant, caseworker=users["caseworker_laval"]
            )
    return users


def _open_persona_file(admin: User, users: dict[str, User]) -> Participant:
    return participant_actions.open_participant_file(
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


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@transaction.atomic
def load_demo_participants(
    count: int = 200, seed: int = 2026, password: str = DEMO_PASSWORD
) -> int:
    """Create ``count`` synthetic participants (idempotent); returns how many were created.

    The other capabilities' demo data is loaded by ``sentier.site.demo.load_demo``."""
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
        postal_code = f"{POSTAL_PREFIX[region_code]} {rng.randint(1, 9)}A{rng.randint(1, 9)}"
        # Each file carries the day it was opened, and is assigned twenty minutes later.
        opened_at = now - dt.timedelta(days=days_ago, hours=rng.randint(1, 6))
        with acting_at(opened_at):
            participant = participant_actions.open_participant_file(
                actor=admin,
                file_number=number,
                first_name=first,
                last_name=last,
                birth_date=birth,
                email=f"{first}.{last}.{index}@example.org".lower().replace("'", ""),
                phone=phone,
                city=CITIES[region_code],
                postal_code=postal_code,
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
        if team:
            with acting_at(opened_at + dt.timedelta(minutes=20)):
                participant_actions.assign_caseworker(
                    actor=admin, participant=participant, caseworker=team[index % len(team)]
                )
        created += 1
    return created
