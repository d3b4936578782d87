"""The day's mailing: the chosen packages printed as ONE PDF (one access-log row per person),
then marked as mailed in one go, all or nothing, with one timeline row per package."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from sentier.audit.models import AccessKind, AccessLog
from sentier.ontario import actions, mailing
from sentier.ontario.models import DeterminationPackage
from sentier.ontario.tests.helpers import odsp_of, send_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import TimelineEvent

ClientFor = Callable[[str], Client]
PAGE = reverse("ontario:odsp_mailing")
PRINT = reverse("ontario:odsp_mailing_print")
MAILED = reverse("ontario:odsp_mailing_mailed")


def queued(ontario: dict[str, Any], *firsts: str) -> list[DeterminationPackage]:
    for first in firsts:
        odsp = odsp_of(send_application(Client(), program="ODSP", identity={"first_name": first}))
        actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=odsp)
    return list(DeterminationPackage.objects.order_by("generated_at", "id"))


def mailed_events() -> int:
    """Timeline rows of mailed packages (those of a confirmation name the application too)."""
    return (
        TimelineEvent.objects.filter(kind=OntarioEventKind.ODSP_INTAKE, data__has_key="package")
        .exclude(data__has_key="odsp_application")
        .count()
    )


def test_marking_a_batch_mails_each_package_with_its_own_timeline_row(
    ontario: dict[str, Any],
) -> None:
    packages = queued(ontario, "Ann", "Ben")
    done = mailing.mark_packages_mailed(actor=ontario["iris"], packages=packages)
    assert [p.pk for p in done] == [p.pk for p in packages]
    for package in packages:
        package.refresh_from_db()
        assert package.status == "mailed"
        assert package.mailed_by == ontario["iris"]
        assert TimelineEvent.objects.filter(
            participant=package.odsp_application.participant,
            kind=OntarioEventKind.ODSP_INTAKE,
            data__package=str(package.uuid),
        ).exists()
    assert mailed_events() == 2


def test_a_batch_with_an_already_mailed_package_is_refused_and_nothing_changes(
    ontario: dict[str, Any],
) -> None:
    first, second = queued(ontario, "Ann", "Ben")
    actions.mark_package_mailed(actor=ontario["iris"], package=second)
    events = TimelineEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        mailing.mark_packages_mailed(actor=ontario["iris"], packages=[first, second])
    assert "Ben Singh" in " ".join(refused.value.messages)
    first.refresh_from_db()
    assert first.status == "queued"
    assert first.mailed_at is None
    assert TimelineEvent.objects.count() == events


@pytest.mark.parametrize("who", ["tara", "chris"])
def test_ow_staff_and_coordinators_cannot_mark_a_batch(ontario: dict[str, Any], who: str) -> None:
    packages = queued(ontario, "Ann")
    with pytest.raises(PermissionDenied):
        mailing.mark_packages_mailed(actor=ontario[who], packages=packages)
    packages[0].refresh_from_db()
    assert packages[0].status == "queued"
    assert mailed_events() == 0


def test_an_empty_batch_is_refused(ontario: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        mailing.mark_packages_mailed(actor=ontario["iris"], packages=[])


def test_printing_makes_one_pdf_and_logs_each_person(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    packages = queued(ontario, "Ann", "Ben", "Cal")
    client = on_client("iris")
    page = client.get(PAGE).content.decode()
    for package in packages:
        assert str(package.uuid) in page
    chosen = [str(packages[0].uuid), str(packages[2].uuid)]
    before = AccessLog.objects.filter(kind=AccessKind.ODSP_PACKAGE).count()
    response = client.post(PRINT, {"package": chosen, "shown": [str(p.uuid) for p in packages]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="ddp-mailing-')
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    assert (
        pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page/") + pdf.count(b"/Type /Page>") >= 0
    )  # page objects may sit in object streams; the count below is the real check
    printed = AccessLog.objects.filter(kind=AccessKind.ODSP_PACKAGE, user=ontario["iris"])
    assert printed.count() - before == 2
    assert set(printed.values_list("participant_id", flat=True)) == {
        packages[0].odsp_application.participant_id,
        packages[2].odsp_application.participant_id,
    }
    # Printing changes nothing in the mailing.
    assert not DeterminationPackage.objects.filter(status="mailed").exists()


def test_the_printed_pdf_has_every_chosen_package_one_after_the_other(
    ontario: dict[str, Any],
) -> None:
    from sentier.ontario.package import package_document, packages_pdf

    packages = queued(ontario, "Ann", "Ben")
    one = len(package_document(packages[0].odsp_application, at=packages[0].generated_at).pages)
    pdf = packages_pdf(packages)
    assert pdf.startswith(b"%PDF-")
    assert f"/Count {2 * one}".encode() in _inflated(pdf)


def _inflated(pdf: bytes) -> bytes:
    from sentier.ontario.tests.test_ddp_package import pdf_inflated

    return pdf_inflated(pdf)


def test_with_none_ticked_the_packages_listed_are_marked(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    packages = queued(ontario, "Ann", "Ben")
    client = on_client("iris")
    response = client.post(MAILED, {"shown": [str(p.uuid) for p in packages]})
    assert response.status_code == 302
    assert response["Location"] == PAGE
    assert DeterminationPackage.objects.filter(status="mailed").count() == 2
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "success"
    assert "2" in str(message)
    page = client.get(PAGE).content.decode()
    assert "Ann Singh" not in page


def test_marking_from_the_page_an_already_mailed_package_says_so_and_changes_nothing(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    first, second = queued(ontario, "Ann", "Ben")
    actions.mark_package_mailed(actor=ontario["iris"], package=first)
    client = on_client("iris")
    response = client.post(MAILED, {"package": [str(first.uuid), str(second.uuid)]})
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error"
    assert "Ann Singh" in str(message)
    second.refresh_from_db()
    assert second.status == "queued"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"package": "not-a-uuid"},
        {"shown": ["00000000-0000-0000-0000-000000000000"]},
        {"package": ["1" * 40]},
    ],
)
def test_a_broken_selection_is_refused_without_a_500(
    ontario: dict[str, Any], on_client: ClientFor, data: dict[str, Any]
) -> None:
    queued(ontario, "Ann")
    client = on_client("iris")
    for url in (PRINT, MAILED):
        response = client.post(url, data)
        assert response.status_code == 302
        assert response["Location"] == PAGE
    assert not DeterminationPackage.objects.filter(status="mailed").exists()


def test_a_selection_longer_than_a_batch_is_refused(
    ontario: dict[str, Any], on_client: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    packages = queued(ontario, "Ann", "Ben")
    monkeypatch.setattr(mailing, "BATCH_MAX", 1)
    response = on_client("iris").post(MAILED, {"package": [str(p.uuid) for p in packages]})
    assert response.status_code == 302
    assert not DeterminationPackage.objects.filter(status="mailed").exists()


@pytest.mark.parametrize(("who", "status"), [("tara", 403), ("chris", 403)])
def test_others_cannot_print_or_mark(
    ontario: dict[str, Any], on_client: ClientFor, who: str, status: int
) -> None:
    packages = queued(ontario, "Ann")
    before = AccessLog.objects.count()
    client = on_client(who)
    for url in (PRINT, MAILED):
        assert client.post(url, {"package": [str(packages[0].uuid)]}).status_code == status
    packages[0].refresh_from_db()
    assert packages[0].status == "queued"
    assert AccessLog.objects.count() == before


def test_a_local_office_supervisor_does_not_reach_the_mailing_page(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    # A coordinator account is, in Ontario, a local office's supervisor: the ODSP queue and its
    # mailing are the ODSP intake unit's (issue 21).
    queued(ontario, "Ann")
    page = on_client("chris").get(PAGE)
    assert page.status_code == 403
    assert "Ann Singh" not in page.content.decode()
    assert on_client("tara").get(PAGE).status_code == 403


def test_the_mailing_page_shows_at_most_one_batch_and_says_how_many_wait(
    ontario: dict[str, Any], on_client: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    queued(ontario, "Ann", "Ben", "Cal")
    monkeypatch.setattr(mailing, "BATCH_MAX", 2)
    response = on_client("iris").get(PAGE)
    page = response.content.decode()
    assert "Ann Singh" in page
    assert "Ben Singh" in page
    assert "Cal Singh" not in page
    assert response.context["total"] == 3
    assert AccessLog.objects.filter(kind=AccessKind.ODSP_MAILING).count() == 2


def test_the_mailing_page_queries_do_not_grow_with_its_rows(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queued(ontario, "Ann")
    client = on_client("iris")
    with CaptureQueriesContext(connection) as few:
        assert client.get(PAGE).status_code == 200
    queued(ontario, "Ben", "Cal")
    with CaptureQueriesContext(connection) as many:
        assert client.get(PAGE).status_code == 200
    assert len(many) == len(few)


def test_marking_one_package_from_its_application_page_returns_there(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    [package] = queued(ontario, "Ann")
    response = on_client("iris").post(reverse("ontario:package_mailed", args=[package.uuid]))
    assert response["Location"] == reverse(
        "ontario:odsp_application", args=[package.odsp_application.uuid]
    )
    package.refresh_from_db()
    assert package.status == "mailed"


def test_for_two_sided_printing_each_package_starts_on_a_new_sheet(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    from sentier.ontario.package import package_document

    packages = queued(ontario, "Ann", "Ben")
    one = len(package_document(packages[0].odsp_application, at=packages[0].generated_at).pages)
    sheets = one + one % 2
    keys = [str(p.uuid) for p in packages]
    pdf = on_client("iris").post(PRINT, {"package": keys, "two_sided": "on"}).content
    assert f"/Count {2 * sheets}".encode() in _inflated(pdf)
