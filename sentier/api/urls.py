"""API v1 routes."""

from __future__ import annotations

from django.urls import path

from sentier.api import views

app_name = "api"
urlpatterns = [
    path("me", views.MeView.as_view(), name="me"),
    path("decisions", views.DecisionsView.as_view(), name="decisions"),
    path(
        "participants/<uuid:participant_uuid>", views.ParticipantView.as_view(), name="participant"
    ),
]
