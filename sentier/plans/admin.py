"""Admin for support plans.

Administrators configure the difficulty taxonomy here (001: "pas de liste formelle": add a kind,
rename it, stop offering it). Plans themselves are read-only: every change goes through
:mod:`sentier.plans.actions` (state machine, versions, timeline events).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from sentier.plans.models import (
    Difficulty,
    Extension,
    FollowUp,
    Objective,
    PlanAction,
    PlanTransition,
    SupportPlan,
)


@admin.register(Difficulty)
class DifficultyAdmin(admin.ModelAdmin[Difficulty]):
    list_display = ("code", "name_fr", "name_en", "position", "active")
    list_editable = ("position", "active")
    search_fields = ("code", "name_fr", "name_en")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Plans refer to the kinds they used: retire a kind (not offered) instead.
        return False


class ReadOnly:
    """No adding, changing or deleting here: the actions do that."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class TransitionInline(ReadOnly, admin.TabularInline[PlanTransition, SupportPlan]):
    model = PlanTransition
    extra = 0


class ObjectiveInline(ReadOnly, admin.TabularInline[Objective, SupportPlan]):
    model = Objective
    extra = 0
    fields = ("position", "text", "status")


class ActionInline(ReadOnly, admin.TabularInline[PlanAction, SupportPlan]):
    model = PlanAction
    extra = 0
    fields = ("what", "who", "who_detail", "due_on", "status")


class FollowUpInline(ReadOnly, admin.TabularInline[FollowUp, SupportPlan]):
    model = FollowUp
    extra = 0
    fields = ("scheduled_for", "mode", "status", "reminded_at")


class ExtensionInline(ReadOnly, admin.TabularInline[Extension, SupportPlan]):
    model = Extension
    extra = 0
    fields = ("requested_at", "channel", "status", "decided_at", "new_end_on")


@admin.register(SupportPlan)
class SupportPlanAdmin(ReadOnly, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("participant", "caseworker", "status", "started_on", "planned_end_on")
    list_filter = ("status", "participant__region")
    search_fields = ("participant__file_number",)
    list_select_related = ("participant", "caseworker")
    exclude = ("difficulties",)
    inlines = (TransitionInline, ObjectiveInline, ActionInline, FollowUpInline, ExtensionInline)
