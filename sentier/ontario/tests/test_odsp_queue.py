"""The ODSP intake unit's queue: oldest first, paginated with the filters kept, filtered by
stage, channel and assignee; "Assign to me" per row and assignment to a colleague of the unit
on the application page. Malformed filters never 500; the list's queries do not grow."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sentier.audit.models import AccessKind, AccessLog
from sentier.intake.actions import start_application
from sentier.intake.models import Channel
from sentier.ontario import actions
from sentier.ontario.models import ODSPApplication
from sentier.ontario.odsp import views as odsp_views
from sentier.ontario.odsp.assignment import assign_odsp_application
from sentier.ontario.tests.helpers import odsp_of, send_application
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import TimelineEvent

ClientFor = Callable[[str], Client]
QUEUE = reverse("ontario:odsp_queue")


def received(ontario: dict[str, Any], first: str, channel: str = Channel.ONLINE) -> ODSPApplication:
    client = Client()
    draft = None
    if channel != Channel.ONLINE:
        client.force_login(ontario["iris"])
        draft = start_application(channel=channel, entered_by=ontario["iris"])
    application = send_application(
        client, application=draft, program="ODSP", identity={"first_name": first}
    )
    return odsp_of(application)


def names(page: str) -> list[str]:
    return re.findall(r'/ontario/odsp/[0-9a-f-]{36}/">([^<]+)</a>', page)


def test_the_queue_is_oldest_first_paginated_and_keeps_its_filters(
    ontario: dict[str, Any], on_client: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(odsp_views, "PAGE_SIZE", 2)
    for first in ("Ann", "Ben", "Cal", "Dee", "Eve"):
        received(ontario, first)
    client = on_client("iris")
    first = client.get(QUEUE, {"assigned": "nobody", "channel": "online"}).content.decode()
    assert names(first) == ["Ann Singh", "Ben Singh"]
    assert re.search(r"Page 1 (of|de) 3", first), first[first.find("<main") :][:3000]
    assert 'href="?channel=online&amp;assigned=nobody&amp;page=2" rel="next"' in first
    third = client.get(QUEUE, {"assigned": "nobody", "channel": "online", "page": "3"})
    assert names(third.content.decode()) == ["Eve Singh"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "x"},
        {"page": "99999"},
        {"page": "-1"},
        {"stage": "<script>"},
        {"channel": "fax"},
        {"assigned": "everyone' OR 1=1"},
        {"channel": "\x00"},
    ],
)
def test_malformed_filters_never_fail(
    ontario: dict[str, Any], on_client: ClientFor, params: dict[str, str]
) -> None:
    received(ontario, "Ann")
    response = on_client("iris").get(QUEUE, params)
    assert response.status_code == 200
    assert "Ann Singh" in response.content.decode()


def test_filter_by_channel(ontario: dict[str, Any], on_client: ClientFor) -> None:
    received(ontario, "Ann", Channel.ONLINE)
    received(ontario, "Ben", Channel.PHONE)
    received(ontario, "Cal", Channel.IN_PERSON)
    client = on_client("iris")
    assert names(client.get(QUEUE, {"channel": "phone"}).content.decode()) == ["Ben Singh"]
    assert names(client.get(QUEUE, {"channel": "in_person"}).content.decode()) == ["Cal Singh"]
    assert len(names(client.get(QUEUE).content.decode())) == 3


def test_filter_by_stage(ontario: dict[str, Any], on_client: ClientFor) -> None:
    from sentier.reference.models import PrescribedClass

    waiting = received(ontario, "Ann")
    to_mail = received(ontario, "Ben")
    sent = received(ontario, "Cal")
    member = received(ontario, "Dee")
    iris = ontario["iris"]
    for odsp in (to_mail, sent):
        actions.confirm_odsp_financial_eligibility(actor=iris, odsp_application=odsp)
    actions.confirm_odsp_financial_eligibility(
        actor=iris,
        odsp_application=member,
        prescribed_class=PrescribedClass.objects.get(code="cpp_qpp_disability"),
    )
    sent.refresh_from_db()
    actions.mark_package_mailed(actor=iris, package=sent.package)
    client = on_client("iris")

    def stage(value: str | None) -> list[str]:
        return names(client.get(QUEUE, {"stage": value} if value else {}).content.decode())

    assert stage(None) == ["Ann Singh", "Ben Singh"]  # what is left to do
    assert stage("received") == ["Ann Singh"]
    assert stage("queued") == ["Ben Singh"]
    assert stage("mailed") == ["Cal Singh"]
    assert stage("confirmed") == ["Dee Singh"]
    assert stage("all") == ["Ann Singh", "Ben Singh", "Cal Singh", "Dee Singh"]
    assert waiting.status == "received"


def test_filter_by_assignee(ontario: dict[str, Any], on_client: ClientFor) -> None:
    mine = received(ontario, "Ann")
    received(ontario, "Ben")
    assign_odsp_application(actor=ontario["iris"], odsp_application=mine, assignee=ontario["iris"])
    client = on_client("iris")
    assert names(client.get(QUEUE, {"assigned": "me"}).content.decode()) == ["Ann Singh"]
    assert names(client.get(QUEUE, {"assigned": "nobody"}).content.decode()) == ["Ben Singh"]
    assert names(client.get(QUEUE, {"assigned": "all"}).content.decode()) == [
        "Ann Singh",
        "Ben Singh",
    ]


def test_assign_to_me_from_a_row_returns_to_the_same_filtered_page(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    odsp = received(ontario, "Ann")
    client = on_client("iris")
    page = client.get(QUEUE, {"channel": "online"}).content.decode()
    url = reverse("ontario:odsp_assign_to_me", args=[odsp.uuid])
    assert url in page
    response = client.post(url, {"back": "channel=online&evil=https://x.example&page=1"})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?channel=online&page=1"
    odsp.refresh_from_db()
    assert odsp.assigned_to == ontario["iris"]
    event = TimelineEvent.objects.filter(
        participant=odsp.participant, kind=OntarioEventKind.ODSP_INTAKE
    ).latest("id")
    assert event.data["assigned_to"] == ontario["iris"].pk


def test_assign_to_a_colleague_of_the_unit_from_the_application_page(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    from sentier.accounts.models import Role, User
    from sentier.ontario.models import Unit, UnitMembership

    colleague = User.objects.create(
        email="ines@on.sentier.test",
        role=Role.CASEWORKER,
        first_name="Inès",
        last_name="Roy",
        region=ontario["iris"].region,
    )
    UnitMembership.objects.create(user=colleague, unit=Unit.ODSP_INTAKE)
    odsp = received(ontario, "Ann")
    client = on_client("iris")
    url = reverse("ontario:odsp_application", args=[odsp.uuid])
    page = client.get(url).content.decode()
    assert str(colleague.uuid) in page
    assert str(ontario["tara"].uuid) not in page  # OW staff are not offered
    assign = reverse("ontario:odsp_assign", args=[odsp.uuid])
    assert client.post(assign, {"assignee": str(colleague.uuid)}).status_code == 302
    odsp.refresh_from_db()
    assert odsp.assigned_to == colleague
    assert client.post(assign, {"assignee": ""}).status_code == 302
    odsp.refresh_from_db()
    assert odsp.assigned_to is None


@pytest.mark.parametrize("value", ["tara", "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_assigning_to_someone_outside_the_unit_is_refused_next_to_the_field(
    ontario: dict[str, Any], on_client: ClientFor, value: str
) -> None:
    odsp = received(ontario, "Ann")
    events = TimelineEvent.objects.count()
    assignee = str(ontario["tara"].uuid) if value == "tara" else value
    response = on_client("iris").post(
        reverse("ontario:odsp_assign", args=[odsp.uuid]), {"assignee": assignee}
    )
    assert response.status_code == 400
    assert 'name="assignee"' in response.content.decode()
    odsp.refresh_from_db()
    assert odsp.assigned_to is None
    assert TimelineEvent.objects.count() == events


def test_the_action_refuses_an_assignee_outside_the_unit(ontario: dict[str, Any]) -> None:
    from django.core.exceptions import ValidationError

    odsp = received(ontario, "Ann")
    with pytest.raises(ValidationError):
        assign_odsp_application(
            actor=ontario["iris"], odsp_application=odsp, assignee=ontario["tara"]
        )
    odsp.refresh_from_db()
    assert odsp.assigned_to is None


# Chris, a local office's supervisor, reaches no ODSP applicant's file (issue 21): the same 404.
@pytest.mark.parametrize(("who", "status"), [("tara", 404), ("chris", 404)])
def test_others_cannot_assign(
    ontario: dict[str, Any], on_client: ClientFor, who: str, status: int
) -> None:
    odsp = received(ontario, "Ann")
    client = on_client(who)
    for url in (
        reverse("ontario:odsp_assign_to_me", args=[odsp.uuid]),
        reverse("ontario:odsp_assign", args=[odsp.uuid]),
    ):
        assert client.post(url, {"assignee": str(ontario["iris"].uuid)}).status_code == status
    odsp.refresh_from_db()
    assert odsp.assigned_to is None


def test_the_queue_logs_each_person_shown_and_its_queries_do_not_grow(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    client = on_client("iris")

    def add(first: str) -> None:
        queued = received(ontario, first)
        actions.confirm_odsp_financial_eligibility(actor=ontario["iris"], odsp_application=queued)
        assign_odsp_application(
            actor=ontario["iris"],
            odsp_application=received(ontario, first + "x"),
            assignee=ontario["iris"],
        )

    add("Ann")
    with CaptureQueriesContext(connection) as few:
        assert client.get(QUEUE, {"stage": "all"}).status_code == 200
    add("Ben")
    add("Cal")
    with CaptureQueriesContext(connection) as many:
        assert client.get(QUEUE, {"stage": "all"}).status_code == 200
    assert len(many) == len(few)
    assert (
        AccessLog.objects.filter(user=ontario["iris"], kind=AccessKind.ODSP_QUEUE).count() == 2 + 6
    )
