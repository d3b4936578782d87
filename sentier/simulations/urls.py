"""URLs of the simulations (UUIDs for saved ones)."""

from django.urls import path

from sentier.simulations import views

app_name = "simulations"

urlpatterns = [
    path("", views.home, name="home"),
    path("save/", views.save, name="save"),
    path("<uuid:simulation_uuid>/", views.detail, name="detail"),
    path("<uuid:simulation_uuid>/rerun/", views.rerun, name="rerun"),
    path("<uuid:simulation_uuid>/changes.patch", views.export_yaml, name="yaml"),
]
