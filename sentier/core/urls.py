"""Home and statistics pages."""

from django.urls import path

from sentier.core import keepalive, views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("keepalive/", keepalive.keepalive, name="keepalive"),
]
