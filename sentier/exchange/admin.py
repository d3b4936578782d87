"""Admin: create and revoke API keys (the key is shown once), follow outgoing messages.

Keys are created through :func:`sentier.exchange.actions.create_api_key` and revoked through
:func:`~sentier.exchange.actions.revoke_api_key`, never edited. Outgoing messages (owned by the
referrals capability) are listed here read-only, failures first, with a "try again" action.
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.accounts.models import User
from sentier.exchange import actions
from sentier.exchange.models import ApiKey, DeliveryAttempt
from sentier.outbox.models import OutboxMessage, WebhookEndpoint


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


class ApiKeyAddForm(forms.ModelForm[ApiKey]):
    class Meta:
        model = ApiKey
        fields = ["organization", "name"]


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin[ApiKey]):
    list_display = ("name", "organization", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "organization__name", "prefix")
    list_select_related = ("organization",)
    readonly_fields = (
        "organization",
        "name",
        "prefix",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
        "revoked_by",
    )
    actions = ["revoke"]

    def get_form(
        self, request: HttpRequest, obj: ApiKey | None = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm[ApiKey]]:
        if obj is None:
            kwargs["form"] = ApiKeyAddForm
        return super().get_form(request, obj, change, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else ()

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_fields if obj is not None else ("organization", "name")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: ApiKey, form: Any, change: bool) -> None:
        if change:
            return  # nothing about a key is edited
        new = actions.create_api_key(
            actor=_user(request), organization=obj.organization, name=obj.name
        )
        obj.pk, obj.uuid, obj.prefix = new.key.pk, new.key.uuid, new.key.prefix
        messages.warning(
            request,
            _("Copy this key now, it will not be shown again: %(key)s") % {"key": new.raw},
        )

    @admin.action(description=gettext_lazy("Revoke the selected keys"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiKey]) -> None:
        for key in queryset:
            actions.revoke_api_key(actor=_user(request), key=key)
        messages.success(request, _("The selected keys no longer work."))


class DeliveryAttemptInline(admin.TabularInline[DeliveryAttempt, OutboxMessage]):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    fields = ("number", "at", "ok", "status_code", "error", "duration_ms")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class OutboxMessageAdmin(admin.ModelAdmin[OutboxMessage]):
    list_display = ("topic", "channel", "endpoint", "status", "attempts", "next_attempt_at")
    list_filter = ("status", "channel", "topic")
    search_fields = ("uuid", "topic", "endpoint__url", "endpoint__organization__name")
    list_select_related = ("endpoint__organization",)
    ordering = ("-created_at", "-id")
    inlines = [DeliveryAttemptInline]
    exclude = ("payload",)  # personal information: not shown here
    actions = ["retry"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return [f.name for f in OutboxMessage._meta.fields if f.name != "payload"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Try the selected failed deliveries again"))
    def retry(self, request: HttpRequest, queryset: QuerySet[OutboxMessage]) -> None:
        count = sum(
            actions.retry_message(actor=_user(request), message=message) for message in queryset
        )
        messages.success(request, _("%(count)d deliveries will be tried again.") % {"count": count})


class WebhookEndpointAdmin(admin.ModelAdmin[WebhookEndpoint]):
    """Where an organization's system receives its messages; the secret signs them."""

    list_display = ("organization", "url", "active", "created_at")
    list_filter = ("active",)
    search_fields = ("organization__name", "url")
    list_select_related = ("organization",)
    fields = ("organization", "url", "secret", "active")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        return {"secret": secrets.token_urlsafe(32), **super().get_changeform_initial_data(request)}


# The outbox owns these models; register them here unless it does so itself.
if not admin.site.is_registered(OutboxMessage):
    admin.site.register(OutboxMessage, OutboxMessageAdmin)
if not admin.site.is_registered(WebhookEndpoint):
    admin.site.register(WebhookEndpoint, WebhookEndpointAdmin)
