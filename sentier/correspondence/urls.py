from django.urls import path

from sentier.correspondence import views

app_name = "correspondence"
urlpatterns = [
    path("", views.notices, name="notices"),
    path("<uuid:notice_uuid>/retry/", views.retry, name="retry"),
    path("<uuid:notice_uuid>/replace/", views.replace, name="replace"),
    path("mailing/", views.mailing, name="mailing"),
    path("mailing/print/", views.mailing_print, name="mailing_print"),
    path("mailing/mailed/", views.mailing_mailed, name="mailing_mailed"),
    path("calls/<uuid:notice_uuid>/", views.call, name="call"),
    path(
        "channel/<uuid:participant_uuid>/",
        views.contact_preference,
        name="contact_preference",
    ),
]
