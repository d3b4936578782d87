"""The faster paths of a full recomputation give the same cells as the plain ones (issue 17,
"Performance"): milestones indexed by kind (``Milestones``) against a plain list, and stocks
counted by runs of months (``stock_counts``) against one fact per case and month, with the
expected values written out by hand."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from sentier.insights.disclosure import TOTAL
from sentier.insights.indicators import COMPUTE, Grid, Period, stock_counts, stock_facts
from sentier.insights.milestones import Kind, Milestone, Milestones, of_kinds

PERIOD = Period(dt.date(2026, 3, 1), dt.date(2026, 6, 15))  # the last month is cut short
GRID = Grid(regions=["06", "13"], period=PERIOD)


def at(day: str, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def m(
    kind: str, day: str, case: str, person: int = 1, region: str = "13", **dims: str
) -> Milestone:
    area = "pilot" if region == "13" else "other"
    return Milestone(kind, at(day), case, person, {"region": region, "area": area, **dims})


def open_referrals() -> list[Milestone]:
    """Six referrals, by hand: when each is open at a month's end (31 Mar, 30 Apr, 31 May and
    the period's last day, 15 Jun)."""
    return [
        # Sent before the period, never closed: open at all four ends.
        m(Kind.REFERRAL_SENT, "2026-01-20", "referral:1"),
        # Sent in March, closed 30 April: open at the end of March only (closed on the day).
        m(Kind.REFERRAL_SENT, "2026-03-05", "referral:2", region="06"),
        m(Kind.REFERRAL_CLOSED, "2026-04-30", "referral:2", region="06", outcome="completed"),
        # Sent 31 May: open at the ends of May and June.
        m(Kind.REFERRAL_SENT, "2026-05-31", "referral:3"),
        # Sent 16 June, after the period: never counted.
        m(Kind.REFERRAL_SENT, "2026-06-16", "referral:4"),
        # Sent and closed within April: never open at a month's end.
        m(Kind.REFERRAL_SENT, "2026-04-02", "referral:5"),
        m(Kind.REFERRAL_CLOSED, "2026-04-20", "referral:5", outcome="expired"),
        # Closed the day after the period's end: open at every end from May.
        m(Kind.REFERRAL_SENT, "2026-05-10", "referral:6", region="06"),
        m(Kind.REFERRAL_CLOSED, "2026-06-16", "referral:6", region="06", outcome="completed"),
    ]


def test_stocks_counted_by_runs_of_months_are_the_hand_counted_ones() -> None:
    milestones = open_referrals()
    by_month = stock_counts(milestones, Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED, PERIOD, ["month"])
    assert by_month == {("2026-03",): 2, ("2026-04",): 1, ("2026-05",): 3, ("2026-06",): 3}
    by_region_month = stock_counts(
        milestones, Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED, PERIOD, ["region", "month"]
    )
    assert by_region_month == {
        ("13", "2026-03"): 1,
        ("06", "2026-03"): 1,
        ("13", "2026-04"): 1,
        ("13", "2026-05"): 2,
        ("06", "2026-05"): 1,
        ("13", "2026-06"): 2,
        ("06", "2026-06"): 1,
    }
    # Without the month: the stock at the end of the period only.
    by_region = stock_counts(
        milestones, Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED, PERIOD, ["region"]
    )
    assert by_region == {("13",): 2, ("06",): 1}
    # With no end kind, nothing closes.
    assert stock_counts(milestones, Kind.REFERRAL_SENT, None, PERIOD, []) == {(): 5}


@pytest.mark.parametrize("by", [[], ["month"], ["region"], ["month", "region"], ["area", "month"]])
def test_stocks_counted_by_runs_are_the_facts_counted_one_by_one(by: list[str]) -> None:
    milestones = open_referrals()
    facts = stock_facts(milestones, Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED, PERIOD)
    if "month" not in by:
        facts = [f for f in facts if f.dims["month"] == PERIOD.months()[-1]]
    one_by_one = Counter(tuple(f.dims.get(k, "unknown") for k in by) for f in facts)
    assert stock_counts(milestones, Kind.REFERRAL_SENT, Kind.REFERRAL_CLOSED, PERIOD, by) == dict(
        one_by_one
    )


def mixed() -> list[Milestone]:
    """Every kind the indicators read, several cases each, in no particular order."""
    found = open_referrals()
    for i in range(14):
        region = "13" if i % 3 else "06"
        day = f"2026-0{3 + i % 4}-{10 + i:02d}"
        later = f"2026-0{3 + i % 4}-{12 + i:02d}"
        person = 100 + i
        found += [
            m(Kind.APPLICATION_SENT, day, f"application:{i}", person, region, channel="online"),
            m(
                Kind.RECOMMENDATION_REVIEWED,
                later,
                f"application:{i}",
                person,
                region,
                outcome="overridden" if i % 4 == 0 else "accepted",
            ),
            m(Kind.SUPPORT_PLAN_AGREED, later, f"support_plan:{i}", person, region),
            m(Kind.SERVICE_PLAN_REQUESTED, day, f"spr:{i}", person, region),
            m(
                Kind.SERVICE_PLAN_DECIDED,
                later,
                f"spr:{i}",
                person,
                region,
                outcome="approved" if i % 5 else "declined",
            ),
            m(Kind.PAAS_STARTED, day, f"paas:{i}", person, region),
            m(Kind.SOCIAL_PARTICIPATION_ACTION, day, f"support_plan:{i}", person, region),
            m(Kind.SOCIAL_PARTICIPATION_ACTION, later, f"support_plan:{i}", person, region),
        ]
        if i % 2:
            found.append(m(Kind.PAAS_ENDED, later, f"paas:{i}", person, region, outcome="training"))
        if i % 3 == 0:
            found.append(m(Kind.REFERRAL_SENT, day, f"referral:{20 + i}", person, region))
            found.append(
                m(
                    Kind.REFERRAL_ANSWERED,
                    later,
                    f"referral:{20 + i}",
                    person,
                    region,
                    outcome="accepted",
                )
            )
    grant = m(Kind.PLACES_GRANTED, "2026-03-01", "allocation:1", 0, "13", until="2026-12-31")
    found.append(
        Milestone(
            grant.kind, grant.at, grant.case, 0, {**grant.dims, "until": "2026-12-31"}, amount=40.0
        )
    )
    found.reverse()
    return found


@pytest.mark.parametrize("name", sorted(COMPUTE))
@pytest.mark.parametrize("by", [[], ["month"], ["region", "month"], ["area"]])
def test_every_indicator_gives_the_same_cells_from_the_index_as_from_the_list(
    name: str, by: list[str]
) -> None:
    plain = mixed()
    indexed = Milestones(mixed())
    assert COMPUTE[name](indexed, PERIOD, by, GRID, 2) == COMPUTE[name](plain, PERIOD, by, GRID, 2)


def test_the_index_keeps_the_lists_order_within_each_kind() -> None:
    plain = mixed()
    indexed = Milestones(plain)
    for kinds in ([Kind.REFERRAL_SENT], [Kind.PAAS_STARTED, Kind.PAAS_ENDED]):
        assert of_kinds(indexed, *kinds) == of_kinds(plain, *kinds)
        assert of_kinds(indexed, *kinds) == [x for k in kinds for x in plain if x.kind == k]


def test_open_referrals_by_month_are_the_hand_counted_ones_protected() -> None:
    cells = COMPUTE["referrals_open"](Milestones(open_referrals()), PERIOD, ["month"], GRID, 2)
    assert {c.group["month"]: c.value for c in cells} == {
        "2026-03": 2,
        "2026-04": None,  # 1, under the threshold of 2
        "2026-05": 3,
        "2026-06": 3,
    }
    assert TOTAL not in {c.group["month"] for c in cells}  # a stock has no total over months
