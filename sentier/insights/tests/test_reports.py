"""Frozen monthly reports: a snapshot of the figures with what they came from, the same when
run again, downloadable as a tagged PDF; analysts only."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse

from sentier.insights import reports
from sentier.insights.models import DashboardView, FrozenReport
from sentier.insights.report import NotAllowed
from sentier.insights.tests.test_pilots_page import simulated_data  # noqa: F401 (autouse)
from sentier.plans.tests import pdf_text
from sentier_rules.pilots import get_pilot

MONTH = dt.date(2026, 9, 1)


def test_a_frozen_report_keeps_its_figures_and_what_they_came_from(
    personas: dict[str, Any],
) -> None:
    report = reports.freeze_report(
        user=personas["analyst"], pilot=get_pilot("support_plan_2026"), month=MONTH
    )
    report.refresh_from_db()
    assert report.month == MONTH
    assert report.region == ""
    assert report.catalogue_version
    assert report.rules_version
    assert len(report.inputs_hash) == 64
    assert report.parameters["pilot"]["treated"] == ["02", "08", "11", "13", "15"]
    assert report.parameters["threshold"] == 10
    outcomes = report.figures["outcomes"]
    assert [o["outcome"] for o in outcomes] == [
        "support_plans_per_1000_applications",
        "referrals_per_1000_applications",
    ]
    estimate = outcomes[0]["estimate"]
    assert estimate["enough_data"]
    assert estimate["interval"][0] < 40 < estimate["interval"][1]
    # A suppressed month is stored suppressed: the snapshot holds nothing the page would hide.
    assert {"month": "2026-01-01", "group": "pilot", "value": None, "suppressed": True} in (
        outcomes[0]["trends"]
    )


def test_running_a_frozen_report_again_gives_the_same_figures(personas: dict[str, Any]) -> None:
    report = reports.freeze_report(
        user=personas["analyst"], pilot=get_pilot("support_plan_2026"), month=MONTH
    )
    report.refresh_from_db()
    cache.clear()  # computed afresh, not read back from the cache
    figures, inputs = reports.rerun(report)
    assert inputs == report.inputs_hash
    assert figures == report.figures


def test_a_frozen_report_is_never_changed(personas: dict[str, Any]) -> None:
    report = reports.freeze_report(
        user=personas["analyst"], pilot=get_pilot("support_plan_2026"), month=MONTH
    )
    report.figures = {}
    with pytest.raises(ValueError, match="never changed"):
        report.save()


def test_analyst_freezes_reads_and_downloads_the_tagged_pdf(client_for: Any) -> None:
    client = client_for("analyst")
    response = client.post(reverse("insights:pilots:freeze", args=["support_plan_2026"]))
    report = FrozenReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:pilots:report", args=[report.uuid])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.content.count(b'role="img"') >= 4  # two charts for each of two outcomes
    pdf = client.get(reverse("insights:pilots:report_pdf", args=[report.uuid]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    body = b"".join(pdf.streaming_content) if pdf.streaming else pdf.content
    assert body.startswith(b"%PDF")
    objects = pdf_text.everything(body)
    assert b"/StructTreeRoot" in objects  # tagged
    assert b"pdfuaid:part" in objects  # declared PDF/UA
    assert re.search(rb"/Lang\s*\(fr-CA\)", objects)
    assert DashboardView.objects.filter(indicator__startswith="pilot:support_plan_2026:report")
    assert DashboardView.objects.count() == 2  # the report page and the PDF


def test_coordinator_cannot_freeze_nor_read_a_frozen_report(
    client_for: Any, personas: dict[str, Any]
) -> None:
    report = reports.freeze_report(
        user=personas["analyst"], pilot=get_pilot("support_plan_2026"), month=MONTH
    )
    client = client_for("coordinator")
    refused = client.post(reverse("insights:pilots:freeze", args=["support_plan_2026"]))
    assert refused.status_code == 403
    assert FrozenReport.objects.count() == 1
    assert client.get(reverse("insights:pilots:report", args=[report.uuid])).status_code == 404
    pdf = client.get(reverse("insights:pilots:report_pdf", args=[report.uuid]))
    assert pdf.status_code == 404
    with pytest.raises(NotAllowed):
        reports.freeze_report(
            user=personas["coordinator"], pilot=get_pilot("support_plan_2026"), month=MONTH
        )
    assert FrozenReport.objects.count() == 1
    assert not DashboardView.objects.exists()
