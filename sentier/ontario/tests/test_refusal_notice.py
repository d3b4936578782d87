"""The refusal notice (issue 15): a refused Ontario Works or ODSP applicant is told why and how
to ask for a review, in their language. Without e-mail (a phone application, typically) it is a
letter the intake unit prints and marks as mailed, and the worker is told to phone; with an
e-mail a background task sends it once. Every step is on the file's timeline; refused actions
change nothing."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from sentier.intake.actions import start_application
from sentier.intake.models import Channel
from sentier.ontario import actions, mailing, notices
from sentier.ontario.models import (
    NoticeStatus,
    ODSPApplication,
    ODSPRefusalReason,
    OWApplication,
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
from sentier.ontario.timeline_kinds import names_of


def by_phone(staff: Any, *, program: str = "OW", language: str = "fr-ca", **contact: str) -> Any:
    """An application entered by ``staff`` during a phone call, without e-mail by default."""
    client = Client()
    client.force_login(staff)
    return send_application(
        client,
        application=start_application(channel=Channel.PHONE, entered_by=staff),
        program=program,
        ready=False,
        identity={"first_name": "Léa", "preferred_language": language},
        contact={"email": "", **contact},
    )


def snapshot(participant_id: int) -> tuple[Any, ...]:
    return refusal_notices_state(participant_id=participant_id)


def test_a_phone_applicant_without_e_mail_gets_a_letter_to_mail_in_french(
    ontario: dict[str, Any],
) -> None:
    wendy = ontario["wendy"]
    ow = ow_of(by_phone(wendy))
    actions.refuse_ow_application(actor=wendy, ow_application=ow, reason="income_assets")
    notice = RefusalNotice.objects.get(ow_application=ow)
    assert (notice.status, notice.language, notice.channel, notice.by_phone) == (
        "to_mail",
        "fr-ca",
        "phone",
        True,
    )
    assert notice.reason_names["fr-ca"] == "Revenus ou avoirs au-dessus des limites"
    assert notice.reason_names["en-ca"] == "Income or assets above the limits"
    [issued] = notice_events(ow.participant_id)
    assert issued == {
        "notice": str(notice.uuid),
        "step": "issued",
        "program": "OW",
        "by": "mail",
        "language": "fr-ca",
        "by_phone": True,
    }
    # The letter: French page, the French reason, the file's address, both review steps.
    html = notices.notice_html(notice)
    assert '<html lang="fr-CA">' in html
    assert "Revenus ou avoirs au-dessus des limites" in html
    assert "100 Queen St W" in html
    assert "M5H 2N2" in html
    text = " ".join(rendered_text(notices.notice_document(notice)))
    assert "Social Benefits Tribunal" in text or "Tribunal de l’aide sociale" in text
    assert "30" in text
    assert not mail.outbox


def test_an_english_odsp_applicant_reads_it_in_english(ontario: dict[str, Any]) -> None:
    iris = ontario["iris"]
    odsp = odsp_of(by_phone(iris, program="ODSP", language="en-ca"))
    reason = ODSPRefusalReason.objects.order_by("id").first()
    assert reason is not None
    odsp_actions.refuse_odsp_application(actor=iris, odsp_application=odsp, reason=reason)
    notice = RefusalNotice.objects.get(odsp_application=odsp)
    assert (notice.status, notice.language, notice.program) == ("to_mail", "en-ca", "ODSP")
    with translation.override("fr-ca"):  # whatever the worker reads in
        html = notices.notice_html(notice)
    assert '<html lang="en-CA">' in html
    assert names_of(reason)["en-ca"] in html
    assert "Social Benefits Tribunal" in html
    assert "internal review" in html


def test_the_intake_worker_is_told_to_phone_sees_and_prints_the_notice(
    ontario: dict[str, Any], on_client: Any
) -> None:
    ow = ow_of(by_phone(ontario["wendy"], phone="416 555-0199"))
    client = on_client("wendy")
    # Wendy reads English (the page's address says which language).
    with translation.override("en-ca"):
        url = reverse("ontario:ow_application", kwargs={"ow_uuid": ow.uuid})
    response = client.post(
        url, {"action": "refuse", "seen": "pending", "reason": "not_resident"}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "print the refusal notice and mail it" in page
    assert "phone them at 416 555-0199" in page
    notice = RefusalNotice.objects.get(ow_application=ow)
    assert reverse("ontario:notice_pdf", kwargs={"notice_uuid": notice.uuid}) in page
    assert "Mark the notice as mailed" in page
    pdf = client.get(reverse("ontario:notice_pdf", kwargs={"notice_uuid": notice.uuid}))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert f"refusal-notice-{ow.participant.file_number}.pdf" in pdf["Content-Disposition"]


def test_marking_it_mailed_keeps_what_was_sent_and_says_so_on_the_timeline(
    ontario: dict[str, Any], on_client: Any
) -> None:
    wendy = ontario["wendy"]
    ow = ow_of(by_phone(wendy))
    actions.refuse_ow_application(actor=wendy, ow_application=ow, reason="other")
    notice = RefusalNotice.objects.get(ow_application=ow)
    response = on_client("wendy").post(
        reverse("ontario:notice_mailed", kwargs={"notice_uuid": notice.uuid})
    )
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.MAILED
    assert notice.sent_by == wendy
    assert (notice.street, notice.city, notice.province, notice.postal_code) == (
        "100 Queen St W",
        "Toronto",
        "ON",
        "M5H 2N2",
    )
    assert bytes(notice.pdf).startswith(b"%PDF-")
    assert notice.sha256 == hashlib.sha256(bytes(notice.pdf)).hexdigest()
    mailed = notice_events(ow.participant_id)[-1]
    assert mailed["step"] == "mailed"
    assert mailed["sha256"] == notice.sha256
    assert mailed["address"] == ["100 Queen St W", "Toronto ON  M5H 2N2"]
    # What is downloaded afterwards is what was mailed.
    again = on_client("wendy").get(
        reverse("ontario:notice_pdf", kwargs={"notice_uuid": notice.uuid})
    )
    assert again.content == bytes(notice.pdf)
    # The timeline reads it in words.
    with translation.override("en-ca"):
        file_page = on_client("wendy").get(
            reverse("participants:file", kwargs={"participant_uuid": ow.participant.uuid})
        )
    assert "Refusal notice mailed to 100 Queen St W, Toronto ON  M5H 2N2" in (
        file_page.content.decode()
    )
    # Twice: refused, nothing changes.
    before = snapshot(ow.participant_id)
    with (
        translation.override("en-ca"),
        pytest.raises(ValidationError, match="not waiting to be mailed"),
    ):
        mailing.mark_notices_mailed(actor=wendy, notices=[notice])
    assert snapshot(ow.participant_id) == before


def test_an_incomplete_address_is_refused_with_nothing_changed(ontario: dict[str, Any]) -> None:
    wendy = ontario["wendy"]
    ow = ow_of(by_phone(wendy))
    actions.refuse_ow_application(actor=wendy, ow_application=ow, reason="other")
    notice = RefusalNotice.objects.get(ow_application=ow)
    type(ow.participant).objects.filter(pk=ow.participant_id).update(postal_code="")
    before = snapshot(ow.participant_id)
    with translation.override("en-ca"), pytest.raises(ValidationError) as refused:
        mailing.mark_notices_mailed(actor=wendy, notices=[notice])
    assert "Complete the mailing address on the file first" in refused.value.messages[0]
    assert snapshot(ow.participant_id) == before


@pytest.mark.parametrize("program", ["OW", "ODSP"])
def test_refusing_without_a_reason_is_refused_in_the_reader_language_and_issues_nothing(
    ontario: dict[str, Any], program: str
) -> None:
    staff = ontario["wendy" if program == "OW" else "iris"]
    application = by_phone(staff, program=program)
    participant_id = application.participant_id
    before = snapshot(participant_id)

    def refuse() -> None:
        if program == "OW":
            actions.refuse_ow_application(actor=staff, ow_application=ow_of(application), reason="")
        else:
            odsp_actions.refuse_odsp_application(
                actor=staff, odsp_application=odsp_of(application), reason=None
            )

    with translation.override("fr-ca"), pytest.raises(ValidationError) as refused:
        refuse()
    assert refused.value.message_dict["reason"] == ["Choisissez le motif du refus."]
    assert snapshot(participant_id) == before
    assert not RefusalNotice.objects.exists()


def test_refusing_from_the_page_without_a_reason_is_a_field_error_and_issues_nothing(
    ontario: dict[str, Any], on_client: Any
) -> None:
    ow = ow_of(by_phone(ontario["wendy"]))
    before = snapshot(ow.participant_id)
    response = on_client("wendy").post(
        reverse("ontario:ow_application", kwargs={"ow_uuid": ow.uuid}),
        {"action": "refuse", "seen": "pending", "reason": ""},
        HTTP_ACCEPT_LANGUAGE="fr-ca",
    )
    assert response.status_code == 400
    assert snapshot(ow.participant_id) == before
    assert OWApplication.objects.get(pk=ow.pk).status == "pending"


def test_an_applicant_with_an_e_mail_gets_it_once_by_e_mail(ontario: dict[str, Any]) -> None:
    iris = ontario["iris"]
    odsp = odsp_of(by_phone(iris, program="ODSP", email="lea@example.org"))
    reason = ODSPRefusalReason.objects.order_by("id").first()
    odsp_actions.refuse_odsp_application(actor=iris, odsp_application=odsp, reason=reason)
    notice = RefusalNotice.objects.get(odsp_application=odsp)
    assert (notice.status, notice.email) == ("to_email", "lea@example.org")
    assert notices.email_refusal_notice.call(str(notice.uuid)) is True
    assert notices.email_refusal_notice.call(str(notice.uuid)) is False  # run again: nothing
    [message] = mail.outbox
    assert message.to == ["lea@example.org"]
    [(name, pdf, kind)] = message.attachments
    assert (name, kind) == (f"refusal-notice-{odsp.participant.file_number}.pdf", "application/pdf")
    notice.refresh_from_db()
    assert notice.status == NoticeStatus.EMAILED
    assert notice.sha256 == hashlib.sha256(pdf).hexdigest()
    emailed = notice_events(odsp.participant_id)[-1]
    assert (emailed["step"], emailed["email"], emailed["sha256"]) == (
        "emailed",
        "lea@example.org",
        notice.sha256,
    )
    # The worker is told to phone all the same: the person applied by phone.
    assert notice.by_phone


def test_others_cannot_read_or_mail_the_notice(ontario: dict[str, Any], on_client: Any) -> None:
    wendy = ontario["wendy"]
    ow = ow_of(by_phone(wendy))
    actions.refuse_ow_application(actor=wendy, ow_application=ow, reason="other")
    notice = RefusalNotice.objects.get(ow_application=ow)
    missing = reverse("ontario:notice_pdf", kwargs={"notice_uuid": "0" * 32})
    theirs = reverse("ontario:notice_pdf", kwargs={"notice_uuid": notice.uuid})
    # Tara (a local office) does not read the intake unit's refusals: the same 404 as a missing one.
    tara = on_client("tara")
    assert tara.get(missing).status_code == 404
    assert tara.get(theirs).status_code == 404
    before = snapshot(ow.participant_id)
    assert (
        tara.post(reverse("ontario:notice_mailed", kwargs={"notice_uuid": notice.uuid})).status_code
        == 404
    )
    # Iris works ODSP intake, not Ontario Works: she may not mail it either.
    with pytest.raises(PermissionDenied):
        mailing.mark_notices_mailed(actor=ontario["iris"], notices=[notice])
    assert snapshot(ow.participant_id) == before


def test_no_notice_for_a_withdrawal_or_a_grant(ontario: dict[str, Any]) -> None:
    wendy = ontario["wendy"]
    withdrawn = ow_of(by_phone(wendy))
    actions.withdraw_ow_application(actor=wendy, ow_application=withdrawn)
    assert not RefusalNotice.objects.exists()
    assert ODSPApplication.objects.count() == 0
