"""URLs of sentier.consent."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.consent import views

app_name = "consent"

urlpatterns: list[URLPattern] = [
    path("mine/", views.mine, name="mine"),
    path("mine/give/<slug:purpose>/", views.give, name="give"),
    path("file/<uuid:participant_uuid>/record/<slug:purpose>/", views.record, name="record"),
    path("<uuid:consent_uuid>/withdraw/", views.withdraw, name="withdraw"),
]
