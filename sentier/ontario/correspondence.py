"""Correspondence in the Ontario configuration (issue 19): the Ontario events that ask something
of the person reach them by the channel they chose (e-mail, letter in a day's mailing, or a call
on the worklist), in Ontario's words, with Ontario's return address.

Registered with ``sentier.correspondence.registry`` in ``OntarioConfig.ready``; they apply only
when ``SENTIER_JURISDICTION=on``. The shared events (application received, referral accepted or
declined, place offered) are correspondence's own; here:

- the intake units' decisions: Ontario Works granted, ODSP financial eligibility confirmed (the
  Disability Determination Package follows, or none for a prescribed class), ODSP granted after
  the Disability Adjudication Unit confirmed the disability;
- missing information asked by a date (Ontario Works or ODSP intake), or by the Disability
  Adjudication Unit;
- refusals (intake's, or the disability not confirmed): the written notice with the review
  rights is ``ontario.notices``' (e-mail or letter), so correspondence only adds the call when
  the person asked to be phoned;
- the personalized action plan put in place or reviewed (everyone's, fast-tracked or not), and
  its review coming (the follow-up reminder, written by ``ontario.reminders``).

Never Québec's words: no support plan, no "voluntary" (004 only says the referral does not
change the benefit). A person without a caseworker yet (before the transfer) is called by the
intake officer who decided. Notices are in English or French (French for a French speaker, as
the refusal notice: ``ontario.notices.notice_language``). The return address and the number to
call are the writing office's (``models.Office``); an office whose address no source gives
says so on the letter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sentier.accounts.models import User
from sentier.core.formatting import long_date, proper_name
from sentier.correspondence.models import Channel, Subject
from sentier.correspondence.registry import (
    Watch,
    Wording,
    register_reminders,
    register_watch,
    register_wording,
)
from sentier.ontario.models import Office
from sentier.ontario.notices import notice_language
from sentier.ontario.offices import OW_INTAKE_OFFICE
from sentier.ontario.package import PLACEHOLDER_MARK, return_address_is_placeholder
from sentier.ontario.package import return_address as program_return_address
from sentier.ontario.reminders import REVIEW_COMING, remind_of_action_plan_reviews
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import Participant, TimelineEvent

OW = OntarioEventKind.OW_GRANTED  # the Ontario Works intake unit's decisions (step: which)
ODSP = OntarioEventKind.ODSP_INTAKE
PLAN = OntarioEventKind.ACTION_PLAN

CONFIRMED_STEPS = ("queued", "prescribed_class")


def _step(data: Mapping[str, Any]) -> Any:
    return data.get("step")


def _watch(
    subject: str,
    kind: str,
    step: str | tuple[str, ...] | None,
    *,
    answer: str | None = None,
    only_channels: frozenset[str] | None = None,
) -> Watch:
    """The watch of ``kind``'s events at ``step`` (one of several; None: the event has no step,
    the grant's), and with the Disability Adjudication Unit's ``answer`` when given: the query
    and the test on one event are built from the same values, so they cannot disagree."""
    steps = (step,) if isinstance(step, str) else step
    if steps is None:
        condition = Q(kind=kind) & ~Q(data__has_key="step")
    else:
        condition = Q(kind=kind, data__step__in=list(steps))
    if answer is not None:
        condition &= Q(data__answer=answer)

    def matches(data: Mapping[str, Any]) -> bool:
        at_step = "step" not in data if steps is None else _step(data) in steps
        return at_step and (answer is None or data.get("answer") == answer)

    return Watch(subject, kind, condition, matches, only_channels=only_channels)


#: A refusal's written notice is ``ontario.notices``'; correspondence adds the call when the
#: person asked for one.
CALL_ONLY = frozenset({Channel.PHONE})

WATCHES = (
    # Ontario Works granted (the grant's event has no step); ODSP financial eligibility
    # confirmed; ODSP granted once the Disability Adjudication Unit confirmed the disability.
    _watch(Subject.ON_APPLICATION_DECIDED, OW, None),
    _watch(Subject.ON_APPLICATION_DECIDED, ODSP, CONFIRMED_STEPS),
    _watch(Subject.ON_APPLICATION_DECIDED, ODSP, "adjudicated", answer="eligible"),
    _watch(Subject.ON_INFORMATION_ASKED, OW, "info_asked"),
    _watch(Subject.ON_INFORMATION_ASKED, ODSP, "info_requested"),
    _watch(Subject.ON_INFORMATION_ASKED, ODSP, "adjudicated", answer="more_information"),
    _watch(Subject.ON_APPLICATION_REFUSED, OW, "refused", only_channels=CALL_ONLY),
    _watch(Subject.ON_APPLICATION_REFUSED, ODSP, "refused", only_channels=CALL_ONLY),
    _watch(
        Subject.ON_APPLICATION_REFUSED,
        ODSP,
        "adjudicated",
        answer="not_eligible",
        only_channels=CALL_ONLY,
    ),
    _watch(Subject.ON_ACTION_PLAN, PLAN, ("started", "reviewed")),
    # A review coming (``ontario.reminders``): Ontario's follow-up reminder.
    _watch(Subject.FOLLOW_UP_REMINDER, PLAN, REVIEW_COMING),
)


def _date(data: Mapping[str, Any], key: str) -> str:
    try:
        return long_date(dt.date.fromisoformat(str(data.get(key, ""))))
    except ValueError:
        return ""


def _due(data: Mapping[str, Any]) -> str:
    return _date(data, "due_on")


def body(
    subject: str,
    data: Mapping[str, Any],
    names: Mapping[str, str],
    respond_by: dt.datetime | None,
) -> tuple[str, list[str]] | None:
    """Ontario's title and paragraphs for ``subject`` (None: the shared text, which says
    nothing of Québec for that subject)."""
    if subject == Subject.APPLICATION_RECEIVED:
        return _("We received your application"), [
            _("We received your application. Your file number is %(file)s.") % names,
            _(
                "Intake staff review it and will contact you if something is missing. Keep "
                "this number: it helps us find your file."
            ),
        ]
    if subject == Subject.RECOMMENDATION_DECIDED:
        return _("Your application has been reviewed"), [
            _(
                "A caseworker has reviewed your application. They will contact you to talk "
                "about the supports available to you."
            ),
        ]
    if subject == Subject.ON_APPLICATION_DECIDED:
        return _decided(data)
    if subject == Subject.ON_INFORMATION_ASKED:
        if _step(data) == "adjudicated":
            return _("We need more information"), [
                _(
                    "The Disability Adjudication Unit needs more information before it can "
                    "decide. Intake staff will tell you what to send."
                ),
            ]
        return _("We need more information"), [
            _(
                "To decide your application, we need more information from you by %(date)s. "
                "If we do not receive it by then, your application will be closed."
            )
            % {"date": _due(data)},
            _("Intake staff will tell you what to send."),
        ]
    if subject == Subject.ON_APPLICATION_REFUSED:
        first = (
            _(
                "The Disability Adjudication Unit did not confirm your disability: your ODSP "
                "application is refused."
            )
            if _step(data) == "adjudicated"
            else _("Your application is refused.")
        )
        return _("Your application is refused"), [
            first,
            _(
                "A written notice tells you why and how to ask for an internal review, then to "
                "appeal to the Social Benefits Tribunal."
            ),
        ]
    if subject == Subject.FOLLOW_UP_REMINDER:
        return _("Reminder: your action plan review"), [
            _(
                "Your action plan is due to be reviewed with your caseworker by %(date)s. They "
                "will contact you to meet; you can also call them to choose a time."
            )
            % {"date": _date(data, "next_review_on")},
        ]
    if subject == Subject.ON_ACTION_PLAN:
        if _step(data) == "reviewed":
            return _("Your action plan was reviewed"), [
                _("Your caseworker reviewed your action plan with you. Ask them for a copy."),
            ]
        return _("Your action plan is in place"), [
            _("Your action plan is in place. Ask your caseworker for a copy."),
        ]
    return None


def _decided(data: Mapping[str, Any]) -> tuple[str, list[str]]:
    step = _step(data)
    if step is None:
        return _("Your Ontario Works application is granted"), [
            _("Ontario Works financial assistance is granted."),
            _("Your local Ontario Works office now follows your file and will contact you."),
        ]
    if step == "adjudicated":
        return _("Your ODSP application is granted"), [
            _("The Disability Adjudication Unit confirmed your disability: ODSP is granted."),
        ]
    if step == "prescribed_class":
        second = _(
            "As a member of a prescribed class, you do not need to fill in a Disability "
            "Determination Package. We will tell you what comes next."
        )
    else:
        second = _(
            "Next, we mail you the Disability Determination Package. Fill it in with your "
            "health care professionals and send it back by the date it gives."
        )
    return _("Your financial eligibility for ODSP is confirmed"), [
        _("Your financial eligibility for the Ontario Disability Support Program is confirmed."),
        second,
    ]


#: Said in place of a postal address no source gives (``ontario.offices``): never a made-up one.
NO_POSTAL_ADDRESS = gettext_lazy(
    "This office's postal address is not on record yet: to answer, call the number in this letter."
)


def writing_office(participant: Participant | None) -> tuple[str | None, Office | None]:
    """Who writes (its English name, as ``Office.name``, and its row when there is one): the
    person's caseworker's office; once the grant transferred an Ontario Works file, the local
    office of its service area; before, the Ontario Works intake unit. (None, None) for an ODSP
    applicant: the ODSP intake unit's configured address (``SENTIER_ODSP_RETURN_ADDRESS``)."""
    if participant is None:
        return None, None
    caseworker = participant.caseworker
    if caseworker is not None and caseworker.office:
        name = str(caseworker.office)
        return name, Office.objects.filter(name=name).first()
    ow = getattr(participant, "ow_application", None)
    if ow is None:
        return None, None
    if ow.transferred_at is not None:
        local = Office.objects.filter(region_id=ow.region_id).order_by("name").first()
        # An area without an office on record: its delivery agent's name (the service area).
        return (local.name, local) if local is not None else (str(ow.region.name), None)
    return OW_INTAKE_OFFICE, Office.objects.filter(name=OW_INTAKE_OFFICE).first()


def return_address(participant: Participant | None) -> list[str]:
    """The writing office's name (in the reader's language, ``proper_name``) and its postal
    address (``Office``); an ODSP applicant's is the ODSP intake unit's
    (``SENTIER_ODSP_RETURN_ADDRESS``). Where no source gives the address (no address on the
    office, or the shipped placeholder), the letter says so instead of printing one."""
    name, office = writing_office(participant)
    if name is None:
        lines = program_return_address()
        if not return_address_is_placeholder():
            return lines
        marked = [i for i, line in enumerate(lines) if PLACEHOLDER_MARK in line]
        kept = lines[: marked[0]] if marked else lines[:1]
        return [*kept, str(NO_POSTAL_ADDRESS)]
    lines = office.address_lines if office is not None else []
    return [proper_name(name), *(lines or [str(NO_POSTAL_ADDRESS)])]


def phone(participant: Participant | None) -> str:
    """Whom the person calls: their office's number; "" (the province's line) without one."""
    _name, office = writing_office(participant)
    return office.phone.strip() if office is not None else ""


def caller(event: TimelineEvent) -> User | None:
    """Who calls a person without a caseworker: the officer who decided (None: a scheduled
    job's event, left to the unit's list)."""
    return event.actor


def register() -> None:
    for watch in WATCHES:
        register_watch("on", watch)
    register_reminders("on", remind_of_action_plan_reviews)
    register_wording(
        "on",
        Wording(
            body=body,
            return_address=return_address,
            caller=caller,
            phone=phone,
            language=notice_language,
        ),
    )
