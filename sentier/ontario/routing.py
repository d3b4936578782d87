"""Where an Ontario application goes once sent (``route_if_ontario``, on intake's hook).

Ontario Works: a pending OW application at the local office of the person's service area, with
the readiness assessment and the person's answer about sharing with Employment Ontario (the
referral itself waits for the grant, 004 Q1). ODSP: the centralized intake unit's queue (004,
centralized intake), whatever the channel, except for an applicant served by a First Nations
site: that site's own queue (004 Q14).
"""

from __future__ import annotations

import datetime as dt

from sentier.accounts.models import User
from sentier.consent.actions import record_consent_from_application
from sentier.consent.models import Channel as ConsentChannel
from sentier.consent.models import Consent, Purpose, RecipientKind
from sentier.intake.models import Application, Channel, Recommendation
from sentier.intake.steps import asks_employment_ontario_consent
from sentier.network.loading import EMPLOYMENT_ONTARIO_SLUG, load_employment_ontario
from sentier.network.models import Organization
from sentier.ontario import states
from sentier.ontario.models import EOConsent, ODSPApplication, OWApplication
from sentier.ontario.sharing import EO_CATEGORIES
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.actions import add_event
from sentier.participants.models import Participant
from sentier.reference.models import FirstNationsSite, Jurisdiction

CONSENT_CHANNEL = {
    Channel.ONLINE: ConsentChannel.ONLINE,
    Channel.PHONE: ConsentChannel.PHONE,
    Channel.IN_PERSON: ConsentChannel.IN_PERSON,
}


def employment_ontario() -> Organization:
    """The Employment Ontario recipient (loaded by ``load_reference`` in the Ontario setup)."""
    found = Organization.objects.filter(slug=EMPLOYMENT_ONTARIO_SLUG).first()
    if found is None:
        found = load_employment_ontario()
    return found


def record_application_consent(
    *,
    participant: Participant,
    application: Application,
    actor: User | None,
    at: dt.datetime,
) -> Consent:
    """Record the "yes" given on the application's consent page, against Employment Ontario,
    with the application's channel and whoever entered it (None: the person, online)."""
    return record_consent_from_application(
        participant=participant,
        entered_by=actor,
        purpose=Purpose.EMPLOYMENT_ONTARIO,
        recipient_kind=RecipientKind.ORGANIZATION,
        recipient_organization=employment_ontario(),
        categories=EO_CATEGORIES,
        channel=CONSENT_CHANNEL[Channel(application.channel)],
        at=at,
    )


def first_nations_site_of(
    application: Application, participant: Participant
) -> FirstNationsSite | None:
    """The First Nations site the applicant said serves them (004 Q14), on any channel: its
    applicants go to its own queue. None when they named none (or a site since removed)."""
    if not participant.first_nations_site:
        return None
    code = (application.answers.get("contact") or {}).get("first_nations_office")
    return FirstNationsSite.objects.filter(code=code).first() if code else None


def route_if_ontario(
    *,
    application: Application,
    recommendation: Recommendation,
    at: dt.datetime,
    actor: User | None,
) -> None:
    """intake's hook (``sentier.intake.hooks``): an application to an Ontario program is routed
    as it is sent; others are not Ontario's business."""
    if recommendation.participant.program.jurisdiction != Jurisdiction.ONTARIO:
        return
    route_submitted_application(
        application=application, recommendation=recommendation, at=at, actor=actor
    )


def route_submitted_application(
    *,
    application: Application,
    recommendation: Recommendation,
    at: dt.datetime,
    actor: User | None,
) -> OWApplication | ODSPApplication:
    participant = recommendation.participant
    if participant.program.code == "ODSP":
        odsp = ODSPApplication.objects.create(
            participant=participant,
            application=application,
            channel=application.channel,
            received_at=at,
            first_nations_site=first_nations_site_of(application, participant),
        )
        states.ODSP_APPLICATION.start(odsp, side=states.APPLICANT, actor=actor, at=at)
        add_event(
            participant=participant,
            kind=OntarioEventKind.ODSP_INTAKE,
            actor=actor,
            data={
                "odsp_application": str(odsp.uuid),
                "channel": application.channel,
                "step": "received",
                **(
                    {"first_nations_site": odsp.first_nations_site.code}
                    if odsp.first_nations_site
                    else {}
                ),
            },
            occurred_at=at,
        )
        return odsp
    # A page kept from before the answers changed (a First Nations site ticked afterwards, say)
    # is not a consent: only the page the rules still ask counts (004 Q8, Q10).
    asked = asks_employment_ontario_consent(application.answers, channel=application.channel)
    answer = application.answers.get("eo_consent") if asked else None
    if answer is None:
        consent_answer = EOConsent.NOT_ASKED
    else:
        consent_answer = EOConsent.GIVEN if answer.get("eo_consent") else EOConsent.NOT_GIVEN
    consent = None
    if consent_answer == EOConsent.GIVEN:
        consent = record_application_consent(
            participant=participant, application=application, actor=actor, at=at
        )
    ow = OWApplication.objects.create(
        participant=participant,
        application=application,
        region=participant.region,
        channel=application.channel,
        employment_ready=recommendation.employment_ready,
        eo_consent=consent_answer,
        consent=consent,
        received_at=at,
    )
    states.OW_APPLICATION.start(ow, side=states.APPLICANT, actor=actor, at=at)
    return ow
