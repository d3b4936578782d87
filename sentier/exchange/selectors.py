"""Reads for partner systems and key managers: always within one organization.

A key sees its organization's referrals (never drafts) and services; anything else is the same
404 as something that does not exist. What a referral shares is recomputed at each read, as in
the partner portal: :func:`sentier.referrals.selectors.shared_referral`.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.db.models import QuerySet
from django.http import Http404

from sentier.accounts.models import User
from sentier.exchange.models import ApiKey
from sentier.network.models import Organization, Service
from sentier.outbox.models import OutboxMessage, WebhookEndpoint
from sentier.referrals.models import Referral, ReferralStatus


def parse_uuid(value: object) -> uuid.UUID:
    """A UUID from a URL or form, or 404 (malformed is the same as missing)."""
    try:
        return uuid.UUID(str(value))
    except ValueError as exc:
        raise Http404 from exc


def list_referrals_for_key(
    key: ApiKey, *, status: str | None = None, updated_since: dt.datetime | None = None
) -> QuerySet[Referral]:
    referrals = (
        Referral.objects.filter(organization_id=key.organization_id)
        .exclude(status=ReferralStatus.DRAFT)
        .select_related("service", "location", "organization")
        .order_by("updated_at", "id")
    )
    if status:
        referrals = referrals.filter(status=status)
    if updated_since is not None:
        referrals = referrals.filter(updated_at__gte=updated_since)
    return referrals


def get_referral_for_key(key: ApiKey, referral_uuid: object) -> Referral:
    found = (
        list_referrals_for_key(key)
        .select_related("participant", "participant__program", "participant__region", "sender")
        .filter(uuid=parse_uuid(referral_uuid))
        .first()
    )
    if found is None:
        raise Http404
    return found


def list_services_for_key(key: ApiKey) -> QuerySet[Service]:
    return Service.objects.filter(organization_id=key.organization_id).order_by("name", "id")


def get_service_for_key(key: ApiKey, service_uuid: object) -> Service:
    found = list_services_for_key(key).filter(uuid=parse_uuid(service_uuid)).first()
    if found is None:
        raise Http404
    return found


# ---------------------------------------------------------------------------------------------
# Key management pages


def organization_for_user(user: User) -> Organization:
    """The organization whose keys ``user`` manages from the partner pages (404 otherwise)."""
    if user.organization_id is None or user.organization is None:
        raise Http404
    if not user.has_perm("exchange.manage_keys", user.organization):
        raise Http404
    return user.organization


def list_keys_for_user(user: User) -> QuerySet[ApiKey]:
    organization = organization_for_user(user)
    return ApiKey.objects.filter(organization=organization).select_related(
        "created_by", "revoked_by"
    )


def get_key_for_user(user: User, key_uuid: object) -> ApiKey:
    found = list_keys_for_user(user).filter(uuid=parse_uuid(key_uuid)).first()
    if found is None:
        raise Http404
    return found


def list_messages_for_user(user: User, *, limit: int = 20) -> list[OutboxMessage]:
    """The organization's latest outgoing messages: failures first, then the newest."""
    organization = organization_for_user(user)
    if not user.has_perm("exchange.view_deliveries", organization):
        raise Http404
    messages = OutboxMessage.objects.filter(endpoint__organization=organization).select_related(
        "endpoint"
    )
    failed = list(messages.filter(status="failed").order_by("-created_at", "-id")[:limit])
    recent = list(messages.exclude(status="failed").order_by("-created_at", "-id")[:limit])
    return failed + recent


def get_message_for_user(user: User, message_uuid: object) -> OutboxMessage:
    organization = organization_for_user(user)
    found = (
        OutboxMessage.objects.filter(
            endpoint__organization=organization, uuid=parse_uuid(message_uuid)
        )
        .select_related("endpoint")
        .first()
    )
    if found is None:
        raise Http404
    return found


def list_endpoints_for_user(user: User) -> QuerySet[WebhookEndpoint]:
    return WebhookEndpoint.objects.filter(organization=organization_for_user(user)).order_by(
        "-active", "url"
    )


def get_endpoint_for_user(user: User, endpoint_uuid: object) -> WebhookEndpoint:
    found = list_endpoints_for_user(user).filter(uuid=parse_uuid(endpoint_uuid)).first()
    if found is None:
        raise Http404
    return found
