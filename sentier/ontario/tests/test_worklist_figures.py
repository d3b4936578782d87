"""Every figure the worklist and the home panel show matches the list it names: the shown tab
counts its rows under all the filters, the reviews' heading says which reviews, and each
"assigned to you" figure links to the list that holds exactly those rows."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sentier.intake.models import Channel
from sentier.ontario.assignment import assign_assessment
from sentier.ontario.tests.test_worklist import (
    QUEUE,
    ClientFor,
    en,
    names,
    pending,
    to_assess,
    with_plan,
)

pytestmark = pytest.mark.django_db


def tab_count(page: str, label: str) -> int:
    found = re.search(rf'{label} <span class="sentier-tab-count">\((\d+)\)', page)
    assert found is not None, label
    return int(found.group(1))


def test_the_shown_tab_counts_the_rows_its_channel_filter_leaves(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    # The channel filter narrows applications: the intake unit's list.
    pending(ontario, "Ann")
    pending(ontario, "Ben", channel=Channel.PHONE)
    pending(ontario, "Cal", channel=Channel.PHONE)
    page = on_client("wendy").get(QUEUE, {"channel": "phone"}).content.decode()
    assert names(page) == ["Ben Doe", "Cal Doe"]
    assert tab_count(page, "Applications to decide") == 2
    # The shown tab's link keeps the filter it counts with.
    tab = re.search(r'<a href="([^"]*)" aria-current="page">Applications to decide', page)
    assert tab is not None
    assert "channel=phone" in tab.group(1)
    unfiltered = on_client("wendy").get(QUEUE).content.decode()
    assert tab_count(unfiltered, "Applications to decide") == 3


def test_the_reviews_heading_says_which_reviews_are_listed(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    with_plan(ontario, "Ann", days_ago=40)  # overdue
    with_plan(ontario, "Ben", days_ago=25)  # due in five days
    client = on_client("tara")

    def heading(due: str) -> str:
        page = client.get(QUEUE, {"worklist": "reviews", "due": due}).content.decode()
        return re.search(r'sentier-worklist-count">([^<]+)<', page).group(1)  # type: ignore[union-attr]

    assert heading("overdue") == "1 overdue review, most urgent first"
    assert heading("soon") == "1 review due within two weeks, most urgent first"
    assert heading("") == "2 reviews overdue or due within two weeks, most urgent first"
    assert (
        tab_count(
            client.get(QUEUE, {"worklist": "reviews", "due": "overdue"}).content.decode(),
            "Action plan reviews",
        )
        == 1
    )


def test_each_assigned_to_you_figure_opens_a_list_of_that_many(
    ontario: dict[str, Any], on_client: ClientFor
) -> None:
    tara = ontario["tara"]
    for first in ("Ann", "Ben"):
        assign_assessment(actor=tara, assessment=to_assess(ontario, first), assignee=tara)
    with_plan(ontario, "Cal", days_ago=25)  # a review due soon, nobody's
    client = on_client("tara")
    home = client.get(en("core:home")).content.decode()
    assert "2 items assigned to you" in home
    links = re.findall(r'href="([^"]*assigned=me)">\((\d+) assigned to you\)</a>', home)
    assert len(links) == 1
    for href, figure in links:
        listed = client.get(href.replace("&amp;", "&")).content.decode()
        assert len(names(listed)) == int(figure), href
