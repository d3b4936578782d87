"""URLs of sentier.plans (mounted at ``/plans/``)."""

from __future__ import annotations

from django.urls import URLPattern, path

from sentier.plans import views

app_name = "plans"

urlpatterns: list[URLPattern] = [
    # The participant's portal
    path("mine/", views.my_plan, name="my_plan"),
    path("mine/answer/", views.my_agree, name="my_agree"),
    path("mine/extension/", views.my_extension, name="my_extension"),
    path("mine/end/", views.my_end, name="my_end"),
    path("mine/plan.pdf", views.my_pdf, name="my_pdf"),
    # The caseworker
    path("worklist/", views.worklist, name="worklist"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/<str:token>.ics", views.feed, name="feed"),
    path("participants/<uuid:participant_uuid>/request/", views.record_request, name="request"),
    path("participants/<uuid:participant_uuid>/propose/", views.propose, name="propose"),
    path("<uuid:plan_uuid>/", views.detail, name="detail"),
    path("<uuid:plan_uuid>/answer/", views.answer_request, name="answer_request"),
    path("<uuid:plan_uuid>/agreement/", views.agreement, name="agreement"),
    path("<uuid:plan_uuid>/decline/", views.decline, name="decline"),
    path("<uuid:plan_uuid>/edit/", views.edit_plan, name="edit"),
    path("<uuid:plan_uuid>/objectives/new/", views.add_objective, name="add_objective"),
    path("<uuid:plan_uuid>/actions/new/", views.add_action, name="add_action"),
    path("<uuid:plan_uuid>/follow-ups/new/", views.schedule_follow_up, name="schedule_follow_up"),
    path("<uuid:plan_uuid>/extension/", views.record_extension_request, name="record_extension"),
    path("<uuid:plan_uuid>/end/", views.end, name="end"),
    path("<uuid:plan_uuid>/plan.pdf", views.plan_pdf, name="pdf"),
    path("<uuid:plan_uuid>/share/", views.share, name="share"),
    path("shares/<uuid:share_uuid>/take-back/", views.take_back, name="take_back"),
    # An organization the running of a plan is shared with
    path("shared/", views.shared_list, name="shared_list"),
    path("<uuid:plan_uuid>/shared/", views.shared_detail, name="shared_detail"),
    path("objectives/<uuid:objective_uuid>/", views.edit_objective, name="edit_objective"),
    path("actions/<uuid:action_uuid>/", views.edit_action, name="edit_action"),
    path("follow-ups/<uuid:follow_up_uuid>/", views.record_follow_up, name="record_follow_up"),
    path("extensions/<uuid:extension_uuid>/", views.decide_extension, name="decide_extension"),
]
