"""Demo personas: the published demo accounts of every role, shared by ``sentier load_demo``,
each app's demo and the tests.

Everything here is fictitious. Loading is idempotent: personas are found by e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model
from django.utils.text import slugify

from sentier.accounts.models import Role, User
from sentier.reference.models import Region

DEMO_PASSWORD = "sentier-demo-2026"  # noqa: S105 - published demo credentials, demo data only


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
    # A worker of the CISSS de Laval: opens the service plans the CISSS takes part in (issue
    # 16); linked to the CISSS of Laval's regional network by sentier.serviceplans.demo.
    Persona(
        "public_cisss",
        "cisss.laval@sentier.demo",
        "Geneviève",
        "Bélanger",
        Role.PUBLIC_STAFF,
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


def _organization(name: str) -> Model:
    """The directory organization with this published name (created if the data is absent).

    Reached through the foreign key of ``User.organization``: the directory (``network``) sits
    above accounts, which does not import it."""
    organizations = User._meta.get_field("organization").related_model
    assert isinstance(organizations, type)
    manager = organizations._default_manager
    found = manager.filter(name=name).first()
    if found is None:
        found = manager.filter(name__iexact=name.replace("’", "'")).first()
    if found is None:
        found, _created = manager.get_or_create(
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
    user.organization = _organization(persona.organization) if persona.organization else None  # type: ignore[assignment]
    user.preferred_language = persona.language
    user.is_staff = persona.role == Role.ADMINISTRATOR
    user.is_superuser = persona.role == Role.ADMINISTRATOR
    user.set_password(password)
    user.save()
    return user


def ensure_staff_personas(password: str = DEMO_PASSWORD) -> dict[str, User]:
    """Every persona by key, and the extra caseworkers of the other regions."""
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
    return users


def persona_users() -> dict[str, User]:
    """The personas' accounts by key (they exist: ``ensure_staff_personas`` ran)."""
    return {persona.key: User.objects.get(email=persona.email) for persona in PERSONAS}
