"""Home, statistics, privacy and accessibility pages, and the session keep-alive.

Their names keep the ``core`` namespace they had before the site layer existed, so that every
``{% url "core:home" %}`` in the templates of the apps stays valid."""

from django.urls import path

from sentier.core import keepalive
from sentier.site import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("keepalive/", keepalive.keepalive, name="keepalive"),
]
