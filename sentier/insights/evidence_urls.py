"""Addresses of the survey results and the data-quality panels (under /insights/)."""

from __future__ import annotations

from django.urls import path

from sentier.insights import evidence_views

urlpatterns = [
    path("surveys/", evidence_views.survey_results, name="surveys"),
    path("surveys.csv", evidence_views.survey_export, {"fmt": "csv"}, name="surveys_csv"),
    path("surveys.xlsx", evidence_views.survey_export, {"fmt": "xlsx"}, name="surveys_xlsx"),
    path("quality/", evidence_views.data_quality, name="quality"),
    path("quality.csv", evidence_views.data_quality_export, {"fmt": "csv"}, name="quality_csv"),
    path("quality.xlsx", evidence_views.data_quality_export, {"fmt": "xlsx"}, name="quality_xlsx"),
]
