"""Admin for regions and programs: translated names side by side, with their history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from sentier.reference.loading import (
    delete_with_history_if_possible,
    save_with_history_if_possible,
)
from sentier.reference.models import Program, Region


class ReferenceAdmin(SimpleHistoryAdmin, TranslationAdmin[Any]):  # type: ignore[misc]
    """History and translated fields; saves skip the history row only if it cannot be written.

    (The history tables of regions and programs have no ``name_fr_ca``/``name_en_ca`` columns
    yet; see :func:`sentier.reference.loading.history_can_record`.)
    """

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        save_with_history_if_possible(obj)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        delete_with_history_if_possible(obj)


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    list_display = ("code", "name", "jurisdiction")
    list_filter = ("jurisdiction",)
    search_fields = ("code", "name_fr_ca", "name_en_ca")
    ordering = ("jurisdiction", "code")


@admin.register(Program)
class ProgramAdmin(ReferenceAdmin):
    list_display = ("code", "name", "jurisdiction")
    list_filter = ("jurisdiction",)
    search_fields = ("code", "name_fr_ca", "name_en_ca")
    ordering = ("jurisdiction", "code")
