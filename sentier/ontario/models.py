"""The Ontario configuration (seed 004): Ontario Works applications and their Employment Ontario
fast track at grant time, the local office's common assessment (deferral reasons, personalized
action plans and their reviews), and ODSP centralized intake with the Disability Determination
Package mailing queue.

Only used when ``SENTIER_JURISDICTION=on``. Units (an Ontario Works local office, the ODSP
centralized intake unit) are memberships here until the shared accounts app has a unit field.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Unit(models.TextChoices):
    """OW and ODSP intake are separate units in the same organizational sector (004 Q15)."""

    OW_OFFICE = "ow_office", _("Ontario Works local office")
    ODSP_INTAKE = "odsp_intake", _("ODSP centralized intake unit")


class UnitMembership(models.Model):
    """Which Ontario unit a staff member works in. A caseworker with none works in the OW
    local office of their service area (their ``region``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ontario_unit"
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_unit_display()}"


class OWStatus(models.TextChoices):
    PENDING = "pending", _("Financial eligibility to decide")
    GRANTED = "granted", _("Financial assistance granted")


class Route(models.TextChoices):
    """Where an Ontario Works client goes at grant time (004 Q3)."""

    EMPLOYMENT_ONTARIO = "employment_ontario", _("Referred to Employment Ontario (fast track)")
    COMMON_ASSESSMENT = "common_assessment", _("Common assessment at the local office")


class EOConsent(models.TextChoices):
    GIVEN = "given", _("Agreed to share")
    NOT_GIVEN = "not_given", _("Did not agree to share")
    NOT_ASKED = "not_asked", _("Not asked")


def assignee() -> models.ForeignKey[Any, Any]:
    """Who a worklist row is assigned to (anyone of the unit may take it; nobody at first)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )


class OWApplication(models.Model):
    """An Ontario Works application, from its sending to the grant of financial assistance."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.PROTECT, related_name="ow_application"
    )
    application = models.OneToOneField(
        "intake.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ow_application",
    )
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    channel = models.CharField(_("channel"), max_length=10)
    employment_ready = models.BooleanField(_("assessed ready for employment services"))
    eo_consent = models.CharField(
        _("consent to share with Employment Ontario"),
        max_length=10,
        choices=EOConsent.choices,
        default=EOConsent.NOT_ASKED,
    )
    consent = models.ForeignKey(
        "consent.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent record"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=OWStatus.choices, default=OWStatus.PENDING
    )
    received_at = models.DateTimeField(_("received on"))
    granted_at = models.DateTimeField(_("granted on"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    assigned_to = assignee()
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, blank=True)
    route_reason = models.CharField(_("why this route"), max_length=60, blank=True)
    route_explanation = models.JSONField(_("explanation"), default=dict, blank=True)
    referral = models.ForeignKey(
        "referrals.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Employment Ontario referral"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["received_at", "id"]
        indexes = [models.Index(fields=["region", "status", "received_at"])]
        verbose_name = _("Ontario Works application")
        verbose_name_plural = _("Ontario Works applications")

    def __str__(self) -> str:
        return f"OW {self.participant} ({self.status})"


class AssessmentStatus(models.TextChoices):
    TO_DO = "to_do", _("To do")
    DONE = "done", _("Done")


class CommonAssessment(models.Model):
    """The local office's common assessment of a client not fast-tracked (004 Q3)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.PROTECT, related_name="common_assessment"
    )
    ow_application = models.OneToOneField(
        OWApplication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessment",
    )
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.TO_DO
    )
    why = models.CharField(_("why not fast-tracked"), max_length=60, blank=True)
    assigned_to = assignee()
    created_at = models.DateTimeField(_("queued on"))
    summary = models.TextField(_("assessment"), blank=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("completed by"),
    )
    referral = models.ForeignKey(
        "referrals.Referral",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Employment Ontario referral"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["region", "status", "created_at"])]
        verbose_name = _("common assessment")
        verbose_name_plural = _("common assessments")

    def __str__(self) -> str:
        return f"{self.participant} ({self.status})"


class Deferral(models.Model):
    """A temporary deferral of participation, for a reason of the configured list."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assessment = models.ForeignKey(
        CommonAssessment, on_delete=models.CASCADE, related_name="deferrals"
    )
    reason = models.ForeignKey(
        "reference.DeferralReason",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reason"),
    )
    note = models.TextField(_("note"), blank=True)
    review_on = models.DateField(_("review on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded on"))
    reviewed_at = models.DateTimeField(_("last reviewed on"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_at", "id"]
        verbose_name = _("deferral")
        verbose_name_plural = _("deferrals")

    def __str__(self) -> str:
        return str(self.reason)


class ActionPlan(models.Model):
    """The personalized action plan every client must have (004 Q3), reviewed on a schedule."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.PROTECT, related_name="action_plan"
    )
    assessment = models.OneToOneField(
        CommonAssessment, on_delete=models.PROTECT, related_name="action_plan"
    )
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    goal = models.TextField(_("goal"))
    activities = models.TextField(_("activities and supports"))
    put_in_place_on = models.DateField(_("put in place on"))
    next_review_on = models.DateField(_("next review on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["next_review_on", "id"]
        indexes = [models.Index(fields=["region", "next_review_on"])]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self) -> str:
        return f"{self.participant} – {self.next_review_on}"


class ActionPlanReview(models.Model):
    """One review of an action plan; sets the next review date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("reviewed on"))
    was_due_on = models.DateField(_("was due on"))
    notes = models.TextField(_("notes"))
    next_review_on = models.DateField(_("next review on"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    recorded_at = models.DateTimeField(_("recorded on"))

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        verbose_name = _("action plan review")
        verbose_name_plural = _("action plan reviews")

    def __str__(self) -> str:
        return f"{self.plan} – {self.reviewed_on}"


class ODSPStatus(models.TextChoices):
    RECEIVED = "received", _("Financial eligibility to confirm")
    CONFIRMED = "confirmed", _("Financial eligibility confirmed")


class ODSPApplication(models.Model):
    """An ODSP application in the centralized intake unit's queue (004, centralized intake)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.PROTECT, related_name="odsp_application"
    )
    application = models.OneToOneField(
        "intake.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="odsp_application",
    )
    channel = models.CharField(_("channel"), max_length=10)
    status = models.CharField(
        _("status"), max_length=10, choices=ODSPStatus.choices, default=ODSPStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("received on"))
    assigned_to = assignee()
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    prescribed_class = models.ForeignKey(
        "reference.PrescribedClass",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prescribed class"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["received_at", "id"]
        indexes = [models.Index(fields=["status", "received_at"])]
        verbose_name = _("ODSP application")
        verbose_name_plural = _("ODSP applications")

    def __str__(self) -> str:
        return f"ODSP {self.participant} ({self.status})"


class MailingStatus(models.TextChoices):
    QUEUED = "queued", _("Queued for mailing")
    MAILED = "mailed", _("Mailed")


class DeterminationPackage(models.Model):
    """The Disability Determination Package generated for one applicant, and its mailing."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    odsp_application = models.OneToOneField(
        ODSPApplication, on_delete=models.PROTECT, related_name="package"
    )
    language = models.CharField(_("language"), max_length=8)
    pdf = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    generated_at = models.DateTimeField(_("generated on"))
    status = models.CharField(
        _("mailing"), max_length=10, choices=MailingStatus.choices, default=MailingStatus.QUEUED
    )
    mailed_at = models.DateTimeField(_("mailed on"), null=True, blank=True)
    mailed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mailed by"),
    )

    class Meta:
        ordering = ["generated_at", "id"]
        indexes = [models.Index(fields=["status", "generated_at"])]
        verbose_name = _("Disability Determination Package")
        verbose_name_plural = _("Disability Determination Packages")

    def __str__(self) -> str:
        return f"DDP {self.odsp_application.participant} ({self.status})"
