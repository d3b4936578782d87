"""The single-window application (guichet unique, 003) and its explained orientation triage.

An :class:`Application` is a draft until it is submitted; its answers are kept step by step, so
nothing typed is lost. A person resumes it with its secret link, with or without an account.
At submission the rules package recommends a path (:class:`Recommendation`); a caseworker then
accepts or overrides it (with a reason).
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def new_resume_key() -> str:
    """An unguessable key for the resume link (256 bits)."""
    return secrets.token_urlsafe(32)


class Channel(models.TextChoices):
    ONLINE = "online", _("Online, by the person")
    PHONE = "phone", _("By phone, entered by a caseworker")
    IN_PERSON = "in_person", _("In person, entered by a caseworker")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Application(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resume_key = models.CharField(max_length=64, unique=True, default=new_resume_key)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("applicant's account"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("started on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    # When the applicant was e-mailed the file number and the link (once; empty: no address).
    confirmation_emailed_at = models.DateTimeField(
        _("confirmation e-mailed on"), null=True, blank=True
    )
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("participant file"),
    )
    history = HistoricalRecords(excluded_fields=["answers"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.created_at:%Y-%m-%d} ({self.status})"


class Path(models.TextChoices):
    """Where the triage can orient a person (``sentier_rules.triage``)."""

    EMPLOYMENT_SERVICES = "employment_services", _("Employment services (fast track)")
    SUPPORT_PLAN = "support_plan", _("Personalized support plan")
    SERVICE_PLAN = "service_plan", _("Service plan")
    PAAS_ACTION = "paas_action", _("PAAS Action")
    NONE = "none", _("No support requested")
    # Ontario (004): there is no "no support" path there.
    COMMON_ASSESSMENT = (
        "common_assessment",
        _("Common assessment at the local Ontario Works office"),
    )
    FIRST_NATIONS_OFFICE = "first_nations_office", _("First Nations office or site, as before")
    ODSP_INTAKE = "odsp_intake", _("ODSP central intake unit")


#: The paths of each jurisdiction (``Jurisdiction`` code -> paths), in the order forms list them.
PATHS_OF_JURISDICTION: dict[str, tuple[Path, ...]] = {
    "QC": (
        Path.EMPLOYMENT_SERVICES,
        Path.SUPPORT_PLAN,
        Path.SERVICE_PLAN,
        Path.PAAS_ACTION,
        Path.NONE,
    ),
    "ON": (
        Path.EMPLOYMENT_SERVICES,
        Path.COMMON_ASSESSMENT,
        Path.FIRST_NATIONS_OFFICE,
        Path.ODSP_INTAKE,
    ),
}


def path_choices(jurisdiction: str) -> list[tuple[str, str]]:
    """The (value, label) choices of the paths offered in ``jurisdiction``."""
    return [(path.value, str(path.label)) for path in PATHS_OF_JURISDICTION[jurisdiction]]


#: The longest comment a person can give with a request for a review by a person (characters).
REVIEW_COMMENT_MAX_LENGTH = 1000


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("To review")
    ACCEPTED = "accepted", _("Accepted")
    OVERRIDDEN = "overridden", _("Changed by the caseworker")


class Recommendation(models.Model):
    """The automated recommendation for one submitted application, and its human review."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="recommendation"
    )
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="recommendations"
    )
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, null=True, related_name="+"
    )
    path = models.CharField(_("recommended path"), max_length=25, choices=Path.choices)
    factors = models.JSONField(_("factors"), default=list)
    scores = models.JSONField(_("scores"), default=dict)
    used_information = models.JSONField(_("information used"), default=list)
    employment_ready = models.BooleanField(_("assessed ready for employment services"))
    questionnaire_version = models.CharField(_("questionnaire version"), max_length=80)
    rules_version = models.CharField(_("rules version"), max_length=80)
    created_at = models.DateTimeField(_("produced on"), auto_now_add=True)
    status = models.CharField(
        _("review"), max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
    )
    final_path = models.CharField(
        _("path decided"), max_length=25, choices=Path.choices, blank=True
    )
    override_reason = models.TextField(_("reason for the change"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    review_requested_at = models.DateTimeField(
        _("review requested by the person on"), null=True, blank=True
    )
    # Why the person wants a person to look at it, in their own words (optional, as typed).
    review_comment = models.TextField(
        _("the person's comment"), max_length=REVIEW_COMMENT_MAX_LENGTH, blank=True, default=""
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["region", "status", "created_at"])]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.path} ({self.status})"
