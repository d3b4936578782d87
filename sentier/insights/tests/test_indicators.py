"""Each indicator on a small hand-built list of milestones, with its expected value (issue 17:
"Each indicator on a small hand-built data set with its expected value")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from django.utils import timezone

from sentier.insights.catalogue import all_definitions
from sentier.insights.disclosure import TOTAL, Cell
from sentier.insights.indicators import COMPUTE, Grid, Period
from sentier.insights.milestones import Kind, Milestone

PERIOD = Period(dt.date(2026, 4, 1), dt.date(2026, 5, 31))
GRID = Grid(regions=["06", "13"], period=PERIOD)
T = 3  # a small threshold keeps the hand-built sets small


def at(day: str, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def m(
    kind: str, day: str, case: str, person: int = 1, region: str = "13", **dims: str
) -> Milestone:
    return Milestone(kind, at(day), case, person, {"region": region, **dims})


def run(name: str, milestones: Sequence[Milestone], by: Sequence[str] = ()) -> list[Cell]:
    return COMPUTE[name](milestones, PERIOD, by, GRID, T)


def values(cells: Sequence[Cell], key: str) -> dict[str, object]:
    return {cell.group.get(key, ""): cell.value for cell in cells}


def test_every_catalogue_entry_has_its_computation() -> None:
    assert {d.compute for d in all_definitions()} <= set(COMPUTE)


def test_applications_sent_by_channel_suppresses_a_small_one_and_its_neighbour() -> None:
    channels = ["online"] * 4 + ["phone"] * 3 + ["in_person"]
    milestones = [
        m(Kind.APPLICATION_SENT, "2026-04-10", f"application:{i}", channel=channel)
        for i, channel in enumerate(channels)
    ]
    # One outside the period is not counted.
    milestones.append(m(Kind.APPLICATION_SENT, "2026-06-10", "application:99", channel="online"))
    cells = run("applications_sent", milestones, ["channel"])
    assert values(cells, "channel") == {"in_person": None, "online": 4, "phone": None, TOTAL: 8}


def test_applications_by_region_and_month_cover_the_whole_grid() -> None:
    milestones = [m(Kind.APPLICATION_SENT, "2026-04-02", f"a:{i}") for i in range(5)]
    cells = run("applications_sent", milestones, ["region", "month"])
    # 2 regions x 2 months + margins; Montréal and May hold zeros, which are suppressed, and
    # every other cell would give one back (Laval in April = Laval's total - May's zero …):
    # only the grand total stays.
    assert len(cells) == 9
    shown = {tuple(sorted(c.group.items())): c.value for c in cells if not c.suppressed}
    assert shown == {(("month", TOTAL), ("region", TOTAL)): 5}


def test_share_of_recommendations_overridden() -> None:
    outcomes = ["overridden"] * 4 + ["accepted"] * 6
    milestones = [
        m(Kind.RECOMMENDATION_REVIEWED, "2026-04-15", f"application:{i}", outcome=outcome)
        for i, outcome in enumerate(outcomes)
    ]
    [cell] = run("recommendations_overridden", milestones)
    assert (cell.value, cell.numerator, cell.denominator) == (0.4, 4, 10)


def test_a_rate_whose_complement_is_small_is_suppressed() -> None:
    outcomes = ["overridden"] * 9 + ["accepted"] * 2
    milestones = [
        m(Kind.RECOMMENDATION_REVIEWED, "2026-04-15", f"application:{i}", outcome=outcome)
        for i, outcome in enumerate(outcomes)
    ]
    [cell] = run("recommendations_overridden", milestones)
    assert cell.suppressed


def test_overrides_by_the_path_chosen() -> None:
    milestones = [
        m(Kind.RECOMMENDATION_REVIEWED, "2026-04-15", f"a:{i}", outcome="overridden", final_path=p)
        for i, p in enumerate(["support_plan"] * 3 + ["paas_action"] * 4)
    ] + [m(Kind.RECOMMENDATION_REVIEWED, "2026-04-15", "a:9", outcome="accepted")]
    cells = run("overrides_by_decided_path", milestones, ["final_path"])
    assert values(cells, "final_path") == {"paas_action": 4, "support_plan": 3, TOTAL: 7}


def test_days_from_application_to_first_service() -> None:
    milestones = []
    for person, days in enumerate([2, 4, 6, 8, 10], start=1):
        milestones.append(m(Kind.APPLICATION_SENT, "2026-04-01", f"application:{person}", person))
        start = (dt.date(2026, 4, 1) + dt.timedelta(days=days)).isoformat()
        milestones.append(m(Kind.SUPPORT_PLAN_AGREED, start, f"support_plan:{person}", person))
        # A later service does not count: the first one does.
        milestones.append(m(Kind.PAAS_STARTED, "2026-05-30", f"paas:{person}", person))
    # A declined referral is no service; this person's application is left out.
    milestones.append(m(Kind.APPLICATION_SENT, "2026-04-01", "application:9", 9))
    milestones.append(m(Kind.REFERRAL_ANSWERED, "2026-04-03", "referral:9", 9, outcome="rejected"))
    cells = run("days_to_first_service", milestones)
    assert {c.group["statistic"]: (c.value, c.denominator) for c in cells} == {
        "q1": (4.0, 5),
        "median": (6.0, 5),
        "q3": (8.0, 5),
    }


def test_support_plans_started_ended_and_extended() -> None:
    milestones = [m(Kind.SUPPORT_PLAN_AGREED, "2026-04-20", f"plan:{i}") for i in range(6)]
    reasons = ["participant_choice"] * 3 + ["objectives_attained"] * 4
    milestones += [
        m(Kind.SUPPORT_PLAN_ENDED, "2026-05-20", f"plan:{i}", end_reason=reason)
        for i, reason in enumerate(reasons)
    ]
    milestones += [m(Kind.SUPPORT_PLAN_EXTENDED, "2026-05-01", f"plan:{i}") for i in range(3)]
    assert values(run("support_plans_agreed", milestones), "") == {"": 6}
    ended = run("support_plans_ended", milestones, ["end_reason"])
    assert values(ended, "end_reason") == {
        "objectives_attained": 4,
        "participant_choice": 3,
        TOTAL: 7,
    }
    assert values(run("support_plans_extended", milestones), "") == {"": 3}


def test_service_plan_requests_approved_and_time_to_decision() -> None:
    milestones = []
    for i in range(10):
        milestones.append(m(Kind.SERVICE_PLAN_REQUESTED, "2026-04-01", f"spr:{i}"))
        decided = (dt.date(2026, 4, 1) + dt.timedelta(days=i + 1)).isoformat()
        outcome = "approved" if i < 7 else "declined"
        milestones.append(m(Kind.SERVICE_PLAN_DECIDED, decided, f"spr:{i}", outcome=outcome))
    [rate] = run("service_plan_requests_approved", milestones)
    assert (rate.value, rate.numerator, rate.denominator) == (0.7, 7, 10)
    cells = run("service_plan_days_to_decision", milestones)
    medians = {c.group["statistic"]: c.value for c in cells}
    assert medians == {"q1": 3.2, "median": 5.5, "q3": 7.8}


def test_referrals_sent_closed_expired_open_accepted_and_answered() -> None:
    milestones = []
    for i in range(8):
        milestones.append(m(Kind.REFERRAL_SENT, "2026-04-01", f"referral:{i}"))
    for i in range(5):
        outcome = "accepted" if i < 4 else "rejected"
        answered = (dt.date(2026, 4, 1) + dt.timedelta(days=2 * i + 1)).isoformat()
        milestones.append(m(Kind.REFERRAL_ANSWERED, answered, f"referral:{i}", outcome=outcome))
    closes = ["completed", "completed", "completed", "expired", "expired", "expired"]
    for i, outcome in enumerate(closes):
        milestones.append(m(Kind.REFERRAL_CLOSED, "2026-05-10", f"referral:{i}", outcome=outcome))
    assert values(run("referrals_sent", milestones), "") == {"": 8}
    closed = run("referrals_closed", milestones, ["outcome"])
    assert values(closed, "outcome") == {"completed": 3, "expired": 3, TOTAL: 6}
    assert values(run("referrals_expired", milestones), "") == {"": 3}
    # Open at each month's end: 8 at the end of April, 2 at the end of May (suppressed).
    open_ = run("referrals_open", milestones, ["month"])
    assert values(open_, "month") == {"2026-04": 8, "2026-05": None}
    [rate] = run("referral_acceptance_rate", milestones)
    assert rate.suppressed  # 4 accepted, 1 declined: the declined one is under 3
    medians = {c.group["statistic"]: c.value for c in run("referral_days_to_answer", milestones)}
    assert medians == {"q1": 3.0, "median": 5.0, "q3": 7.0}


def test_waiting_list_offers_accepted() -> None:
    outcomes = ["accepted"] * 5 + ["declined"] * 3 + ["expired"] * 2
    milestones = [
        m(Kind.OFFER_ANSWERED, "2026-04-11", f"offer:{i}", outcome=outcome)
        for i, outcome in enumerate(outcomes)
    ]
    [rate] = run("waiting_offers_accepted", milestones)
    assert (rate.value, rate.numerator, rate.denominator) == (0.5, 5, 10)


def test_paas_places_started_occupied_granted_vacant_and_exits() -> None:
    milestones = [m(Kind.PAAS_STARTED, "2026-04-05", f"paas:{i}") for i in range(9)]
    exits = ["employment_measure", "training", "training", "left", "left", "left", "completed"]
    milestones += [
        m(Kind.PAAS_ENDED, "2026-05-15", f"paas:{i}", outcome=outcome)
        for i, outcome in enumerate(exits)
    ]
    milestones.append(
        Milestone(
            Kind.PLACES_GRANTED,
            at("2026-04-01"),
            "allocation:1",
            0,
            {"region": "13", "until": "2027-03-31"},
            amount=20,
        )
    )
    assert values(run("paas_placements_started", milestones), "") == {"": 9}
    occupied = run("paas_places_occupied", milestones, ["month"])
    assert values(occupied, "month") == {"2026-04": 9, "2026-05": None}  # 2 left in May
    granted = run("paas_places_granted", milestones, ["month"])
    assert values(granted, "month") == {"2026-04": 20, "2026-05": 20}
    vacant = run("paas_places_vacant", milestones, ["month"])
    # April: 20 - 9 = 11; May: occupied is suppressed, so vacant is too.
    assert values(vacant, "month") == {"2026-04": 11, "2026-05": None}
    [rate] = run("paas_exits_to_employment_or_training", milestones)
    assert (rate.value, rate.numerator, rate.denominator) == (round(3 / 7, 4), 3, 7)


def test_ontario_fast_track_funnel_and_time_from_grant() -> None:
    milestones = []
    for person in range(6):
        milestones.append(m(Kind.OW_GRANTED, "2026-04-01", f"ow:{person}", person))
        referred = (dt.date(2026, 4, 1) + dt.timedelta(days=person)).isoformat()
        milestones.append(m(Kind.EO_REFERRED, referred, f"referral:{person}", person))
        if person < 4:
            milestones.append(m(Kind.EO_ACCEPTED, "2026-04-20", f"referral:{person}", person))
        if person < 3:
            milestones.append(m(Kind.EO_ACTIVE, "2026-04-25", f"referral:{person}", person))
    funnel = run("ow_fast_track_funnel", milestones)
    assert values(funnel, "stage") == {"referred": 6, "accepted": 4, "active": 3}
    medians = {c.group["statistic"]: c.value for c in run("ow_days_grant_to_referral", milestones)}
    assert medians == {"q1": 1.2, "median": 2.5, "q3": 3.8}


def test_ontario_action_plans_reviews_and_packages() -> None:
    milestones = [m(Kind.ACTION_PLAN, "2026-04-03", f"action_plan:{i}") for i in range(4)]
    milestones += [m(Kind.ACTION_PLAN, "2026-05-03", f"action_plan:{i}") for i in range(4, 7)]
    in_place = run("ow_action_plans_in_place", milestones, ["month"])
    assert values(in_place, "month") == {"2026-04": 4, "2026-05": 7}
    reviews = ["on_time"] * 6 + ["late"] * 4
    milestones += [
        m(Kind.ACTION_PLAN_REVIEWED, "2026-05-10", f"action_plan:{i}", outcome=outcome)
        for i, outcome in enumerate(reviews)
    ]
    [rate] = run("ow_reviews_on_time", milestones)
    assert (rate.value, rate.numerator, rate.denominator) == (0.6, 6, 10)


def test_odsp_packages_returned_within_90_days() -> None:
    mailed = [m(Kind.PACKAGE_MAILED, "2026-04-01", f"package:{i}") for i in range(7)]
    returned = [m(Kind.PACKAGE_RETURNED, "2026-05-15", f"package:{i}") for i in range(3)]
    late = [m(Kind.PACKAGE_RETURNED, "2026-07-15", f"package:{i}") for i in range(3, 4)]
    milestones = [*mailed, *returned, *late]
    with _today(dt.date(2026, 9, 1)):
        [rate] = run("odsp_packages_returned_90d", milestones)
    assert (rate.value, rate.numerator, rate.denominator) == (round(3 / 7, 4), 3, 7)


class _today:
    """``timezone.localdate()`` pinned to a day (mailing needs 90 days behind it)."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __enter__(self) -> None:
        self.patch = pytest.MonkeyPatch()
        self.patch.setattr("sentier.insights.indicators.local_today", lambda: self.day)

    def __exit__(self, *exc: object) -> None:
        self.patch.undo()
