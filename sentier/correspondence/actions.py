"""Every write of correspondence: plan the notices of new events, send e-mails once, mail the
day's letters all or none, record calls, try again.

- ``plan_notices`` (the ``sentier correspondence`` job, time injected) reads the timeline events
  that ask something of the person (``WATCHED``) and creates their notices: one per event and
  channel (``Notice``'s unique constraint: planning twice, or two workers at once, never makes a
  second one), then queues the e-mails. Events written before the look-back window
  (``SENTIER_CORRESPONDENCE_LOOKBACK_DAYS``) are left alone: starting Sentier's correspondence
  does not write to everyone about last year.
- ``email_notice`` (a django-tasks task) sends one e-mail with the row locked and marks it sent
  in the same transaction: a second run, or a retry after it was sent, sends nothing.
- ``mark_letters_mailed``: the day's mailing, all or none, never twice, never to an incomplete
  address (the rule of ``sentier.ontario.mailing``); the PDF as mailed and its SHA-256 are kept.
- ``record_call``: the outcome of a phone task closes it.
- Told of a place offered from a waiting list (e-mailed, mailed, or reached by phone), the
  person's response window starts (``network.actions.start_offer_window``).

Refusals raise ``ValidationError`` (keyed by field where there is one) or ``PermissionDenied``,
and change nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.consent.actions import announce_expiring_consents
from sentier.consent.timeline_kinds import ConsentEventKind
from sentier.core.jurisdiction import app_enabled
from sentier.core.pdf import sha256_hex, tagged_pdf
from sentier.correspondence import channels, registry
from sentier.correspondence.models import (
    TOLD_OUTCOMES,
    CallOutcome,
    Channel,
    ContactPreference,
    Notice,
    NoticeStatus,
    Subject,
)
from sentier.correspondence.texts import (
    Message,
    compose,
    correspondence_language,
    help_phone,
    return_address,
)
from sentier.correspondence.timeline_kinds import CorrespondenceEventKind
from sentier.intake.models import Application, Recommendation
from sentier.intake.models import Channel as ApplicationChannel
from sentier.intake.notify import compose_confirmation
from sentier.intake.timeline_kinds import IntakeEventKind
from sentier.network.actions import response_days, start_offer_window
from sentier.network.models import Offer
from sentier.network.timeline_kinds import NetworkEventKind
from sentier.participants.actions import add_event
from sentier.participants.models import Participant, TimelineEvent
from sentier.plans.reminders import remind_participants_of_follow_ups
from sentier.plans.timeline_kinds import SupportPlanEventKind
from sentier.referrals.timeline_kinds import ReferralEventKind


def untranslated(text: object) -> str:
    """A refusal's reason as its msgid: kept so, it is shown in each reader's language
    (``Notice.shown_error``), not in the language of whoever planned the notice."""
    with translation.override(None):
        return str(text)


logger = logging.getLogger(__name__)

#: Most letters marked in one go (as ``ontario.mailing.BATCH_MAX``: what one request renders).
BATCH_MAX = 30
#: How long the worker waits before trying a failed e-mail again: 3 tries over about 3 hours,
#: then the notice shows as failed to staff.
RETRY_DELAYS = (dt.timedelta(minutes=20), dt.timedelta(hours=3))
EMAIL_TRIES = len(RETRY_DELAYS) + 1
#: Days a caseworker has to make a call: the next day when the person has days to answer.
CALL_WITHIN_DAYS: dict[str, int] = {Subject.PLACE_OFFERED: 1, Subject.FOLLOW_UP_REMINDER: 1}
CALL_WITHIN_DAYS_DEFAULT = 3

#: The events that ask something of the person, by subject.
WATCHED: dict[str, Q] = {
    Subject.APPLICATION_RECEIVED: Q(kind=IntakeEventKind.APPLICATION_SUBMITTED),
    Subject.RECOMMENDATION_DECIDED: Q(kind=IntakeEventKind.ORIENTATION_DECIDED),
    Subject.PLAN_AGREED: Q(kind=SupportPlanEventKind.SUPPORT_PLAN_AGREED),
    Subject.PLAN_EXTENDED: Q(
        kind=SupportPlanEventKind.SUPPORT_PLAN_EXTENSION, data__status__in=["granted", "refused"]
    ),
    # Not a proposal the person declined themselves: they know.
    Subject.PLAN_ENDED: Q(
        kind=SupportPlanEventKind.SUPPORT_PLAN_ENDED, data__status__in=["ended", "completed"]
    ),
    Subject.REFERRAL_ANSWERED: Q(
        kind=ReferralEventKind.REFERRAL_UPDATED, data__to__in=["accepted", "declined"]
    ),
    Subject.PLACE_OFFERED: Q(kind=NetworkEventKind.WAITING_OFFER, data__step="offered"),
    Subject.FOLLOW_UP_REMINDER: Q(kind=SupportPlanEventKind.FOLLOW_UP_REMINDER),
    Subject.CONSENT_EXPIRING: Q(kind=ConsentEventKind.CONSENT_EXPIRING),
}

_KIND_SUBJECT: dict[str, str] = {
    IntakeEventKind.APPLICATION_SUBMITTED: Subject.APPLICATION_RECEIVED,
    IntakeEventKind.ORIENTATION_DECIDED: Subject.RECOMMENDATION_DECIDED,
    SupportPlanEventKind.SUPPORT_PLAN_AGREED: Subject.PLAN_AGREED,
    SupportPlanEventKind.SUPPORT_PLAN_EXTENSION: Subject.PLAN_EXTENDED,
    SupportPlanEventKind.SUPPORT_PLAN_ENDED: Subject.PLAN_ENDED,
    ReferralEventKind.REFERRAL_UPDATED: Subject.REFERRAL_ANSWERED,
    NetworkEventKind.WAITING_OFFER: Subject.PLACE_OFFERED,
    SupportPlanEventKind.FOLLOW_UP_REMINDER: Subject.FOLLOW_UP_REMINDER,
    ConsentEventKind.CONSENT_EXPIRING: Subject.CONSENT_EXPIRING,
}


def lookback_days() -> int:
    return int(getattr(settings, "SENTIER_CORRESPONDENCE_LOOKBACK_DAYS", 7))


def watched_events(*, now: dt.datetime) -> Any:
    """Events of the look-back window that ask something of the person and have no notice."""
    asks = Q()
    for condition in WATCHED.values():
        asks |= condition
    for watch in registry.watches():  # the jurisdiction's own events, if any
        asks |= watch.condition
    return (
        TimelineEvent.objects.filter(asks)
        .filter(occurred_at__gte=now - dt.timedelta(days=lookback_days()), occurred_at__lte=now)
        .exclude(Exists(Notice.objects.filter(event=OuterRef("pk"))))
        .select_related("participant__caseworker")
        .order_by("occurred_at", "pk")
    )


def _offer_of(notice: Notice) -> Offer | None:
    uuid = (notice.event.data or {}).get("offer")
    return Offer.objects.filter(uuid=uuid).first() if uuid else None


def respond_by_if_told(notice: Notice, at: dt.datetime) -> dt.datetime | None:
    """A place offered: the date to answer by, if the person is told at ``at`` (the window
    already started by another channel keeps its date)."""
    if notice.subject != Subject.PLACE_OFFERED:
        return None
    offer = _offer_of(notice)
    if offer is not None and offer.respond_by is not None:
        return offer.respond_by
    return at + dt.timedelta(days=response_days())


def message_for(notice: Notice, *, at: dt.datetime, language: str | None = None) -> Message:
    """What ``notice`` says, as if sent at ``at``, in its language (or ``language``)."""
    participant = notice.participant
    caseworker = participant.caseworker
    return compose(
        notice.subject,
        language=language or notice.language,
        data=dict(notice.event.data or {}),
        first_name=participant.first_name,
        file_number=participant.file_number,
        caseworker=caseworker.get_full_name() if caseworker is not None else "",
        respond_by=respond_by_if_told(notice, at),
        phone=help_phone(participant),
    )


def _record(notice: Notice, step: str, *, actor: User | None, at: dt.datetime) -> None:
    add_event(
        participant=notice.participant,
        kind=CorrespondenceEventKind.NOTICE,
        actor=actor,
        data={
            "notice": str(notice.uuid),
            "subject": notice.subject,
            "channel": notice.channel,
            "step": step,
            "language": notice.language,
            **({"sha256": notice.sha256} if notice.sha256 else {}),
            **({"outcome": notice.outcome} if notice.outcome else {}),
        },
        occurred_at=at,
    )


def _told(notice: Notice, *, at: dt.datetime, how: str) -> None:
    if notice.subject == Subject.PLACE_OFFERED:
        uuid = (notice.event.data or {}).get("offer")
        if uuid:
            start_offer_window(offer_uuid=uuid, at=at, how=how)


# ---------------------------------------------------------------------------------------------
# Planning


def _new_notice(
    event: TimelineEvent,
    subject: str,
    planned: channels.Planned,
    *,
    now: dt.datetime,
    caller: User | None,
) -> Notice:
    """The notice of ``event`` by the planned channel (not saved); a call goes to ``caller``."""
    participant = event.participant
    call_days = CALL_WITHIN_DAYS.get(subject, CALL_WITHIN_DAYS_DEFAULT)
    return Notice(
        participant=participant,
        event=event,
        subject=subject,
        channel=planned.channel,
        status=planned.status,
        language=correspondence_language(participant.preferred_language),
        created_at=now,
        error=untranslated(planned.error)[:300],
        email=participant.email if planned.channel == Channel.EMAIL else "",
        assignee=caller if planned.channel == Channel.PHONE else None,
        due_on=(
            timezone.localdate(now) + dt.timedelta(days=call_days)
            if planned.channel == Channel.PHONE
            else None
        ),
    )


def plan_notices_for(event: TimelineEvent, *, now: dt.datetime) -> list[Notice]:
    """The notices of one event (none created twice); returns those this call created."""
    subject = _KIND_SUBJECT.get(event.kind)
    watch = registry.watch_for(event) if subject is None else None
    if watch is not None:
        subject = watch.subject
    if subject is None:
        return []
    participant = event.participant
    own = registry.wording()
    caller = participant.caseworker
    if caller is None and own is not None:
        caller = own.caller(event)
    created = []
    for planned in channels.plan_channels(participant, subject):
        only = watch.only_channels if watch is not None else None
        if only is not None and planned.channel not in only:
            continue
        notice = _new_notice(event, subject, planned, now=now, caller=caller)
        try:
            with transaction.atomic():  # a savepoint: another planner was quicker
                notice.save(force_insert=True)
        except IntegrityError:
            continue
        created.append(notice)
        if notice.status == NoticeStatus.REFUSED:
            _record(notice, "refused", actor=None, at=now)
        if notice.status == NoticeStatus.TO_SEND:
            # Database backend: the task exists only if the planning commits.
            email_notice.enqueue(str(notice.uuid))
    return created


def write_reminders(*, now: dt.datetime | None = None) -> list[TimelineEvent]:
    """The reminders due on the people's files, each once: the events ``plan_notices`` then
    tells the person of. A consent about to end, everywhere; a support plan's follow-up in the
    next days where support plans are offered (Québec); the jurisdiction's own
    (``registry.register_reminders``: Ontario's action plan reviews)."""
    if not app_enabled("correspondence"):
        return []
    now = now or timezone.now()
    written = remind_participants_of_follow_ups(now=now) if app_enabled("plans") else []
    for writer in registry.reminder_writers():
        written.extend(writer(now=now))
    written.extend(announce_expiring_consents(now=now))
    return written


def plan_notices(*, now: dt.datetime | None = None) -> list[Notice]:
    """Plan the notices of every watched event without one (one transaction per event)."""
    if not app_enabled("correspondence"):
        return []  # not offered in this jurisdiction yet: offers keep their window from the start
    now = now or timezone.now()
    created: list[Notice] = []
    for event in watched_events(now=now):
        with transaction.atomic():
            created.extend(plan_notices_for(event, now=now))
    return created


# ---------------------------------------------------------------------------------------------
# E-mail


def _email_content(notice: Notice, at: dt.datetime) -> tuple[str, str]:
    """Subject line and body of the e-mail (the application's confirmation carries the link
    back to the application: ``intake.notify``)."""
    if notice.subject == Subject.APPLICATION_RECEIVED:
        key = str((notice.event.data or {}).get("application", ""))
        application = Application.objects.filter(uuid=key).first() if key else None
        confirmation = compose_confirmation(application) if application else None
        if confirmation is not None:
            return confirmation.subject, confirmation.body
    message = message_for(notice, at=at)
    with translation.override(message.language):
        body = render_to_string(
            "correspondence/email.txt",
            {
                "message": message,
                "sender": return_address(notice.participant)[0],
                "phone": help_phone(notice.participant),
            },
        )
    return message.title, body


def _email_failed(notice: Notice, *, error: str, at: dt.datetime) -> None:
    """A try failed: the worker tries again after the next delay (``RETRY_DELAYS``); after the
    last try the notice shows as failed to staff, who try again or write or call instead."""
    notice.attempts += 1
    notice.error = error[:300]
    # A backend that cannot run a task later (the immediate one of some tests) leaves the
    # failure to staff at once.
    if notice.attempts < EMAIL_TRIES and email_notice.get_backend().supports_defer:
        notice.retry_at = at + RETRY_DELAYS[notice.attempts - 1]
        # Database backend: the next try exists only if this failure is recorded.
        email_notice.using(run_after=notice.retry_at).enqueue(str(notice.uuid))
    else:
        notice.retry_at = None
        notice.status = NoticeStatus.FAILED
    notice.save(update_fields=["attempts", "error", "retry_at", "status"])


@task()
def email_notice(notice_uuid: str) -> bool:
    """E-mail one notice once. The row stays locked while the message goes, so two workers
    never both send it; a run after it was sent sends nothing. A failed try is recorded on the
    row and tried again by the worker, later and later (``RETRY_DELAYS``); after the last, the
    notice shows as failed to staff, who try again (``retry_notice``) or write or call instead
    (``replace_email``)."""
    with transaction.atomic():
        notice = (
            Notice.objects.select_for_update(of=("self",))
            .select_related("participant__caseworker", "event")
            .filter(uuid=notice_uuid)
            .first()
        )
        if notice is None or notice.status != NoticeStatus.TO_SEND or not notice.email:
            return False
        at = timezone.now()
        if notice.retry_at is not None and at < notice.retry_at:
            return False  # a stray run before the next try is due: that try has its own task
        title, body = _email_content(notice, at)
        application = None
        if notice.subject == Subject.APPLICATION_RECEIVED:
            key = str((notice.event.data or {}).get("application", ""))
            application = (
                Application.objects.select_for_update().filter(uuid=key).first() if key else None
            )
        if application is not None and application.confirmation_emailed_at is not None:
            at = application.confirmation_emailed_at  # the confirmation task sent it already
        else:
            try:
                EmailMessage(" ".join(title.split()), body, None, [notice.email]).send()
            except Exception as error:  # the backend's error, whatever it is, is shown to staff
                logger.warning("notice %s: e-mail failed: %s", notice.uuid, error)
                _email_failed(notice, error=str(error), at=at)
                return False
            if application is not None:
                Application.objects.filter(pk=application.pk).update(confirmation_emailed_at=at)
        notice.status = NoticeStatus.SENT
        notice.attempts += 1
        notice.error = ""
        notice.retry_at = None
        notice.text = body
        notice.text_version = message_for(notice, at=at).version
        notice.sha256 = sha256_hex(body)
        notice.sent_at = at
        notice.save()
        _told(notice, at=at, how="email")
        _record(notice, "emailed", actor=None, at=at)
    return True


# ---------------------------------------------------------------------------------------------
# Letters


def letter_html(notice: Notice, *, at: dt.datetime) -> str:
    """The letter as HTML in its language, as it would leave at ``at``."""
    message = message_for(notice, at=at)
    with translation.override(message.language):
        return render_to_string(
            "correspondence/letter_pdf.html",
            {
                "message": message,
                "notice": notice,
                "participant": notice.participant,
                "address_lines": notice.address_lines
                if notice.sent_at
                else channels.address_lines(notice.participant),
                "return_address": return_address(notice.participant),
                "on": timezone.localdate(at),
                "rtl": message.language == "ar",
            },
        )


def letter_pdf(notice: Notice, *, at: dt.datetime | None = None) -> bytes:
    """The letter as tagged PDF: as mailed once mailed, else as it would be now."""
    if notice.status == NoticeStatus.MAILED and notice.pdf:
        return bytes(notice.pdf)
    return tagged_pdf(letter_html(notice, at=at or timezone.now()))


def _may_work(actor: User, participant: Participant) -> bool:
    return may(actor, "participants.view_caseload") and actor.has_perm(
        "participants.view_participant", participant
    )


@transaction.atomic
def mark_letters_mailed(
    *, actor: User, notices: Sequence[Notice], at: dt.datetime | None = None
) -> list[Notice]:
    """Mark every letter of the batch as mailed, or none."""
    if not may(actor, "participants.view_caseload"):
        raise PermissionDenied
    if not notices:
        raise ValidationError({"notices": [_("Choose at least one letter to mark as mailed.")]})
    if len({n.pk for n in notices}) > BATCH_MAX:
        raise ValidationError(
            {"notices": [_("Mark at most %(count)s letters at a time.") % {"count": BATCH_MAX}]}
        )
    locked = list(
        Notice.objects.select_for_update(of=("self",))
        .select_related("participant__caseworker", "event")
        .filter(pk__in=[n.pk for n in notices], channel=Channel.LETTER)
        .order_by("created_at", "pk")
    )
    if any(not _may_work(actor, n.participant) for n in locked):
        raise PermissionDenied
    already = [n for n in locked if n.status != NoticeStatus.TO_MAIL]
    if already:
        names = ", ".join(n.participant.full_name for n in already)
        raise ValidationError(
            {
                "notices": [
                    ngettext(
                        "The letter to %(names)s is not waiting to be mailed (already mailed?). "
                        "Nothing was marked.",
                        "The letters to %(names)s are not waiting to be mailed (already "
                        "mailed?). Nothing was marked.",
                        len(already),
                    )
                    % {"names": names}
                ]
            }
        )
    incomplete = [n for n in locked if not channels.address_complete(n.participant)]
    if incomplete:
        names = ", ".join(n.participant.full_name for n in incomplete)
        raise ValidationError(
            {
                "notices": [
                    _(
                        "No complete postal address on the file (street, city and postal code): "
                        "%(names)s. Complete it or call instead. Nothing was marked."
                    )
                    % {"names": names}
                ]
            }
        )
    at = at or timezone.now()
    for notice in locked:
        # The window starts first, so that the letter kept says the date the person has.
        _told(notice, at=at, how="letter")
        notice.address_lines = channels.address_lines(notice.participant)
        message = message_for(notice, at=at)
        pdf = tagged_pdf(letter_html(notice, at=at))
        notice.status = NoticeStatus.MAILED
        notice.text = message.text
        notice.text_version = message.version
        notice.pdf = pdf
        notice.sha256 = sha256_hex(pdf)
        notice.sent_at = at
        notice.sent_by = actor
        notice.save()
        _record(notice, "mailed", actor=actor, at=at)
    return locked


# ---------------------------------------------------------------------------------------------
# Calls


@transaction.atomic
def record_call(
    *,
    actor: User,
    notice: Notice,
    outcome: str,
    note: str = "",
    at: dt.datetime | None = None,
) -> Notice:
    """The caseworker called: the outcome closes the phone task."""
    locked = (
        Notice.objects.select_for_update(of=("self",))
        .select_related("participant__caseworker", "event")
        .get(pk=notice.pk)
    )
    if locked.channel != Channel.PHONE or not actor.has_perm(
        "participants.change_participant", locked.participant
    ):
        raise PermissionDenied
    if outcome not in CallOutcome.values:
        raise ValidationError({"outcome": [_("Choose the outcome of the call.")]})
    if locked.status != NoticeStatus.TO_CALL:
        raise ValidationError({"outcome": [_("This call was already recorded.")]})
    at = at or timezone.now()
    if outcome in TOLD_OUTCOMES:
        _told(locked, at=at, how="phone")
    message = message_for(locked, at=at)
    locked.status = NoticeStatus.CALLED
    locked.outcome = outcome
    locked.outcome_note = note.strip()[:300]
    locked.text = message.text
    locked.text_version = message.version
    locked.sha256 = sha256_hex(message.text)
    locked.sent_at = at
    locked.sent_by = actor
    locked.save()
    _record(locked, "called", actor=actor, at=at)
    return locked


# ---------------------------------------------------------------------------------------------
# Trying again, and the person's choice


@transaction.atomic
def retry_notice(*, actor: User, notice: Notice) -> Notice:
    """A failed e-mail goes again; a call that could not be made (no number) comes back to the
    worklist once the file has a number."""
    locked = (
        Notice.objects.select_for_update(of=("self",))
        .select_related("participant", "event")
        .get(pk=notice.pk)
    )
    if not _may_work(actor, locked.participant):
        raise PermissionDenied
    if locked.status != NoticeStatus.FAILED:
        raise ValidationError({"notice": [_("Only a notice that failed can be tried again.")]})
    participant = locked.participant
    if locked.channel == Channel.EMAIL:
        if not participant.email:
            raise ValidationError({"notice": [_("The file has no e-mail address any more.")]})
        locked.email = participant.email
        locked.status = NoticeStatus.TO_SEND
        locked.attempts = 0
        locked.error = ""
        locked.retry_at = None
        locked.save(update_fields=["email", "status", "attempts", "error", "retry_at"])
        email_notice.enqueue(str(locked.uuid))
    else:
        if not participant.phone.strip():
            raise ValidationError({"notice": [str(channels.NO_PHONE)]})
        locked.status = NoticeStatus.TO_CALL
        locked.error = ""
        locked.assignee = participant.caseworker
        locked.save(update_fields=["status", "error", "assignee"])
    return locked


@transaction.atomic
def replace_email(*, actor: User, notice: Notice, at: dt.datetime | None = None) -> list[Notice]:
    """An e-mail that failed after every try and cannot go: write (or call) instead, as the file
    allows (``channels.fallback_channels``). The e-mail is closed as replaced; the letter joins
    the day's mailing, the call the caseworker's worklist. Never a second notice by a channel
    the event already has (the unique key)."""
    locked = (
        Notice.objects.select_for_update(of=("self",))
        .select_related("participant__caseworker", "event")
        .get(pk=notice.pk)
    )
    if not _may_work(actor, locked.participant):
        raise PermissionDenied
    if locked.channel != Channel.EMAIL or locked.status != NoticeStatus.FAILED:
        raise ValidationError(
            {"notice": [_("Only an e-mail that could not be sent can be replaced.")]}
        )
    participant = locked.participant
    planned = channels.fallback_channels(participant, locked.subject)
    taken = set(Notice.objects.filter(event=locked.event).values_list("channel", flat=True))
    planned = [p for p in planned if p.channel not in taken]
    if not planned:
        raise ValidationError(
            {
                "notice": [
                    _(
                        "Neither a complete postal address nor a phone number on the file, or "
                        "the person is already written to or called: complete the file first."
                    )
                ]
            }
        )
    at = at or timezone.now()
    created = [
        _new_notice(locked.event, locked.subject, item, now=at, caller=participant.caseworker)
        for item in planned
    ]
    for new in created:
        new.save(force_insert=True)
    locked.status = NoticeStatus.REPLACED
    locked.save(update_fields=["status"])
    _record(locked, "replaced", actor=actor, at=at)
    return created


@transaction.atomic
def set_contact_preference(
    *, actor: User, participant: Participant, channel: str, at: dt.datetime | None = None
) -> ContactPreference:
    """Record how the person wants to be told (their caseworker, or the person)."""
    if not (
        actor.has_perm("participants.change_participant", participant)
        or participant.user_id == actor.pk
    ):
        raise PermissionDenied
    if channel not in Channel.values:
        raise ValidationError({"channel": [_("Choose how the person wants to be told.")]})
    if channel == Channel.EMAIL and not participant.email:
        raise ValidationError(
            {"channel": [_("There is no e-mail address on the file: add one first.")]}
        )
    if channel == Channel.LETTER and not channels.address_complete(participant):
        raise ValidationError(
            {"channel": [_("The postal address on the file is incomplete: complete it first.")]}
        )
    if channel == Channel.PHONE and not participant.phone.strip():
        raise ValidationError(
            {"channel": [_("There is no phone number on the file: add one first.")]}
        )
    preference, _created = ContactPreference.objects.update_or_create(
        participant=participant,
        defaults={"channel": channel, "recorded_at": at or timezone.now(), "recorded_by": actor},
    )
    return preference


def record_channel_from_application(
    *,
    application: Application,
    recommendation: Recommendation,
    at: dt.datetime,
    actor: User | None,
) -> ContactPreference | None:
    """An application entered by phone or in person carries the person's answer to "how do you
    want to be told" (``intake.steps.ContactForm``): it becomes their choice, recorded by the
    staff member who heard it. Part of the sending (``intake.hooks.on_submitted``), which already
    established who may send; the form checked that the file has what the channel needs."""
    if application.channel == ApplicationChannel.ONLINE or application.participant is None:
        return None
    told_by = (application.answers.get("contact") or {}).get("told_by")
    if told_by not in Channel.values:
        return None  # a draft saved before the question was asked: nothing is invented
    preference, _created = ContactPreference.objects.update_or_create(
        participant=application.participant,
        defaults={"channel": told_by, "recorded_at": at, "recorded_by": actor},
    )
    return preference
