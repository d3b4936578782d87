"""The ODSP centralized intake unit's URLs (included by ``sentier.ontario.urls``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.ontario.odsp import views as odsp_views

ODSP_PATTERNS: list[URLPattern] = [
    path("odsp/", odsp_views.odsp_queue, name="odsp_queue"),
    path("odsp/mailing/", odsp_views.odsp_mailing, name="odsp_mailing"),
    path("odsp/mailing/print/", odsp_views.mailing_print, name="odsp_mailing_print"),
    path("odsp/mailing/mailed/", odsp_views.mailing_mailed, name="odsp_mailing_mailed"),
    path("odsp/package/<str:package_uuid>/pdf/", odsp_views.package_pdf, name="package_pdf"),
    path(
        "odsp/package/<str:package_uuid>/mailed/",
        odsp_views.package_mailed,
        name="package_mailed",
    ),
    path(
        "odsp/package/<str:package_uuid>/<str:step>/",
        odsp_views.package_step,
        name="package_step",
    ),
    path("odsp/<str:odsp_uuid>/", odsp_views.odsp_application, name="odsp_application"),
    path(
        "odsp/<str:odsp_uuid>/decide/<str:decision>/",
        odsp_views.odsp_decide,
        name="odsp_decide",
    ),
    path("odsp/<str:odsp_uuid>/assign/", odsp_views.odsp_assign, name="odsp_assign"),
    path(
        "odsp/<str:odsp_uuid>/assign-to-me/",
        odsp_views.odsp_assign_to_me,
        name="odsp_assign_to_me",
    ),
]
