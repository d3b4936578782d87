"""Home and statistics pages."""

from django.urls import path

from sentier.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("statistics/", views.statistics, name="statistics"),
]
