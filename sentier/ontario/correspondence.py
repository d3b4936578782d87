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
- the personalized action plan put in place or reviewed (everyone's, fast-tracked or not).

Never Québec's words: no support plan, no "voluntary" (004 only says the referral does not
change the benefit). A person without a caseworker yet (before the transfer) is called by the
intake officer who decided.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.core.formatting import long_date, proper_name
from sentier.correspondence.models import Channel, Subject
from sentier.correspondence.registry import Watch, Wording, register_watch, register_wording
from sentier.ontario.package import return_address as program_return_address
from sentier.ontario.timeline_kinds import OntarioEventKind
from sentier.participants.models import Participant, TimelineEvent

OW = OntarioEventKind.OW_GRANTED  # the Ontario Works intake unit's decisions (step: which)
ODSP = OntarioEventKind.ODSP_INTAKE
PLAN = OntarioEventKind.ACTION_PLAN

CONFIRMED_STEPS = ("queued", "prescribed_class")


def _step(data: Mapping[str, Any]) -> Any:
    return data.get("step")


WATCHES = (
    # Ontario Works granted: the grant's event has no step.
    Watch(
        Subject.ON_APPLICATION_DECIDED,
        OW,
        Q(kind=OW) & ~Q(data__has_key="step"),
        lambda data: "step" not in data,
    ),
    Watch(
        Subject.ON_APPLICATION_DECIDED,
        ODSP,
        Q(kind=ODSP, data__step__in=CONFIRMED_STEPS),
        lambda data: _step(data) in CONFIRMED_STEPS,
    ),
    Watch(
        Subject.ON_APPLICATION_DECIDED,
        ODSP,
        Q(kind=ODSP, data__step="adjudicated", data__answer="eligible"),
        lambda data: _step(data) == "adjudicated" and data.get("answer") == "eligible",
    ),
    Watch(
        Subject.ON_INFORMATION_ASKED,
        OW,
        Q(kind=OW, data__step="info_asked"),
        lambda data: _step(data) == "info_asked",
    ),
    Watch(
        Subject.ON_INFORMATION_ASKED,
        ODSP,
        Q(kind=ODSP, data__step="info_requested"),
        lambda data: _step(data) == "info_requested",
    ),
    Watch(
        Subject.ON_INFORMATION_ASKED,
        ODSP,
        Q(kind=ODSP, data__step="adjudicated", data__answer="more_information"),
        lambda data: _step(data) == "adjudicated" and data.get("answer") == "more_information",
    ),
    # Refusals: the written notice is ontario.notices'; a call when the person asked for one.
    Watch(
        Subject.ON_APPLICATION_REFUSED,
        OW,
        Q(kind=OW, data__step="refused"),
        lambda data: _step(data) == "refused",
        only_channels=frozenset({Channel.PHONE}),
    ),
    Watch(
        Subject.ON_APPLICATION_REFUSED,
        ODSP,
        Q(kind=ODSP, data__step="refused"),
        lambda data: _step(data) == "refused",
        only_channels=frozenset({Channel.PHONE}),
    ),
    Watch(
        Subject.ON_APPLICATION_REFUSED,
        ODSP,
        Q(kind=ODSP, data__step="adjudicated", data__answer="not_eligible"),
        lambda data: _step(data) == "adjudicated" and data.get("answer") == "not_eligible",
        only_channels=frozenset({Channel.PHONE}),
    ),
    Watch(
        Subject.ON_ACTION_PLAN,
        PLAN,
        Q(kind=PLAN, data__step__in=["started", "reviewed"]),
        lambda data: _step(data) in ("started", "reviewed"),
    ),
)


def _due(data: Mapping[str, Any]) -> str:
    try:
        return long_date(dt.date.fromisoformat(str(data.get("due_on", ""))))
    except ValueError:
        return ""


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


def return_address(participant: Participant | None) -> list[str]:
    """Who writes: the person's local office once the grant transferred them (their
    caseworker's office), else the intake unit of their program; then the ministry's postal
    lines (``SENTIER_ODSP_RETURN_ADDRESS``; each name in French through ``proper_name``)."""
    lines = program_return_address()
    sender = lines[0] if lines else ""
    if participant is not None:
        caseworker = participant.caseworker
        if caseworker is not None and caseworker.office:
            sender = proper_name(caseworker.office)
        elif hasattr(participant, "ow_application"):
            sender = proper_name("Ontario Works intake unit")
    return [sender, *lines[1:]]


def caller(event: TimelineEvent) -> User | None:
    """Who calls a person without a caseworker: the officer who decided (None: a scheduled
    job's event, left to the unit's list)."""
    return event.actor


def register() -> None:
    for watch in WATCHES:
        register_watch("on", watch)
    register_wording("on", Wording(body=body, return_address=return_address, caller=caller))
