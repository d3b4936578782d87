"""Personalized support plans (plans d'accompagnement personnalisés, 001).

A :class:`SupportPlan` is chosen freely by the person and written with them: the difficulties it
works on (a configurable :class:`Difficulty` taxonomy seeded from 001's examples, plus free text),
:class:`Objective` rows, :class:`PlanAction` rows (who does what by when), scheduled
:class:`FollowUp` contacts and :class:`Extension` requests. Its status moves only through
:mod:`sentier.plans.states`; every move is a :class:`PlanTransition` row.

``version`` columns give optimistic concurrency: an edit says which version it started from and
is refused (a conflict screen, nothing lost) when someone saved in between.

For other apps (service plans): read ``SupportPlan``, ``plan.objectives`` (``Objective.text``,
``status``, ``position``) and ``plan.actions``; :func:`sentier.plans.selectors.objectives_to_carry`
gives the objectives a service plan carries over; end the plan with
``sentier.plans.actions.end_plan(actor=…, plan=…, reason=EndReason.EVOLVED_TO_SERVICE_PLAN)``.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sentier.consent.models import InformationCategory
from sentier.core.models import AppendOnly
from sentier.core.reference_names import reference_name


class Difficulty(models.Model):
    """A kind of social or economic difficulty a plan can work on (001: "no formal list")."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("offered"), default=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("difficulty")
        verbose_name_plural = _("difficulties")

    def __str__(self) -> str:
        return self.name_en

    def name_in(self, language: str | None) -> str:
        """The name in ``language``: its column in French and English, the catalog's
        translation of the English name in Spanish, Arabic or Haitian Creole (French while the
        catalog has none: ``sentier.core.reference_names``)."""
        shown = self.name_en if (language or "").startswith("en") else self.name_fr
        return reference_name(shown, self.name_en, language)


class PlanStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    INELIGIBLE = "ineligible", _("Not eligible")
    PROPOSED = "proposed", _("Proposed")
    DECLINED = "declined", _("Declined by the person")
    ACTIVE = "active", _("In progress")
    EXTENSION_REQUESTED = "extension_requested", _("Extension requested")
    ENDED = "ended", _("Ended")
    # French: « Mené à terme » (a plan), where a referral is « Menée à terme ».
    COMPLETED = "completed", pgettext_lazy("support plan", "Completed")


class Origin(models.TextChoices):
    REQUESTED = "requested", _("Requested by the person")
    PROPOSED = "proposed", _("Proposed by the caseworker")


class Channel(models.TextChoices):
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online, by the person")


class EndReason(models.TextChoices):
    PARTICIPANT_CHOICE = "participant_choice", _("The person chose to end it")
    OBJECTIVES_ATTAINED = "objectives_attained", _("Objectives attained")
    OBJECTIVES_NOT_ATTAINED = "objectives_not_attained", _("Objectives not attained")
    CASEWORKER = "caseworker", _("Ended by the caseworker")
    EVOLVED_TO_SERVICE_PLAN = "evolved_to_service_plan", _("Evolved into a service plan")


class SupportPlan(models.Model):
    """One personalized support plan of one participant."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="support_plans",
        verbose_name=_("participant"),
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="support_plans",
        verbose_name=_("caseworker"),
    )
    status = models.CharField(
        _("status"), max_length=24, choices=PlanStatus.choices, default=PlanStatus.REQUESTED
    )
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    request_channel = models.CharField(
        _("channel of the request"), max_length=12, choices=Channel.choices, blank=True
    )
    request_note = models.TextField(_("what the person said"), blank=True)
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eligibility decision"),
    )
    difficulties = models.ManyToManyField(
        Difficulty, blank=True, related_name="plans", verbose_name=_("difficulties")
    )
    other_difficulty = models.CharField(_("other difficulty"), max_length=300, blank=True)
    purpose = models.TextField(_("what the plan is for, in the person's words"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    planned_end_on = models.DateField(_("planned end"), null=True, blank=True)
    # The agreement record: what the person agreed to, when, how, and who wrote it down.
    agreement_summary = models.TextField(_("plain-language summary agreed to"), blank=True)
    agreement_version = models.CharField(_("summary version"), max_length=20, blank=True)
    agreement_language = models.CharField(_("summary language"), max_length=8, blank=True)
    agreed_at = models.DateTimeField(_("agreed on"), null=True, blank=True)
    agreement_channel = models.CharField(
        _("agreement channel"), max_length=12, choices=Channel.choices, blank=True
    )
    agreement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreement recorded by"),
    )
    ended_at = models.DateTimeField(_("ended on"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    end_reason = models.CharField(
        _("end reason"), max_length=30, choices=EndReason.choices, blank=True
    )
    end_note = models.TextField(_("end note"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("personalized support plan")
        verbose_name_plural = _("personalized support plans")
        indexes = [
            models.Index(fields=["participant", "status"]),
            models.Index(fields=["caseworker", "status", "planned_end_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.get_status_display()}"


class PlanTransition(AppendOnly, models.Model):
    """One move of a plan's status: the transition log (append-only; a plan with a history of
    moves cannot be deleted)."""

    plan = models.ForeignKey(SupportPlan, on_delete=models.PROTECT, related_name="transitions")
    from_status = models.CharField(max_length=24, choices=PlanStatus.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=PlanStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField()
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '∅'} → {self.to_status}"


class ObjectiveStatus(models.TextChoices):
    OPEN = "open", _("Working on it")
    ATTAINED = "attained", _("Attained")
    NOT_ATTAINED = "not_attained", _("Not attained")
    DROPPED = "dropped", _("Set aside")


class Authored(models.Model):
    """Who wrote a row and who changed it last (the caseworker, or the staff of an organization
    the plan is shared with), and the kind of information it holds: an organization the plan is
    shared with sees and writes only the kinds the person consented to share with it."""

    category = models.CharField(
        _("kind of information"),
        max_length=20,
        choices=InformationCategory.choices,
        default=InformationCategory.PLAN,
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    class Meta:
        abstract = True


class Objective(Authored):
    """Something the person wants to reach, in their words."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)
    status = models.CharField(
        _("status"), max_length=15, choices=ObjectiveStatus.choices, default=ObjectiveStatus.OPEN
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.text


class ActionStatus(models.TextChoices):
    # French: an action is feminine (« Prévue », « Réalisée »), a follow-up masculine (« Prévu »).
    PLANNED = "planned", pgettext_lazy("plan action", "Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", pgettext_lazy("plan action", "Done")
    ON_HOLD = "on_hold", _("On hold")
    ABANDONED = "abandoned", pgettext_lazy("plan action", "Abandoned")
    CANCELLED = "cancelled", pgettext_lazy("plan action", "Cancelled")


class Who(models.TextChoices):
    PARTICIPANT = "participant", _("The person")
    CASEWORKER = "caseworker", _("The caseworker")
    TOGETHER = "together", _("Together")
    ORGANIZATION = "organization", _("An organization")
    OTHER = "other", _("Someone else")


class ActionKind(models.TextChoices):
    """Social participation, volunteering included, is a recognised step toward social
    integration (003, Bill 71's social-participation component): such actions are counted apart."""

    STEP = "step", _("A step of the plan")
    VOLUNTEERING = "volunteering", _("Volunteering")
    SOCIAL_PARTICIPATION = "social_participation", _("Another social-participation activity")

    @classmethod
    def social(cls) -> frozenset[str]:
        return frozenset({cls.VOLUNTEERING.value, cls.SOCIAL_PARTICIPATION.value})


class PlanAction(Authored):
    """Who does what, by when, toward an objective (or the plan as a whole)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="actions")
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("objective"),
    )
    who = models.CharField(_("who"), max_length=15, choices=Who.choices, default=Who.TOGETHER)
    who_detail = models.CharField(_("name (organization, person)"), max_length=200, blank=True)
    what = models.CharField(_("what"), max_length=300)
    kind = models.CharField(
        _("kind of action"), max_length=24, choices=ActionKind.choices, default=ActionKind.STEP
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.what


class FollowUpMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video")
    HOME_VISIT = "home_visit", _("Home visit")
    # A point of service's mobile agent travels to the person (issue 19, remote regions).
    MOBILE_AGENT = "mobile_agent", _("Visit by a mobile agent")


class FollowUpStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    DONE = "done", _("Held")
    MISSED = "missed", _("Missed")
    CANCELLED = "cancelled", _("Cancelled")


class FollowUp(Authored):
    """A scheduled contact with the person; notes and outcome written when it is held."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="follow_ups")
    scheduled_for = models.DateTimeField(_("date and time"))
    mode = models.CharField(_("how"), max_length=12, choices=FollowUpMode.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.SCHEDULED,
    )
    notes = models.TextField(_("notes"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheduled_for", "id"]
        indexes = [models.Index(fields=["status", "scheduled_for"])]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.scheduled_for:%Y-%m-%d %H:%M} {self.mode}"


class PlanShare(models.Model):
    """The running of a support plan shared with an organization of the directory, with the
    person's consent (001: before 2026-04-01 sustained support came "par un organisme
    spécialisé en employabilité"; 003: "le recours aux organismes en employabilité pour
    l'élaboration et la mise en place des plans d'accompagnement"). Its staff add and update
    objectives, actions and follow-ups in the kinds of information the person consented to
    share with it (purpose "support plan"); the caseworker stays responsible and takes the plan
    back by dating ``taken_back_at`` (rows are never deleted)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="shares")
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        related_name="shared_support_plans",
        verbose_name=_("organization"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(_("shared on"))
    taken_back_at = models.DateTimeField(_("taken back on"), null=True, blank=True)
    taken_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["shared_at", "id"]
        verbose_name = _("plan shared with an organization")
        verbose_name_plural = _("plans shared with organizations")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "organization"],
                condition=models.Q(taken_back_at__isnull=True),
                name="one_running_share_per_organization",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} → {self.organization_id}"


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class Extension(models.Model):
    """A request to make the plan longer (001: at the person's request, when objectives are not
    attained or new needs arise), and the caseworker's decision with its reason."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="extensions")
    requested_at = models.DateTimeField(_("requested on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    why = models.TextField(_("why"), blank=True)
    wished_end_on = models.DateField(_("until when"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExtensionStatus.choices,
        default=ExtensionStatus.PENDING,
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    previous_end_on = models.DateField(_("previous end"), null=True, blank=True)
    new_end_on = models.DateField(_("new end"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")

    def __str__(self) -> str:
        return f"{self.plan_id} {self.status}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A caseworker's secret calendar address (calendar apps cannot sign in). Revoking deletes
    the row; a new one gives a new address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="plan_calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"feed of {self.user_id}"
