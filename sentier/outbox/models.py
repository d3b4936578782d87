"""The outbox's rows: where partner systems want messages, and the messages waiting to leave.

These models were born in the referrals capability; they keep its table names (``referrals_*``)
so that moving them here moved no data.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class WebhookEndpoint(models.Model):
    """Where an organization's system wants referral events delivered (signed with ``secret``)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "network.Organization", on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(_("address"))
    secret = models.CharField(_("signing secret"), max_length=128)
    active = models.BooleanField(pgettext_lazy("webhook endpoint", "active"), default=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    history = HistoricalRecords(table_name="referrals_historicalwebhookendpoint")

    class Meta:
        db_table = "referrals_webhookendpoint"
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")

    def __str__(self) -> str:
        return f"{self.organization}: {self.url}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be delivered")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")
    FAILED = "failed", _("Gave up after retries")


class OutboxMessage(models.Model):
    """One message to deliver outside Sentier, written in the same transaction as its cause."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # idempotency key
    topic = models.CharField(_("topic"), max_length=60)  # e.g. "referral.requested"
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
    )
    # For exchanges that are not webhooks (e.g. "employment_ontario"): which channel delivers it.
    channel = models.CharField(_("channel"), max_length=40, default="webhook")
    referral = models.ForeignKey(
        "referrals.Referral",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
    )
    consent = models.ForeignKey(
        "consent.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="messages",
    )
    payload = models.JSONField(default=dict)
    status = models.CharField(
        max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    delivered_at = models.DateTimeField(null=True, blank=True)
    cancelled_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        db_table = "referrals_outboxmessage"
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")

    def __str__(self) -> str:
        return f"{self.topic} ({self.status})"
