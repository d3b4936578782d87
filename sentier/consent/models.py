"""Consent to share personal information: manifest, free, informed, for specific purposes.

A :class:`Consent` records one "yes" for one purpose and one recipient (an organization, or a
category of recipient such as the health and social services network), the information categories
it covers, the exact text the person saw and its version, the channel, who recorded it, when it
expires and whether it was withdrawn. No exchange leaves Sentier without one that covers its
recipient, purpose and categories (see :func:`sentier.consent.selectors.find_consent`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Purpose(models.TextChoices):
    REFERRAL = "referral", _("Referral to a community organization")
    SERVICE_PLAN = "service_plan", _("Coordination of my service plan")
    SUPPORT_PLAN = "support_plan", _("Running of my support plan with an organization")
    EMPLOYMENT_ONTARIO = "employment_ontario", _("Referral to Employment Ontario")


class InformationCategory(models.TextChoices):
    """What may be shared, by category; sensitive categories are never implied by others."""

    IDENTITY = "identity", _("Name, language and contact details")
    PROGRAM = "program", _("Assistance program and file number")
    SITUATION = "situation", _("Household and living situation")
    EMPLOYMENT = "employment", _("Education, work experience and job readiness")
    HOUSING = "housing", _("Housing")
    HEALTH = "health", _("Physical or mental health")
    ADDICTION = "addiction", _("Addiction")
    JUSTICE = "justice", _("Involvement with the justice system")
    VIOLENCE = "violence", _("Violence, assault or exploitation")
    FINANCES = "finances", _("Debts and finances")
    PLAN = "plan", _("Objectives and progress of my plan")


SENSITIVE_CATEGORIES = frozenset(
    {
        InformationCategory.HEALTH,
        InformationCategory.ADDICTION,
        InformationCategory.JUSTICE,
        InformationCategory.VIOLENCE,
    }
)


class RecipientKind(models.TextChoices):
    """Who receives: one organization, or a category of recipients."""

    ORGANIZATION = "organization", _("A community organization")
    HEALTH = "health", _("Health and social services network")
    EDUCATION = "education", _("Education network")
    JUSTICE = "justice", _("Justice")
    HOUSING = "housing", _("Housing")
    EMPLOYMENT = "employment", _("Employment services")
    FAMILY = "family", _("Family or caregivers")
    OTHER_PUBLIC = "other_public", _("Another public body")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online, by the person")
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")
    PAPER = "paper", _("Signed paper form")


class Consent(models.Model):
    """One consent to share, for one purpose and one recipient. Never edited: withdrawn."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    recipient_kind = models.CharField(_("recipient"), max_length=20, choices=RecipientKind.choices)
    recipient_organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("recipient organization"),
    )
    categories = models.JSONField(_("information categories"), default=list)
    text_version = models.CharField(_("text version"), max_length=20)
    text_shown = models.TextField(_("text shown"))
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    given_at = models.DateTimeField(_("given on"))
    expires_on = models.DateField(_("expires on"))
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawal recorded by"),
    )
    withdrawal_channel = models.CharField(
        _("withdrawal channel"), max_length=12, choices=Channel.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["participant", "purpose", "recipient_kind"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(recipient_kind="organization")
                | models.Q(recipient_organization__isnull=False),
                name="consent_organization_named",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} – {self.recipient_label}"

    @property
    def recipient_label(self) -> str:
        if self.recipient_organization_id:
            return str(self.recipient_organization)
        return str(self.get_recipient_kind_display())

    def is_active(self, at: dt.datetime | None = None) -> bool:
        """Given, not withdrawn, not expired at ``at`` (now by default)."""
        at = at or timezone.now()
        if self.given_at > at:
            return False
        if self.withdrawn_at is not None and self.withdrawn_at <= at:
            return False
        return timezone.localdate(at) <= self.expires_on

    def covers(self, categories: Iterable[str]) -> bool:
        return set(categories) <= set(self.categories)

    def category_labels(self) -> list[str]:
        labels = dict(InformationCategory.choices)
        return [str(labels.get(code, code)) for code in self.categories]
