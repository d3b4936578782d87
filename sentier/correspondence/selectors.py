"""Guarded reads of correspondence: every list holds only the people the reader may see
(``participants.permissions.visible_participants_q``); "not found" and "not yours" are the same
404."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.accounts.permissions import may
from sentier.correspondence.models import OPEN_STATUSES, Channel, Notice, NoticeStatus
from sentier.network.models import Offer, OfferStatus
from sentier.participants.models import Participant
from sentier.participants.permissions import visible_participants_q


def notices_for_user(user: User) -> QuerySet[Notice]:
    if not may(user, "participants.view_caseload"):
        return Notice.objects.none()
    return Notice.objects.filter(
        participant__in=Participant.objects.filter(visible_participants_q(user))
    ).select_related("participant", "assignee", "event")


def open_notices_for_user(user: User) -> QuerySet[Notice]:
    """What still asks staff for something, failures first, then the oldest."""
    return (
        notices_for_user(user)
        .filter(status__in=OPEN_STATUSES)
        .defer("pdf")
        .order_by("status", "created_at", "pk")  # "failed" sorts first
    )


def letters_to_mail_for_user(user: User) -> QuerySet[Notice]:
    return (
        notices_for_user(user)
        .filter(channel=Channel.LETTER, status=NoticeStatus.TO_MAIL)
        .defer("pdf")
        .order_by("created_at", "pk")
    )


def letters_by_keys_for_user(user: User, keys: Iterable[uuid.UUID]) -> list[Notice]:
    return list(letters_to_mail_for_user(user).filter(uuid__in=list(keys)))


def calls_for_user(user: User) -> QuerySet[Notice]:
    """The phone tasks on the caseworker's worklist, soonest due first."""
    return (
        Notice.objects.filter(channel=Channel.PHONE, status=NoticeStatus.TO_CALL, assignee=user)
        .select_related("participant", "event")
        .defer("pdf")
        .order_by("due_on", "created_at", "pk")
    )


def offers_awaiting_for_user(user: User) -> QuerySet[Offer]:
    """Places offered to people of the caseworker's caseload, still waiting for an answer."""
    return (
        Offer.objects.filter(status=OfferStatus.OFFERED, entry__participant__caseworker=user)
        .select_related("entry__participant", "entry__service__organization")
        .order_by("respond_by", "offered_at", "pk")
    )


def get_notice_for_user(user: User, notice_uuid: str | uuid.UUID) -> Notice:
    notice = notices_for_user(user).filter(uuid=notice_uuid).first()
    if notice is None:
        raise Http404
    return notice
