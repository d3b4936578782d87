"""The pilot page: analysts compare pilot and other regions, coordinators their region against
the others; every figure through the disclosure layer, every view logged, nobody else."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

import pytest
from django.urls import reverse

from sentier.insights import pilots
from sentier.insights.models import DashboardView
from sentier.insights.pilots import PanelRow
from sentier.insights.tests.test_pilots_estimate import simulated_panel
from sentier_rules.pilots import Pilot

PAGE = reverse("insights:pilots:page", args=["support_plan_2026"])


@pytest.fixture(autouse=True)
def simulated_data(monkeypatch: pytest.MonkeyPatch) -> list[PanelRow]:
    """The page reads a simulated panel (the panel's own queries are test_pilots_panel's), one
    month of which has too few applications in the pilot regions to be shown; few bootstrap
    draws keep the test quick."""
    panel = [
        PanelRow(r.region, r.month, min(r.numerator, 1), 1)
        if r.month == dt.date(2026, 1, 1) and r.region in {"02", "08", "11", "13", "15"}
        else r
        for r in simulated_panel(40.0, seed=7)
    ]

    def build_panel(pilot: Pilot, outcome: str, *, until: Any = None) -> Sequence[PanelRow]:
        return panel if pilot.id == "support_plan_2026" else []

    monkeypatch.setattr(pilots, "build_panel", build_panel)
    monkeypatch.setattr(pilots, "DRAWS", 99)
    return panel


def test_analyst_compares_pilot_and_other_regions(client_for: Any) -> None:
    response = client_for("analyst").get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    for chart in ("pilot-trend", "pilot-events"):
        assert f'role="img" focusable="false" aria-labelledby="{chart}-title {chart}-desc"' in html
        assert re.search(rf'<title id="{chart}-title">[^<]+</title>', html)
        assert re.search(rf'<desc id="{chart}-desc">[^<]+</desc>', html)
    outcome = response.context["outcome"]
    assert len(outcome["groups"]) == 2  # pilot regions, other regions
    assert outcome["estimate"].enough_data
    assert outcome["estimate"].interval[0] < 40 < outcome["estimate"].interval[1]
    # January 2026 has one application a region in the pilot regions: no rate shown, and the
    # table says so where the figure would be.
    january = next(row for row in outcome["table"] if row["label"] == "janvier 2026")
    assert january["cells"][0].suppressed
    assert january["cells"][0].value is None
    assert "data-suppressed" in html
    assert DashboardView.objects.filter(
        user__email="analyst@sentier.demo",
        indicator="pilot:support_plan_2026:support_plans_per_1000_applications",
        regions="",
    ).exists()


def test_coordinator_sees_their_region_against_all_others(client_for: Any) -> None:
    response = client_for("coordinator").get(PAGE)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    assert outcome["groups"][0].endswith("13")
    assert response.context["focus"] == "13"
    assert not response.context["can_freeze"]
    assert b"/freeze/" not in response.content
    view = DashboardView.objects.get()
    assert view.regions == "13"


@pytest.mark.parametrize("persona", ["caseworker_laval", "partner_opex", "participant"])
def test_others_cannot_see_the_pilot_page(client_for: Any, persona: str) -> None:
    assert client_for(persona).get(PAGE).status_code == 403
    assert not DashboardView.objects.exists()


def test_unknown_pilot_and_another_jurisdictions_pilot_are_not_found(client_for: Any) -> None:
    client = client_for("analyst")
    missing = client.get(reverse("insights:pilots:page", args=["no_such_pilot"]))
    ontario = client.get(reverse("insights:pilots:page", args=["employment_fast_track_2025"]))
    assert missing.status_code == ontario.status_code == 404
    assert not DashboardView.objects.exists()


def test_an_unknown_outcome_is_a_field_error_and_the_first_outcome_is_shown(
    client_for: Any,
) -> None:
    response = client_for("analyst").get(PAGE, {"outcome": "=cmd|' /C calc'!A0"})
    assert response.status_code == 200
    assert response.context["form"].errors["outcome"]
    assert (
        DashboardView.objects.get().indicator
        == "pilot:support_plan_2026:support_plans_per_1000_applications"
    )


def test_the_index_opens_this_jurisdictions_first_pilot(client_for: Any) -> None:
    response = client_for("analyst").get(reverse("insights:pilots:index"))
    assert response.status_code == 302
    assert response["Location"] == PAGE


def test_too_little_data_says_so_instead_of_a_number(
    client_for: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pilots, "build_panel", lambda *args, **kwargs: [])
    response = client_for("analyst").get(PAGE)
    assert response.status_code == 200
    assert response.context["outcome"]["estimate"].enough_data is False
    assert response.context["outcome"]["trend_svg"] is None
