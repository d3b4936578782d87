"""Participant pages; files are addressed by UUID."""

from django.urls import path

from sentier.participants import views

app_name = "participants"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("new/", views.open_file, name="open"),
    path("searches/", views.save_search, name="save_search"),
    path("searches/<uuid:search_uuid>/delete/", views.delete_search, name="delete_search"),
    path("me/", views.my_file, name="my_file"),
    path("me/access-log/", views.my_access_log, name="my_access_log"),
    path("<uuid:participant_uuid>/", views.participant_file, name="file"),
    path("<uuid:participant_uuid>/edit/", views.edit_participant, name="edit"),
    path("<uuid:participant_uuid>/notes/", views.add_note, name="add_note"),
    path("<uuid:participant_uuid>/history/", views.participant_history, name="history"),
]
