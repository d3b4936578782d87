"""PAAS Action (002): places granted to non-profit organizations, placements of participants,
weekly attendance, expense claims and monthly statements.

Money is integer cents everywhere. Corrections are new rows, never silent edits: attendance entries
and statement lines are append-only; an approved statement is never changed, later statements carry
adjustments.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class PlaceAllocation(models.Model):
    """Places the Ministry grants an organization in a region for a period, within a budget."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        related_name="paas_allocations",
        verbose_name=_("organization"),
    )
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        related_name="paas_allocations",
        verbose_name=_("region"),
    )
    period_start = models.DateField(_("first month"))
    period_end = models.DateField(_("last day"))
    places = models.PositiveIntegerField(_("places"))
    budget_cents = models.BigIntegerField(_("budget (cents)"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted on"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "organization__name"]
        verbose_name = _("place allocation")
        verbose_name_plural = _("place allocations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="paas_allocation_period_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(budget_cents__gte=0), name="paas_allocation_budget_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.region.code} {self.period_start:%Y-%m} ({self.places})"


class PlacementStatus(models.TextChoices):
    # French: a placement is « une participation » (« Terminée »), a plan « Terminé ».
    ACTIVE = "active", pgettext_lazy("PAAS placement", "Active")
    ENDED = "ended", pgettext_lazy("PAAS placement", "Ended")


class ExitOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    EMPLOYMENT_MEASURE = "employment_measure", _("Moved on to an employment measure")
    TRAINING = "training", _("Moved on to training")
    LEFT = "left", _("Left")
    OTHER = "other", _("Other")


class Placement(models.Model):
    """A participant welcomed by an organization on one of its places."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="paas_placements",
        verbose_name=_("participant"),
    )
    allocation = models.ForeignKey(
        PlaceAllocation,
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("place allocation"),
    )
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        related_name="paas_placements",
        verbose_name=_("organization"),
    )
    service_name = models.CharField(_("service"), max_length=200, default="PAAS Action")
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eligibility decision"),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PlacementStatus.choices, default=PlacementStatus.ACTIVE
    )
    exit_outcome = models.CharField(
        _("outcome"), max_length=30, choices=ExitOutcome.choices, blank=True
    )
    exit_note = models.TextField(_("note on the exit"), blank=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("placed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return f"{self.participant} @ {self.organization}"


class HoursStep(models.Model):
    """One step of the progressive weekly-hours plan (e.g. 6 → 12 → 20 hours)."""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="hours_plan")
    from_date = models.DateField(_("from"))
    weekly_hours = models.PositiveSmallIntegerField(_("hours a week"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["from_date"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "from_date"], name="paas_one_step_a_day"),
            # No upper bound here: the weekly maximum is the dated rules parameter
            # paas_action.max_weekly_hours (002: "jusqu'à 20 heures par semaine"), checked by
            # actions.check_hours_plan. Rollout and limits are data, never code (issue 16).
        ]

    def __str__(self) -> str:
        return f"{self.from_date}: {self.weekly_hours} h"


class ObjectiveStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ATTAINED = "attained", _("Attained")
    NOT_ATTAINED = "not_attained", _("Not attained")


class PlacementObjective(models.Model):
    """A personalized objective the organization sets, follows up and evaluates (002)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=ObjectiveStatus.choices,
        default=ObjectiveStatus.PLANNED,
    )
    follow_up = models.TextField(_("follow-up"), blank=True)
    evaluation = models.TextField(_("evaluation"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text


class ActivityCategory(models.TextChoices):
    """The activity catalog of 002."""

    FORMATIVE = "formative", _("Formative activities")
    BASIC_SKILLS = "basic_skills", _("Basic skills (literacy, French, mathematics, computers)")
    LEARNING_TASKS = "learning_tasks", _("Tasks in a learning context, no obligation of result")
    SOCIAL_RECREATIONAL = "social_recreational", _("Social and recreational activities")


class PlacementActivity(models.Model):
    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="activities")
    category = models.CharField(_("category"), max_length=30, choices=ActivityCategory.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["category", "id"]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.description}"


class AttendanceEntry(models.Model):
    """Hours attended in one week (weeks start on Monday). Append-only: a correction is a new
    entry that points to the one it corrects; the week's hours are those of the latest entry."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="attendance")
    week_start = models.DateField(_("week of"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded on"), auto_now_add=True)

    class Meta:
        ordering = ["week_start", "recorded_at", "id"]
        indexes = [models.Index(fields=["placement", "week_start"])]
        constraints = [
            # Hours are never negative; the weekly maximum is the dated rules parameter
            # paas_action.max_weekly_hours (002), checked by actions.check_attendance.
            models.CheckConstraint(
                condition=models.Q(hours__gte=0), name="paas_attendance_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.placement_id} {self.week_start}: {self.hours} h"


class ExpenseKind(models.TextChoices):
    TRANSPORT = "transport", _("Transport")
    CHILDCARE = "childcare", _("Childcare")


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ExpenseClaim(models.Model):
    """A transport or childcare cost to reimburse, with its receipt, approved by a caseworker."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="claims")
    month = models.DateField(_("month"), help_text=_("First day of the month the cost is for."))
    kind = models.CharField(_("kind"), max_length=12, choices=ExpenseKind.choices)
    amount_cents = models.PositiveIntegerField(_("amount (cents)"))
    receipt = models.FileField(_("receipt"), upload_to="paas/receipts/%Y/%m/")
    status = models.CharField(
        _("status"), max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "-submitted_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.month:%Y-%m} {self.amount_cents}"


class StatementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    # « Approuvé » (relevé) where a claim or request is « Approuvée »: French needs the context.
    APPROVED = "approved", pgettext_lazy("monthly statement", "Approved")
    EXPORTED = "exported", _("Exported")


class Statement(models.Model):
    """The monthly statement of one organization: allowances, reimbursements, its payment."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "network.Organization", on_delete=models.PROTECT, related_name="paas_statements"
    )
    month = models.DateField(_("month"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatementStatus.choices,
        default=StatementStatus.DRAFT,
    )
    rules_version = models.CharField(_("rules version"), max_length=80, blank=True)
    generated_at = models.DateTimeField(_("generated on"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    exported_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-month", "organization__name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "month"], name="paas_one_statement")
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.month:%Y-%m} ({self.status})"


class LineKind(models.TextChoices):
    ALLOWANCE = "allowance", _("Support allowance")
    TRANSPORT = "transport", _("Transport reimbursement")
    CHILDCARE = "childcare", _("Childcare reimbursement")
    ORGANIZATION_PAYMENT = "organization_payment", _("Payment to the organization")
    ADJUSTMENT = "adjustment", _("Adjustment")


class StatementLine(models.Model):
    """One amount on a statement. An adjustment line points to the line of an earlier,
    approved statement that it corrects."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(_("kind"), max_length=25, choices=LineKind.choices)
    placement = models.ForeignKey(
        Placement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    claim = models.ForeignKey(
        ExpenseClaim, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    amount_cents = models.BigIntegerField(_("amount (cents)"))
    # The month the amount is for: the statement's month, or for an adjustment the earlier month
    # it corrects (also when there is no line to point to, e.g. a claim approved late).
    for_month = models.DateField(_("for the month of"), null=True, blank=True)
    adjusts = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="adjustments"
    )

    class Meta:
        ordering = ["kind", "id"]
        indexes = [models.Index(fields=["statement", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount_cents}"


class WaitingEntry(models.Model):
    """A participant waiting for a PAAS Action place with an organization (local waiting list,
    until the partner-network capability offers a shared one). Ordered by ``requested_at``."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="paas_waiting"
    )
    organization = models.ForeignKey(
        "network.Organization", on_delete=models.PROTECT, related_name="paas_waiting"
    )
    region = models.ForeignKey("reference.Region", on_delete=models.PROTECT, related_name="+")
    decision = models.ForeignKey(
        "decisions.Decision", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    requested_at = models.DateTimeField(_("on the list since"), auto_now_add=True)
    placed_at = models.DateTimeField(_("placed on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_at", "id"]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting-list entries")

    def __str__(self) -> str:
        return f"{self.participant} waiting for {self.organization}"
