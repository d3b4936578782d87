"""URLs of sentier.ontario (mounted at /ontario/; 404 outside SENTIER_JURISDICTION=on)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.ontario import views

app_name = "ontario"

urlpatterns: list[URLPattern] = [
    path("assessment/", views.assessment_queue, name="assessment_queue"),
    path("assessment/<str:assessment_uuid>/", views.assessment, name="assessment"),
    path("ow/<str:ow_uuid>/", views.ow_application, name="ow_application"),
    path("odsp/", views.odsp_queue, name="odsp_queue"),
    path("odsp/<str:odsp_uuid>/", views.odsp_application, name="odsp_application"),
    path("odsp/package/<str:package_uuid>/pdf/", views.package_pdf, name="package_pdf"),
    path("odsp/package/<str:package_uuid>/mailed/", views.package_mailed, name="package_mailed"),
]
