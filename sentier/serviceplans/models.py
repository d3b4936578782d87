"""Service plans (plans de services, 000) and the regional support networks (Bill 71, art. 43.2).

A caseworker sends a :class:`ServicePlanRequest` (the situations that justify it, why, who
initiates) to the Ministry coordinator of the participant's region, who approves or declines it
(a decline always gives a reason and a proposed next step). An approved request opens a
:class:`ServicePlan` that waits for the person's agreement (voluntary, no effect on benefits).
Its :class:`Party` rows are the public networks, community organizations and family members who
act; each owns :class:`Objective` and :class:`PlanAction` rows. Every objective, action and
timeline entry carries an information category: a party sees only the categories the person
consented to share with it (purpose "service plan"). :class:`RegionalNetwork` and
:class:`NetworkMember` describe each region's support network and its member bodies.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sentier.consent.models import InformationCategory, RecipientKind
from sentier.plans.models import FollowUpMode, FollowUpStatus


class Situation(models.Model):
    """A situation that justifies a service plan (000 lists six examples); configurable."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label_fr = models.CharField(_("label (French)"), max_length=250)
    label_en = models.CharField(_("label (English)"), max_length=250)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("offered"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("situation justifying a service plan")
        verbose_name_plural = _("situations justifying a service plan")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "fr").startswith("en") else self.label_fr


class InitiatorKind(models.TextChoices):
    """Who initiates the plan: the Ministry (from 2026-04-01, where deployed) or someone else."""

    MINISTRY = "ministry", _("The Ministry initiates it")
    OTHER_MINISTRY = "other_ministry", _("Another ministry or public body initiated it")
    ORGANIZATION = "organization", _("An organization initiated it")

    @property
    def rules_code(self) -> str:
        """The rules' ``initiated_by`` value."""
        return "ministry" if self == InitiatorKind.MINISTRY else "other"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the coordinator")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class NextStep(models.TextChoices):
    """What the coordinator proposes instead when declining."""

    SUPPORT_PLAN = "support_plan", _("Offer a personalized support plan")
    REFERRAL = "referral", _("Refer the person to a community organization")
    CONCERTATION = "concertation", _("Consult the other caseworkers involved first")
    REVIEW_LATER = "review_later", _("Send a new request if the situation changes")
    OTHER = "other", _("Another next step (describe it)")


class ServicePlanRequest(models.Model):
    """A caseworker's request for a service plan, decided by the coordinator of the region."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="service_plan_requests",
        verbose_name=_("participant"),
    )
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        related_name="service_plan_requests",
        verbose_name=_("region"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="service_plan_requests",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested on"))
    situations = models.ManyToManyField(
        Situation, related_name="requests", verbose_name=_("situations")
    )
    reasons = models.TextField(_("why a service plan"))
    initiator_kind = models.CharField(_("initiator"), max_length=20, choices=InitiatorKind.choices)
    initiator_name = models.CharField(_("name of the initiator"), max_length=200, blank=True)
    # Picked from the region's support network or the directory (the name is kept beside it as
    # it read then); both empty and a name typed: another body, named by the caseworker.
    initiator_member = models.ForeignKey(
        "NetworkMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiating member of the regional network"),
    )
    initiator_organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiating organization of the directory"),
    )
    support_plan_uuid = models.UUIDField(
        _("personalized support plan it evolves from"), null=True, blank=True
    )
    rules_decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("eligibility decision"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    next_step = models.CharField(
        _("proposed next step"), max_length=20, choices=NextStep.choices, blank=True
    )
    next_step_details = models.TextField(_("next step, in detail"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("service plan request")
        verbose_name_plural = _("service plan requests")
        indexes = [models.Index(fields=["region", "status", "requested_at"])]

    def __str__(self) -> str:
        return f"{self.participant} – {self.get_status_display()}"

    @property
    def initiator_label(self) -> str:
        label = str(self.get_initiator_kind_display())
        return f"{label} — {self.initiator_name}" if self.initiator_name else label


class PlanStatus(models.TextChoices):
    AWAITING_AGREEMENT = "awaiting_agreement", _("Waiting for the person's agreement")
    ACTIVE = "active", _("Active")
    ENDED = "ended", _("Ended")


class AgreementChannel(models.TextChoices):
    PHONE = "phone", _("By phone")
    IN_PERSON = "in_person", _("In person")
    PAPER = "paper", _("Signed paper form")
    ONLINE = "online", _("Online, by the person")


class PersonAgreement(models.Model):
    """The person's agreement to one objective or follow-up (000: "Les objectifs à atteindre,
    les actions à poser de même que les suivis sont établis [...] avec votre accord"): the day it
    was given, how, and who recorded it (the person themselves when given online)."""

    agreed_on = models.DateField(_("the person agreed on"), null=True, blank=True)
    agreement_channel = models.CharField(
        _("agreement given"), max_length=12, choices=AgreementChannel.choices, blank=True
    )
    agreement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreement recorded by"),
    )
    agreement_recorded_at = models.DateTimeField(_("agreement recorded on"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def person_agreed(self) -> bool:
        return self.agreed_on is not None


class ServicePlan(models.Model):
    """A service plan: one person, several parties, one coordinator, a shared timeline."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.OneToOneField(
        ServicePlanRequest,
        on_delete=models.PROTECT,
        related_name="plan",
        verbose_name=_("request"),
    )
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="service_plans",
        verbose_name=_("participant"),
    )
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        related_name="service_plans",
        verbose_name=_("region"),
    )
    # 000: "Le Ministère peut [...] collaborer à l'élaboration d'un plan de services amorcé par un
    # autre ministère ou par un organisme, [...] mais peut également amorcer l'élaboration d'un
    # tel plan." The Ministry coordinator coordinates only the plans the Ministry initiates; a
    # plan initiated by another body is coordinated by that body (its party ``coordinates``).
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_service_plans",
        verbose_name=_("Ministry coordinator"),
        help_text=_("Only for a plan the Ministry initiates."),
    )
    initiator_kind = models.CharField(_("initiator"), max_length=20, choices=InitiatorKind.choices)
    initiator_name = models.CharField(_("name of the initiator"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlanStatus.choices,
        default=PlanStatus.AWAITING_AGREEMENT,
    )
    created_at = models.DateTimeField(_("opened on"))
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreement_channel = models.CharField(
        _("agreement given"), max_length=12, choices=AgreementChannel.choices, blank=True
    )
    agreement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agreement recorded by"),
    )
    agreement_note = models.TextField(_("note on the agreement"), blank=True)
    ended_at = models.DateTimeField(_("ended on"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    end_reason = models.TextField(_("why it ended"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("service plan")
        verbose_name_plural = _("service plans")
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return f"{self.participant} – {self.get_status_display()}"

    @property
    def initiator_label(self) -> str:
        label = str(self.get_initiator_kind_display())
        return f"{label} — {self.initiator_name}" if self.initiator_name else label

    @property
    def coordinating_party(self) -> Party | None:
        """The party that coordinates the plan: the Ministry when it initiated it, else the
        initiator (000). Reads ``parties`` through any prefetch."""
        return next((party for party in self.parties.all() if party.coordinates), None)

    @property
    def ministry_coordinates(self) -> bool:
        return self.initiator_kind == InitiatorKind.MINISTRY

    @property
    def coordinated_by(self) -> str:
        """Who coordinates, as people read it: the Ministry coordinator (and the Ministry), or
        the body that initiated the plan."""
        party = self.coordinating_party
        if self.ministry_coordinates:
            who = str(self.coordinator) if self.coordinator_id else ""
            body = party.name if party is not None else ""
            return f"{who} — {body}" if who and body else (who or body)
        return party.name if party is not None else self.initiator_name

    @property
    def end_reason_text(self) -> str:
        """Why the plan ended, in the reader's language: the reason as written, or, when the
        person did not wish to take part, that (not stored as text)."""
        if self.end_reason:
            return self.end_reason
        if self.status == PlanStatus.ENDED and self.agreement_channel and self.agreed_on is None:
            return gettext("The person did not wish to take part.")
        return ""


class PartyKind(models.TextChoices):
    """Who takes part: the Ministry, a public network, a community organization, the family."""

    MINISTRY = "ministry", _("The Ministry (Emploi et Solidarité sociale)")
    HEALTH = "health", _("Health and social services network")
    EDUCATION = "education", _("Education network")
    JUSTICE = "justice", _("Justice")
    HOUSING = "housing", _("Housing")
    EMPLOYMENT = "employment", _("Employment services")
    OTHER_PUBLIC = "other_public", _("Another public body")
    ORGANIZATION = "organization", _("A community organization")
    FAMILY = "family", _("Family or caregivers")

    @property
    def recipient_kind(self) -> str:
        """The consent recipient category for this kind of party ("" for the Ministry)."""
        if self == PartyKind.MINISTRY:
            return ""
        return str(RecipientKind(self.value).value)


class MemberKind(models.TextChoices):
    """What kind of body sits on a regional support network (Bill 71, art. 43.2)."""

    MINISTRY = "ministry", _("The Ministry")
    OTHER_MINISTRY = "other_ministry", _("Another ministry")
    PUBLIC_BODY = "public_body", _("Public body")
    DESIGNATED_ORGANIZATION = (
        "designated_organization",
        _("Organization designated by the minister"),
    )


class RegionalNetwork(models.Model):
    """The regional support network (réseau régional d'accompagnement) of one region."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    region = models.OneToOneField(
        "reference.Region",
        on_delete=models.PROTECT,
        related_name="support_network",
        verbose_name=_("region"),
    )
    name = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("regional support network")
        verbose_name_plural = _("regional support networks")

    def __str__(self) -> str:
        return self.name


class NetworkMember(models.Model):
    """A body that sits on a regional support network."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    network = models.ForeignKey(RegionalNetwork, on_delete=models.CASCADE, related_name="members")
    kind = models.CharField(_("kind of member"), max_length=30, choices=MemberKind.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=PartyKind.choices)
    name = models.CharField(_("name"), max_length=200)
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="network_memberships",
        verbose_name=_("organization in the directory"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Staff of a public body (CISSS, school service centre) who sign in: they open the plans
    # where their body is a party, in the kinds of information the person shares with it.
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="public_bodies",
        verbose_name=_("staff with an account"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        constraints = [
            models.UniqueConstraint(fields=["network", "name"], name="unique_member_name")
        ]

    def __str__(self) -> str:
        return self.name


class Party(models.Model):
    """One party to a service plan. Parties are removed (dated), never deleted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="parties")
    kind = models.CharField(_("kind of party"), max_length=20, choices=PartyKind.choices)
    name = models.CharField(_("name"), max_length=200)
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_plan_parties",
        verbose_name=_("organization in the directory"),
    )
    member = models.ForeignKey(
        NetworkMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parties",
        verbose_name=_("member of the regional network"),
    )
    contact = models.CharField(_("contact person"), max_length=200, blank=True)
    coordinates = models.BooleanField(
        _("coordinates the plan"),
        default=False,
        help_text=_("The body that initiated the plan coordinates it (000)."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added on"))
    removed_at = models.DateTimeField(_("removed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="organization") | models.Q(organization__isnull=False),
                name="party_organization_named",
            ),
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(coordinates=True),
                name="one_coordinating_party_per_plan",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_ministry(self) -> bool:
        return self.kind == PartyKind.MINISTRY

    @property
    def recipient_kind(self) -> str:
        return PartyKind(self.kind).recipient_kind


class ItemStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    ON_HOLD = "on_hold", _("On hold")
    ABANDONED = "abandoned", _("Abandoned")


class Objective(PersonAgreement):
    """An objective of the plan, owned by a party, tagged with an information category, and
    whether the person agreed to it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=500)
    category = models.CharField(
        _("kind of information"), max_length=20, choices=InformationCategory.choices
    )
    owner = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="objectives", verbose_name=_("owner")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.PLANNED
    )
    due_on = models.DateField(_("by"), null=True, blank=True)
    carried_from = models.CharField(
        _("carried from"),
        max_length=200,
        blank=True,
        help_text=_("Set when the objective comes from a personalized support plan."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("added on"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.text


class PlanAction(models.Model):
    """An action towards an objective: who does what by when, and where it stands."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="actions")
    text = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="actions", verbose_name=_("done by")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ItemStatus.choices, default=ItemStatus.PLANNED
    )
    due_on = models.DateField(_("by"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("added on"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.text


class FollowUp(PersonAgreement):
    """A follow-up of the plan (000: "les suivis sont établis [...] avec votre accord"): when,
    how, notes and outcome, written by a party in a kind of information the person shares with
    it. The shapes (mode, status) are the support plans' (:mod:`sentier.plans.models`)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="follow_ups")
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
    category = models.CharField(
        _("kind of information"), max_length=20, choices=InformationCategory.choices
    )
    party = models.ForeignKey(
        Party, on_delete=models.PROTECT, related_name="follow_ups", verbose_name=_("by the party")
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written on"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheduled_for", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self) -> str:
        return f"{self.scheduled_for:%Y-%m-%d %H:%M} {self.mode}"


class PlanEventKind(models.TextChoices):
    OPENED = "opened", _("Plan opened")
    AGREED = "agreed", _("The person agreed to take part")
    REFUSED = "refused", _("The person did not wish to take part")
    PARTY_ADDED = "party_added", _("Party added")
    PARTY_REMOVED = "party_removed", _("Party removed")
    OBJECTIVE_ADDED = "objective_added", _("Objective added")
    OBJECTIVE_UPDATED = "objective_updated", _("Objective updated")
    ACTION_ADDED = "action_added", _("Action added")
    ACTION_UPDATED = "action_updated", _("Action updated")
    NOTE = "note", _("Note")
    FOLLOW_UP_ADDED = "follow_up_added", _("Follow-up added")
    FOLLOW_UP_UPDATED = "follow_up_updated", _("Follow-up updated")
    ITEM_AGREED = "item_agreed", _("The person agreed")
    CONSENT_RECORDED = "consent_recorded", _("Consent to share recorded")
    ENDED = "ended", _("Plan ended")


class PlanEvent(models.Model):
    """One entry of the plan's shared timeline; its category decides which parties see it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ServicePlan, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=PlanEventKind.choices)
    category = models.CharField(
        _("kind of information"),
        max_length=20,
        choices=InformationCategory.choices,
        default=InformationCategory.PLAN,
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("party"),
    )
    # Names and text as people wrote them; generated lines are rendered from ``data`` at read time
    # (older rows hold them ready-made, in French).
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    occurred_at = models.DateTimeField(_("when"))

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["plan", "-occurred_at"])]
        verbose_name = _("service plan event")
        verbose_name_plural = _("service plan events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.occurred_at:%Y-%m-%d}"

    @property
    def detail(self) -> str:
        """The line after the kind, in the reader's language."""
        data = self.data or {}
        kind = self.kind
        if kind == PlanEventKind.OPENED and "initiator_kind" in data:
            initiator = str(InitiatorKind(data["initiator_kind"]).label)
            name = data.get("initiator_name", "")
            return f"{initiator} — {name}" if name else initiator
        if kind in (PlanEventKind.AGREED, PlanEventKind.REFUSED) and "channel" in data:
            return str(AgreementChannel(data["channel"]).label)
        if kind == PlanEventKind.ITEM_AGREED and "channel" in data:
            return f"{self.summary} — {AgreementChannel(data['channel']).label}"
        if kind in (PlanEventKind.FOLLOW_UP_ADDED, PlanEventKind.FOLLOW_UP_UPDATED) and (
            "status" in data
        ):
            mode = FollowUpMode(data["mode"]).label if data.get("mode") in FollowUpMode else ""
            status = FollowUpStatus(data["status"]).label
            return " — ".join(str(part) for part in (self.summary, mode, status) if part)
        if kind in (PlanEventKind.OBJECTIVE_UPDATED, PlanEventKind.ACTION_UPDATED) and (
            "status" in data
        ):
            return f"{self.summary} — {ItemStatus(data['status']).label}"
        if kind == PlanEventKind.OBJECTIVE_ADDED and "carried" in data:
            return gettext("%(count)s objectives carried from the personalized support plan") % {
                "count": data["carried"]
            }
        return self.summary

    @property
    def body(self) -> str:
        """The text under the line, in the reader's language (a note as its author wrote it)."""
        data = self.data or {}
        if self.kind == PlanEventKind.CONSENT_RECORDED and "categories" in data:
            labels = dict(InformationCategory.choices)
            return "; ".join(str(labels.get(code, code)) for code in data["categories"])
        if data.get("notice") == "support_plan_not_ended":
            return gettext(
                "The personalized support plan could not be ended automatically: its "
                "caseworker should end it."
            )
        return self.text
