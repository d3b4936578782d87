"""URLs of sentier.ontario (mounted at /ontario/; 404 outside SENTIER_JURISDICTION=on).

The local office's pages here; the ODSP centralized intake unit's in ``odsp.urls``.
"""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.ontario import notice_views, site_survey_views, views
from sentier.ontario.odsp.urls import ODSP_PATTERNS

app_name = "ontario"

urlpatterns: list[URLPattern] = [
    path("assessment/", views.assessment_queue, name="assessment_queue"),
    path("ow-intake/", views.ow_intake_queue, name="ow_intake_queue"),
    path("assessment/<str:assessment_uuid>/", views.assessment, name="assessment"),
    path("assessment/<str:assessment_uuid>/take/", views.take_assessment, name="take_assessment"),
    path("ow/<str:ow_uuid>/", views.ow_application, name="ow_application"),
    path("ow/<str:ow_uuid>/take/", views.take_ow_application, name="take_ow_application"),
    path("notice/<str:notice_uuid>/pdf/", notice_views.notice_pdf, name="notice_pdf"),
    path("notice/<str:notice_uuid>/mailed/", notice_views.notice_mailed, name="notice_mailed"),
    path("site-survey/", site_survey_views.site_survey_page, name="site_survey"),
    *ODSP_PATTERNS,
]
