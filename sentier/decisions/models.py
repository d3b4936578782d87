"""Eligibility decisions as records, and the outcomes of caseload re-evaluations.

A :class:`Decision` keeps everything needed to explain and replay it: the inputs given to the
rules, the outcome, the reasons in both languages, the amounts (decimal strings), the rules
version and the OpenFisca trace.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Measure(models.TextChoices):
    SUPPORT_PLAN = "support_plan", _("Personalized support plan")
    SERVICE_PLAN = "service_plan", _("Service plan")
    PAAS_ACTION = "paas_action", _("PAAS Action")
    EMPLOYMENT_FAST_TRACK = "employment_fast_track", _("Employment fast track (Ontario)")


class Decision(models.Model):
    """One answer of the rules for one participant, one measure, one date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="decisions"
    )
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    effective_date = models.DateField(_("date the rules were applied for"))
    inputs = models.JSONField(_("inputs"))
    eligible = models.BooleanField(_("eligible"))
    reasons = models.JSONField(_("reasons"), default=list)
    amounts = models.JSONField(_("amounts"), default=dict)
    rules_version = models.CharField(_("rules version"), max_length=80)
    trace = models.JSONField(_("trace"), default=list, blank=True)
    decided_at = models.DateTimeField(_("decided on"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_at", "-id"]
        indexes = [models.Index(fields=["participant", "measure", "-decided_at"])]
        verbose_name = _("eligibility decision")
        verbose_name_plural = _("eligibility decisions")

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.effective_date}: {self.eligible}"

    def as_answer(self) -> dict[str, object]:
        """The decision in the rules' answer shape (for replay comparisons and the API)."""
        return {
            "measure": self.measure,
            "date": self.effective_date.isoformat(),
            "eligible": self.eligible,
            "reasons": self.reasons,
            "amounts": self.amounts,
            "rules_version": self.rules_version,
        }


class ReevaluationRun(models.Model):
    """One batch evaluation of the whole caseload for a measure and a date."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    effective_date = models.DateField(_("date"))
    rules_version = models.CharField(_("rules version"), max_length=80)
    evaluated = models.PositiveIntegerField(_("participants evaluated"), default=0)
    changed = models.PositiveIntegerField(_("outcomes changed"), default=0)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    seconds = models.FloatField(_("duration (s)"), default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("re-evaluation")
        verbose_name_plural = _("re-evaluations")

    def __str__(self) -> str:
        return f"{self.measure} {self.effective_date}"


class MeasureStatus(models.Model):
    """The latest batch outcome of a measure for a participant (what changes compare to).

    ``run`` is the re-evaluation that last set or changed this outcome: a run that finds the
    same outcome and reason leaves the row as it was."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="measure_statuses"
    )
    measure = models.CharField(max_length=30, choices=Measure.choices)
    eligible = models.BooleanField()
    reason_code = models.CharField(max_length=80, blank=True)
    run = models.ForeignKey(ReevaluationRun, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "measure"], name="one_status_per_measure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.measure} {self.eligible}"


class OutcomeChange(models.Model):
    """A participant whose outcome changed in a re-evaluation: a caseworker worklist item."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(ReevaluationRun, on_delete=models.CASCADE, related_name="changes")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="outcome_changes"
    )
    measure = models.CharField(_("measure"), max_length=30, choices=Measure.choices)
    was_eligible = models.BooleanField(_("was eligible"), null=True)
    now_eligible = models.BooleanField(_("now eligible"))
    reason_code = models.CharField(_("reason"), max_length=80, blank=True)
    handled_at = models.DateTimeField(_("handled on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A later run changed the same measure of the same file again: that newer change is the one
    # to act on, and this one leaves the worklist (without it, open changes only ever piled up).
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("superseded by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-run__started_at", "participant__last_name"]
        indexes = [
            # The worklists: the open changes of a caseworker's files.
            models.Index(
                fields=["participant"],
                condition=models.Q(handled_at__isnull=True, superseded_by__isnull=True),
                name="outcomechange_open_idx",
            )
        ]
        verbose_name = _("outcome change")
        verbose_name_plural = _("outcome changes")

    def __str__(self) -> str:
        return f"{self.participant_id} {self.measure}: {self.was_eligible} → {self.now_eligible}"
