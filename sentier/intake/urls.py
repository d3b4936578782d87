"""Application (public, by resume link) and review-queue pages."""

from django.urls import path

from sentier.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.start, name="start"),
    path("assisted/", views.assisted_start, name="assisted_start"),
    path("review/", views.review_queue, name="review_queue"),
    path("review/<uuid:recommendation_uuid>/", views.review, name="review"),
    path("review/<uuid:recommendation_uuid>/assign/", views.assign_to_me, name="assign"),
    path("<str:resume_key>/summary/", views.summary, name="summary"),
    path("<str:resume_key>/sent/", views.confirmation, name="confirmation"),
    path("<str:resume_key>/<slug:step>/", views.step, name="step"),
]
