"""The partner network: organizations, their points of service and the clienteles they serve.

Shaped after Open Referral HSDS 3.1: an organization has locations and services; target
clienteles are a taxonomy; a service carries its live capacity and its waiting list.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from sentier.core.reference_names import reference_name
from sentier.network.places import PointsOfService, points_of_service
from sentier.network.waiting_text import freed_text, waiting_step_text


class Clientele(models.Model):
    """A target clientele in the taxonomy (justice-involved people, women, youth …)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    history = HistoricalRecords()

    # Declared so type checkers see it; modeltranslation makes it language-aware at start-up.
    objects: ClassVar[models.Manager[Clientele]] = models.Manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("target clientele")
        verbose_name_plural = _("target clienteles")

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The name in the page's language (``sentier.core.reference_names``)."""
        return reference_name(str(self.name), getattr(self, "name_en_ca", ""))


class Organization(models.Model):
    """A partner organization (RSSMO member or other community organization)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("identifier"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    non_profit = models.BooleanField(_("non-profit organization"), default=True)
    rssmo_member = models.BooleanField(_("RSSMO member"), default=False)
    clienteles = models.ManyToManyField(
        Clientele, blank=True, related_name="organizations", verbose_name=_("target clienteles")
    )
    clientele_text = models.CharField(
        _("target clientele (as published)"), max_length=200, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    legal_status = models.CharField(
        _("legal status"),
        max_length=120,
        blank=True,
        help_text=_("As registered, e.g. non-profit organization (OBNL)."),
    )
    tax_id = models.CharField(
        _("registration number"),
        max_length=40,
        blank=True,
        help_text=_("Québec enterprise number (NEQ) or charity number; optional."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(
        _("working language"),
        max_length=8,
        choices=[("fr-ca", "Français"), ("en-ca", "English")],
        default="fr-ca",
        help_text=_("Language of the documents Sentier sends the organization (statements…)."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class OrganizationSearchText(models.Model):
    """What the directory search compares for one organization, folded and kept up to date
    (``sentier.network.search``): one column per weight a match carries in the ranking, each
    holding the folded values of its fields, one a line."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, primary_key=True, related_name="search_text"
    )
    # The name (a match weighs 8).
    name = models.TextField(_("name"), blank=True)
    # Who it serves and what it offers: clienteles as published and as classified, services (3).
    served = models.TextField(_("clienteles and services"), blank=True)
    # Where: cities, points of service as published, region names (2).
    places = models.TextField(_("towns and regions"), blank=True)
    # The locations' phone numbers (1).
    phones = models.TextField(_("phones"), blank=True)

    class Meta:
        verbose_name = _("directory search text")
        verbose_name_plural = _("directory search texts")

    def __str__(self) -> str:
        return str(self.organization_id)


class Location(models.Model):
    """A point of service of an organization in one region."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="locations"
    )
    region = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="locations"
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Null when the directory does not give a number ("… et autres points de services", or
    # nothing at all): unknown is not the same as one.
    points_of_service = models.PositiveSmallIntegerField(
        _("points of service"),
        null=True,
        blank=True,
        default=1,
        help_text=_(
            "Number of points of service in this region, as published; empty when not stated."
        ),
    )
    points_of_service_text = models.CharField(
        _("points of service (as published)"), max_length=200, blank=True
    )
    # How a point of service reaches people who live far from it (issue 19, "Remote regions";
    # 003: rural areas, mobile agents). Matching counts them for people in a far region
    # (``SENTIER_FAR_REGIONS``, see ``sentier.network.matching``).
    serves_by_phone = models.BooleanField(_("serves by phone"), default=False)
    serves_by_video = models.BooleanField(_("serves by video"), default=False)
    travels_to_person = models.BooleanField(
        _("staff travel to the person"),
        default=False,
        help_text=_("A mobile agent meets the person where they live."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["region__code", "organization__name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "region", "phone"], name="unique_location_per_phone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.city or self.region})"

    @property
    def points_of_service_label(self) -> PointsOfService | None:
        """The points of service in the reader's language (see ``sentier.network.places``)."""
        return points_of_service(self.points_of_service_text, self.city)

    @property
    def serves_remotely(self) -> bool:
        """Serves by phone or by video."""
        return self.serves_by_phone or self.serves_by_video

    @property
    def phone_uri(self) -> str:
        """A ``tel:`` link for the published phone (North American numbers get +1)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if len(digits) == 10:
            digits = f"1{digits}"
        return f"tel:+{digits}" if digits else ""


class ServiceKind(models.TextChoices):
    """What a service does (a short taxonomy; HSDS ``service.category``)."""

    EMPLOYABILITY = "employability", _("Employability support")
    PAAS_ACTION = "paas_action", _("PAAS Action")
    JOB_SEARCH = "job_search", _("Job search and placement")
    TRAINING = "training", _("Training and basic skills")
    HOUSING = "housing", _("Housing support")
    ADDICTION = "addiction", _("Addiction support")
    MENTAL_HEALTH = "mental_health", _("Mental health support")
    BUDGET = "budget", _("Budget and debt counselling")
    VIOLENCE = "violence", _("Help for victims of violence")
    EMPLOYMENT_ONTARIO = "employment_ontario", _("Employment Ontario services")
    # Volunteering and other social-participation activities, a recognised step toward social
    # integration (003; Bill 71's social-participation component): counted as such.
    SOCIAL_PARTICIPATION = "social_participation", _("Social participation and volunteering")
    OTHER = "other", _("Other support")


#: Kinds of service that exist in one jurisdiction only (``SENTIER_JURISDICTION``): PAAS Action
#: is a Québec measure, Employment Ontario an Ontario network.
KIND_JURISDICTION = {ServiceKind.PAAS_ACTION: "qc", ServiceKind.EMPLOYMENT_ONTARIO: "on"}


def service_kinds_here() -> list[tuple[str, str]]:
    """The kinds of service offered in this jurisdiction, as (value, label) choices."""
    here = settings.SENTIER_JURISDICTION
    return [
        (value, str(label))
        for value, label in ServiceKind.choices
        if KIND_JURISDICTION.get(ServiceKind(value), here) == here
    ]


class ServiceStatus(models.TextChoices):
    """HSDS 3.1 ``service.status``."""

    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Closed for good")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class Service(models.Model):
    """A service an organization offers (HSDS ``service``), with its live capacity.

    Capacity is what the organization last said: ``capacity_available`` of ``capacity_maximum``
    (in ``capacity_unit``) on ``capacity_updated_at``, and how many people wait. ``None`` means
    "not said", never zero.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=ServiceKind.choices)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    eligibility_description = models.TextField(_("who can take part"), blank=True)
    fees_description = models.CharField(_("fees"), max_length=300, blank=True)
    application_process = models.TextField(_("how to apply"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    url = models.URLField(_("web page"), blank=True)
    locations = models.ManyToManyField(
        Location, blank=True, related_name="services", verbose_name=_("points of service")
    )
    regions = models.ManyToManyField(
        "reference.Region", blank=True, related_name="services", verbose_name=_("service area")
    )
    # Said explicitly: a service with no region listed has an unknown area, not the province.
    province_wide = models.BooleanField(
        _("serves all of Québec"),
        default=False,
        help_text=_("Open to people from every region (by phone, online…)."),
    )
    clienteles: models.ManyToManyField[Clientele, Any] = models.ManyToManyField(
        Clientele, blank=True, related_name="services", verbose_name=_("target clienteles")
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. fr, en.")
    )
    active = models.BooleanField(pgettext_lazy("service", "active"), default=True)
    capacity_available = models.PositiveIntegerField(_("places available"), null=True, blank=True)
    capacity_maximum = models.PositiveIntegerField(_("maximum places"), null=True, blank=True)
    capacity_unit = models.CharField(_("unit"), max_length=40, default="places", blank=True)
    capacity_updated_at = models.DateTimeField(_("capacity updated on"), null=True, blank=True)
    waiting_list_length = models.PositiveIntegerField(_("people waiting"), default=0)
    estimated_wait_days = models.PositiveIntegerField(
        _("estimated wait (days)"),
        null=True,
        blank=True,
        help_text=_("How long a new person usually waits for a place, as the organization says."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [models.Index(fields=["kind", "active"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"

    @property
    def listed(self) -> bool:
        """Shown in the directory and proposed by matching."""
        return self.active and self.status == ServiceStatus.ACTIVE

    def capacity_is_stale(self, now: dt.datetime) -> bool:
        """Never said, or said longer ago than ``SENTIER_CAPACITY_STALE_DAYS``."""
        if self.capacity_updated_at is None:
            return True
        return now - self.capacity_updated_at > dt.timedelta(days=stale_days())

    def capacity_age_days(self, now: dt.datetime) -> int | None:
        if self.capacity_updated_at is None:
            return None
        return max(0, (now - self.capacity_updated_at).days)

    @property
    def is_full(self) -> bool:
        return self.capacity_available == 0


def stale_days() -> int:
    """Days after which a service's capacity is shown as stale (a parameter)."""
    return int(getattr(settings, "SENTIER_CAPACITY_STALE_DAYS", 14))


class CapacityUpdate(models.Model):
    """One capacity statement, as given: the log of every change (append-only)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="capacity_updates")
    at = models.DateTimeField(_("when"))
    available = models.PositiveIntegerField(_("places available"), null=True, blank=True)
    maximum = models.PositiveIntegerField(_("maximum places"), null=True, blank=True)
    waiting = models.PositiveIntegerField(_("people waiting"), default=0)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_label = models.CharField(_("by (as recorded)"), max_length=200)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("capacity update")
        verbose_name_plural = _("capacity updates")

    def __str__(self) -> str:
        return f"{self.service_id} {self.available}/{self.maximum} @ {self.at:%Y-%m-%d}"


class CapacityReminder(models.Model):
    """A reminder sent to an organization to update stale capacity (one row per sending)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="capacity_reminders"
    )
    sent_at = models.DateTimeField(_("sent on"))
    services = models.PositiveIntegerField(_("stale services"))
    email = models.EmailField(_("sent to"), blank=True)

    class Meta:
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["organization", "-sent_at"])]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.sent_at:%Y-%m-%d}"


# ---------------------------------------------------------------------------------------------
# Waiting lists and offers


class PriorityReason(models.TextChoices):
    """Reasons that may move a person ahead on a waiting list (which ones do is a parameter)."""

    NONE = "", _("None")
    SAFETY = "safety", _("Safety at risk (violence)")
    HOUSING = "housing", _("About to lose housing")
    LEAVING_INSTITUTION = "leaving_institution", _("Leaving detention or a treatment centre")
    DEADLINE = "deadline", _("A benefit or training deadline")


class EntryStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Place offered")
    PLACED = "placed", _("Took the place")
    WITHDRAWN = "withdrawn", _("Left the list")


OPEN_ENTRY_STATUSES = (EntryStatus.WAITING, EntryStatus.OFFERED)


class WaitingListEntry(models.Model):
    """A person waiting for a place in one service."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="waiting_entries")
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="waiting_list_entries"
    )
    since = models.DateTimeField(_("waiting since"))
    priority_reason = models.CharField(
        _("priority reason"),
        max_length=30,
        choices=PriorityReason.choices,
        blank=True,
        default="",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EntryStatus.choices, default=EntryStatus.WAITING
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(_("left the list on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["since", "pk"]
        verbose_name = _("waiting list entry")
        verbose_name_plural = _("waiting list entries")
        indexes = [models.Index(fields=["service", "status", "since"])]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "participant"],
                condition=models.Q(status__in=["waiting", "offered"]),
                name="one_open_waiting_entry_per_service",
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} → {self.service_id} ({self.status})"


class OfferStatus(models.TextChoices):
    OFFERED = "offered", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("No answer in time")
    PASSED = "passed", _("Passed to the next person")


class Offer(models.Model):
    """A free place offered to the person at the head of a waiting list, with a response window.

    ``place`` identifies the freed place: when an offer is declined or expires the same place is
    offered to the next person who has not yet been offered it.

    The window opens when the person has been told (issue 19: an offer must never expire unseen):
    ``told_at`` and ``respond_by`` stay empty until a letter is mailed, an e-mail sent or a call
    made (``start_offer_window``, called by ``sentier.correspondence``); until then the offer
    cannot expire.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    entry = models.ForeignKey(WaitingListEntry, on_delete=models.CASCADE, related_name="offers")
    place = models.UUIDField(_("place"), db_index=True)
    offered_at = models.DateTimeField(_("offered on"))
    told_at = models.DateTimeField(_("person told on"), null=True, blank=True)
    told_by = models.CharField(_("told by"), max_length=10, blank=True, default="")
    respond_by = models.DateTimeField(_("answer by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.OFFERED
    )
    responded_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-offered_at", "-pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [models.Index(fields=["status", "respond_by"])]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.status}"


class WaitingListLog(models.Model):
    """Every step of a waiting list (added, offered, accepted, declined, expired, passed, left)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="waiting_log")
    entry = models.ForeignKey(
        WaitingListEntry, on_delete=models.CASCADE, related_name="log", null=True, blank=True
    )
    offer = models.ForeignKey(Offer, on_delete=models.SET_NULL, null=True, blank=True)
    at = models.DateTimeField(_("when"))
    step = models.CharField(_("step"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.service_id} {self.step} @ {self.at:%Y-%m-%d}"

    @property
    def text(self) -> str:
        """The step in the reader's language (``note`` holds it in French, as older code wrote
        it); load ``service__organization`` and ``offer`` with the rows."""
        if self.step == "freed":
            return freed_text()
        worded = waiting_step_text(
            self.step,
            service=self.service.name,
            organization=self.service.organization.name,
            respond_by=self.offer.respond_by if self.offer is not None else None,
        )
        return worded if worded is not None else self.note


# ---------------------------------------------------------------------------------------------
# Imports


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """A CSV import of services and capacity, run by a background task; dry run or for real."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created on"))
    file_name = models.CharField(_("file"), max_length=200)
    content = models.TextField(_("content"))
    dry_run = models.BooleanField(_("dry run"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status in (ImportStatus.DONE, ImportStatus.FAILED) else 0
        return min(100, round(100 * self.processed_rows / self.total_rows))
