"""The public directory, partner capacity and waiting lists, imports and exports."""

from django.urls import path

from sentier.network import views

app_name = "network"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("capacity/", views.capacity, name="capacity"),
    path("capacity/<str:service_uuid>/", views.capacity_update, name="capacity_update"),
    path("capacity/<str:service_uuid>/free-place/", views.free_place, name="free_place"),
    path("capacity/<str:service_uuid>/waiting-list/", views.waiting_list, name="waiting_list"),
    path("offers/<str:offer_uuid>/pass/", views.pass_offer, name="pass_offer"),
    path("offers/<str:offer_uuid>/answer/", views.answer_offer, name="answer_offer"),
    path("waiting/<str:entry_uuid>/withdraw/", views.withdraw_entry, name="withdraw_entry"),
    path(
        "participants/<str:participant_uuid>/waiting-list/",
        views.add_to_waiting_list,
        name="add_to_waiting_list",
    ),
    path("import/", views.service_import, name="import"),
    path("import/<str:job_uuid>/", views.import_job, name="import_job"),
    path("export/hsds.zip", views.hsds_export, name="hsds_export"),
]
