"""API v1 routes: staff endpoints (session) and partner-system endpoints (API key)."""

from __future__ import annotations

from django.urls import path

from sentier.api import partner, views

app_name = "api"
urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
    path("decisions", views.DecisionsView.as_view(), name="decisions"),
    # UUIDs are parsed by the views: a malformed one is a JSON 404, as the document says.
    path(
        "participants/<str:participant_uuid>", views.ParticipantView.as_view(), name="participant"
    ),
    # Partner systems (X-Api-Key).
    path("referrals", partner.ReferralListView.as_view(), name="referrals"),
    path("referrals/<str:referral_uuid>", partner.ReferralDetailView.as_view(), name="referral"),
    path(
        "referrals/<str:referral_uuid>/status",
        partner.ReferralStatusView.as_view(),
        name="referral_status",
    ),
    path(
        "referrals/<str:referral_uuid>/fhir",
        partner.ReferralFhirView.as_view(),
        name="referral_fhir",
    ),
    path("services", partner.ServiceListView.as_view(), name="services"),
    path(
        "services/<str:service_uuid>/capacity",
        partner.ServiceCapacityView.as_view(),
        name="service_capacity",
    ),
]
