"""Addresses of the indicators (the pilot pages, sentier.insights.pilots, add theirs here)."""

from __future__ import annotations

from django.urls import include, path

from sentier.insights import outcome_views, views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("export.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("outcomes/", outcome_views.outcomes, name="outcomes"),
    path("targets/", outcome_views.site_targets, name="site_targets"),
    path("pilots/", include("sentier.insights.pilot_urls")),
    # Survey results and data quality (sentier.insights.evidence_views).
    path("", include("sentier.insights.evidence_urls")),
]
