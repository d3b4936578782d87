"""PAAS Action pages. Statement pages live in ``statements/urls.py`` and are included here."""

from django.urls import include, path

from sentier.paas import views
from sentier.paas.statements import mine

app_name = "paas"
urlpatterns: list[object] = [
    path("organization/", views.organization, name="organization"),
    # The participant's own money, hours and claims
    path("mine/", mine.my_money, name="my_money"),
    path("mine/claim/", mine.my_claim, name="my_claim"),
    path("attendance/", views.attendance_group, name="attendance_group"),
    path("attendance/import/", views.attendance_import, name="attendance_import"),
    path("placements/", views.placement_list, name="placement_list"),
    path("placements/<uuid:placement_uuid>/", views.placement_detail, name="placement_detail"),
    path("placements/<uuid:placement_uuid>/end/", views.end_placement, name="end_placement"),
    path(
        "placements/<uuid:placement_uuid>/attendance/",
        views.placement_attendance,
        name="placement_attendance",
    ),
    path(
        "placements/<uuid:placement_uuid>/objectives/",
        views.add_objective,
        name="add_objective",
    ),
    path(
        "placements/<uuid:placement_uuid>/objectives/<uuid:objective_uuid>/",
        views.follow_up_objective,
        name="follow_up_objective",
    ),
    path(
        "participants/<uuid:participant_uuid>/place/",
        views.place_participant,
        name="place_participant",
    ),
    path("waiting/<uuid:entry_uuid>/withdraw/", views.withdraw_waiting, name="withdraw_waiting"),
    path("ministry/", views.ministry, name="ministry"),
    path("ministry/grant/", views.grant_places, name="grant_places"),
    path("statements/", include("sentier.paas.statements.urls")),
]
