"""The rows the Ontario access matrix is tried on, and who tries them.

Two clients, each with everything a file can carry in Ontario: an Ontario Works client in
Toronto (applied online with an account; granted by the OW intake unit and transferred to
Toronto's local office, so in the common assessment; an action plan;
agreed by phone to share with Employment Ontario and referred there) and an ODSP applicant in
Toronto (applied online without an account; eligibility confirmed, so a package is queued;
agreed by phone to a referral to a community agency, and referred). Both have a decision, an
outcome change on the worklist, and a place offered from a waiting list. Set up through the real
pages and actions, except the two rows no action writes for one file.

The personas, one per Ontario unit and role, keyed by their column in the table
(``test_access_matrix``):

====  =========================================================================================
ta    Tara, Ontario Works local office, Toronto
om    Omar, Ontario Works local office, Ottawa
ir    Iris, ODSP centralized intake unit (her account names Toronto)
ma    Malik, ODSP centralized intake unit (his account names Ottawa)
ch    Chris, coordinator, Toronto
ol    Olga, coordinator, Ottawa
ad    an administrator
cl    the Ontario Works client, signed in (another person, for the ODSP applicant's rows)
an    a program analyst
eo    Employment Ontario staff (receives the OW client's referral; runs the service whose
      waiting list both clients are on)
ag    staff of the community agency (receives the ODSP applicant's referral)
fn    Fay, staff of a First Nations site delivering ODSP (her account names Toronto): her
      site's queue only, so neither client (the ODSP applicant is in the central queue)
we    Wendy, the provincial Ontario Works intake unit (granted the OW client, who was then
      transferred to Toronto's local office)
====  =========================================================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.test import Client
from django.utils import timezone

from sentier.accounts.models import Role, User
from sentier.consent.actions import record_consent
from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import Consent, InformationCategory, Purpose, RecipientKind
from sentier.correspondence.actions import plan_notices, set_contact_preference
from sentier.correspondence.models import Channel as NoticeChannel
from sentier.correspondence.models import Notice
from sentier.decisions.models import Decision, OutcomeChange, ReevaluationRun
from sentier.exchange.actions import create_api_key
from sentier.intake.actions import start_application
from sentier.intake.models import Channel as IntakeChannel
from sentier.intake.models import Recommendation
from sentier.network.actions import add_to_waiting_list, release_place
from sentier.network.models import Offer, Organization, Service, WaitingListEntry
from sentier.ontario import actions
from sentier.ontario.models import (
    ActionPlan,
    CommonAssessment,
    DeterminationPackage,
    ODSPApplication,
    ODSPRefusalReason,
    OWApplication,
    RefusalNotice,
    Unit,
    UnitMembership,
)
from sentier.ontario.odsp import actions as odsp_actions
from sentier.ontario.routing import employment_ontario
from sentier.ontario.tests.helpers import odsp_of, ow_of, send_application
from sentier.participants.models import Participant
from sentier.reference.models import FirstNationsSite, Region
from sentier.referrals.actions import send_referral
from sentier.referrals.models import Referral

#: The table's columns, in order.
PERSONAS = ("ta", "om", "ir", "ma", "ch", "ol", "ad", "cl", "an", "eo", "ag", "fn", "we")

#: The clients rows are tried on: an Ontario Works client and an ODSP applicant, both Toronto
#: (``dau``: the ODSP applicant's rows with the notice of a disability not confirmed).
SUBJECTS = ("ow", "odsp", "dau")


@dataclass
class Rows:
    """One client's rows, by kind (None where the client's program has none)."""

    participant: Participant
    recommendation: Recommendation
    consent: Consent
    referral: Referral
    decision: Decision
    change: OutcomeChange
    entry: WaitingListEntry
    offer: Offer
    ow: OWApplication | None = None
    assessment: CommonAssessment | None = None
    plan: ActionPlan | None = None
    odsp: ODSPApplication | None = None
    package: DeterminationPackage | None = None
    #: A refusal notice of the same program: another applicant's, by phone, refused by the
    #: intake unit (so in that unit's reach, and no local office's).
    notice: RefusalNotice | None = None
    #: A call to make (correspondence): the client asked to be phoned.
    call: Notice | None = None


@dataclass
class World:
    people: dict[str, User]
    service: Service
    agency: Organization
    rows: dict[str, Rows] = field(default_factory=dict)
    #: Raw API keys of the two organizations' systems (the partner API), by column.
    keys: dict[str, str] = field(default_factory=dict)


def _user(key: str, role: str, **extra: Any) -> User:
    found, _created = User.objects.get_or_create(
        email=f"{key}@on.sentier.test", defaults={"role": role, "first_name": key, **extra}
    )
    return found


def _people(ontario: dict[str, Any], eo: Organization, agency: Organization) -> dict[str, User]:
    ottawa = Region.objects.get(code="ON23")
    malik = _user("malik", Role.CASEWORKER, region=ottawa)
    UnitMembership.objects.get_or_create(user=malik, defaults={"unit": Unit.ODSP_INTAKE})
    site, _created = FirstNationsSite.objects.get_or_create(
        code="matrix-site", defaults={"name": "Matrix First Nations site", "placeholder": True}
    )
    fay = _user("fay", Role.CASEWORKER, region=Region.objects.get(code="ON33"))
    UnitMembership.objects.get_or_create(
        user=fay, defaults={"unit": Unit.FIRST_NATIONS_SITE, "first_nations_site": site}
    )
    return {
        "ta": ontario["tara"],
        "om": ontario["omar"],
        "ir": ontario["iris"],
        "ma": malik,
        "ch": ontario["chris"],
        "ol": _user("olga", Role.COORDINATOR, region=ottawa),
        "ad": ontario["admin"],
        "cl": _user("client", Role.PARTICIPANT),
        "an": _user("analyst", Role.ANALYST),
        "eo": _user("eo-staff", Role.PARTNER_STAFF, organization=eo),
        "ag": _user("agency-staff", Role.PARTNER_STAFF, organization=agency),
        "fn": fay,
        "we": ontario["wendy"],
    }


def _offer(actor: User, participant: Participant, service: Service, staff: User) -> Offer:
    entry = add_to_waiting_list(actor=actor, service=service, participant=participant)
    offer = release_place(actor=staff, service=service)
    assert offer is not None
    assert offer.entry_id == entry.pk
    return offer


def _decision(actor: User, participant: Participant) -> Decision:
    # The rules answer Ontario's questions at grant time without keeping a Decision, and "Check
    # eligibility" asks about Québec measures only: a row as the rules would have kept it.
    return Decision.objects.create(
        participant=participant,
        measure="employment_fast_track",
        effective_date=timezone.localdate(),
        inputs={"measure": "employment_fast_track"},
        eligible=True,
        reasons=[],
        amounts={},
        rules_version="test",
        decided_by=actor,
    )


def _change(participant: Participant) -> OutcomeChange:
    # The nightly batch writes changes for every file at once; one file's change is a row.
    run = ReevaluationRun.objects.create(
        measure="employment_fast_track",
        effective_date=timezone.localdate(),
        rules_version="test",
        evaluated=1,
        changed=1,
    )
    return OutcomeChange.objects.create(
        run=run,
        participant=participant,
        measure="employment_fast_track",
        was_eligible=False,
        now_eligible=True,
        reason_code="test",
    )


def _ow_client(world: World) -> Rows:
    people = world.people
    online = Client()
    online.force_login(people["cl"])
    ow = ow_of(send_application(online, program="OW", ready=False, consent=False))
    actions.grant_ow_application(actor=people["we"], ow_application=ow)
    assessment = CommonAssessment.objects.get(ow_application=ow)
    plan = actions.put_action_plan_in_place(
        actor=people["ta"], assessment=assessment, goal="Work in retail", activities="A resume"
    )
    referral = actions.start_employment_ontario_referral(
        actor=people["ta"],
        assessment=assessment,
        categories=[InformationCategory.IDENTITY],
        channel=ConsentChannel.PHONE,
        need="Help finding work",
    )
    participant = Participant.objects.get(pk=ow.participant_id)
    assert participant.user_id == people["cl"].pk
    offer = _offer(people["ta"], participant, world.service, people["eo"])
    ow.refresh_from_db()
    return Rows(
        participant=participant,
        recommendation=Recommendation.objects.get(participant=participant),
        consent=Consent.objects.get(participant=participant),
        referral=referral,
        decision=_decision(people["ta"], participant),
        change=_change(participant),
        entry=offer.entry,
        offer=offer,
        ow=ow,
        assessment=assessment,
        plan=plan,
    )


def _odsp_applicant(world: World) -> Rows:
    people = world.people
    noor: dict[str, Any] = {"identity": {"first_name": "Noor", "last_name": "Haddad"}}
    odsp = odsp_of(send_application(Client(), program="ODSP", ready=False, **noor))
    actions.confirm_odsp_financial_eligibility(actor=people["ir"], odsp_application=odsp)
    participant = Participant.objects.get(pk=odsp.participant_id)
    consent = record_consent(
        actor=people["ir"],
        participant=participant,
        purpose=Purpose.REFERRAL,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=world.agency,
        categories=[InformationCategory.IDENTITY],
        channel=ConsentChannel.PHONE,
    )
    referral = send_referral(
        actor=people["ir"],
        participant=participant,
        organization=world.agency,
        need="Help with housing",
        categories=[InformationCategory.IDENTITY],
    )
    offer = _offer(people["ir"], participant, world.service, people["eo"])
    odsp.refresh_from_db()
    return Rows(
        participant=participant,
        recommendation=Recommendation.objects.get(participant=participant),
        consent=consent,
        referral=referral,
        decision=_decision(people["ir"], participant),
        change=_change(participant),
        entry=offer.entry,
        offer=offer,
        odsp=odsp,
        package=DeterminationPackage.objects.get(odsp_application=odsp),
    )


def build_world(ontario: dict[str, Any]) -> World:
    """Both clients and every persona (``ontario``: the Ontario fixture's personas)."""
    eo = employment_ontario()
    agency, _created = Organization.objects.get_or_create(
        slug="toronto-community-agency", defaults={"name": "Toronto community agency"}
    )
    service = Service.objects.get(organization=eo)
    service.province_wide = True  # so that anyone in Ontario can be put on its waiting list
    service.save(update_fields=["province_wide"])
    world = World(people=_people(ontario, eo, agency), service=service, agency=agency)
    for column, organization in (("eo", eo), ("ag", agency)):
        world.keys[column] = create_api_key(
            actor=world.people["ad"], organization=organization, name="Partner system"
        ).raw
    world.rows["ow"] = _ow_client(world)
    world.rows["odsp"] = _odsp_applicant(world)
    # Both clients asked to be phoned: correspondence plans calls about their events.
    for column, key in (("ta", "ow"), ("ir", "odsp")):
        set_contact_preference(
            actor=world.people[column],
            participant=world.rows[key].participant,
            channel=NoticeChannel.PHONE,
        )
    plan_notices()
    for key in ("ow", "odsp"):
        world.rows[key].call = _call(world.rows[key].participant)
    world.rows["ow"].notice = _refused_by_phone(world, "OW")
    world.rows["odsp"].notice = _refused_by_phone(world, "ODSP")
    # The ODSP applicant's rows again, with the notice of another applicant whose disability
    # the Disability Adjudication Unit did not confirm (the table's ``dau`` row).
    world.rows["dau"] = replace(world.rows["odsp"], notice=_disability_not_confirmed(world))
    return world


def _disability_not_confirmed(world: World) -> RefusalNotice:
    """A Toronto ODSP applicant without e-mail whose returned package the Disability
    Adjudication Unit answered "not eligible": the notice is a letter to mail."""
    iris = world.people["ir"]
    odsp = odsp_of(
        send_application(
            Client(),
            program="ODSP",
            ready=False,
            identity={"first_name": "Dina", "last_name": "Moreau"},
            contact={"email": ""},
        )
    )
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
    today = timezone.localdate()
    actions.mark_package_mailed(actor=iris, package=package)
    odsp_actions.record_package_returned(actor=iris, package=package, returned_on=today)
    odsp_actions.send_package_to_adjudication(actor=iris, package=package)
    odsp_actions.record_adjudication(
        actor=iris, package=package, answer="not_eligible", decided_on=today
    )
    return RefusalNotice.objects.get(odsp_application=odsp)


def _call(participant: Participant) -> Notice:
    """The call planned about the client's latest event."""
    call = (
        Notice.objects.filter(participant=participant, channel=NoticeChannel.PHONE)
        .order_by("-created_at", "-pk")
        .first()
    )
    assert call is not None
    return call


def _refused_by_phone(world: World, program: str) -> RefusalNotice:
    """A Toronto applicant who applied by phone, without e-mail, refused by the intake unit."""
    staff = world.people["we" if program == "OW" else "ir"]
    client = Client()
    client.force_login(staff)
    application = send_application(
        client,
        application=start_application(channel=IntakeChannel.PHONE, entered_by=staff),
        program=program,
        ready=False,
        identity={"first_name": "Rita", "last_name": "Lemieux"},
        contact={"email": ""},
    )
    if program == "OW":
        actions.refuse_ow_application(
            actor=staff, ow_application=ow_of(application), reason="other"
        )
    else:
        odsp_actions.refuse_odsp_application(
            actor=staff,
            odsp_application=odsp_of(application),
            reason=ODSPRefusalReason.objects.order_by("id").first(),
        )
    return RefusalNotice.objects.get(participant=application.participant)
