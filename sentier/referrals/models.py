"""Closed-loop referrals (FHIR SDOH ``Task`` semantics): the referral, its moves and its notices.

A :class:`Referral` asks one organization to serve one participant for one need. Its status moves
only along :data:`sentier.referrals.states.TRANSITIONS`; each move is a :class:`ReferralTransition`
row (who, which side, when, why). What leaves Sentier about a referral (webhooks to partner
systems, the Employment Ontario exchange) goes through the outbox (:mod:`sentier.outbox`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sentier.core.models import AppendOnly, choice_label


class ReferralStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REQUESTED = "requested", _("Sent, awaiting answer")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Declined")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_HOLD = "on_hold", _("On hold")
    # French: a referral is « une orientation » (« Menée à terme », « Annulée »).
    COMPLETED = "completed", pgettext_lazy("referral", "Completed")
    CANCELLED = "cancelled", pgettext_lazy("referral", "Cancelled")
    FAILED = "failed", _("Did not work out")
    EXPIRED = "expired", _("Expired without an answer")


class Side(models.TextChoices):
    """Who may move a referral: the sender (Ministry), the receiving organization, the system."""

    SENDER = "sender", _("Sender")
    RECEIVER = "receiver", _("Receiving organization")
    SYSTEM = "system", _("Sentier")


class Referral(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="referrals"
    )
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("organization"),
    )
    service = models.ForeignKey(
        "network.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("service"),
    )
    location = models.ForeignKey(
        "network.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("point of service"),
    )
    purpose = models.CharField(_("purpose"), max_length=30)  # a consent.Purpose value
    # The kind of help asked (a network.ServiceKind value; "" when the sender did not say): with
    # the organization, what makes two open referrals of one person the same request.
    kind = models.CharField(_("kind of need"), max_length=30, blank=True, default="")
    need = models.TextField(_("reason for the referral"))
    consent = models.ForeignKey(
        "consent.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("consent"),
    )
    categories = models.JSONField(_("information shared"), default=list)
    payload = models.JSONField(_("data sent"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.DRAFT
    )
    status_reason = models.TextField(_("reason"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="referrals_sent",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("created on"))
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent on"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires on"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    # The one-time key of the sending form that created it: posting that form again (Back, a
    # second click, a retry) finds this referral instead of sending another.
    send_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [
            # The partner's inbox, newest first in two parts, the late answers and the others
            # (selectors.list_referrals_for_organization), and its counts by status.
            models.Index(fields=["organization", "status", "sent_at", "id"]),
            models.Index(fields=["organization", "sent_at", "id"]),
            models.Index(fields=["participant", "-created_at"]),
            models.Index(fields=["status", "expires_at"]),
            # The partner API's list, polled with ``updated_since`` (exchange.selectors).
            models.Index(fields=["organization", "updated_at", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.participant} → {self.organization} ({self.get_status_display()})"

    def get_status_display(self) -> str:  # type: ignore[no-redef]  # the stubs declare Django's
        """The status's label with one translation (``choice_label``), once a row on a list."""
        return choice_label(ReferralStatus, self.status)


class ReferralTransition(AppendOnly, models.Model):
    """One status change of a referral: the log of its life. Written once, never edited (a
    referral with a history of moves cannot be deleted)."""

    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="transitions")
    from_status = models.CharField(_("from"), max_length=12, choices=ReferralStatus.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=ReferralStatus.choices)
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Who acted when there is no user: "signed link", "API key: <name>", "scheduled task".
    actor_label = models.CharField(_("by (no account)"), max_length=120, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("when"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("referral status change")
        verbose_name_plural = _("referral status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Audience(models.TextChoices):
    """Who a notice is for: the receiving organization or the sender."""

    RECEIVER = "receiver", _("Receiving organization")
    SENDER = "sender", _("Sender")


class NoticeKind(models.TextChoices):
    NEW = "new", _("New referral")
    REMINDER = "reminder", _("Reminder: a referral awaits your answer")
    EXPIRED = "expired", _("A referral expired without an answer")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("The person withdrew their consent")
    # To the sender, when the organization answers or closes the referral.
    ACCEPTED = "accepted", _("The organization accepted the referral")
    DECLINED = "declined", _("The organization declined the referral")
    COMPLETED = "completed", _("The organization completed the referral")
    FAILED = "failed", _("The referral did not work out")


class ReferralNotice(models.Model):
    """Something a side must know about a referral: shown in its lists, and e-mailed.

    The text is not stored: it is written from ``kind`` in the reader's language, and carries no
    personal information (e-mails only say where to look).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="notices")
    audience = models.CharField(_("for"), max_length=10, choices=Audience.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=NoticeKind.choices)
    created_at = models.DateTimeField(_("when"))
    # For an organization without an account: the signed link the e-mail carries.
    link = models.ForeignKey(
        "ReferralLink", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    emailed_to = models.CharField(_("e-mailed to"), max_length=254, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral notice")
        verbose_name_plural = _("referral notices")
        indexes = [models.Index(fields=["audience", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} → {self.audience}"


class ReferralLink(models.Model):
    """A single-use, expiring link that lets an organization without an account answer one
    referral. The e-mailed address carries this row's ``uuid``, signed (``django.core.signing``);
    the row says whether it expired or was used."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="links")
    created_at = models.DateTimeField(_("created on"))
    expires_at = models.DateTimeField(_("expires on"))
    used_at = models.DateTimeField(_("used on"), null=True, blank=True)
    answer = models.CharField(
        _("answer"), max_length=12, choices=ReferralStatus.choices, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("signed referral link")
        verbose_name_plural = _("signed referral links")

    def __str__(self) -> str:
        return f"{self.referral_id} until {self.expires_at:%Y-%m-%d}"
