"""Addresses of the surveys."""

from __future__ import annotations

from django.urls import path

from sentier.feedback import views

app_name = "feedback"

urlpatterns = [
    path("survey/<str:moment>/<uuid:subject>/", views.survey, name="survey"),
    path("partners/", views.partner_survey, name="partner_survey"),
]
