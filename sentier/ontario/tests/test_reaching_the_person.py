"""Reaching the person in Ontario (issue 19): the channel asked at the counter (phone and
in-person applications), the reminders of an action plan's review and of a consent about to end
(by the person's channel, in English or French, once), and the writing office's return address
and number on letters (an address no source gives is never made up)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from sentier.consent.models import Consent, Purpose
from sentier.consent.timeline_kinds import ConsentEventKind
from sentier.correspondence import actions as correspondence
from sentier.correspondence.models import Channel, ContactPreference, Notice, NoticeStatus, Subject
from sentier.intake.actions import start_application
from sentier.intake.models import Application
from sentier.intake.models import Channel as IntakeChannel
from sentier.ontario import actions
from sentier.ontario.correspondence import NO_POSTAL_ADDRESS
from sentier.ontario.models import ActionPlan, CommonAssessment, Office, OWApplication
from sentier.ontario.odsp.reference import load_offices
from sentier.ontario.reminders import REVIEW_COMING
from sentier.ontario.tests.helpers import ON_GOOD, odsp_of, ow_of, send_application, step_url
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import Participant, TimelineEvent

QUEBEC_WORDS = ("Québec", "Quebec", "support plan", "plan d’accompagnement", "voluntary")


def snapshot() -> tuple[Any, ...]:
    return (
        list(Notice.objects.order_by("pk").values_list("event_id", "channel", "status")),
        list(TimelineEvent.objects.order_by("pk").values_list("pk", flat=True)),
        list(ContactPreference.objects.order_by("pk").values_list("participant_id", "channel")),
    )


def notices_of(participant: Participant, subject: str) -> list[Notice]:
    return list(Notice.objects.filter(participant=participant, subject=subject).order_by("pk"))


# ------------------------------------------------------------------ the channel at the counter


def counter_draft(ontario: dict[str, Any], channel: str = IntakeChannel.PHONE) -> Application:
    return start_application(channel=channel, entered_by=ontario["wendy"])


def contact_page(client: Client, draft: Application, **changes: str) -> Any:
    values = {**ON_GOOD["contact"], **changes}
    return client.post(step_url(draft, "contact"), values)


def staff_client(ontario: dict[str, Any]) -> Client:
    client = Client()
    client.force_login(ontario["wendy"])
    return client


def test_a_phone_application_asks_how_the_person_wants_to_be_told_in_ontarios_words(
    ontario: dict[str, Any],
) -> None:
    client = staff_client(ontario)
    draft = counter_draft(ontario)
    with translation.override("en-ca"):
        page = client.get(step_url(draft, "contact").replace("/fr-ca/", "/en-ca/"))
    html = page.content.decode()
    assert 'name="told_by"' in html
    # Nobody has a caseworker before the grant: intake staff call first.
    assert "By a phone call from intake staff, then from their local office" in html
    for word in QUEBEC_WORDS:
        assert word not in html


def test_the_online_application_never_asks_the_channel(ontario: dict[str, Any]) -> None:
    client = Client()
    application = send_application(client, contact={"told_by": "phone"})
    assert not ContactPreference.objects.filter(participant=application.participant).exists()
    draft = Application.objects.create(channel=IntakeChannel.ONLINE)
    assert 'name="told_by"' not in client.get(step_url(draft, "contact")).content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"told_by": "pigeon"}, "told_by"),
        ({"told_by": "letter", "address": ""}, "address"),
        ({"told_by": "phone", "phone": ""}, "phone"),
    ],
)
def test_a_channel_without_its_contact_data_is_a_field_error_and_nothing_is_saved(
    ontario: dict[str, Any], changes: dict[str, str], field: str
) -> None:
    client = staff_client(ontario)
    draft = counter_draft(ontario)
    before = (draft.answers.get("contact"), snapshot())
    with translation.override("en-ca"):
        response = contact_page(client, draft, **changes)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    draft.refresh_from_db()
    # What was typed is kept to show again (``_typed``); no answer is saved, nothing recorded.
    assert (draft.answers.get("contact"), snapshot()) == before


def test_the_counters_answer_is_the_persons_choice_and_ontarios_notices_use_it(
    ontario: dict[str, Any],
) -> None:
    wendy = ontario["wendy"]
    ow = ow_of(
        send_application(
            staff_client(ontario),
            application=counter_draft(ontario, IntakeChannel.IN_PERSON),
            ready=False,
            contact={"told_by": "phone"},
        )
    )
    preference = ContactPreference.objects.get(participant=ow.participant)
    assert (preference.channel, preference.recorded_by) == (Channel.PHONE, wendy)
    actions.grant_ow_application(actor=wendy, ow_application=ow)
    correspondence.plan_notices()
    # The file has an e-mail address, but the person asked to be phoned: a call, no e-mail.
    [granted] = notices_of(ow.participant, Subject.ON_APPLICATION_DECIDED)
    assert (granted.channel, granted.status, granted.assignee) == (
        Channel.PHONE,
        NoticeStatus.TO_CALL,
        wendy,
    )
    [received] = notices_of(ow.participant, Subject.APPLICATION_RECEIVED)
    assert received.channel == Channel.PHONE


# ------------------------------------------------------------------ reminders


def granted_client(ontario: dict[str, Any], **identity: str) -> OWApplication:
    ow = ow_of(send_application(Client(), ready=False, consent=False, identity=identity))
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    return ow


def plan_for(ontario: dict[str, Any], ow: OWApplication, at: dt.datetime) -> ActionPlan:
    return actions.put_action_plan_in_place(
        actor=ontario["tara"],
        assessment=CommonAssessment.objects.get(ow_application=ow),
        goal="Work in retail",
        activities="A resume workshop",
        at=at,
    )


def days_before(day: dt.date, days: int) -> dt.datetime:
    """Ten in the morning, local, ``days`` before ``day``."""
    moment = dt.datetime.combine(day - dt.timedelta(days=days), dt.time(10))
    return timezone.make_aware(moment)


def test_an_action_plan_review_coming_reaches_the_person_once_in_english(
    ontario: dict[str, Any],
) -> None:
    ow = granted_client(ontario, preferred_language="es")  # Ontario writes English or French
    plan = plan_for(ontario, ow, timezone.now())
    now = days_before(plan.next_review_on, 3)
    correspondence.plan_notices(now=now)  # the plan's own notice first

    [event] = correspondence.write_reminders(now=now)
    assert (event.kind, event.data["step"]) == (OntarioEventKind.ACTION_PLAN, REVIEW_COMING)
    [notice] = correspondence.plan_notices(now=now)
    assert (notice.subject, notice.channel, notice.language) == (
        Subject.FOLLOW_UP_REMINDER,
        Channel.EMAIL,
        "en-ca",
    )
    text = correspondence.message_for(notice, at=now).text
    assert "Your action plan is due to be reviewed with your caseworker by" in text
    for word in QUEBEC_WORDS:
        assert word not in text

    # Again, or later the same week: nothing more.
    before = snapshot()
    assert correspondence.write_reminders(now=now) == []
    assert correspondence.write_reminders(now=now + dt.timedelta(days=1)) == []
    assert correspondence.plan_notices(now=now + dt.timedelta(days=1)) == []
    assert snapshot() == before


def test_a_french_speaker_is_reminded_in_french_by_letter_when_they_asked_for_letters(
    ontario: dict[str, Any],
) -> None:
    ow = granted_client(ontario, preferred_language="fr-ca")
    correspondence.set_contact_preference(
        actor=ontario["admin"], participant=ow.participant, channel=Channel.LETTER
    )
    plan = plan_for(ontario, ow, timezone.now())
    now = days_before(plan.next_review_on, 2)
    correspondence.write_reminders(now=now)
    correspondence.plan_notices(now=now)
    [notice] = notices_of(ow.participant, Subject.FOLLOW_UP_REMINDER)
    assert (notice.channel, notice.status, notice.language) == (
        Channel.LETTER,
        NoticeStatus.TO_MAIL,
        "fr-ca",
    )


def test_a_review_far_off_is_not_reminded_and_a_review_done_is_reminded_at_its_new_date(
    ontario: dict[str, Any],
) -> None:
    ow = granted_client(ontario)
    plan = plan_for(ontario, ow, timezone.now())
    before = snapshot()
    assert correspondence.write_reminders(now=days_before(plan.next_review_on, 20)) == []
    assert snapshot() == before

    first = correspondence.write_reminders(now=days_before(plan.next_review_on, 1))
    assert len(first) == 1
    review = actions.review_action_plan(
        actor=ontario["tara"],
        plan=plan,
        notes="Going well",
        at=days_before(plan.next_review_on, 0),
    )
    [second] = correspondence.write_reminders(now=days_before(review.next_review_on, 4))
    assert second.data["next_review_on"] == review.next_review_on.isoformat()


def test_an_employment_ontario_consent_about_to_end_is_announced_once(
    ontario: dict[str, Any],
) -> None:
    ow = ow_of(send_application(Client(), ready=True, consent=True))
    consent = Consent.objects.get(participant=ow.participant, purpose=Purpose.EMPLOYMENT_ONTARIO)
    now = days_before(consent.expires_on, 10)
    written = correspondence.write_reminders(now=now)
    assert [e.kind for e in written] == [ConsentEventKind.CONSENT_EXPIRING]
    correspondence.plan_notices(now=now)
    [notice] = notices_of(ow.participant, Subject.CONSENT_EXPIRING)
    assert (notice.channel, notice.language) == (Channel.EMAIL, "en-ca")
    before = snapshot()
    assert correspondence.write_reminders(now=now) == []
    assert correspondence.plan_notices(now=now) == []
    assert snapshot() == before


# ------------------------------------------------------------------ the office on the letter


def letter_of(ontario: dict[str, Any], participant: Participant, subject: str) -> str:
    """The letter about ``subject`` to a person who asked for letters, as it would leave now."""
    correspondence.set_contact_preference(
        actor=ontario["admin"], participant=participant, channel=Channel.LETTER
    )
    correspondence.plan_notices()
    [notice] = notices_of(participant, subject)
    return correspondence.letter_html(notice, at=timezone.now())


def test_a_toronto_clients_letter_has_the_local_offices_address_and_number(
    ontario: dict[str, Any],
) -> None:
    ow = granted_client(ontario)
    with translation.override("en-ca"):
        html = letter_of(ontario, ow.participant, Subject.ON_APPLICATION_DECIDED)
    for line in ("Metro Hall", "55 John Street", "Toronto ON  M5V 3C6", "416-338-8888"):
        assert line in html
    assert "PO Box 0000" not in html


def test_an_office_without_a_sourced_address_says_so_instead_of_making_one_up(
    ontario: dict[str, Any],
) -> None:
    ow = ow_of(send_application(Client(), ready=False, consent=False, contact={"region": "ON23"}))
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    html = letter_of(ontario, ow.participant, Subject.ON_APPLICATION_DECIDED)
    with translation.override("en-ca"):
        honest = str(NO_POSTAL_ADDRESS)
    assert "Ottawa Employment and Social Services" in html
    assert honest.replace("'", "&#x27;") in html
    assert "PO Box" not in html
    assert "1-888-999-1142" in html  # the province's line: the office has no number on record


def test_an_odsp_applicant_with_the_placeholder_address_gets_no_made_up_address(
    ontario: dict[str, Any], settings: Any
) -> None:
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    html = letter_of(ontario, odsp.participant, Subject.APPLICATION_RECEIVED)
    assert "PO Box 0000" not in html
    assert "M5W 0A0" not in html
    settings.SENTIER_ODSP_RETURN_ADDRESS = ["ODSP Intake Unit", "PO Box 1234", "Sudbury ON"]
    notice = notices_of(odsp.participant, Subject.APPLICATION_RECEIVED)[0]
    configured = correspondence.letter_html(notice, at=timezone.now())
    assert "PO Box 1234" in configured


def test_loading_the_offices_again_keeps_what_an_administrator_changed(
    ontario: dict[str, Any],
) -> None:
    ottawa = Office.objects.get(name="Ottawa Employment and Social Services")
    ottawa.postal_address = "100 Example Road\nOttawa ON  K1A 0A1"
    ottawa.save()
    count = Office.objects.count()
    load_offices()
    ottawa.refresh_from_db()
    assert ottawa.address_lines == ["100 Example Road", "Ottawa ON  K1A 0A1"]
    assert Office.objects.count() == count
