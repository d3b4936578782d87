"""The Disability Adjudication Unit's "not eligible" answer (issue 15): the applicant gets a
refusal notice that says the disability was not confirmed and how to ask for a review (internal
review, then the Social Benefits Tribunal), by e-mail once, or as a letter in the ODSP day's
mailing, printed with the packages and marked as mailed with them, all or none, never twice,
never to an incomplete address. Refused actions change nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.audit.models import AccessKind, AccessLog
from sentier.core.models import Transition
from sentier.intake.actions import start_application
from sentier.intake.models import Channel
from sentier.ontario import actions, mailing, notices
from sentier.ontario.models import (
    DeterminationPackage,
    NoticeStatus,
    ODSPApplication,
    RefusalNotice,
)
from sentier.ontario.odsp import actions as odsp_actions
from sentier.ontario.package import rendered_text
from sentier.ontario.tests.helpers import (
    notice_events,
    odsp_of,
    ow_of,
    refusal_notices_state,
    send_application,
)
from sentier.participants.models import Participant

ClientFor = Callable[[str], Client]
PAGE = reverse("ontario:odsp_mailing")
PRINT = reverse("ontario:odsp_mailing_print")
MAILED = reverse("ontario:odsp_mailing_mailed")
with translation.override("en-ca"):
    PAGE_EN = reverse("ontario:odsp_mailing")
    QUEUE_EN = reverse("ontario:odsp_queue")


def with_dau(
    ontario: dict[str, Any], *, first: str = "Noor", language: str = "en-ca", **contact: str
) -> DeterminationPackage:
    """An ODSP applicant (online, no e-mail unless given) whose package is with the unit."""
    iris = ontario["iris"]
    odsp = odsp_of(
        send_application(
            Client(),
            program="ODSP",
            identity={"first_name": first, "preferred_language": language},
            contact={"email": "", **contact},
        )
    )
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
    actions.mark_package_mailed(actor=iris, package=package)
    odsp_actions.record_package_returned(
        actor=iris, package=package, returned_on=timezone.localdate()
    )
    odsp_actions.send_package_to_adjudication(actor=iris, package=package)
    package.refresh_from_db()
    return package


def not_eligible(ontario: dict[str, Any], package: DeterminationPackage) -> RefusalNotice:
    odsp_actions.record_adjudication(
        actor=ontario["iris"],
        package=package,
        answer="not_eligible",
        decided_on=timezone.localdate(),
    )
    return RefusalNotice.objects.get(odsp_application=package.odsp_application)


def queued_package(ontario: dict[str, Any], first: str) -> DeterminationPackage:
    odsp = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": first}))
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    return DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)


def snapshot() -> tuple[Any, ...]:
    return (
        *refusal_notices_state(),
        list(
            DeterminationPackage.objects.order_by("pk").values_list(
                "status", "mailed_at", "version"
            )
        ),
    )


# ---------------------------------------------------------------- the notice


def test_not_eligible_issues_a_letter_saying_the_disability_was_not_confirmed(
    ontario: dict[str, Any],
) -> None:
    package = with_dau(ontario)
    notice = not_eligible(ontario, package)
    odsp = ODSPApplication.objects.get(pk=package.odsp_application_id)
    assert odsp.status == "not_granted"
    assert (notice.status, notice.grounds, notice.language, notice.program) == (
        "to_mail",
        "disability",
        "en-ca",
        "ODSP",
    )
    assert notice.decided_on == timezone.localdate()
    assert notice.reason_names == {
        "fr-ca": "Invalidité non reconnue",
        "en-ca": "Disability not confirmed",
    }
    [issued] = notice_events(odsp.participant_id)
    assert issued == {
        "notice": str(notice.uuid),
        "step": "issued",
        "program": "ODSP",
        "grounds": "disability",
        "by": "mail",
        "language": "en-ca",
        "by_phone": False,
    }
    # The refusal's move stays the last row of the application's log.
    last = (
        Transition.objects.filter(lifecycle="ontario.odsp_application", object_id=odsp.pk)
        .order_by("id")
        .last()
    )
    assert last is not None
    assert (last.from_status, last.to_status) == ("confirmed", "not_granted")
    text = " ".join(rendered_text(notices.notice_document(notice)))
    assert "Notice of decision: your disability is not confirmed" in text
    assert "Disability Adjudication Unit" in text
    assert "did not confirm that you have a disability" in text
    assert "internal review" in text
    assert "Social Benefits Tribunal" in text
    # Not intake's wording: the financial eligibility was confirmed.
    assert "financial eligibility is refused" not in text
    assert not mail.outbox


def test_a_french_speaker_reads_it_in_french(ontario: dict[str, Any]) -> None:
    notice = not_eligible(ontario, with_dau(ontario, language="fr-ca"))
    with translation.override("en-ca"):  # whatever the worker reads in
        html = notices.notice_html(notice)
    assert '<html lang="fr-CA">' in html
    assert "Tribunal de l’aide sociale" in html


def test_with_an_e_mail_it_is_sent_once_by_e_mail(ontario: dict[str, Any]) -> None:
    notice = not_eligible(ontario, with_dau(ontario, email="noor@example.org"))
    assert (notice.status, notice.email) == ("to_email", "noor@example.org")
    assert notices.email_refusal_notice.call(str(notice.uuid)) is True
    assert notices.email_refusal_notice.call(str(notice.uuid)) is False
    [message] = mail.outbox
    assert message.to == ["noor@example.org"]
    assert "did not confirm that you have a disability" in str(message.body)
    assert "Social Benefits Tribunal" in str(message.body)
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.EMAILED
    assert notice_events(notice.participant_id)[-1]["step"] == "emailed"


@pytest.mark.parametrize("answer", ["eligible", "more_information"])
def test_the_other_answers_issue_no_notice(ontario: dict[str, Any], answer: str) -> None:
    package = with_dau(ontario)
    odsp_actions.record_adjudication(
        actor=ontario["iris"],
        package=package,
        answer=answer,
        decided_on=timezone.localdate(),
        note="Recent hospital records",
    )
    assert not RefusalNotice.objects.exists()


def test_a_refused_answer_issues_nothing_and_changes_nothing(ontario: dict[str, Any]) -> None:
    package = with_dau(ontario)
    before = snapshot()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError):
        odsp_actions.record_adjudication(
            actor=ontario["iris"], package=package, answer="not_eligible", decided_on=tomorrow
        )
    with pytest.raises(PermissionDenied):
        odsp_actions.record_adjudication(
            actor=ontario["tara"],
            package=package,
            answer="not_eligible",
            decided_on=timezone.localdate(),
        )
    assert snapshot() == before
    assert not RefusalNotice.objects.exists()
    # Answered once: a second "not eligible" is refused, and issues no second notice.
    not_eligible(ontario, package)
    before = snapshot()
    with pytest.raises(ValidationError):
        not_eligible(ontario, package)
    assert snapshot() == before


def test_the_page_tells_the_worker_to_mail_it_and_to_phone_a_phone_applicant(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    iris = ontario["iris"]
    staff = Client()
    staff.force_login(iris)
    odsp = odsp_of(
        send_application(
            staff,
            application=start_application(channel=Channel.PHONE, entered_by=iris),
            program="ODSP",
            ready=False,
            identity={"first_name": "Léa"},
            contact={"email": "", "phone": "416 555-0199"},
        )
    )
    actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    package = DeterminationPackage.objects.defer("pdf").get(odsp_application=odsp)
    actions.mark_package_mailed(actor=iris, package=package)
    odsp_actions.record_package_returned(
        actor=iris, package=package, returned_on=timezone.localdate()
    )
    odsp_actions.send_package_to_adjudication(actor=iris, package=package)
    package.refresh_from_db()
    with translation.override("en-ca"):
        response = on_client("iris").post(
            reverse("ontario:package_step", args=[package.uuid, "adjudication"]),
            {
                "answer": "not_eligible",
                "decided_on": timezone.localdate().isoformat(),
                "version": package.version,
            },
            follow=True,
        )
    page = response.content.decode()
    assert "print the refusal notice and mail it" in page
    assert "phone them at 416 555-0199" in page
    notice = RefusalNotice.objects.get(odsp_application=odsp)
    assert notice.by_phone
    assert f"/ontario/notice/{notice.uuid}/pdf/" in page


# ---------------------------------------------------------------- the day's mailing


def test_the_days_mailing_lists_it_beside_the_packages(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    page = on_client("iris").get(PAGE_EN).content.decode()
    queue = on_client("iris").get(QUEUE_EN).content.decode()
    assert "Refusal notices to mail" in page
    assert f'name="notice" value="{notice.uuid}"' in page
    assert f'name="package" value="{package.uuid}"' in page
    assert "Disability not confirmed" in page
    assert "100 Queen St W" in page
    assert "and 1 refusal notice" in queue
    assert AccessLog.objects.filter(
        kind=AccessKind.ODSP_MAILING, participant_id=notice.participant_id
    ).exists()


def test_notices_sent_by_e_mail_or_of_ontario_works_are_not_listed(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    emailed = not_eligible(ontario, with_dau(ontario, email="noor@example.org"))
    wendy = ontario["wendy"]
    staff = Client()
    staff.force_login(wendy)
    ow_application = send_application(
        staff,
        application=start_application(channel=Channel.PHONE, entered_by=wendy),
        ready=False,
        contact={"email": ""},
    )
    actions.refuse_ow_application(actor=wendy, ow_application=ow_of(ow_application), reason="other")
    ow_notice = RefusalNotice.objects.get(ow_application__isnull=False)
    page = on_client("iris").get(PAGE).content.decode()
    assert str(emailed.uuid) not in page
    assert str(ow_notice.uuid) not in page


def test_printing_puts_the_notices_after_the_packages_in_one_pdf(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    before = snapshot()
    response = on_client("iris").post(
        PRINT, {"shown": [str(package.uuid)], "shown_notice": [str(notice.uuid)]}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert AccessLog.objects.filter(
        kind=AccessKind.ODSP_APPLICATION, participant_id=notice.participant_id
    ).exists()
    assert snapshot() == before  # printing marks nothing


def test_the_printed_batch_is_tagged_and_has_every_page(ontario: dict[str, Any]) -> None:
    from sentier.ontario.package import package_document
    from sentier.ontario.tests.test_ddp_package import pdf_inflated

    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    pages = len(package_document(package.odsp_application, at=package.generated_at).pages)
    pages += len(notices.notice_document(notice).pages)
    pdf = pdf_inflated(mailing.mailing_pdf([package], [notice]))
    assert f"/Count {pages}".encode() in pdf
    assert b"/StructTreeRoot" in pdf  # tagged (PDF/UA-1)


def test_marking_the_mailing_marks_packages_and_notices_together(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    response = on_client("iris").post(
        MAILED, {"shown": [str(package.uuid)], "shown_notice": [str(notice.uuid)]}
    )
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(messages) == 2
    notice.refresh_from_db()
    package.refresh_from_db()
    assert (notice.status, package.status) == ("mailed", "mailed")
    assert notice.sent_by == ontario["iris"]
    assert bytes(notice.pdf).startswith(b"%PDF-")
    mailed = notice_events(notice.participant_id)[-1]
    assert (mailed["step"], mailed["address"]) == (
        "mailed",
        ["100 Queen St W", "Toronto ON  M5H 2N2"],
    )
    page = on_client("iris").get(PAGE).content.decode()
    assert str(notice.uuid) not in page


def test_only_the_ticked_notice_is_marked(ontario: dict[str, Any], on_client: ClientFor) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    on_client("iris").post(
        MAILED,
        {
            "notice": [str(notice.uuid)],
            "shown": [str(package.uuid)],
            "shown_notice": [str(notice.uuid)],
        },
    )
    notice.refresh_from_db()
    package.refresh_from_db()
    assert (notice.status, package.status) == ("mailed", "queued")


def test_a_batch_with_a_notice_already_mailed_marks_nothing(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    mailing.mark_notices_mailed(actor=ontario["iris"], notices=[notice])
    before = snapshot()
    with translation.override("en-ca"), pytest.raises(ValidationError, match="not waiting"):
        mailing.mark_mailing_mailed(actor=ontario["iris"], packages=[package], notices=[notice])
    assert snapshot() == before
    response = on_client("iris").post(
        MAILED, {"package": [str(package.uuid)], "notice": [str(notice.uuid)]}
    )
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert snapshot() == before


def test_an_incomplete_address_marks_nothing_and_prints_nothing(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    package = queued_package(ontario, "Ann")
    Participant.objects.filter(pk=notice.participant_id).update(postal_code="")
    before = snapshot()
    with translation.override("en-ca"), pytest.raises(ValidationError, match="Complete"):
        mailing.mark_mailing_mailed(actor=ontario["iris"], packages=[package], notices=[notice])
    assert snapshot() == before
    client = on_client("iris")
    assert "Incomplete address" in client.get(PAGE_EN).content.decode()
    data = {"shown": [str(package.uuid)], "shown_notice": [str(notice.uuid)]}
    for url in (PRINT, MAILED):
        response = client.post(url, data)
        assert response.status_code == 302
        told = list(get_messages(response.wsgi_request))
        assert told
        assert all(message.level_tag == "error" for message in told)
    assert snapshot() == before


@pytest.mark.parametrize("who", ["tara", "chris", "wendy"])
def test_others_cannot_print_or_mark_a_notice(
    ontario: dict[str, Any], on_client: ClientFor, who: str
) -> None:
    notice = not_eligible(ontario, with_dau(ontario))
    before = snapshot()
    with pytest.raises(PermissionDenied):
        mailing.mark_mailing_mailed(actor=ontario[who], packages=[], notices=[notice])
    client = on_client(who)
    for url in (PRINT, MAILED):
        assert client.post(url, {"notice": [str(notice.uuid)]}).status_code == 403
    assert snapshot() == before


def test_a_notice_another_unit_cannot_see_is_a_broken_selection(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    """A notice named in the form but outside the user's queue (tampered): nothing marked."""
    from sentier.ontario.models import Unit, UnitMembership
    from sentier.reference.models import FirstNationsSite

    notice = not_eligible(ontario, with_dau(ontario))
    site = FirstNationsSite.objects.create(code="test-site", name="Test site", placeholder=True)
    fay = type(ontario["iris"]).objects.create(
        email="fay@on.sentier.test", role=ontario["iris"].role, region=ontario["iris"].region
    )
    UnitMembership.objects.create(user=fay, unit=Unit.FIRST_NATIONS_SITE, first_nations_site=site)
    client = Client()
    client.force_login(fay)
    before = snapshot()
    assert str(notice.uuid) not in client.get(PAGE).content.decode()
    for url in (PRINT, MAILED):
        response = client.post(url, {"notice": [str(notice.uuid)]})
        assert response.status_code == 302
        assert response["Location"] == PAGE
    assert snapshot() == before


def test_an_empty_batch_is_refused(ontario: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        mailing.mark_mailing_mailed(actor=ontario["iris"], packages=[], notices=[])
