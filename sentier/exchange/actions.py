"""Every write of the exchange: API keys, capacity published by a partner system, deliveries.

Each action checks permission first, changes rows in one transaction and leaves a trace (the
key's own dates, the service's change history with the key's name, the message's reason).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import urllib.parse
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sentier.accounts.models import User
from sentier.consent.models import Consent
from sentier.exchange.models import ApiKey
from sentier.network.actions import update_capacity
from sentier.network.models import Organization, Service
from sentier.outbox.actions import enqueue
from sentier.outbox.models import OutboxMessage, OutboxStatus, WebhookEndpoint
from sentier.referrals.models import Referral, ReferralStatus

KEY_PREFIX = "snt"
# Touch ``last_used_at`` at most this often: one write per key and minute, not per request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def hash_key(raw: str) -> str:
    """SHA-256 of the whole key. Keys are 256-bit random strings, so a slow hash adds nothing."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def split_key(raw: str) -> str | None:
    """The lookup prefix of ``snt_<prefix>_<secret>``, or ``None`` if it is not shaped so."""
    parts = raw.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1]


@dataclass(frozen=True)
class NewKey:
    """A key just created: ``raw`` is shown once and never stored."""

    key: ApiKey
    raw: str


#: How long a new key may work, as offered on the keys page (days).
VALIDITY_CHOICES = (90, 180, 365)


@transaction.atomic
def create_api_key(
    *,
    actor: User,
    organization: Organization,
    name: str,
    valid_days: int | None = None,
    at: dt.datetime | None = None,
) -> NewKey:
    """A new key for ``organization``, working ``valid_days`` days (the longest allowed by
    default, ``SENTIER_API_KEY_MAX_DAYS``)."""
    if not actor.has_perm("exchange.manage_keys", organization):
        raise PermissionDenied
    longest = settings.SENTIER_API_KEY_MAX_DAYS
    valid_days = longest if valid_days is None else valid_days
    if not 1 <= valid_days <= longest:
        raise ValidationError(
            {"valid_days": _("A key works between 1 and %(days)d days.") % {"days": longest}}
        )
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the key a name.")})
    if len(name) > 80:
        raise ValidationError({"name": _("Keep the name under 80 characters.")})
    if ApiKey.objects.filter(
        organization=organization, name=name, revoked_at__isnull=True
    ).exists():
        raise ValidationError({"name": _("A key in use already has this name.")})
    prefix = secrets.token_hex(6)
    raw = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    at = at or timezone.now()
    key = ApiKey.objects.create(
        organization=organization,
        name=name,
        prefix=prefix,
        secret_hash=hash_key(raw),
        created_by=actor,
        created_at=at,
        expires_at=at + dt.timedelta(days=valid_days),
    )
    return NewKey(key=key, raw=raw)


@transaction.atomic
def revoke_api_key(*, actor: User, key: ApiKey, at: dt.datetime | None = None) -> ApiKey:
    """Stop a key from working, at once. Revoking twice keeps the first date."""
    key = ApiKey.objects.select_for_update().select_related("organization").get(pk=key.pk)
    if not actor.has_perm("exchange.manage_keys", key.organization):
        raise PermissionDenied
    if key.revoked_at is None:
        key.revoked_at = at or timezone.now()
        key.revoked_by = actor
        key.save(update_fields=["revoked_at", "revoked_by"])
    return key


def authenticate_key(raw: str, *, at: dt.datetime | None = None) -> ApiKey | None:
    """The active key ``raw`` is, or ``None`` (unknown, malformed, expired or revoked alike)."""
    prefix = split_key(raw)
    if prefix is None or len(prefix) > 16 or "\x00" in raw:
        return None
    key = (
        ApiKey.objects.select_related("organization", "created_by")
        .filter(prefix=prefix, revoked_at__isnull=True)
        .first()
    )
    if key is None or not secrets.compare_digest(key.secret_hash, hash_key(raw)):
        return None
    at = at or timezone.now()
    if key.is_expired(at):
        return None
    if key.last_used_at is None or at - key.last_used_at >= LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=at)
        key.last_used_at = at
    return key


# The action's error keys, as the API names the fields.
CAPACITY_FIELDS = {
    "available": "capacity_available",
    "maximum": "capacity_maximum",
    "waiting": "waiting_list_length",
    "estimated_wait_days": "estimated_wait_days",
}


@transaction.atomic
def publish_capacity(
    *,
    key: ApiKey,
    service: Service,
    available: int | None,
    maximum: int | None,
    waiting: int,
    at: dt.datetime | None = None,
) -> Service:
    """A partner system says how many places its service has now and how many people wait.

    The key may speak only for its organization's services; the network capability's
    ``update_capacity`` does the rest (its log row names the key, freed places make offers).
    """
    if not key.is_active or service.organization_id != key.organization_id:
        raise PermissionDenied
    try:
        return update_capacity(
            actor=None,
            actor_label=key.actor_label,
            service=service,
            available=available,
            maximum=maximum,
            waiting=waiting,
            at=at,
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {CAPACITY_FIELDS.get(k, k): v for k, v in error.error_dict.items()}
        ) from error


def cancel_deliveries_for_consent(consent: Consent, actor: User | None) -> int:
    """Withdrawal handler: messages waiting to leave under this consent never leave.

    Runs inside the withdrawal's transaction. Notices of the stop itself are left to go: topics
    ``consent.*`` and messages written from the withdrawal on (e.g. ``referral.cancelled``, which
    carry a status and a reason, no personal information).
    """
    withdrawn_at = consent.withdrawn_at or timezone.now()
    when = timezone.localtime(withdrawn_at)
    return (
        OutboxMessage.objects.filter(
            consent=consent, status=OutboxStatus.PENDING, created_at__lt=withdrawn_at
        )
        .exclude(topic__startswith="consent.")
        .update(
            status=OutboxStatus.CANCELLED,
            cancelled_reason=f"Consent withdrawn on {when:%Y-%m-%d %H:%M}.",
        )
    )


@transaction.atomic
def retry_message(*, actor: User, message: OutboxMessage, at: dt.datetime | None = None) -> bool:
    """Put a message that gave up back in line (its consent is checked again when it is sent)."""
    message = (
        OutboxMessage.objects.select_for_update(of=("self",))
        .select_related("endpoint__organization", "referral__organization")
        .get(pk=message.pk)
    )
    organization = (
        message.endpoint.organization
        if message.endpoint is not None
        else (message.referral.organization if message.referral is not None else None)
    )
    if organization is None or not actor.has_perm("exchange.view_deliveries", organization):
        raise PermissionDenied
    if message.status != OutboxStatus.FAILED:
        return False
    message.status = OutboxStatus.PENDING
    message.attempts = 0
    message.next_attempt_at = at or timezone.now()
    message.save(update_fields=["status", "attempts", "next_attempt_at"])
    return True


def stop_deliveries_on_withdrawal(consent: Consent, actor: User | None) -> None:
    """The handler registered with ``sentier.consent.hooks.on_withdrawal``: cancel what waits
    under the consent, then tell each receiving organization's system, by webhook, that the
    referrals it holds under it lost their consent (referral and status only, nothing personal).
    """
    cancel_deliveries_for_consent(consent, actor)
    at = consent.withdrawn_at or timezone.now()
    for referral in Referral.objects.filter(consent=consent).exclude(status=ReferralStatus.DRAFT):
        enqueue(
            topic="consent.withdrawn",
            payload={
                "referral": str(referral.uuid),
                "status": referral.status,
                "withdrawn_at": at.isoformat(),
            },
            referral=referral,
            at=at,
        )


@transaction.atomic
def add_webhook_endpoint(
    *, actor: User, organization: Organization, url: str
) -> tuple[WebhookEndpoint, str]:
    """Register an address for the organization's messages; returns it with its new signing
    secret (shown once to the person; kept to sign, never shown again)."""
    if not actor.has_perm("exchange.manage_keys", organization):
        raise PermissionDenied
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ValidationError({"url": _("Give an address that starts with https://.")})
    if WebhookEndpoint.objects.filter(organization=organization, url=url, active=True).exists():
        raise ValidationError({"url": _("This address is already registered.")})
    secret = secrets.token_urlsafe(32)
    endpoint = WebhookEndpoint.objects.create(organization=organization, url=url, secret=secret)
    return endpoint, secret


@transaction.atomic
def turn_off_webhook_endpoint(*, actor: User, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """Stop sending to this address; messages waiting for it are cancelled when their turn comes."""
    endpoint = (
        WebhookEndpoint.objects.select_for_update()
        .select_related("organization")
        .get(pk=endpoint.pk)
    )
    if not actor.has_perm("exchange.manage_keys", endpoint.organization):
        raise PermissionDenied
    if endpoint.active:
        endpoint.active = False
        endpoint.save(update_fields=["active"])
    return endpoint
