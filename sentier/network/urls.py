"""The public directory of partner organizations."""

from django.urls import path

from sentier.network import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
]
