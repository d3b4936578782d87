"""URLs of sentier.serviceplans (mounted at ``/service-plans/``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.serviceplans import views

app_name = "serviceplans"

urlpatterns: list[URLPattern] = [
    path("", views.plan_list, name="list"),
    path("mine/", views.mine, name="mine"),
    path("networks/", views.networks, name="networks"),
    path("networks/<str:region_code>/", views.network, name="network"),
    path("request/<uuid:participant_uuid>/", views.request_plan, name="request"),
    path("evolve/<uuid:support_plan_uuid>/", views.evolve, name="evolve"),
    path("requests/<uuid:request_uuid>/", views.request_detail, name="request_detail"),
    path("requests/<uuid:request_uuid>/decide/", views.decide, name="decide"),
    path("<uuid:plan_uuid>/", views.plan_detail, name="plan"),
    path("<uuid:plan_uuid>/agreement/", views.agreement, name="agreement"),
    path("<uuid:plan_uuid>/end/", views.end_plan, name="end"),
    path("<uuid:plan_uuid>/notes/", views.add_note, name="add_note"),
    path("<uuid:plan_uuid>/parties/add/", views.add_party, name="add_party"),
    path("<uuid:plan_uuid>/parties/<uuid:party_uuid>/", views.party_detail, name="party"),
    path("<uuid:plan_uuid>/parties/<uuid:party_uuid>/view/", views.party_view, name="party_view"),
    path("<uuid:plan_uuid>/objectives/add/", views.add_objective, name="add_objective"),
    path(
        "<uuid:plan_uuid>/objectives/<uuid:objective_uuid>/",
        views.objective_detail,
        name="objective",
    ),
    path(
        "<uuid:plan_uuid>/objectives/<uuid:objective_uuid>/agreement/",
        views.objective_agreement,
        name="objective_agreement",
    ),
    path("<uuid:plan_uuid>/follow-ups/add/", views.add_follow_up, name="add_follow_up"),
    path(
        "<uuid:plan_uuid>/follow-ups/<uuid:follow_up_uuid>/",
        views.follow_up_detail,
        name="follow_up",
    ),
    path(
        "<uuid:plan_uuid>/follow-ups/<uuid:follow_up_uuid>/agreement/",
        views.follow_up_agreement,
        name="follow_up_agreement",
    ),
    path(
        "<uuid:plan_uuid>/actions/<uuid:action_uuid>/status/",
        views.action_status,
        name="action_status",
    ),
]
