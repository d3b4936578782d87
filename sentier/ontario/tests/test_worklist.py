"""The worklist (/ontario/assessment/): the OW intake unit's applications to decide, the local
office's lists from the transfer on; one list at a time with the count of each, oldest or most
urgent first, paginated, filtered (assigned, area, channel, situation, due), "Assign to me" on
each row; malformed filters never a 500; access-log rows for the people on the page only;
queries that do not grow with the rows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from sentier.accounts.models import Role, User
from sentier.audit.models import AccessKind, AccessLog
from sentier.consent.models import InformationCategory
from sentier.intake.models import Channel
from sentier.ontario import actions, views
from sentier.ontario.assignment import assign_assessment, assign_ow_application
from sentier.ontario.demo import submit_ontario_application
from sentier.ontario.models import CommonAssessment, OWApplication, Unit, UnitMembership
from sentier.reference.models import DeferralReason, Region

ClientFor = Callable[[str], Client]


def en(name: str, *args: Any) -> str:
    """The English page's address (the lists are read in English here)."""
    with translation.override("en-ca"):
        return reverse(name, args=args)


QUEUE = en("ontario:assessment_queue")


def pending(ontario: dict[str, Any], first: str, **kwargs: Any) -> OWApplication:
    """An Ontario Works application waiting for the intake unit's decision (sent through the
    real actions; by phone or in person, entered by Toronto's local office, which helps)."""
    channel = kwargs.pop("channel", Channel.ONLINE)
    entered_by = None if channel == Channel.ONLINE else ontario["tara"]
    sent = submit_ontario_application(
        first=first, last="Doe", program="OW", channel=channel, entered_by=entered_by, **kwargs
    )
    return OWApplication.objects.get(application=sent)


def to_assess(ontario: dict[str, Any], first: str, **kwargs: Any) -> CommonAssessment:
    """A client granted without the fast track: a common assessment to do."""
    ow = pending(ontario, first, **kwargs)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    return CommonAssessment.objects.get(ow_application=ow)


def with_plan(ontario: dict[str, Any], first: str, days_ago: int) -> CommonAssessment:
    """An assessment whose action plan was put in place ``days_ago`` (review after 30 days)."""
    assessment = to_assess(ontario, first)
    actions.put_action_plan_in_place(
        actor=ontario["tara"],
        assessment=assessment,
        goal="Goal",
        activities="Steps",
        at=timezone.now() - dt.timedelta(days=days_ago),
    )
    return assessment


def fast_tracked(ontario: dict[str, Any], first: str) -> OWApplication:
    """A client fast-tracked at grant, transferred, without an action plan yet."""
    ow = pending(ontario, first, ready=True, consent=True)
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    assert ow.route == "employment_ontario"
    return ow


def names(page: str) -> list[str]:
    """The people listed, in order (the links of the rows)."""
    return re.findall(r'href="/[^"]*/ontario/(?:ow|assessment)/[^"/]+/">([^<]+)</a>', page)


def colleague(email: str = "jordan@on.sentier.test", region: str = "ON33") -> User:
    return User.objects.create(
        email=email,
        role=Role.CASEWORKER,
        region=Region.objects.get(code=region),
        first_name="Jordan",
        last_name="Lee",
    )


def intake_colleague() -> User:
    """Kofi, Wendy's colleague in the Ontario Works intake unit."""
    kofi = User.objects.create(
        email="kofi@on.sentier.test",
        role=Role.CASEWORKER,
        region=Region.objects.get(code="ON33"),
        first_name="Kofi",
        last_name="Asante",
    )
    UnitMembership.objects.create(user=kofi, unit=Unit.OW_INTAKE)
    return kofi


def test_one_list_at_a_time_with_the_count_of_each(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    pending(ontario, "Maya")
    to_assess(ontario, "Grace")
    with_plan(ontario, "Sofia", days_ago=40)
    fast_tracked(ontario, "Amir")
    # The intake unit: the applications to decide, and nothing of the local office.
    intake = on_client("wendy").get(QUEUE).content.decode()
    assert names(intake) == ["Maya Doe"]
    assert (
        'aria-current="page">Applications to decide <span class="sentier-tab-count">(1)' in intake
    )
    assert "Common assessments" not in intake
    # The local office: from the transfer on; the assessments first, the other lists are links
    # with their counts; no application to decide.
    client = on_client("tara")
    page = client.get(QUEUE).content.decode()
    assert "Applications to decide" not in page
    assert names(page) == ["Grace Doe", "Sofia Doe"]
    assert 'aria-current="page">Common assessments <span class="sentier-tab-count">(2)' in page
    assert "Action plans to set <span" in page
    assert "Action plan reviews <span" in page
    assert '?worklist=plans"' in page
    assert '?worklist=reviews"' in page
    assert names(client.get(QUEUE, {"worklist": "grant"}).content.decode()) == names(page)
    plans = client.get(QUEUE, {"worklist": "plans"}).content.decode()
    assert names(plans) == ["Amir Doe"]
    reviews = client.get(QUEUE, {"worklist": "reviews"}).content.decode()
    assert names(reviews) == ["Sofia Doe"]
    assert "Overdue" in reviews


def test_pages_say_page_x_of_y_and_keep_the_filters(
    ontario: dict[str, Any], on_client: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for first in ("Ann", "Ben", "Cal", "Dee", "Eve"):
        pending(ontario, first)
    client = on_client("wendy")
    first = client.get(QUEUE, {"assigned": "nobody"}).content.decode()
    assert names(first) == ["Ann Doe", "Ben Doe"]  # oldest first
    assert "Page 1 of 3" in first
    assert 'href="?worklist=grant&amp;assigned=nobody&amp;page=2" rel="next"' in first
    second = client.get(QUEUE, {"assigned": "nobody", "page": "2"}).content.decode()
    assert names(second) == ["Cal Doe", "Dee Doe"]
    assert "Page 2 of 3" in second
    assert 'href="?worklist=grant&amp;assigned=nobody&amp;page=1" rel="prev"' in second
    assert 'href="?worklist=grant&amp;assigned=nobody&amp;page=3" rel="next"' in second


def test_assigned_to_me_unassigned_or_anyone(ontario: dict[str, Any], on_client: ClientFor) -> None:
    kofi = intake_colleague()
    wendy = ontario["wendy"]
    mine, theirs, nobodys = (
        pending(ontario, "Ann"),
        pending(ontario, "Ben"),
        pending(ontario, "Cal"),
    )
    assign_ow_application(actor=wendy, ow_application=mine, assignee=wendy)
    assign_ow_application(actor=wendy, ow_application=theirs, assignee=kofi)
    client = on_client("wendy")
    assert names(client.get(QUEUE, {"assigned": "me"}).content.decode()) == ["Ann Doe"]
    assert names(client.get(QUEUE, {"assigned": "nobody"}).content.decode()) == ["Cal Doe"]
    everyone = client.get(QUEUE, {"assigned": "all"}).content.decode()
    assert names(everyone) == ["Ann Doe", "Ben Doe", "Cal Doe"]
    assert "Kofi Asante" in everyone
    assert "<strong>You</strong>" in everyone
    assert nobodys.assigned_to is None
    # The tabs count under the same "assigned" filter, and their links keep it.
    page = on_client("tara").get(QUEUE, {"assigned": "me"}).content.decode()
    assert 'href="?worklist=reviews&amp;assigned=me"' in page


def test_the_channel_filters_applications(ontario: dict[str, Any], on_client: ClientFor) -> None:
    pending(ontario, "Ann")
    pending(ontario, "Ben", channel=Channel.PHONE)
    pending(ontario, "Cal", channel=Channel.IN_PERSON)
    client = on_client("wendy")
    assert names(client.get(QUEUE, {"channel": "phone"}).content.decode()) == ["Ben Doe"]
    assert names(client.get(QUEUE, {"channel": "in_person"}).content.decode()) == ["Cal Doe"]
    assert names(client.get(QUEUE, {"channel": "online"}).content.decode()) == ["Ann Doe"]
    # The channel filter belongs to the applications only.
    reviews = on_client("admin").get(QUEUE, {"worklist": "reviews"}).content.decode()
    assert 'name="channel"' not in reviews


def test_the_assessment_filters(ontario: dict[str, Any], on_client: ClientFor) -> None:
    tara = ontario["tara"]
    deferred = to_assess(ontario, "Ann")
    actions.record_deferral(
        actor=tara,
        assessment=deferred,
        reason=DeferralReason.objects.get(code="caregiver"),
        review_on=timezone.localdate() + dt.timedelta(days=30),
    )
    with_plan(ontario, "Ben", days_ago=1)
    referred = to_assess(ontario, "Cal")
    actions.start_employment_ontario_referral(
        actor=tara,
        assessment=referred,
        categories=[InformationCategory.IDENTITY, InformationCategory.EMPLOYMENT],
        channel="in_person",
        need="A job search workshop",
    )
    client = on_client("tara")

    def listed(situation: str) -> list[str]:
        return names(
            client.get(QUEUE, {"worklist": "assessments", "situation": situation}).content.decode()
        )

    assert listed("") == ["Ann Doe", "Ben Doe", "Cal Doe"]
    assert listed("deferral") == ["Ann Doe"]
    assert listed("deferral_due") == []
    assert listed("no_plan") == ["Ann Doe", "Cal Doe"]
    assert listed("referred") == ["Cal Doe"]
    page = client.get(QUEUE, {"worklist": "assessments"}).content.decode()
    assert "Referred on" in page
    assert "To put in place" in page


def test_the_review_filters(ontario: dict[str, Any], on_client: ClientFor) -> None:
    with_plan(ontario, "Ann", days_ago=40)  # review was due ten days ago
    with_plan(ontario, "Ben", days_ago=25)  # due in five days
    with_plan(ontario, "Cal", days_ago=1)  # due in a month: not listed
    client = on_client("tara")

    def listed(due: str) -> list[str]:
        return names(client.get(QUEUE, {"worklist": "reviews", "due": due}).content.decode())

    assert listed("") == ["Ann Doe", "Ben Doe"]  # most urgent first
    assert listed("overdue") == ["Ann Doe"]
    assert listed("soon") == ["Ben Doe"]


def test_an_administrator_filters_by_service_area(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    to_assess(ontario, "Ann")
    to_assess(ontario, "Ben", region="ON23", city="Ottawa")
    admin = on_client("admin")
    page = admin.get(QUEUE, {"worklist": "assessments"}).content.decode()
    assert names(page) == ["Ann Doe", "Ben Doe"]
    assert 'name="area"' in page
    ottawa = admin.get(QUEUE, {"worklist": "assessments", "area": "ON23"}).content.decode()
    assert names(ottawa) == ["Ben Doe"]
    # Administrators are not in a local office: no "Assign to me" for them.
    assert "Assign it to me" not in page
    # A caseworker and a coordinator see one area: no area filter, and another area's rows never.
    for key in ("tara", "chris"):
        own = on_client(key).get(QUEUE, {"area": "ON23"}).content.decode()
        assert 'name="area"' not in own
        assert names(own) == ["Ann Doe"]
    # The coordinator reads the list but works no file: no "Assign it to me" either.
    assert "Assign it to me" not in on_client("chris").get(QUEUE).content.decode()
    assert "Assign it to me" in on_client("tara").get(QUEUE).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999"},
        {"page": "1e9"},
        {"area": "ZZ99"},
        {"worklist": "garbage"},
        {"assigned": "<script>"},
        {"channel": "\x00"},
        {"worklist": "assessments", "situation": "everything"},
        {"worklist": "reviews", "due": "yesterday"},
        {"assigned": ["me", "nobody"], "worklist": ["reviews", "grant"]},
    ],
)
def test_malformed_filters_are_never_a_500(
    ontario: dict[str, Any], on_client: ClientFor, query: dict[str, Any]
) -> None:
    pending(ontario, "Ann")
    for key in ("tara", "admin"):
        response = on_client(key).get(QUEUE, query)
        assert response.status_code == 200
        page = response.content.decode()
        assert "<script>" not in page.split("<main", 1)[1]
        if "page" not in query and key == "tara":
            assert "was not understood" in page or names(page) in (["Ann Doe"], [])


def test_an_unknown_value_is_said_and_the_other_filters_still_apply(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    pending(ontario, "Ann")
    pending(ontario, "Ben", channel=Channel.PHONE)
    page = on_client("wendy").get(QUEUE, {"channel": "phone", "assigned": "whoever"})
    text = page.content.decode()
    assert "A filter was not understood and was left out" in text
    assert names(text) == ["Ben Doe"]


def test_the_access_log_has_one_row_per_person_on_the_page_only(
    ontario: dict[str, Any], on_client: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    rows = [to_assess(ontario, first) for first in ("Ann", "Ben", "Cal")]
    with_plan(ontario, "Dee", days_ago=40)  # on the reviews too, but after them on this list
    on_client("tara").get(QUEUE)
    logged = AccessLog.objects.filter(user=ontario["tara"], kind=AccessKind.ONTARIO_WORKLIST)
    assert sorted(logged.values_list("participant_id", flat=True)) == sorted(
        row.participant_id for row in rows[:2]
    )


@pytest.mark.parametrize("worklist", ["grant", "assessments", "plans", "reviews"])
def test_each_list_costs_the_same_queries_whatever_its_rows(
    ontario: dict[str, Any], on_client: ClientFor, worklist: str
) -> None:
    tara, wendy = ontario["tara"], ontario["wendy"]
    kofi = intake_colleague()

    def add(first: str) -> None:
        ow = pending(ontario, first)
        assign_ow_application(actor=wendy, ow_application=ow, assignee=kofi)
        fast = fast_tracked(ontario, first + "f")
        assign_ow_application(actor=tara, ow_application=fast, assignee=tara)
        assessment = with_plan(ontario, first + "x", days_ago=40)
        assign_assessment(actor=tara, assessment=assessment, assignee=tara)
        actions.record_deferral(
            actor=tara,
            assessment=assessment,
            reason=DeferralReason.objects.get(code="caregiver"),
            review_on=timezone.localdate() + dt.timedelta(days=3),
        )

    client = on_client("wendy" if worklist == "grant" else "tara")
    add("Ann")
    with CaptureQueriesContext(connection) as few:
        assert client.get(QUEUE, {"worklist": worklist}).status_code == 200
    for first in ("Ben", "Cal", "Dee", "Eve"):
        add(first)
    with CaptureQueriesContext(connection) as many:
        response = client.get(QUEUE, {"worklist": worklist})
    assert len(names(response.content.decode())) == 5
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]


def test_assign_to_me_from_a_row_comes_back_to_the_same_page_and_filters(
    ontario: dict[str, Any], on_client: ClientFor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    pending(ontario, "Ann")
    ben = pending(ontario, "Ben")
    client = on_client("wendy")
    page = client.get(QUEUE, {"assigned": "nobody", "page": "2"}).content.decode()
    take = en("ontario:take_ow_application", ben.uuid)
    assert f'action="{take}"' in page
    response = client.post(take, {"back": "assigned=nobody&page=2&evil=https://x.example"})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?assigned=nobody&page=2"  # nothing else
    ben.refresh_from_db()
    assert ben.assigned_to == ontario["wendy"]
    assert ben.history.first().history_user == ontario["wendy"]
    followed = client.get(response["Location"]).content.decode()
    assert "Ben Doe is assigned to you." in followed


def test_assign_to_me_on_a_review_takes_its_assessment(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    assessment = with_plan(ontario, "Ann", days_ago=40)
    client = on_client("tara")
    page = client.get(QUEUE, {"worklist": "reviews"}).content.decode()
    take = en("ontario:take_assessment", assessment.uuid)
    assert f'action="{take}"' in page
    response = client.post(take, {"back": "worklist=reviews"})
    assert response["Location"] == f"{QUEUE}?worklist=reviews"
    assessment.refresh_from_db()
    assert assessment.assigned_to == ontario["tara"]
    mine = client.get(QUEUE, {"worklist": "reviews", "assigned": "me"}).content.decode()
    assert names(mine) == ["Ann Doe"]


def test_assign_to_me_is_refused_when_a_colleague_took_it_first(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    kofi = intake_colleague()
    ow = pending(ontario, "Ann")
    client = on_client("wendy")
    assign_ow_application(actor=kofi, ow_application=ow, assignee=kofi)  # a moment ago
    response = client.post(en("ontario:take_ow_application", ow.uuid))
    assert response["Location"] == QUEUE
    assert "Kofi Asante took this one a moment ago." in client.get(QUEUE).content.decode()
    ow.refresh_from_db()
    assert ow.assigned_to == kofi


def test_who_cannot_take_a_row(ontario: dict[str, Any], on_client: ClientFor) -> None:
    ow = pending(ontario, "Ann")
    assessment = to_assess(ontario, "Ben")
    take_ow = en("ontario:take_ow_application", ow.uuid)
    take_assessment = en("ontario:take_assessment", assessment.uuid)
    # Another area's caseworker and the ODSP intake unit: the same 404 as a missing row; the
    # local office and its coordinator before the transfer, the intake unit after it, too.
    for key in ("omar", "iris", "tara", "chris"):
        assert on_client(key).post(take_ow).status_code == 404
    for key in ("omar", "iris", "wendy"):
        assert on_client(key).post(take_assessment).status_code == 404
    # The coordinator reads the list but does not work files; the administrator is in no unit,
    # so cannot be given one (said on the list).
    assert on_client("chris").post(take_assessment).status_code == 403
    admin = on_client("admin")
    assert admin.post(take_ow).status_code == 302
    assert "does not decide Ontario Works applications" in admin.get(QUEUE).content.decode()
    assert admin.post(take_assessment).status_code == 302
    assert "does not work Ontario Works files of this area" in admin.get(QUEUE).content.decode()
    # A GET changes nothing either; nor does a malformed key.
    assert on_client("tara").get(take_ow).status_code == 405
    assert on_client("tara").post("/en-ca/ontario/ow/not-a-uuid/take/").status_code == 404
    ow.refresh_from_db()
    assessment.refresh_from_db()
    assert ow.assigned_to is None
    assert assessment.assigned_to is None


def test_a_granted_application_is_no_longer_taken(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    ow = pending(ontario, "Ann")
    actions.refuse_ow_application(actor=ontario["wendy"], ow_application=ow, reason="other")
    client = on_client("wendy")
    client.post(en("ontario:take_ow_application", ow.uuid))
    assert "already decided" in client.get(QUEUE).content.decode()
    ow.refresh_from_db()
    assert ow.assigned_to is None


def test_the_home_panel_says_how_many_are_assigned_to_me(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    tara, wendy = ontario["tara"], ontario["wendy"]
    home = en("core:home")
    to_assess(ontario, "Ann")
    assert "Nothing is assigned to you yet." in on_client("tara").get(home).content.decode()
    assign_ow_application(actor=tara, ow_application=fast_tracked(ontario, "Ben"), assignee=tara)
    assessment = to_assess(ontario, "Cal")
    assign_assessment(actor=tara, assessment=assessment, assignee=tara)
    page = on_client("tara").get(home).content.decode()
    assert "2 items assigned to you" in page
    assert f"{QUEUE}?worklist=assessments&amp;assigned=me" in page
    assert "(1 assigned to you)" in page
    assert "1 action plan to set for a fast-tracked client" in page
    assert "to decide" not in page
    # The intake unit: its applications to decide, and those assigned to its member.
    assign_ow_application(actor=wendy, ow_application=pending(ontario, "Dee"), assignee=wendy)
    pending(ontario, "Eve")
    intake = on_client("wendy").get(home).content.decode()
    assert "2 Ontario Works applications to decide (1 assigned to you)" in intake
    assert "1 item assigned to you" in intake
    # The coordinator has no home panel for the worklist; the administrator no "assigned to you".
    assert "assigned to you" not in on_client("admin").get(home).content.decode()
