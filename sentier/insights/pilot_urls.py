"""Addresses of the pilot comparison, included by the insights URLs under ``pilots/``
(namespace ``insights:pilots``)."""

from __future__ import annotations

from django.urls import path

from sentier.insights import pilot_views

app_name = "pilots"

urlpatterns = [
    path("", pilot_views.index, name="index"),
    path("<slug:pilot_id>/", pilot_views.page, name="page"),
    path("<slug:pilot_id>/freeze/", pilot_views.freeze, name="freeze"),
    path("reports/<uuid:uuid>/", pilot_views.report, name="report"),
    path("reports/<uuid:uuid>/report.pdf", pilot_views.report_pdf, name="report_pdf"),
]
