"""Admin for the partner network: organizations with their locations, the clientele taxonomy."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from sentier.network.models import Clientele, Location, Organization


@admin.register(Clientele)
class ClienteleAdmin(SimpleHistoryAdmin, TranslationAdmin[Clientele]):  # type: ignore[misc]
    list_display = ("code", "name")
    search_fields = ("code", "name_fr_ca", "name_en_ca")


class LocationInline(admin.TabularInline[Location, Organization]):
    model = Location
    extra = 0
    fields = ("region", "city", "phone", "points_of_service", "points_of_service_text")


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
    list_display = ("organization", "region", "city", "phone", "points_of_service")
    list_filter = ("region", "organization__clienteles", "organization__rssmo_member")
    list_select_related = ("organization", "region")
    search_fields = ("organization__name", "city", "phone", "points_of_service_text")
    autocomplete_fields = ("organization",)
    readonly_fields = ("uuid",)
