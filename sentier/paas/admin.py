"""Admin for PAAS Action places, placements, attendance and waiting lists: read-only.

Every change goes through :mod:`sentier.paas.actions` (budget check, free places, corrections as
new entries, timeline events); the admin is for looking things up and reading their history.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from sentier.paas.models import (
    AttendanceEntry,
    HoursStep,
    PlaceAllocation,
    Placement,
    PlacementActivity,
    PlacementObjective,
    WaitingEntry,
)


class ReadOnly:
    """No adding, changing or deleting here: the actions do that."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PlaceAllocation)
class PlaceAllocationAdmin(ReadOnly, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("organization", "region", "period_start", "period_end", "places")
    list_filter = ("region", "period_start")
    search_fields = ("organization__name",)
    list_select_related = ("organization", "region")


class HoursStepInline(ReadOnly, admin.TabularInline[HoursStep, Placement]):
    model = HoursStep
    extra = 0


class ObjectiveInline(ReadOnly, admin.TabularInline[PlacementObjective, Placement]):
    model = PlacementObjective
    extra = 0
    fields = ("text", "status", "follow_up", "evaluation")


class ActivityInline(ReadOnly, admin.TabularInline[PlacementActivity, Placement]):
    model = PlacementActivity
    extra = 0


@admin.register(Placement)
class PlacementAdmin(ReadOnly, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("participant", "organization", "start_date", "end_date", "status")
    list_filter = ("status", "allocation__region")
    search_fields = ("participant__file_number", "organization__name")
    list_select_related = ("participant", "organization")
    inlines = (HoursStepInline, ObjectiveInline, ActivityInline)


@admin.register(AttendanceEntry)
class AttendanceEntryAdmin(ReadOnly, admin.ModelAdmin[AttendanceEntry]):
    list_display = ("placement", "week_start", "hours", "corrects", "recorded_by", "recorded_at")
    list_filter = ("week_start",)
    search_fields = ("placement__participant__file_number",)
    list_select_related = ("placement", "recorded_by", "corrects")


@admin.register(WaitingEntry)
class WaitingEntryAdmin(ReadOnly, SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("participant", "organization", "region", "requested_at", "placed_at")
    list_filter = ("region",)
    search_fields = ("participant__file_number", "organization__name")
    list_select_related = ("participant", "organization", "region")
