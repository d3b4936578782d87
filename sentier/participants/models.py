"""The participant file: who the person is, their program, and the timeline of their journey.

Later capabilities (applications, plans, referrals, placements) add :class:`TimelineEvent` rows.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sentier.core.languages import CORRESPONDENCE_CHOICES
from sentier.core.models import choice_label
from sentier.core.text import FrenchOrder
from sentier.participants import events


class ClaimBooklet(models.TextChoices):
    """Claim booklet (carnet de réclamation) types that the rules care about."""

    NONE = "", _("None")
    ASM_1 = "ASM-1", _("ASM-1")
    ASM_2 = "ASM-2", _("ASM-2")
    ASM_5 = "ASM-5", _("ASM-5")


class FileStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    PENDING = "pending", _("Application pending")
    INACTIVE = "inactive", _("Inactive")
    CLOSED = "closed", _("Closed")


class HouseholdType(models.TextChoices):
    SINGLE = "single", _("Single person")
    SINGLE_PARENT = "single_parent", _("Single parent")
    COUPLE = "couple", _("Couple without children")
    COUPLE_CHILDREN = "couple_children", _("Couple with children")
    OTHER = "other", _("Other")


class Participant(models.Model):
    """A person receiving assistance (prestataire, personne participante)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file_number = models.CharField(_("file number"), max_length=20, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participant",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("first name"), max_length=120)
    last_name = models.CharField(_("last name"), max_length=120)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    # The language of correspondence (letters, e-mails, calls, the plan's PDF), the languages the
    # person speaks, and the language of the interpreter they need, if any (issue 19).
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=CORRESPONDENCE_CHOICES,
        default="fr-ca",
    )
    languages_spoken = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("Language codes, e.g. fr, es, fcs (Quebec Sign Language)."),
    )
    interpreter_language = models.CharField(
        _("interpreter needed"),
        max_length=8,
        blank=True,
        default="",
        help_text=_("The language of the interpreter the person needs; empty: none."),
    )
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        related_name="participants",
        verbose_name=_("region"),
    )
    program = models.ForeignKey(
        "reference.Program",
        on_delete=models.PROTECT,
        related_name="participants",
        verbose_name=_("program"),
    )
    claim_booklet = models.CharField(
        _("claim booklet"), max_length=8, choices=ClaimBooklet.choices, blank=True, default=""
    )
    household_type = models.CharField(
        _("household"), max_length=20, choices=HouseholdType.choices, default=HouseholdType.SINGLE
    )
    adults = models.PositiveSmallIntegerField(_("adults in household"), default=1)
    children = models.PositiveSmallIntegerField(_("children in household"), default=0)
    asylum_seeker = models.BooleanField(_("asylum seeker"), default=False)
    first_nations_site = models.BooleanField(
        _("served at a First Nations delivery site (Ontario)"), default=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=FileStatus.choices, default=FileStatus.ACTIVE
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
        verbose_name=_("caseworker"),
    )
    assigned_at = models.DateTimeField(_("assigned on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        # The id breaks ties between namesakes, so that pages of a long list never repeat or
        # skip a file; the index below serves the region caseload in this order.
        ordering = [FrenchOrder("last_name").asc(), FrenchOrder("first_name").asc(), "id"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        indexes = [
            models.Index(
                "region",
                FrenchOrder("last_name"),
                FrenchOrder("first_name"),
                "id",
                name="participant_region_name_idx",
            ),
            # The program last: the caseload filtered on status and program counts its files
            # from this index alone (a region's active files, 24 to 244 thousand, were
            # intersected with the program's 550,000 at 1,000,000 files: 34 ms a count).
            models.Index(
                fields=["region", "status", "program"], name="participant_region_status_idx"
            ),
            models.Index(fields=["caseworker", "-assigned_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_status_display(self) -> str:  # type: ignore[no-redef]  # the stubs declare Django's
        """The status's label with one translation (``choice_label``), once a row on a list."""
        return choice_label(FileStatus, self.status)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class EventKind(models.TextChoices):
    """The timeline event kinds of the participant file itself. Other apps register theirs
    (``sentier.participants.events``); the column holds any registered code."""

    FILE_OPENED = "file_opened", _("File opened")
    ASSIGNED = "assigned", _("Caseworker assigned")
    NOTE = "note", _("Note")
    DETAILS_UPDATED = "details_updated", _("Details updated")


class TimelineEvent(models.Model):
    """One dated event in a participant's journey, written by an action, never edited."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="events")
    # A code registered by the app that owns the kind (no choices: no migration here for them).
    kind = models.CharField(_("kind"), max_length=40)
    occurred_at = models.DateTimeField(_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    # Free text as a person typed it or a proper name; older rows hold a ready-made French line.
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    # The parameters the kind renders at read time: ids, codes, numbers, ISO dates, free text.
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["participant", "-occurred_at"])]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.occurred_at:%Y-%m-%d}"

    def get_kind_display(self) -> str:
        """The kind's label in the reader's language."""
        return events.kind_label(self.kind)

    @property
    def detail(self) -> str:
        """The event's detail line in the reader's language (see ``events.event_detail``)."""
        return events.event_detail(self.kind, self.data or {}, self.summary)


class SavedSearch(models.Model):
    """A caseload filter a caseworker saved under a name."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filters"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="unique_saved_search_name")
        ]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name


class FileNumberCounter(models.Model):
    """The last file number given in a year: one row a year, locked while a number is taken, so
    numbering costs the same however many files exist."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
