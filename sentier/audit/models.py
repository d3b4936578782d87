"""The append-only access log: who viewed which participant's personal information, and when.

Rows are only ever inserted. ``save`` refuses updates, ``delete`` is refused, and on PostgreSQL a
trigger refuses UPDATE and DELETE at the database level too.

What was shown is a code (:class:`AccessKind`), rendered in the reader's language; rows written
before kinds existed keep their English text in ``what`` (migration 0006 gave a kind to every
text it knew). Where the viewer worked when they looked (their organization or office) is kept as
it was then, in ``affiliation``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sentier.core.formatting import proper_name

# The access log refuses changes with the error every append-only table raises.
from sentier.core.models import AppendOnlyError as AppendOnlyError


class AccessLogQuerySet(models.QuerySet["AccessLog"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("The access log is append-only.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("The access log is append-only.")


class AccessChannel(models.TextChoices):
    PAGE = "page", _("Web page")
    API = "api", _("API")
    EXPORT = "export", _("Export")


class AccessKind(models.TextChoices):
    """What a row says was shown, in words a participant understands; each capability adds its
    kinds here. The code is stored; the label is rendered in the reader's language."""

    # Files
    FILE = "file", _("File")
    FILE_EDIT = "file_edit", _("File details, to change them")
    CHANGE_HISTORY = "change_history", _("Change history of the file")
    OWN_FILE = "own_file", _("File, seen by the person themselves")
    CASELOAD = "caseload", _("Caseload")
    STAFF_HOME = "staff_home", _("Staff home page")
    IDENTITY = "identity", _("Identity")
    # Single window and eligibility
    APPLICATION = "application", _("Application and automated recommendation")
    REVIEW_QUEUE = "review_queue", _("Applications to review")
    ELIGIBILITY_FORM = "eligibility_form", _("Eligibility check")
    DECISION = "decision", _("Eligibility decision")
    # Support plans and service plans
    SUPPORT_PLAN_REQUEST = "support_plan_request", _("Support plan request")
    SUPPORT_PLAN_PROPOSAL = "support_plan_proposal", _("Support plan proposal")
    SUPPORT_PLAN = "support_plan", _("Support plan")
    SUPPORT_PLAN_PDF = "support_plan_pdf", _("Support plan (PDF)")
    SERVICE_PLAN_REQUEST = "service_plan_request", _("Service plan request")
    SERVICE_PLAN_DECISION = "service_plan_decision", _("Decision on a service plan request")
    SERVICE_PLAN = "service_plan", _("Service plan")
    SUPPORT_PLAN_WORKLIST = "support_plan_worklist", _("Support plan worklist")
    SERVICE_PLANS = "service_plans", _("Service plans and requests")
    REGIONAL_NETWORK = "regional_network", _("Regional support network")
    # PAAS Action
    PAAS_ORGANIZATION = "paas_organization", _("PAAS Action: the organization’s participants")
    PAAS_PLACEMENTS = "paas_placements", _("PAAS Action: caseworker’s list")
    PAAS_PLACEMENT = "paas_placement", _("PAAS Action placement")
    PAAS_PLACEMENT_FORM = "paas_placement_form", _("PAAS Action placement form")
    PAAS_EXIT_FORM = "paas_exit_form", _("End of a PAAS Action placement")
    PAAS_ATTENDANCE = "paas_attendance", _("PAAS Action attendance")
    PAAS_CLAIM = "paas_claim", _("PAAS Action expense claim")
    PAAS_CLAIMS = "paas_claims", _("PAAS Action expense claims")
    PAAS_CLAIM_RECEIPT = "paas_claim_receipt", _("Receipt of a PAAS Action expense claim")
    PAAS_STATEMENT = "paas_statement", _("PAAS Action monthly statement")
    PAAS_STATEMENT_CSV = "paas_statement_csv", _("PAAS Action monthly statement (CSV)")
    PAAS_STATEMENT_PDF = "paas_statement_pdf", _("PAAS Action monthly statement (PDF)")
    # Consent, referrals, waiting lists
    CONSENT = "consent", _("Consent")
    REFERRAL = "referral", _("Referral")
    REFERRAL_SEND = "referral_send", _("Sending a referral")
    REFERRALS_SENT = "referrals_sent", _("Referrals sent")
    REFERRAL_RECEIVED = "referral_received", _("Referral received by the organization")
    REFERRAL_INBOX = "referral_inbox", _("Referrals received")
    REFERRAL_LINK = "referral_link", _("Referral (signed link)")
    REFERRAL_FHIR = "referral_fhir", _("Referral (FHIR)")
    WAITING_LISTS = "waiting_lists", _("Waiting lists")
    WAITING_LIST = "waiting_list", _("Waiting list of a service")
    # Ontario
    ONTARIO_WORKLIST = "ontario_worklist", _("Local office worklist")
    OW_APPLICATION = "ow_application", _("Ontario Works application")
    COMMON_ASSESSMENT = "common_assessment", _("Common assessment")
    ODSP_QUEUE = "odsp_queue", _("ODSP intake queue")
    ODSP_APPLICATION = "odsp_application", _("ODSP application")
    ODSP_PACKAGE = "odsp_package", _("Disability Determination Package")
    ODSP_MAILING = "odsp_mailing", _("The day’s mailing of packages")
    # Correspondence (issue 19)
    CORRESPONDENCE = "correspondence", _("Letters, e-mails and calls to the person")


class AccessLog(models.Model):
    """One showing of a participant's personal information to someone."""

    accessed_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Someone without an account, e.g. an organization answering a referral through a signed
    # link, or a partner system reading the API with a key: who it was, as far as Sentier knows
    # (the organization the link was sent to; the key's name, its organization in affiliation).
    visitor = models.CharField(_("who (no account)"), max_length=200, blank=True)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.PROTECT,
        related_name="access_log",
        verbose_name=_("whose file"),
        # The (participant, -accessed_at) index below serves every read by file: a second one on
        # the participant alone cost each logged row one more index entry (the inbox logs 100
        # rows a page) for nothing.
        db_index=False,
    )
    kind = models.CharField(
        _("what was shown"), max_length=40, choices=AccessKind.choices, blank=True, default=""
    )
    # Rows written before kinds: what was shown, in English, as written then. Empty since.
    what = models.CharField(_("what was shown (before kinds)"), max_length=120, blank=True)
    # The viewer's organization (partner staff) or office when they looked; the account may
    # have changed since. Empty when the account said neither.
    affiliation = models.CharField(_("organization or office"), max_length=200, blank=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=AccessChannel.choices, default=AccessChannel.PAGE
    )
    path = models.CharField(_("address"), max_length=300, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-accessed_at", "-id"]
        indexes = [models.Index(fields=["participant", "-accessed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(visitor=""),
                name="accesslog_someone",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="") | ~models.Q(what=""), name="accesslog_says_what"
            ),
        ]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")

    def __str__(self) -> str:
        return f"{self.user or self.visitor} → {self.participant_id} ({self.kind or self.what})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("The access log is append-only.")

    @property
    def shown(self) -> str:
        """What was shown, in the active language (an old row's text as it was written)."""
        return str(self.get_kind_display()) if self.kind else self.what

    @property
    def viewer(self) -> str:
        """Who looked: the user's name, or the visitor as recorded."""
        return str(self.user) if self.user is not None else self.visitor

    @property
    def viewer_role(self) -> str:
        """The viewer's role, in the active language."""
        if self.user is not None:
            return str(self.user.get_role_display())
        if self.channel == AccessChannel.API:
            return str(_("Partner organization’s system (API)"))
        return str(_("Partner organization (no account)"))

    @property
    def viewer_affiliation(self) -> str:
        """The viewer's organization or office as recorded, else as their account says now
        (rows written before it was recorded, coordinators: their region). Reads ``user``,
        ``user.organization`` and ``user.region``: select them with the rows."""
        if self.affiliation:
            return proper_name(self.affiliation)
        user = self.user
        if user is None:
            return ""
        if user.organization is not None:
            return user.organization.name
        if user.office:
            return proper_name(user.office)
        return user.region.name if user.region is not None else ""
