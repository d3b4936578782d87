"""URLs of sentier.referrals."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.referrals import views

app_name = "referrals"

urlpatterns: list[URLPattern] = [
    path("send/<uuid:participant_uuid>/", views.send, name="send"),
    path("sent/", views.sent, name="sent"),
    path("mine/", views.mine, name="mine"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<uuid:referral_uuid>/", views.inbox_detail, name="inbox_detail"),
    path("answer/<str:token>/", views.link, name="link"),
    path("<uuid:referral_uuid>/", views.detail, name="detail"),
    path("<uuid:referral_uuid>/cancel/", views.cancel, name="cancel"),
]
