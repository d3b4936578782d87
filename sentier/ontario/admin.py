"""Admin for the Ontario configuration's lists: ODSP refusal reasons, First Nations ODSP
delivery sites (the shipped ones are placeholders and say so), who works in which unit, and the
offices' postal addresses and numbers (letters' return address and whom to call)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from sentier.ontario.models import ODSPRefusalReason, Office, UnitMembership
from sentier.reference.models import FirstNationsSite


@admin.register(ODSPRefusalReason)
class ODSPRefusalReasonAdmin(TranslationAdmin[Any]):
    list_display = ("name", "code", "active_from", "active_until")
    search_fields = ("code", "name_fr_ca", "name_en_ca")


@admin.register(FirstNationsSite)
class FirstNationsSiteAdmin(SimpleHistoryAdmin, TranslationAdmin[Any]):  # type: ignore[misc]
    list_display = ("name", "code", "placeholder", "active")
    list_filter = ("placeholder", "active")
    search_fields = ("code", "name_fr_ca", "name_en_ca")

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        if FirstNationsSite.objects.filter(placeholder=True).exists():
            self.message_user(
                request,
                _(
                    "The sources give no list of First Nations ODSP delivery sites: the rows "
                    "marked “placeholder” are examples, not real sites. Replace them with the "
                    "ministry's list."
                ),
            )
        return super().changelist_view(request, extra_context)


@admin.register(UnitMembership)
class UnitMembershipAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("user", "unit", "first_nations_site")
    list_filter = ("unit",)


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ("name", "phone", "has_address")
    search_fields = ("name",)

    @admin.display(boolean=True, description=_("postal address"))
    def has_address(self, office: Office) -> bool:
        return bool(office.address_lines)
