"""The ODSP centralized intake unit's URLs (included by ``sentier.ontario.urls``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.ontario import odsp_views

ODSP_PATTERNS: list[URLPattern] = [
    path("odsp/", odsp_views.odsp_queue, name="odsp_queue"),
    path("odsp/<str:odsp_uuid>/", odsp_views.odsp_application, name="odsp_application"),
    path("odsp/package/<str:package_uuid>/pdf/", odsp_views.package_pdf, name="package_pdf"),
    path(
        "odsp/package/<str:package_uuid>/mailed/",
        odsp_views.package_mailed,
        name="package_mailed",
    ),
]
