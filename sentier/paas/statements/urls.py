"""Monthly statement and expense-claim pages (namespace ``paas:…`` through ``paas/urls.py``)."""

from django.urls import path

from sentier.paas.statements import views

urlpatterns: list[object] = [
    path("", views.statement_list, name="statement_list"),
    path("generate/", views.statement_generate, name="statement_generate"),
    path("<uuid:statement_uuid>/", views.statement_detail, name="statement_detail"),
    path(
        "<uuid:statement_uuid>/generate/",
        views.statement_regenerate,
        name="statement_regenerate",
    ),
    path("<uuid:statement_uuid>/approve/", views.statement_approve, name="statement_approve"),
    path("<uuid:statement_uuid>/export/", views.statement_export, name="statement_export"),
    path("<uuid:statement_uuid>/statement.csv", views.statement_csv, name="statement_csv"),
    path("<uuid:statement_uuid>/statement.pdf", views.statement_pdf, name="statement_pdf"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/new/", views.claim_new, name="claim_new"),
    path("claims/<uuid:claim_uuid>/", views.claim_detail, name="claim_detail"),
    path("claims/<uuid:claim_uuid>/approve/", views.claim_approve, name="claim_approve"),
    path("claims/<uuid:claim_uuid>/reject/", views.claim_reject, name="claim_reject"),
    path("claims/<uuid:claim_uuid>/receipt/", views.claim_receipt, name="claim_receipt"),
]
