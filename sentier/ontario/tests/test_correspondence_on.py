"""Correspondence in the Ontario configuration (issue 19): the Ontario events that ask something
of the person reach them by their channel, in Ontario's words (never Québec's, never
"voluntary"), with Ontario's return address; a refusal adds only the call (its written notice
is ``ontario.notices``'); planning twice makes nothing twice; refused actions change nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.correspondence import actions as correspondence
from sentier.correspondence.models import Channel, Notice, NoticeStatus, Subject
from sentier.intake.actions import start_application
from sentier.intake.models import Channel as IntakeChannel
from sentier.ontario import actions
from sentier.ontario.models import (
    CommonAssessment,
    DeterminationPackage,
    ODSPRefusalReason,
    RefusalNotice,
)
from sentier.ontario.odsp import actions as odsp_actions
from sentier.ontario.tests.helpers import odsp_of, ow_of, send_application
from sentier.participants.models import Participant, TimelineEvent

ClientFor = Callable[[str], Client]
QUEBEC_WORDS = ("Québec", "Quebec", "support plan", "plan d’accompagnement", "voluntary")


def notices_of(participant: Participant, subject: str) -> list[Notice]:
    return list(Notice.objects.filter(participant=participant, subject=subject).order_by("pk"))


def snapshot() -> tuple[Any, ...]:
    return (
        list(Notice.objects.order_by("pk").values_list("status", "outcome", "sent_at")),
        TimelineEvent.objects.count(),
    )


def assert_ontario_words(text: str) -> None:
    for word in QUEBEC_WORDS:
        assert word not in text, word


def test_the_grant_is_e_mailed_in_ontarios_words(ontario: dict[str, Any]) -> None:
    ow = ow_of(send_application(Client(), ready=False, consent=False))
    mail.outbox.clear()
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    correspondence.plan_notices()
    [notice] = notices_of(ow.participant, Subject.ON_APPLICATION_DECIDED)
    assert (notice.channel, notice.language) == (Channel.EMAIL, "en-ca")
    assert correspondence.email_notice.call(str(notice.uuid)) is True
    assert correspondence.email_notice.call(str(notice.uuid)) is False  # sent once
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.SENT
    [message] = [m for m in mail.outbox if "granted" in m.subject]
    assert "Ontario Works financial assistance is granted." in str(message.body)
    assert "Services Québec" not in str(message.body)
    assert_ontario_words(str(message.body))
    # Planning again makes nothing twice.
    before = snapshot()
    assert correspondence.plan_notices() == []
    assert snapshot() == before


def test_an_odsp_applicant_without_e_mail_gets_a_letter_from_ontario(
    ontario: dict[str, Any],
) -> None:
    odsp = odsp_of(
        send_application(
            Client(),
            program="ODSP",
            identity={"preferred_language": "fr-ca"},
            contact={"email": ""},
        )
    )
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    correspondence.plan_notices()
    [received] = notices_of(odsp.participant, Subject.APPLICATION_RECEIVED)
    [confirmed] = notices_of(odsp.participant, Subject.ON_APPLICATION_DECIDED)
    assert (confirmed.channel, confirmed.status) == (Channel.LETTER, NoticeStatus.TO_MAIL)
    html = correspondence.letter_html(confirmed, at=timezone.now())
    # French names of Ontario's offices (proper_name), Ontario's words.
    assert "Ministère des Services à l’enfance et des Services sociaux et communautaires" in html
    assert "Services Québec" not in html
    assert "trousse de détermination de l’invalidité" in html
    assert_ontario_words(html)
    received_html = correspondence.letter_html(received, at=timezone.now())
    assert_ontario_words(received_html)
    done = correspondence.mark_letters_mailed(actor=ontario["iris"], notices=[confirmed, received])
    assert {n.status for n in done} == {NoticeStatus.MAILED}
    # Twice: refused, nothing changes.
    before = snapshot()
    with pytest.raises(ValidationError):
        correspondence.mark_letters_mailed(actor=ontario["iris"], notices=[confirmed])
    assert snapshot() == before


def test_a_refusal_adds_only_the_call_for_a_person_who_asked_to_be_phoned(
    ontario: dict[str, Any],
) -> None:
    wendy = ontario["wendy"]
    staff = Client()
    staff.force_login(wendy)
    application = send_application(
        staff,
        application=start_application(channel=IntakeChannel.PHONE, entered_by=wendy),
        ready=False,
        contact={"email": "lea@example.org"},
    )
    participant = application.participant
    assert participant is not None
    correspondence.set_contact_preference(
        actor=wendy, participant=participant, channel=Channel.PHONE
    )
    actions.refuse_ow_application(
        actor=wendy, ow_application=ow_of(application), reason="not_resident"
    )
    correspondence.plan_notices()
    [call] = notices_of(participant, Subject.ON_APPLICATION_REFUSED)
    assert (call.channel, call.status, call.assignee) == (Channel.PHONE, "to_call", wendy)
    # The written notice is the refusal notice, by e-mail (the file has an address).
    assert RefusalNotice.objects.get(participant=participant).status == "to_email"
    script = correspondence.message_for(call, at=timezone.now(), language="en-ca").text
    assert "Social Benefits Tribunal" in script
    assert_ontario_words(script)
    # On Wendy's worklist; Tara (a local office) cannot record it, nothing changes.
    before = snapshot()
    with pytest.raises(PermissionDenied):
        correspondence.record_call(actor=ontario["tara"], notice=call, outcome="reached")
    assert snapshot() == before
    correspondence.record_call(actor=wendy, notice=call, outcome="reached")
    call.refresh_from_db()
    assert call.status == NoticeStatus.CALLED
    before = snapshot()
    with pytest.raises(ValidationError):
        correspondence.record_call(actor=wendy, notice=call, outcome="reached")
    assert snapshot() == before


def test_a_person_who_asked_for_letters_gets_the_refusal_notice_by_letter(
    ontario: dict[str, Any],
) -> None:
    iris = ontario["iris"]
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    correspondence.set_contact_preference(
        actor=iris, participant=odsp.participant, channel=Channel.LETTER
    )
    odsp_actions.refuse_odsp_application(
        actor=iris,
        odsp_application=odsp,
        reason=ODSPRefusalReason.objects.order_by("id").first(),
    )
    notice = RefusalNotice.objects.get(odsp_application=odsp)
    assert (notice.status, notice.email) == ("to_mail", "")
    correspondence.plan_notices()
    assert notices_of(odsp.participant, Subject.ON_APPLICATION_REFUSED) == []


def test_information_asked_and_the_action_plan_reach_the_person(ontario: dict[str, Any]) -> None:
    iris = ontario["iris"]
    odsp = odsp_of(send_application(Client(), program="ODSP"))
    due = timezone.localdate() + dt.timedelta(days=20)
    odsp_actions.request_odsp_information(
        actor=iris, odsp_application=odsp, what="Bank statements", due_on=due
    )
    ow = ow_of(send_application(Client(), ready=False, consent=False))
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    assessment = CommonAssessment.objects.get(ow_application=ow)
    actions.put_action_plan_in_place(
        actor=ontario["tara"], assessment=assessment, goal="Work in retail", activities="A resume"
    )
    correspondence.plan_notices()
    [asked] = notices_of(odsp.participant, Subject.ON_INFORMATION_ASKED)
    text = correspondence.message_for(asked, at=timezone.now()).text
    assert "we need more information from you by" in text
    [plan] = notices_of(ow.participant, Subject.ON_ACTION_PLAN)
    text = correspondence.message_for(plan, at=timezone.now()).text
    assert "Your action plan is in place." in text
    assert_ontario_words(text)


def test_the_disability_not_confirmed_and_granted_answers_reach_the_person(
    ontario: dict[str, Any],
) -> None:
    iris = ontario["iris"]
    subjects = {}
    for first, answer in (("Ann", "eligible"), ("Ben", "not_eligible")):
        odsp = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": first}))
        actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
        package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
        actions.mark_package_mailed(actor=iris, package=package)
        today = timezone.localdate()
        odsp_actions.record_package_returned(actor=iris, package=package, returned_on=today)
        odsp_actions.send_package_to_adjudication(actor=iris, package=package)
        odsp_actions.record_adjudication(
            actor=iris, package=package, answer=answer, decided_on=today
        )
        subjects[answer] = odsp.participant
    correspondence.plan_notices()
    granted = notices_of(subjects["eligible"], Subject.ON_APPLICATION_DECIDED)
    assert any(
        "ODSP is granted" in correspondence.message_for(n, at=timezone.now()).text for n in granted
    )
    # The refused applicant has e-mail and chose nothing: the refusal notice is the e-mail,
    # correspondence adds nothing.
    assert notices_of(subjects["not_eligible"], Subject.ON_APPLICATION_REFUSED) == []


def test_the_correspondence_pages_are_offered_in_ontario(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    with translation.override("en-ca"):
        notices_page = reverse("correspondence:notices")
        mailing_page = reverse("correspondence:mailing")
    for url in (notices_page, mailing_page):
        response = on_client("tara").get(url)
        assert response.status_code == 200
        assert_ontario_words(response.content.decode())
    assert on_client("applicant").get(notices_page).status_code == 403
