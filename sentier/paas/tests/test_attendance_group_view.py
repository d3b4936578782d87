"""The organization's group screen: one week, every placement, one number each."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from sentier.paas import selectors
from sentier.paas.models import AttendanceEntry
from sentier.paas.tests.placement_helpers import grant, laval_file, opex, placed, start_date

pytestmark = pytest.mark.django_db


def url(week: dt.date | None = None) -> str:
    with translation.override("en-ca"):
        base = reverse("paas:attendance_group")
    return base + (f"?week={week.isoformat()}" if week else "")


@pytest.fixture
def group(personas: Any, laval_participant: Any) -> list[Any]:
    grant(personas, opex(personas), "13", places=3)
    return [
        placed(personas, laval_participant, opex(personas)),
        placed(personas, laval_file(personas, "Marc"), opex(personas)),
    ]


def test_staff_sees_every_placement_of_the_week(client_for: Any, group: list[Any]) -> None:
    response = client_for("partner_opex").get(url(start_date() + dt.timedelta(days=3)))
    assert response.status_code == 200
    page = response.content.decode()
    for placement in group:
        assert f'name="hours-{placement.uuid}"' in page
    assert f'value="{start_date().isoformat()}"' in page  # any day picks its Monday


def test_staff_enters_a_week_for_the_group(
    client_for: Any, group: list[Any], personas: Any
) -> None:
    week = start_date()
    response = client_for("partner_opex").post(
        url(),
        {"week": week.isoformat(), f"hours-{group[0].uuid}": "6", f"hours-{group[1].uuid}": "4,5"},
    )
    assert response.status_code == 302
    assert selectors.hours_of_week(group[0], week) == Decimal(6)
    assert selectors.hours_of_week(group[1], week) == Decimal("4.5")
    assert AttendanceEntry.objects.filter(recorded_by=personas["partner_opex"]).count() == 2


def test_an_empty_field_records_nothing_and_keeps_what_was_saved(
    client_for: Any, group: list[Any]
) -> None:
    week = start_date()
    client = client_for("partner_opex")
    client.post(url(), {"week": week.isoformat(), f"hours-{group[0].uuid}": "6"})
    client.post(
        url(),
        {"week": week.isoformat(), f"hours-{group[0].uuid}": "", f"hours-{group[1].uuid}": "3"},
    )
    assert selectors.hours_of_week(group[0], week) == Decimal(6)
    assert AttendanceEntry.objects.count() == 2


def test_a_changed_figure_is_a_correction(client_for: Any, group: list[Any]) -> None:
    week = start_date()
    client = client_for("partner_opex")
    client.post(url(), {"week": week.isoformat(), f"hours-{group[0].uuid}": "6"})
    client.post(url(), {"week": week.isoformat(), f"hours-{group[0].uuid}": "5"})
    latest = AttendanceEntry.objects.order_by("-id").first()
    assert latest is not None
    assert latest.hours == Decimal(5)
    assert latest.corrects is not None
    assert latest.corrects.hours == Decimal(6)


def test_21_hours_refuse_the_whole_form_with_a_message_per_row(
    client_for: Any, group: list[Any]
) -> None:
    response = client_for("partner_opex").post(
        url(),
        {
            "week": start_date().isoformat(),
            f"hours-{group[0].uuid}": "21",
            f"hours-{group[1].uuid}": "abc",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "At most 20 hours a week can be recorded (21 given)." in page
    assert "“abc” is not a number of hours." in page
    assert 'aria-invalid="true"' in page
    assert not AttendanceEntry.objects.exists()


def test_a_week_before_the_placement_is_refused(client_for: Any, group: list[Any]) -> None:
    before = start_date() - dt.timedelta(weeks=1)
    # Before the organization's first placement: the week cannot be, nothing is recorded.
    response = client_for("partner_opex").post(
        url(), {"week": before.isoformat(), f"hours-{group[0].uuid}": "5"}
    )
    assert response.status_code == 400
    assert "Nothing was saved: the week of these hours is not valid." in response.content.decode()
    assert not AttendanceEntry.objects.exists()


def test_another_organization_sees_none_of_these_participants(
    client_for: Any, group: list[Any]
) -> None:
    client = client_for("partner_sorif")
    response = client.get(url(start_date()))
    assert response.status_code == 200
    assert str(group[0].uuid) not in response.content.decode()
    client.post(url(), {"week": start_date().isoformat(), f"hours-{group[0].uuid}": "5"})
    assert not AttendanceEntry.objects.exists()


@pytest.mark.parametrize("persona", ["caseworker_laval", "coordinator", "participant", "analyst"])
def test_only_partner_staff_open_the_screen(client_for: Any, persona: str) -> None:
    assert client_for(persona).get(url()).status_code == 403


def test_queries_do_not_grow_with_the_group(
    client_for: Any, personas: Any, laval_participant: Any, django_assert_max_num_queries: Any
) -> None:
    grant(personas, opex(personas), "13", places=8)
    placed(personas, laval_participant, opex(personas))
    client = client_for("partner_opex")
    client.get(url(start_date()))
    with django_assert_max_num_queries(20) as few:
        client.get(url(start_date()))
    for name in ["A", "B", "C", "D", "E"]:
        placed(personas, laval_file(personas, name), opex(personas))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(start_date()))
    assert response.content.decode().count('name="hours-') == 6


def test_the_group_screen_logs_one_row_per_person_shown(
    client_for: Any, group: list[Any], personas: Any
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    client_for("partner_opex").get(url(start_date()))
    rows = AccessLog.objects.filter(user=personas["partner_opex"], kind=AccessKind.PAAS_ATTENDANCE)
    assert {row.participant_id for row in rows} == {p.participant_id for p in group}


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-03", "0001-01-01", "2026-02-30", "x"])
def test_a_week_that_cannot_be_shown_is_dropped_with_a_notice(
    client_for: Any, group: list[Any], week: str
) -> None:
    response = client_for("partner_opex").get(f"{url()}?week={week}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "cannot be shown; here is this week." in page
    assert f'value="{selectors.week_start(timezone.localdate()).isoformat()}"' in page


def test_from_the_first_week_there_is_no_previous_week(client_for: Any, group: list[Any]) -> None:
    page = client_for("partner_opex").get(url(start_date())).content.decode()
    assert "Previous week" not in page
    page = client_for("partner_opex").get(url(start_date() + dt.timedelta(weeks=1)))
    assert "Previous week" in page.content.decode()


def test_hours_posted_for_a_far_week_record_nothing_and_are_kept(
    client_for: Any, group: list[Any]
) -> None:
    response = client_for("partner_opex").post(
        url(), {"week": "9999-12-31", f"hours-{group[0].uuid}": "6"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved: the week of these hours is not valid." in page
    assert 'value="6"' in page
    assert not AttendanceEntry.objects.exists()


@pytest.mark.parametrize("hours", ["1e308", "-1e308", "169", str(2**63)])
def test_absurd_hours_are_refused_next_to_the_row(
    client_for: Any, group: list[Any], hours: str
) -> None:
    response = client_for("partner_opex").post(
        url(), {"week": start_date().isoformat(), f"hours-{group[0].uuid}": hours}
    )
    assert response.status_code == 400
    assert "cannot be right" in response.content.decode()
    assert not AttendanceEntry.objects.exists()


def test_one_save_writes_one_row_per_person(
    client_for: Any, group: list[Any], personas: Any
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    week = start_date()
    response = client_for("partner_opex").post(
        url(),
        {"week": week.isoformat(), f"hours-{group[0].uuid}": "6", f"hours-{group[1].uuid}": "4"},
        follow=True,
    )
    assert response.status_code == 200
    assert len(response.redirect_chain) == 1
    rows = AccessLog.objects.filter(user=personas["partner_opex"])
    # The save writes nothing; the week shown after it, one row per person.
    assert sorted((row.participant_id, row.kind) for row in rows) == sorted(
        (p.participant_id, AccessKind.PAAS_ATTENDANCE) for p in group
    )


def test_the_screen_reads_only_the_people_and_their_hours(
    client_for: Any, group: list[Any], django_assert_max_num_queries: Any
) -> None:
    """An organization has hundreds of placements on this screen: their objectives,
    activities, decisions and allocations are not read (nothing of them is shown)."""
    client = client_for("partner_opex")
    client.get(url(start_date()))
    with django_assert_max_num_queries(14) as captured:
        response = client.get(url(start_date()))
    assert response.status_code == 200
    read = " ".join(query["sql"] for query in captured.captured_queries)
    for table in ("paas_placementobjective", "paas_placementactivity", "decisions_decision"):
        assert table not in read
    assert "paas_hoursstep" in read
    for placement in group:
        assert placement.participant.full_name in response.content.decode()


def test_figures_sent_back_unchanged_cost_no_query_each(
    client_for: Any, group: list[Any], django_assert_max_num_queries: Any
) -> None:
    """The screen sends back every figure it shows: the week's entries are read by the screen
    and by the save, once each (not once a person), and a figure already saved records
    nothing."""
    week = start_date()
    client = client_for("partner_opex")
    everything = {f"hours-{p.uuid}": "6" for p in group}
    assert client.post(url(), {"week": week.isoformat(), **everything}).status_code == 302
    entries = AttendanceEntry.objects.count()
    with django_assert_max_num_queries(16) as captured:
        response = client.post(url(), {"week": week.isoformat(), **everything})
    assert response.status_code == 302
    assert AttendanceEntry.objects.count() == entries == len(group)
    entry_reads = [q for q in captured.captured_queries if "paas_attendanceentry" in q["sql"]]
    assert len(entry_reads) == 2


@pytest.fixture
def one_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of one placement: the group of two then spans two pages (as 445 span nine)."""
    from sentier.paas import views

    monkeypatch.setattr(views, "ATTENDANCE_PAGE_SIZE", 1)


def by_name(group: list[Any]) -> list[Any]:
    """The group in the screen's order: the people's names (Côté Jeanne, Côté Marc)."""
    return sorted(group, key=lambda p: (p.participant.last_name, p.participant.first_name))


def test_a_large_group_is_shown_a_page_at_a_time(
    client_for: Any, group: list[Any], one_a_page: None
) -> None:
    first, second = by_name(group)
    client = client_for("partner_opex")
    page = client.get(url(start_date())).content.decode()
    assert f'name="hours-{first.uuid}"' in page
    assert f'name="hours-{second.uuid}"' not in page
    assert "People 1 to 1 of 2, in the order of their names." in page
    assert f"?week={start_date().isoformat()}&amp;page=2" in page
    page = client.get(url(start_date()) + "&page=2").content.decode()
    assert f'name="hours-{second.uuid}"' in page
    assert f'name="hours-{first.uuid}"' not in page
    assert 'name="page" value="2"' in page


def test_saving_a_page_records_its_hours_only_and_shows_it_again(
    client_for: Any, group: list[Any], one_a_page: None
) -> None:
    first, second = by_name(group)
    week = start_date()
    response = client_for("partner_opex").post(
        url(),
        # A figure for someone on another page is not taken: that page was not shown.
        {
            "week": week.isoformat(),
            "page": "2",
            f"hours-{second.uuid}": "7",
            f"hours-{first.uuid}": "3",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url(week) + "&page=2"
    assert selectors.hours_of_week(second, week) == Decimal(7)
    assert selectors.hours_of_week(first, week) is None


def test_only_the_people_of_the_page_are_logged_as_seen(
    client_for: Any, group: list[Any], personas: Any, one_a_page: None
) -> None:
    from sentier.audit.models import AccessKind, AccessLog

    client_for("partner_opex").get(url(start_date()) + "&page=2")
    rows = AccessLog.objects.filter(user=personas["partner_opex"], kind=AccessKind.PAAS_ATTENDANCE)
    assert [row.participant_id for row in rows] == [by_name(group)[1].participant_id]


@pytest.mark.parametrize(
    ("page", "shown"),
    [("x", 0), ("0", 1), ("-1", 1), ("3", 1), ("99999999999999999999999", 1), ("<b>2", 0)],
)
def test_a_page_that_is_not_one_shows_the_first_or_the_last(
    client_for: Any, group: list[Any], one_a_page: None, page: str, shown: int
) -> None:
    response = client_for("partner_opex").get(f"{url(start_date())}&{urlencode({'page': page})}")
    assert response.status_code == 200
    assert f'name="hours-{by_name(group)[shown].uuid}"' in response.content.decode()
