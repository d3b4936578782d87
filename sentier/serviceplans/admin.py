"""Admin: the situations that justify a service plan (configurable list, 000) and the regional
networks' members; plans and requests are read-only here (the actions change them)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from sentier.serviceplans.models import (
    NetworkMember,
    RegionalNetwork,
    ServicePlan,
    ServicePlanRequest,
    Situation,
)


@admin.register(Situation)
class SituationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("code", "label_fr", "label_en", "order", "active")
    list_editable = ("order", "active")


class MemberInline(admin.TabularInline):  # type: ignore[type-arg]
    model = NetworkMember
    extra = 0
    autocomplete_fields = ("organization",)


@admin.register(RegionalNetwork)
class RegionalNetworkAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("name", "region")
    inlines = (MemberInline,)


class ReadOnlyAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ServicePlanRequest)
class ServicePlanRequestAdmin(ReadOnlyAdmin):
    list_display = ("participant", "region", "status", "requested_at")
    list_filter = ("status", "region")


@admin.register(ServicePlan)
class ServicePlanAdmin(ReadOnlyAdmin):
    list_display = ("participant", "region", "status", "created_at")
    list_filter = ("status", "region")
