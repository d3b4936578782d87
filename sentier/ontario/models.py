"""The Ontario configuration (seed 004): Ontario Works applications and their Employment Ontario
fast track at grant time, the local office's common assessment (deferral reasons, personalized
action plans and their reviews), and ODSP centralized intake with the Disability Determination
Package mailing queue.

Only used when ``SENTIER_JURISDICTION=on``. Units (an Ontario Works local office, the ODSP
centralized intake unit) are memberships here until the shared accounts app has a unit field.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from sentier.core.models import AppendOnly
from sentier.core.ratings import COMMENT_MAX, rating_field
from sentier.reference.models import DatedReference


class Unit(models.TextChoices):
    """OW and ODSP intake are separate units in the same organizational sector (004 Q15)."""

    OW_OFFICE = "ow_office", _("Ontario Works local office")
    OW_INTAKE = "ow_intake", _("Ontario Works intake unit")
    ODSP_INTAKE = "odsp_intake", _("ODSP centralized intake unit")
    # First Nations sites delivering ODSP keep their own processes (004 Q14).
    FIRST_NATIONS_SITE = "fn_site", _("First Nations ODSP delivery site")


class UnitMembership(models.Model):
    """Which Ontario unit a staff member works in. A caseworker with none works in the OW
    local office of their service area (their ``region``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ontario_unit"
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    first_nations_site = models.ForeignKey(
        "reference.FirstNationsSite",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("First Nations site"),
        help_text=_("Only for the staff of a First Nations ODSP delivery site: which site."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit membership")
        verbose_name_plural = _("unit memberships")

    def __str__(self) -> str:
        return f"{self.user} – {self.get_unit_display()}"


class OWStatus(models.TextChoices):
    """Where the Ontario Works intake unit's decision stands (004 Q11, Q15)."""

    PENDING = "pending", _("Financial eligibility to decide")
    INFO_ASKED = "info_asked", _("Missing information asked")
    GRANTED = "granted", _("Financial assistance granted")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Closed: application withdrawn")
    CLOSED = "closed", _("Closed: information not received")


#: The statuses the intake unit still has to decide from (its queue).
OW_UNDECIDED = (OWStatus.PENDING, OWStatus.INFO_ASKED)


def ow_refusal_reasons() -> dict[str, Any]:
    """Why an Ontario Works application may be refused: code → label. Configurable with
    ``SENTIER_ONTARIO_OW_REFUSAL_REASONS`` (004 gives no list: the defaults are a placeholder
    to replace with the program's own)."""
    configured = getattr(settings, "SENTIER_ONTARIO_OW_REFUSAL_REASONS", None)
    return dict(configured) if configured else dict(DEFAULT_OW_REFUSAL_REASONS)


DEFAULT_OW_REFUSAL_REASONS: tuple[tuple[str, Any], ...] = (
    ("income_assets", _("Income or assets above the limits")),
    ("not_resident", _("Does not live in Ontario")),
    ("other_program", _("Needs are met by another program")),
    ("other", _("Another eligibility requirement is not met")),
)


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
    """An Ontario Works application, from its sending to the intake unit's decision (grant,
    refusal, withdrawal, or closed when asked information never came), then its transfer to
    the local office of the person's service area at the grant."""

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
    closed_at = models.DateTimeField(_("refused or closed on"), null=True, blank=True)
    refusal_reason = models.CharField(_("reason for refusal"), max_length=30, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)
    info_asked = models.TextField(_("information asked"), blank=True)
    info_due_on = models.DateField(_("information due on"), null=True, blank=True)
    transferred_at = models.DateTimeField(
        _("transferred to the local office on"), null=True, blank=True
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
    # None for a client fast-tracked at grant, who has an action plan all the same (004 Q4).
    assessment = models.OneToOneField(
        CommonAssessment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plan",
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
    INFO_REQUESTED = "info_requested", _("Waiting for information from the applicant")
    CONFIRMED = "confirmed", _("Financial eligibility confirmed")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Closed: withdrawn by the applicant")
    CLOSED = "closed", _("Closed: the information asked for did not come")
    # The Disability Adjudication Unit's answer moves the file on (004 Q13).
    DAU_INFO = "dau_info", _("The Disability Adjudication Unit asked for more information")
    GRANTED = "granted", _("ODSP granted: disability confirmed")
    NOT_GRANTED = "not_granted", _("Refused: disability not confirmed")


class Adjudication(models.TextChoices):
    """The Disability Adjudication Unit's answer on a returned package (004 Q13)."""

    ELIGIBLE = "eligible", _("Disability confirmed")
    NOT_ELIGIBLE = "not_eligible", _("Disability not confirmed")
    MORE_INFORMATION = "more_information", _("More information needed")


#: Where an ODSP application ends at intake (nothing more is done on it).
ODSP_ENDED = (ODSPStatus.REFUSED, ODSPStatus.WITHDRAWN, ODSPStatus.CLOSED)


class ODSPRefusalReason(DatedReference):
    """ODSP intake: why financial eligibility is refused (configurable list, edited in the admin;
    ODSP-specific: Ontario Works keeps its own list)."""

    objects: ClassVar[models.Manager[ODSPRefusalReason]] = models.Manager()

    class Meta(DatedReference.Meta):
        verbose_name = _("ODSP refusal reason")
        verbose_name_plural = _("ODSP refusal reasons")


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
        _("status"), max_length=20, choices=ODSPStatus.choices, default=ODSPStatus.RECEIVED
    )
    received_at = models.DateTimeField(_("received on"))
    assigned_to = assignee()
    first_nations_site = models.ForeignKey(
        "reference.FirstNationsSite",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("First Nations site"),
        help_text=_("Served by this First Nations site: in its queue, never the central one."),
    )
    #: Bumped by every decision: a page sent from an older version is a stale tab.
    version = models.PositiveIntegerField(_("version"), default=0)
    info_requested = models.TextField(_("information asked for"), blank=True)
    info_due_on = models.DateField(_("information due on"), null=True, blank=True)
    info_requested_at = models.DateTimeField(_("information asked on"), null=True, blank=True)
    refusal_reason = models.ForeignKey(
        ODSPRefusalReason,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("refusal reason"),
    )
    decision_note = models.TextField(_("note on the decision"), blank=True)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
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
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["first_nations_site", "status", "received_at"]),
        ]
        verbose_name = _("ODSP application")
        verbose_name_plural = _("ODSP applications")

    def __str__(self) -> str:
        return f"ODSP {self.participant} ({self.status})"

    @property
    def first_nations_without_site(self) -> bool:
        """The applicant said a First Nation delivers ODSP where they live, but no First Nations
        site could be named (none set up, or since removed): their existing process stays (004
        Q14), so staff are told to reach it before deciding; never a silent central case."""
        return bool(self.participant.first_nations_site) and self.first_nations_site_id is None


class MailingStatus(models.TextChoices):
    """Where a Disability Determination Package stands, from its generation to the Disability
    Adjudication Unit's answer (004 Q13)."""

    QUEUED = "queued", _("Queued for mailing")
    MAILED = "mailed", _("Mailed")
    DELIVERED = "delivered", _("Given another way")
    RETURNED = "returned", _("Returned by the applicant")
    WITH_DAU = "with_dau", _("With the Disability Adjudication Unit")
    DAU_INFO = "dau_info", _("Adjudication: more information asked")
    GRANTED = "granted", _("Adjudication: disability confirmed")
    NOT_GRANTED = "not_granted", _("Adjudication: disability not confirmed")


#: The package is out with the applicant: its return is awaited.
PACKAGE_OUT = (MailingStatus.MAILED, MailingStatus.DELIVERED)


class Delivery(models.TextChoices):
    """How the package reaches the applicant: by mail "in most scenarios" (004 Q13), otherwise
    one of the other ways, with a reason."""

    MAIL = "mail", _("By mail")
    IN_PERSON = "in_person", _("Handed over in person")
    ALTERNATE_FORMAT = "alternate_format", _("In an alternate format")
    REPRESENTATIVE = "representative", _("Sent to a representative")


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
        _("mailing"), max_length=12, choices=MailingStatus.choices, default=MailingStatus.QUEUED
    )
    #: When it left: mailed, or given another way (``delivery``).
    mailed_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    mailed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    # The address the package is mailed to (004 Q13; issue 21: never incomplete): filled from
    # the application, completed by staff when a part is missing.
    street = models.CharField(_("street address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    province = models.CharField(_("province"), max_length=2, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    delivery = models.CharField(
        _("delivery"), max_length=20, choices=Delivery.choices, default=Delivery.MAIL
    )
    delivery_reason = models.TextField(_("why not by mail"), blank=True)
    #: The date the applicant is asked to send it back by (printed in the package).
    return_by = models.DateField(_("return by"), null=True, blank=True)
    returned_on = models.DateField(_("received back on"), null=True, blank=True)
    sent_to_dau_at = models.DateTimeField(
        _("sent to the Disability Adjudication Unit on"), null=True, blank=True
    )
    adjudicated_on = models.DateField(_("adjudication decided on"), null=True, blank=True)
    adjudication_note = models.TextField(_("adjudication note"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        ordering = ["generated_at", "id"]
        indexes = [
            models.Index(fields=["status", "generated_at"]),
            models.Index(fields=["status", "return_by"]),
        ]
        verbose_name = _("Disability Determination Package")
        verbose_name_plural = _("Disability Determination Packages")

    def __str__(self) -> str:
        return f"DDP {self.odsp_application.participant} ({self.status})"

    @property
    def address_complete(self) -> bool:
        """Street, city, province and postal code are all there (a package is mailed only so)."""
        return all((self.street, self.city, self.province, self.postal_code))

    @property
    def address_lines(self) -> list[str]:
        """The address as printed on the envelope (Canada Post: city, province, postal code)."""
        last = "  ".join(p for p in (f"{self.city} {self.province}".strip(), self.postal_code) if p)
        return [line for line in (self.street, last) if line]


class NoticeStatus(models.TextChoices):
    """Where a refusal notice stands: by e-mail when the file has an address, else by mail."""

    TO_MAIL = "to_mail", _("To mail")
    MAILED = "mailed", _("Mailed")
    TO_EMAIL = "to_email", _("To send by e-mail")
    EMAILED = "emailed", _("Sent by e-mail")


class RefusalGrounds(models.TextChoices):
    """Which decision a refusal notice tells: the intake unit's (financial eligibility, with a
    reason of the list), or the Disability Adjudication Unit's (disability not confirmed, 004
    Q13)."""

    INTAKE = "intake", _("Refused at intake")
    DISABILITY = "disability", _("Disability not confirmed")


class RefusalNotice(models.Model):
    """The notice that tells an applicant their Ontario Works or ODSP application was refused:
    the reason, and how to ask for a review, in the applicant's language (``ontario.notices``).
    An ODSP application is refused once: at intake, or after the Disability Adjudication Unit
    did not confirm the disability (``grounds``).

    Issued with the refusal. It goes by e-mail when the file has an address, otherwise it is a
    letter for the intake unit to print and mail (an applicant who applied by phone often has
    no e-mail). ``pdf`` and ``sha256`` are the notice as it was sent, with the address it went
    to; until then it is printed from the file."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.PROTECT, related_name="refusal_notices"
    )
    ow_application = models.OneToOneField(
        OWApplication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refusal_notice",
    )
    odsp_application = models.OneToOneField(
        ODSPApplication,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="refusal_notice",
    )
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel of the application"), max_length=10)
    #: The refusal reason's name in each language, as it was when the application was refused.
    reason_names = models.JSONField(_("reason"), default=dict)
    grounds = models.CharField(
        _("decision"),
        max_length=10,
        choices=RefusalGrounds.choices,
        default=RefusalGrounds.INTAKE,
    )
    decided_on = models.DateField(_("refused on"))
    issued_at = models.DateTimeField(_("issued on"))
    status = models.CharField(
        _("status"), max_length=10, choices=NoticeStatus.choices, default=NoticeStatus.TO_MAIL
    )
    email = models.EmailField(_("e-mail"), blank=True)
    street = models.CharField(_("street address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    province = models.CharField(_("province"), max_length=2, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=7, blank=True)
    pdf = models.BinaryField(_("PDF"), blank=True, default=b"")
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )

    class Meta:
        ordering = ["issued_at", "id"]
        indexes = [models.Index(fields=["status", "issued_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ow_application__isnull=True, odsp_application__isnull=False)
                | models.Q(ow_application__isnull=False, odsp_application__isnull=True),
                name="refusal_notice_one_application",
            )
        ]
        verbose_name = _("refusal notice")
        verbose_name_plural = _("refusal notices")

    def __str__(self) -> str:
        return f"{self.program} {self.participant} ({self.status})"

    @property
    def program(self) -> str:
        return "OW" if self.ow_application_id else "ODSP"

    @property
    def disability_not_confirmed(self) -> bool:
        return self.grounds == RefusalGrounds.DISABILITY

    @property
    def by_phone(self) -> bool:
        """The person applied by phone: staff phone them too, whatever way the notice goes."""
        return self.channel == "phone"

    @property
    def address_complete(self) -> bool:
        return all((self.street, self.city, self.province, self.postal_code))

    @property
    def address_lines(self) -> list[str]:
        last = "  ".join(p for p in (f"{self.city} {self.province}".strip(), self.postal_code) if p)
        return [line for line in (self.street, last) if line]


class Office(models.Model):
    """An office that writes to people (the Ontario Works local office of a service area, the
    provincial intake unit, ODSP centralized intake): its postal address for the return address
    of letters, and the number people call. ``name`` is the English name a staff account's
    office holds (``accounts.User.office``), shown in French through the catalog
    (``ontario.offices``).

    An address is recorded only from a source (``source``): without one, letters say that the
    office's postal address is not on record and to call instead, rather than print a made-up
    address. Edited in the admin; the shipped rows (``ontario.offices.OFFICES``) are created
    once and never overwritten."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    # The service area whose Ontario Works local office this is: it writes to the area's
    # clients once the grant transferred them (None: a provincial unit).
    region = models.ForeignKey(
        "reference.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service area"),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("One line per line of the envelope. Leave empty when not known."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        help_text=_("Whom people call about their file. Empty: the province's line."),
    )
    source = models.CharField(
        _("source of the address"),
        max_length=300,
        blank=True,
        help_text=_("Where the address and number come from."),
    )
    history = HistoricalRecords()

    objects: ClassVar[models.Manager[Office]] = models.Manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]


class SiteSurveyResponse(AppendOnly, models.Model):
    """One Ontario Works site's answer to the ministry's survey for one quarter (issue 17:
    "Ontario sites answer periodic surveys"; 004 Q11: municipalities' and DSSABs' feedback is
    gathered "au moyen [...] de sondages", and the ministry monitors "l'incidence des nouvelles
    voies d'aiguillage", Q6). A site is a service area (``Region``, ON01 to ON47); its local
    office's supervisor (a coordinator account, see ``ontario.units``) answers for it, once a
    quarter. Written once, never edited; read by the ministry only as protected aggregates
    (``sentier.insights.surveys``), by the site's own supervisors in full. The comment is never
    shown to the ministry's analysts nor exported."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    site = models.ForeignKey(
        "reference.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("site")
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("answered by"),
    )
    # The local quarter answered for: "2026-Q4".
    period = models.CharField(_("quarter"), max_length=7)
    answered_at = models.DateTimeField(_("answered on"), auto_now_add=True, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    informed = rating_field(
        _("We know which of our clients were referred to Employment Ontario at grant time")
    )
    supported = rating_field(
        _("Clients referred at grant time still get the full range of our supports")
    )
    targets = rating_field(_("Our targets still fit the clients we can refer ourselves"))
    ministry = rating_field(_("The ministry’s operational supports answer our questions"))
    overall = rating_field(_("Overall, the new referral pathways work well for our clients"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX)

    class Meta:
        ordering = ["-period", "-answered_at", "-id"]
        verbose_name = _("site survey answer")
        verbose_name_plural = _("site survey answers")
        constraints = [
            models.UniqueConstraint(fields=["site", "period"], name="one_site_answer_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.period} {self.answered_at:%Y-%m-%d}"


#: The site survey's questions, in order (field names).
SITE_QUESTIONS = ("informed", "supported", "targets", "ministry", "overall")
