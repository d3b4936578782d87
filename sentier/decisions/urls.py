"""Decision pages; addressed by UUID."""

from django.urls import path

from sentier.decisions import views

app_name = "decisions"
urlpatterns = [
    path("rules/", views.rules_catalog, name="rules"),
    path("participants/<uuid:participant_uuid>/new/", views.new_decision, name="new"),
    path("<uuid:decision_uuid>/", views.decision_detail, name="detail"),
    path("<uuid:decision_uuid>/replay/", views.replay, name="replay"),
    path("worklist/<uuid:change_uuid>/handled/", views.handle_change, name="handle_change"),
]
