"""Exchange with partner systems: API keys of organizations and the log of delivery attempts.

An :class:`ApiKey` lets one organization's system call the REST API for that organization only.
Only a hash of the secret is stored; the key is shown once, when it is created. Each try to
deliver an outbox message (``sentier.outbox.models.OutboxMessage``) leaves one
:class:`DeliveryAttempt` row, so staff see why a delivery failed and when it will be tried again.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """A secret that lets one organization's system use the API. Revoked, never deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.CASCADE,
        related_name="api_keys",
        verbose_name=_("organization"),
    )
    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_("What the key is for, e.g. the name of the system that uses it."),
    )
    # The public part of the key, to find it without scanning: "snt_<prefix>_<secret>".
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)  # SHA-256 hex of the whole key
    # The person accountable for what the key does; API access-log rows name them.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created on"))
    last_used_at = models.DateTimeField(_("last used on"), null=True, blank=True)
    # Keys stop working on their own: a forgotten key is not a door left open for ever.
    expires_at = models.DateTimeField(_("expires on"), null=True, blank=True)
    expiry_notice_at = models.DateTimeField(_("expiry notice sent on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired()

    def is_expired(self, at: dt.datetime | None = None) -> bool:
        return self.expires_at is not None and self.expires_at <= (at or timezone.now())

    def expires_soon(self, at: dt.datetime | None = None) -> bool:
        """Within the notice period (``SENTIER_API_KEY_NOTICE_DAYS``) of its end."""
        if self.expires_at is None or self.revoked_at is not None:
            return False
        at = at or timezone.now()
        return at < self.expires_at <= at + dt.timedelta(days=settings.SENTIER_API_KEY_NOTICE_DAYS)

    @property
    def actor_label(self) -> str:
        """How transitions made with this key name their actor."""
        return f"API key: {self.name}"[:120]


class DeliveryAttempt(models.Model):
    """One try to deliver one outbox message: the answer or the error. Written once."""

    message = models.ForeignKey(
        "outbox.OutboxMessage",
        on_delete=models.CASCADE,
        related_name="delivery_attempts",
        verbose_name=_("message"),
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    at = models.DateTimeField(_("when"))
    ok = models.BooleanField(_("delivered"))
    status_code = models.PositiveSmallIntegerField(_("answer code"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        ordering = ["message_id", "number", "id"]
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")

    def __str__(self) -> str:
        return f"{self.message_id} #{self.number} ({'ok' if self.ok else 'error'})"
