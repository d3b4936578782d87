"""What Sentier tells a person, by which channel, and what was sent (issue 19, "Channels").

A :class:`Notice` is one message about one timeline event by one channel: an e-mail, a letter or
a call from the caseworker. There is at most one per event and channel (a unique constraint), so
planning again or a worker retrying never makes a second one; the row says what was sent, when,
to where, in which language, with which version of the text and the SHA-256 of what left.

A :class:`ContactPreference` is how the person asked to be told; without one, Sentier writes by
e-mail when the file has an address, else by letter, else it calls (``channels.py``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sentier.core.languages import CORRESPONDENCE_CHOICES


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone call from the caseworker")


class Subject(models.TextChoices):
    """The events that ask something of the person (issue 19)."""

    APPLICATION_RECEIVED = "application_received", _("Application received")
    RECOMMENDATION_DECIDED = "recommendation_decided", _("Recommendation decided")
    PLAN_AGREED = "plan_agreed", _("Support plan agreed")
    PLAN_EXTENDED = "plan_extended", _("Support plan extension answered")
    PLAN_ENDED = "plan_ended", _("Support plan ended")
    REFERRAL_ANSWERED = "referral_answered", _("Referral accepted or declined")
    PLACE_OFFERED = "place_offered", _("Place offered from a waiting list")
    FOLLOW_UP_REMINDER = "follow_up_reminder", _("Follow-up reminder")
    CONSENT_EXPIRING = "consent_expiring", _("Consent about to expire")
    # The Ontario configuration's own events (registered by ``sentier.ontario``).
    ON_APPLICATION_DECIDED = "on_application_decided", _("Application granted or confirmed")
    ON_INFORMATION_ASKED = "on_information_asked", _("Missing information asked")
    ON_APPLICATION_REFUSED = "on_application_refused", _("Application refused")
    ON_ACTION_PLAN = "on_action_plan", _("Action plan put in place or reviewed")


class NoticeStatus(models.TextChoices):
    TO_SEND = "to_send", _("To e-mail")
    SENT = "sent", _("E-mailed")
    FAILED = "failed", _("Could not be sent")
    REPLACED = "replaced", _("Not e-mailed: a letter or a call instead")
    TO_MAIL = "to_mail", _("To mail")
    MAILED = "mailed", _("Mailed")
    REFUSED = "refused", _("Letter refused: no postal address")
    TO_CALL = "to_call", _("To call")
    CALLED = "called", _("Call recorded")


#: Statuses that still ask staff for something (the correspondence page lists them).
OPEN_STATUSES = (
    NoticeStatus.TO_SEND,
    NoticeStatus.FAILED,
    NoticeStatus.TO_MAIL,
    NoticeStatus.TO_CALL,
)


class CallOutcome(models.TextChoices):
    REACHED = "reached", _("Spoke with the person")
    MESSAGE = "message", _("Left a message")
    NO_ANSWER = "no_answer", _("No answer")
    WRONG_NUMBER = "wrong_number", _("Wrong or out-of-service number")


#: Outcomes after which the person counts as told (an offer's window starts).
TOLD_OUTCOMES = (CallOutcome.REACHED, CallOutcome.MESSAGE)


class ContactPreference(models.Model):
    """How the person asked to be told: e-mail, letter or a call from their caseworker."""

    participant = models.OneToOneField(
        "participants.Participant", on_delete=models.CASCADE, related_name="contact_preference"
    )
    channel = models.CharField(_("how to be told"), max_length=10, choices=Channel.choices)
    recorded_at = models.DateTimeField(_("recorded on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("contact preference")
        verbose_name_plural = _("contact preferences")

    def __str__(self) -> str:
        return f"{self.participant_id}: {self.channel}"


class Notice(models.Model):
    """One message about one event by one channel, and the record of what was sent."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="notices"
    )
    event = models.ForeignKey(
        "participants.TimelineEvent", on_delete=models.CASCADE, related_name="notices"
    )
    subject = models.CharField(_("about"), max_length=30, choices=Subject.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=10, choices=NoticeStatus.choices)
    language = models.CharField(_("language"), max_length=8, choices=CORRESPONDENCE_CHOICES)
    created_at = models.DateTimeField(_("planned on"))
    # Phone tasks: whose worklist, and by when.
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("caseworker"),
    )
    due_on = models.DateField(_("call by"), null=True, blank=True)
    # What was sent: the text as it left, its version, the PDF of a letter, the SHA-256.
    text_version = models.CharField(_("text version"), max_length=20, blank=True)
    text = models.TextField(_("text sent"), blank=True)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address_lines = models.JSONField(_("address"), default=list, blank=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(_("tries"), default=0)
    # An e-mail that failed and waits for its next try by the worker (``actions.RETRY_DELAYS``).
    retry_at = models.DateTimeField(_("next try"), null=True, blank=True)
    error = models.CharField(_("problem"), max_length=300, blank=True)
    outcome = models.CharField(
        _("outcome of the call"), max_length=15, choices=CallOutcome.choices, blank=True
    )
    outcome_note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "channel"], name="one_notice_per_event_and_channel"
            )
        ]
        indexes = [
            models.Index(fields=["status", "channel"]),
            models.Index(fields=["assignee", "status", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.subject} / {self.channel} ({self.status})"

    @property
    def shown_error(self) -> str:
        """The problem in the reader's language: Sentier's own reasons are kept as their msgid;
        a mail server's message is shown as it came."""
        return gettext(self.error) if self.error else ""
