"""By which channels a person is told of an event.

- The channel the person chose (:class:`ContactPreference`); without a choice, e-mail when the
  file has an address, else a letter when it has a postal address, else a call.
- E-mail chosen but no address on the file: a letter (or a call, without a postal address).
- A letter to a person without a complete postal address is refused, with its reason, and a
  call replaces it (issue 19, "Bad input").
- Something that cannot wait for the post (a place offered from a waiting list, with days to
  answer) to a person who is not told by e-mail: a call as well as the letter.
- An e-mail that could not go (failed after the worker's tries): staff write instead when the
  file has a postal address (and call as well for what cannot wait), else call; with neither,
  there is nothing to fall back on until the file is completed.
- A call to a file without a phone number cannot be made: the task is recorded as failed, with
  its reason, so that staff see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sentier.correspondence.models import Channel, ContactPreference, NoticeStatus, Subject
from sentier.participants.models import Participant

#: Subjects with a deadline for the person: a call as well, unless they are e-mailed.
URGENT = frozenset({Subject.PLACE_OFFERED})

NO_ADDRESS = _(
    "No complete postal address on the file (street, city and postal code): the letter is "
    "refused and the caseworker calls instead."
)
NO_PHONE = _("No phone number on the file: the call cannot be made. Complete the file.")


@dataclass(frozen=True)
class Planned:
    """One notice to create: its channel, first status, and why (refusals and failures)."""

    channel: str
    status: str
    error: str | Promise = ""


def address_complete(participant: Participant) -> bool:
    return all(
        value.strip() for value in (participant.address, participant.city, participant.postal_code)
    )


def address_lines(participant: Participant) -> list[str]:
    city = " ".join(part for part in (participant.city.strip(), participant.postal_code) if part)
    return [line for line in (participant.address.strip(), city) if line]


def chosen_channel(participant: Participant) -> str:
    """The person's choice, else what the file allows."""
    preference = ContactPreference.objects.filter(participant=participant).first()
    return channel_for(participant, preference)


def channel_for(participant: Participant, preference: ContactPreference | None) -> str:
    """:func:`chosen_channel` with the person's choice already read (``None``: none made)."""
    if preference is not None:
        return preference.channel
    if participant.email:
        return Channel.EMAIL
    if address_complete(participant):
        return Channel.LETTER
    return Channel.PHONE


def _call(participant: Participant) -> Planned:
    if participant.phone.strip():
        return Planned(Channel.PHONE, NoticeStatus.TO_CALL)
    return Planned(Channel.PHONE, NoticeStatus.FAILED, NO_PHONE)


def plan_channels(participant: Participant, subject: str) -> list[Planned]:
    """The notices one event makes for this person (at most one per channel)."""
    channel = chosen_channel(participant)
    if channel == Channel.EMAIL and participant.email:
        return [Planned(Channel.EMAIL, NoticeStatus.TO_SEND)]
    if channel == Channel.PHONE:
        return [_call(participant)]
    # A letter: chosen, or e-mail chosen without an address to write to.
    if not address_complete(participant):
        return [Planned(Channel.LETTER, NoticeStatus.REFUSED, NO_ADDRESS), _call(participant)]
    planned = [Planned(Channel.LETTER, NoticeStatus.TO_MAIL)]
    if subject in URGENT:
        planned.append(_call(participant))
    return planned


def fallback_channels(participant: Participant, subject: str) -> list[Planned]:
    """Instead of an e-mail that could not go: a letter (and a call for what cannot wait), or a
    call without a postal address; nothing when the file has neither."""
    has_phone = bool(participant.phone.strip())
    if address_complete(participant):
        planned = [Planned(Channel.LETTER, NoticeStatus.TO_MAIL)]
        if subject in URGENT and has_phone:
            planned.append(Planned(Channel.PHONE, NoticeStatus.TO_CALL))
        return planned
    if has_phone:
        return [Planned(Channel.PHONE, NoticeStatus.TO_CALL)]
    return []
