"""ODSP intake decides (issue 15): refuse with a reason, close on withdrawal, ask for missing
information by a date (closed by the scheduled jobs once the date has passed); the package is
mailed to a complete address or given another way with a reason, comes back, goes to the
Disability Adjudication Unit, whose answer is recorded. Every refusal changes nothing."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from sentier.core.models import Transition
from sentier.ontario import actions
from sentier.ontario.checks import check_odsp_return_address
from sentier.ontario.models import DeterminationPackage, ODSPApplication, ODSPRefusalReason
from sentier.ontario.odsp import actions as odsp
from sentier.ontario.odsp.actions import DecidedMeanwhile
from sentier.ontario.tests.helpers import odsp_of, send_application
from sentier.participants.models import TimelineEvent


def _sent(**overrides: Any) -> ODSPApplication:
    return odsp_of(send_application(Client(), program="ODSP", **overrides))


def _state(row: ODSPApplication | DeterminationPackage) -> dict[str, Any]:
    """What a refusal must leave as it was: the row, its transitions and the timeline."""
    fresh = (
        type(row).objects.defer("pdf").get(pk=row.pk)
        if isinstance(row, DeterminationPackage)
        else type(row).objects.get(pk=row.pk)
    )
    values = {
        f.attname: getattr(fresh, f.attname)
        for f in fresh._meta.concrete_fields
        if f.attname != "pdf"
    }
    return {
        "row": values,
        "transitions": Transition.objects.count(),
        "events": TimelineEvent.objects.count(),
    }


def _reason() -> ODSPRefusalReason:
    return ODSPRefusalReason.objects.get(code="income_over_limit")


# ---------------------------------------------------------------- refuse


def test_intake_refuses_with_a_reason_and_the_applicant_reads_it(ontario: dict[str, Any]) -> None:
    application = _sent()
    done = odsp.refuse_odsp_application(
        actor=ontario["iris"], odsp_application=application, reason=_reason(), note="Pay stubs"
    )
    assert done.status == "refused"
    assert done.refusal_reason == _reason()
    assert done.closed_by == ontario["iris"]
    last = Transition.objects.latest("id")
    assert (last.from_status, last.to_status, last.reason) == (
        "received",
        "refused",
        "income_over_limit",
    )
    applicant = Client()
    applicant.force_login(ontario["applicant"])
    participant = done.participant
    participant.user = ontario["applicant"]
    participant.save(update_fields=["user"])
    page = applicant.get(reverse("participants:my_file")).content.decode()
    assert "Your ODSP application was refused" in page or "a été refusée" in page


def test_a_refusal_without_a_reason_is_refused_and_changes_nothing(
    ontario: dict[str, Any],
) -> None:
    application = _sent()
    before = _state(application)
    with pytest.raises(ValidationError) as refused:
        odsp.refuse_odsp_application(
            actor=ontario["iris"], odsp_application=application, reason=None
        )
    assert "reason" in refused.value.message_dict
    assert _state(application) == before


def test_a_reason_no_longer_in_force_is_refused(ontario: dict[str, Any]) -> None:
    application = _sent()
    reason = _reason()
    reason.active_until = timezone.localdate() - dt.timedelta(days=1)
    reason.save()
    before = _state(application)
    with pytest.raises(ValidationError):
        odsp.refuse_odsp_application(
            actor=ontario["iris"], odsp_application=application, reason=reason
        )
    assert _state(application) == before


def test_an_ontario_works_caseworker_cannot_decide_an_odsp_application(
    ontario: dict[str, Any],
) -> None:
    application = _sent()
    before = _state(application)
    with pytest.raises(PermissionDenied):
        odsp.refuse_odsp_application(
            actor=ontario["tara"], odsp_application=application, reason=_reason()
        )
    with pytest.raises(PermissionDenied):
        odsp.withdraw_odsp_application(actor=ontario["tara"], odsp_application=application)
    assert _state(application) == before


def test_deciding_twice_tells_the_second_person_and_changes_nothing(
    ontario: dict[str, Any],
) -> None:
    application = _sent()
    odsp.withdraw_odsp_application(actor=ontario["iris"], odsp_application=application)
    before = _state(application)
    with pytest.raises(DecidedMeanwhile) as second:
        odsp.refuse_odsp_application(
            actor=ontario["admin"], odsp_application=application, reason=_reason()
        )
    assert second.value.current.status == "withdrawn"
    with pytest.raises(DecidedMeanwhile):
        actions.confirm_odsp_financial_eligibility(
            actor=ontario["admin"], odsp_application=application
        )
    assert _state(application) == before


def test_a_stale_tab_is_refused_even_when_the_status_looks_the_same(
    ontario: dict[str, Any],
) -> None:
    application = _sent()
    seen = application.version
    odsp.request_odsp_information(
        actor=ontario["iris"],
        odsp_application=application,
        what="Your last bank statement",
        due_on=timezone.localdate() + dt.timedelta(days=10),
    )
    odsp.record_odsp_information_received(actor=ontario["iris"], odsp_application=application)
    before = _state(application)
    with pytest.raises(DecidedMeanwhile):
        actions.confirm_odsp_financial_eligibility(
            actor=ontario["admin"], odsp_application=application, expected_version=seen
        )
    assert _state(application) == before


def test_the_second_decider_sees_what_happened_and_keeps_what_they_typed(
    ontario: dict[str, Any], on_client: Any
) -> None:
    application = _sent()
    version = application.version
    odsp.withdraw_odsp_application(actor=ontario["iris"], odsp_application=application)
    response = on_client("admin").post(
        reverse("ontario:odsp_decide", args=[application.uuid, "refuse"]),
        {"reason": "income_over_limit", "note": "My careful note", "version": version},
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "My careful note" in page
    assert "Closed: withdrawn by the applicant" in page or "retirée" in page
    application.refresh_from_db()
    assert application.status == "withdrawn"


# ---------------------------------------------------------------- information requests


def test_asking_for_information_needs_a_date_after_today(ontario: dict[str, Any]) -> None:
    application = _sent()
    before = _state(application)
    today = timezone.localdate()
    for day in (today - dt.timedelta(days=1), today, today + dt.timedelta(days=91), None):
        with pytest.raises(ValidationError) as refused:
            odsp.request_odsp_information(
                actor=ontario["iris"], odsp_application=application, what="ID", due_on=day
            )
        assert "due_on" in refused.value.message_dict
    with pytest.raises(ValidationError):
        odsp.request_odsp_information(
            actor=ontario["iris"],
            odsp_application=application,
            what="  ",
            due_on=today + dt.timedelta(days=5),
        )
    assert _state(application) == before


def test_a_past_due_date_is_a_field_error_on_the_page(
    ontario: dict[str, Any], on_client: Any
) -> None:
    application = _sent()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = on_client("iris").post(
        reverse("ontario:odsp_decide", args=[application.uuid, "request-info"]),
        {"what": "Proof of address", "due_on": yesterday.isoformat()},
    )
    assert response.status_code == 400
    assert "Proof of address" in response.content.decode()
    application.refresh_from_db()
    assert application.status == "received"


def test_an_unanswered_request_closes_once_its_date_has_passed(ontario: dict[str, Any]) -> None:
    application = _sent()
    due = timezone.localdate() + dt.timedelta(days=7)
    odsp.request_odsp_information(
        actor=ontario["iris"], odsp_application=application, what="Bank statement", due_on=due
    )
    on_due_day = timezone.make_aware(dt.datetime.combine(due, dt.time(23, 30)))
    assert odsp.close_unanswered_requests(now=on_due_day) == []
    day_after = on_due_day + dt.timedelta(hours=1)
    call_command("scheduled", now=day_after.isoformat(), stdout=io.StringIO())
    application.refresh_from_db()
    assert application.status == "closed"
    assert Transition.objects.latest("id").side == "schedule"
    assert odsp.close_unanswered_requests(now=day_after) == []  # idempotent


def test_information_received_puts_the_application_back_to_decide(
    ontario: dict[str, Any],
) -> None:
    application = _sent()
    odsp.request_odsp_information(
        actor=ontario["iris"],
        odsp_application=application,
        what="ID",
        due_on=timezone.localdate() + dt.timedelta(days=3),
    )
    odsp.record_odsp_information_received(actor=ontario["iris"], odsp_application=application)
    application.refresh_from_db()
    assert application.status == "received"
    before = _state(application)
    with pytest.raises(DecidedMeanwhile):
        odsp.record_odsp_information_received(actor=ontario["iris"], odsp_application=application)
    assert _state(application) == before


# ---------------------------------------------------------------- the package


def _package(ontario: dict[str, Any], **overrides: Any) -> DeterminationPackage:
    application = _sent(**overrides)
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=application)
    return DeterminationPackage.objects.defer("pdf").get(odsp_application=application)


def test_a_package_is_not_mailed_to_an_incomplete_address_until_staff_complete_it(
    ontario: dict[str, Any],
) -> None:
    package = _package(ontario, contact={"address": ""})
    assert not package.address_complete
    before = _state(package)
    with pytest.raises(ValidationError):
        actions.mark_package_mailed(actor=ontario["iris"], package=package)
    assert _state(package) == before
    with pytest.raises(ValidationError) as refused:
        actions.set_package_address(
            actor=ontario["iris"],
            package=package,
            street="",
            city="Toronto",
            province="ON",
            postal_code="M5H 2N2",
        )
    assert "street" in refused.value.message_dict
    actions.set_package_address(
        actor=ontario["iris"],
        package=package,
        street="100 Queen St W",
        city="Toronto",
        province="on",
        postal_code="m5h 2n2",
    )
    package.refresh_from_db()
    assert package.address_lines == ["100 Queen St W", "Toronto ON  M5H 2N2"]
    actions.mark_package_mailed(actor=ontario["iris"], package=package)
    package.refresh_from_db()
    assert package.status == "mailed"


def test_the_completed_address_is_copied_to_the_file_with_its_history(
    ontario: dict[str, Any],
) -> None:
    package = _package(ontario, contact={"address": "", "postal_code": ""})
    participant = package.odsp_application.participant
    versions = participant.history.count()
    before = _state(package)
    with pytest.raises(ValidationError):  # refused: neither the package nor the file change
        actions.set_package_address(
            actor=ontario["iris"],
            package=package,
            street="100 Queen St W",
            city="",
            province="ON",
            postal_code="M5H 2N2",
        )
    assert _state(package) == before
    participant.refresh_from_db()
    assert (participant.address, participant.postal_code) == ("", "")
    assert participant.history.count() == versions
    actions.set_package_address(
        actor=ontario["iris"],
        package=package,
        street="100 Queen St W",
        city="Toronto",
        province="ON",
        postal_code="M5H 2N2",
    )
    participant.refresh_from_db()
    assert (participant.address, participant.city, participant.postal_code) == (
        "100 Queen St W",
        "Toronto",
        "M5H 2N2",
    )
    latest = participant.history.latest("history_id")
    assert participant.history.count() == versions + 1
    assert latest.prev_record is not None
    assert latest.prev_record.address == ""
    event = TimelineEvent.objects.filter(participant=participant, kind="details_updated").get()
    assert event.actor == ontario["iris"]
    assert sorted(event.data["fields"]) == ["address", "postal_code"]


def test_the_package_goes_out_comes_back_and_is_adjudicated(ontario: dict[str, Any]) -> None:
    package = _package(ontario)
    assert package.return_by == timezone.localdate() + dt.timedelta(days=90)
    actions.mark_package_mailed(actor=ontario["iris"], package=package)
    today = timezone.localdate()
    for wrong in (today + dt.timedelta(days=1), today - dt.timedelta(days=1), None):
        before = _state(package)
        with pytest.raises(ValidationError):
            odsp.record_package_returned(actor=ontario["iris"], package=package, returned_on=wrong)
        assert _state(package) == before
    before = _state(package)
    with pytest.raises(DecidedMeanwhile):  # not returned yet
        odsp.send_package_to_adjudication(actor=ontario["iris"], package=package)
    assert _state(package) == before
    odsp.record_package_returned(actor=ontario["iris"], package=package, returned_on=today)
    odsp.send_package_to_adjudication(actor=ontario["iris"], package=package)
    before = _state(package)
    with pytest.raises(ValidationError):
        odsp.record_adjudication(
            actor=ontario["iris"], package=package, answer=None, decided_on=today
        )
    with pytest.raises(PermissionDenied):
        odsp.record_adjudication(
            actor=ontario["tara"], package=package, answer="eligible", decided_on=today
        )
    assert _state(package) == before
    odsp.record_adjudication(
        actor=ontario["iris"], package=package, answer="eligible", decided_on=today
    )
    package.refresh_from_db()
    assert package.status == "granted"
    moves = list(
        Transition.objects.filter(lifecycle="ontario.package").values_list(
            "from_status", "to_status"
        )
    )
    assert moves == [
        ("", "queued"),
        ("queued", "mailed"),
        ("mailed", "returned"),
        ("returned", "with_dau"),
        ("with_dau", "granted"),
    ]


def test_another_delivery_needs_a_reason(ontario: dict[str, Any]) -> None:
    package = _package(ontario)
    before = _state(package)
    with pytest.raises(ValidationError) as refused:
        odsp.deliver_package_otherwise(
            actor=ontario["iris"], package=package, delivery="representative", reason=" "
        )
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError):
        odsp.deliver_package_otherwise(
            actor=ontario["iris"], package=package, delivery="mail", reason="Why not"
        )
    assert _state(package) == before
    odsp.deliver_package_otherwise(
        actor=ontario["iris"],
        package=package,
        delivery="alternate_format",
        reason="Large print asked for",
    )
    package.refresh_from_db()
    assert (package.status, package.delivery) == ("delivered", "alternate_format")
    with pytest.raises(ValidationError):  # already given: cannot be mailed as well
        actions.mark_package_mailed(actor=ontario["iris"], package=package)


def test_the_applicant_reads_what_a_prescribed_class_is(
    ontario: dict[str, Any], on_client: Any
) -> None:
    from sentier.reference.models import PrescribedClass

    application = _sent()
    participant = application.participant
    participant.user = ontario["applicant"]
    participant.save(update_fields=["user"])
    actions.confirm_odsp_financial_eligibility(
        actor=ontario["iris"],
        odsp_application=application,
        prescribed_class=PrescribedClass.objects.order_by("id").first(),
    )
    page = on_client("applicant").get(reverse("participants:my_file")).content.decode()
    assert "member of a prescribed class" in page or "catégorie prescrite" in page
    assert "already accept as having a disability" in page or "handicap" in page


def test_production_refuses_packages_with_the_placeholder_return_address(
    ontario: dict[str, Any], settings: Any
) -> None:
    settings.SENTIER_PRODUCTION = True
    assert [m.id for m in check_odsp_return_address()] == ["sentier.ontario.E001"]
    application = _sent()
    before = _state(application)
    with pytest.raises(ValidationError) as refused:
        actions.confirm_odsp_financial_eligibility(
            actor=ontario["iris"], odsp_application=application
        )
    assert "SENTIER_ODSP_RETURN_ADDRESS" in str(refused.value)  # in any language
    assert _state(application) == before
    settings.SENTIER_ODSP_RETURN_ADDRESS = ["ODSP Intake Unit", "PO Box 1234", "Sudbury ON"]
    assert check_odsp_return_address() == []
    actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=application)


# ---------------------------------------------------------------- the adjudication's answer


def _with_dau(ontario: dict[str, Any]) -> DeterminationPackage:
    package = _package(ontario)
    actions.mark_package_mailed(actor=ontario["iris"], package=package)
    today = timezone.localdate()
    odsp.record_package_returned(actor=ontario["iris"], package=package, returned_on=today)
    odsp.send_package_to_adjudication(actor=ontario["iris"], package=package)
    package.refresh_from_db()
    return package


def _file_moves(package: DeterminationPackage) -> list[tuple[str, str]]:
    return list(
        Transition.objects.filter(
            lifecycle="ontario.odsp_application", object_id=package.odsp_application_id
        )
        .order_by("id")
        .values_list("from_status", "to_status")
    )


@pytest.mark.parametrize(
    ("answer", "package_status", "file_status"),
    [
        ("eligible", "granted", "granted"),
        ("not_eligible", "not_granted", "not_granted"),
        ("more_information", "dau_info", "dau_info"),
    ],
)
def test_each_answer_moves_the_file_and_the_applicant_reads_it(
    ontario: dict[str, Any], on_client: Any, answer: str, package_status: str, file_status: str
) -> None:
    package = _with_dau(ontario)
    application = package.odsp_application
    participant = application.participant
    participant.user = ontario["applicant"]
    participant.save(update_fields=["user"])
    version = ODSPApplication.objects.get(pk=application.pk).version
    response = on_client("iris").post(
        reverse("ontario:package_step", args=[package.uuid, "adjudication"]),
        {
            "answer": answer,
            "decided_on": timezone.localdate().isoformat(),
            "note": "Report from the specialist",
            "version": package.version,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    package.refresh_from_db()
    application.refresh_from_db()
    assert (package.status, application.status) == (package_status, file_status)
    assert application.version == version + 1
    assert _file_moves(package)[-1] == ("confirmed", file_status)
    with translation.override("en-ca"):
        own = on_client("applicant").get(reverse("participants:my_file")).content.decode()
    if answer == "eligible":
        assert "you meet the ODSP definition of a person with a disability" in own
    elif answer == "not_eligible":
        assert "you do not meet the ODSP definition" in own
        assert "you can ask for the decision to be looked at again" in own
    else:
        assert "needs more information before it can decide" in own
        assert "Report from the specialist" in own


def test_more_information_needs_a_note_and_goes_back_to_the_unit_once_sent(
    ontario: dict[str, Any],
) -> None:
    package = _with_dau(ontario)
    today = timezone.localdate()
    before, file_before = _state(package), _state(package.odsp_application)
    with pytest.raises(ValidationError) as refused:
        odsp.record_adjudication(
            actor=ontario["iris"], package=package, answer="more_information", decided_on=today
        )
    assert "note" in refused.value.message_dict
    assert (_state(package), _state(package.odsp_application)) == (before, file_before)
    odsp.record_adjudication(
        actor=ontario["iris"],
        package=package,
        answer="more_information",
        decided_on=today,
        note="Recent hospital records",
    )
    odsp.record_adjudication_information_sent(actor=ontario["iris"], package=package)
    package.refresh_from_db()
    assert package.status == "with_dau"
    assert package.odsp_application.status == "confirmed"
    odsp.record_adjudication(
        actor=ontario["iris"], package=package, answer="eligible", decided_on=today
    )
    package.refresh_from_db()
    assert _file_moves(package)[-3:] == [
        ("confirmed", "dau_info"),
        ("dau_info", "confirmed"),
        ("confirmed", "granted"),
    ]


def test_a_refused_answer_leaves_the_package_and_the_file_unchanged(
    ontario: dict[str, Any],
) -> None:
    package = _with_dau(ontario)
    today = timezone.localdate()
    odsp.record_adjudication(
        actor=ontario["iris"], package=package, answer="not_eligible", decided_on=today
    )
    package.refresh_from_db()
    before, file_before = _state(package), _state(package.odsp_application)
    for answer, day in (
        ("eligible", today),  # answered already
        ("maybe", today),
        ("eligible", today + dt.timedelta(days=1)),
    ):
        with pytest.raises(ValidationError):
            odsp.record_adjudication(
                actor=ontario["iris"], package=package, answer=answer, decided_on=day
            )
    with pytest.raises(DecidedMeanwhile):
        odsp.record_adjudication_information_sent(actor=ontario["iris"], package=package)
    with pytest.raises(PermissionDenied):
        odsp.record_adjudication(
            actor=ontario["tara"], package=package, answer="eligible", decided_on=today
        )
    assert (_state(package), _state(package.odsp_application)) == (before, file_before)
