"""Admin for the partner network: organizations with their locations, services, the clientele
taxonomy; capacity updates, waiting lists and offers (read only: actions write them)."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from sentier.network.models import (
    CapacityUpdate,
    Clientele,
    Location,
    Offer,
    Organization,
    Service,
    WaitingListEntry,
)


@admin.register(Clientele)
class ClienteleAdmin(SimpleHistoryAdmin, TranslationAdmin[Clientele]):  # type: ignore[misc]
    list_display = ("code", "name")
    search_fields = ("code", "name_fr_ca", "name_en_ca")


class LocationInline(admin.TabularInline[Location, Organization]):
    model = Location
    extra = 0
    fields = (
        "region",
        "city",
        "phone",
        "points_of_service",
        "points_of_service_text",
        "serves_by_phone",
        "serves_by_video",
        "travels_to_person",
    )


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("name", "slug", "rssmo_member", "non_profit", "clientele_text")
    list_filter = ("rssmo_member", "non_profit", "locations__region", "clienteles")
    search_fields = (
        "name",
        "slug",
        "clientele_text",
        "locations__city",
        "locations__phone",
    )
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("clienteles",)
    readonly_fields = ("uuid",)
    inlines = (LocationInline,)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Organization]:
        queryset: QuerySet[Organization] = super().get_queryset(request)
        # Filters on locations and clienteles join many rows: show each organization once.
        return queryset.distinct()


@admin.register(Location)
class LocationAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = (
        "organization",
        "region",
        "city",
        "phone",
        "points_of_service",
        "serves_by_phone",
        "serves_by_video",
        "travels_to_person",
    )
    list_filter = (
        "region",
        "serves_by_phone",
        "serves_by_video",
        "travels_to_person",
        "organization__clienteles",
        "organization__rssmo_member",
    )
    list_select_related = ("organization", "region")
    search_fields = ("organization__name", "city", "phone", "points_of_service_text")
    autocomplete_fields = ("organization",)
    readonly_fields = ("uuid",)


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = (
        "name",
        "organization",
        "kind",
        "status",
        "capacity_available",
        "capacity_maximum",
        "waiting_list_length",
        "capacity_updated_at",
    )
    list_filter = ("kind", "status", "active", "province_wide", "regions", "clienteles")
    list_select_related = ("organization",)
    search_fields = ("name", "organization__name", "description")
    autocomplete_fields = ("organization",)
    filter_horizontal = ("regions", "clienteles", "locations")
    readonly_fields = ("uuid",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Service]:
        queryset: QuerySet[Service] = super().get_queryset(request)
        return queryset.distinct()


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Logs and records written by actions only: administrators read them here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(CapacityUpdate)
class CapacityUpdateAdmin(ReadOnlyAdmin):
    list_display = ("service", "at", "available", "maximum", "waiting", "actor_label")
    list_select_related = ("service__organization",)
    search_fields = ("service__name", "service__organization__name", "actor_label")


@admin.register(WaitingListEntry)
class WaitingListEntryAdmin(ReadOnlyAdmin):
    list_display = ("service", "participant", "since", "priority_reason", "status")
    list_filter = ("status", "priority_reason")
    list_select_related = ("service__organization", "participant")


@admin.register(Offer)
class OfferAdmin(ReadOnlyAdmin):
    list_display = ("entry", "offered_at", "respond_by", "status", "responded_at")
    list_filter = ("status",)
    list_select_related = ("entry__service", "entry__participant")
