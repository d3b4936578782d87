"""Tell an organization, once, that one of its API keys stops working soon.

Run daily by ``sentier scheduled`` (the ``api_key_expiry`` command). A key within
``SENTIER_API_KEY_NOTICE_DAYS`` of its end, neither revoked nor told yet, gets one e-mail to the
organization's address and to the person who created it, in the organization's language.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sentier.core.formatting import long_date
from sentier.exchange.models import ApiKey


def send_expiry_notices(*, now: dt.datetime) -> list[ApiKey]:
    """One e-mail per key ending soon; the keys told."""
    ending = (
        ApiKey.objects.filter(
            revoked_at__isnull=True,
            expiry_notice_at__isnull=True,
            expires_at__gt=now,
            expires_at__lte=now + dt.timedelta(days=settings.SENTIER_API_KEY_NOTICE_DAYS),
        )
        .select_related("organization", "created_by")
        .order_by("expires_at", "id")
    )
    told = []
    for key in ending:
        with transaction.atomic():
            # Marked first, in the same transaction: a second run at the same time skips it.
            if not ApiKey.objects.filter(pk=key.pk, expiry_notice_at__isnull=True).update(
                expiry_notice_at=now
            ):
                continue
            recipients = sorted(
                {address for address in (key.organization.email, key.created_by.email) if address}
            )
            if recipients:
                subject, body = _message(key)
                transaction.on_commit(partial(_send, subject, body, recipients))
        told.append(key)
    return told


def _send(subject: str, body: str, recipients: list[str]) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def _message(key: ApiKey) -> tuple[str, str]:
    language = key.organization.language or settings.LANGUAGE_CODE
    with translation.override(language):
        assert key.expires_at is not None
        facts = {
            "name": key.name,
            "org": key.organization.name,
            "day": long_date(key.expires_at),
            "url": f"{settings.SENTIER_BASE_URL}{reverse('exchange:keys')}",
        }
        subject = _("Sentier – the API key “%(name)s” stops working on %(day)s") % facts
        body = "\n\n".join(
            (
                _(
                    "The API key “%(name)s” of %(org)s stops working on %(day)s. The systems "
                    "that use it will then be refused."
                )
                % facts,
                _("Create a new key, put it in those systems, then revoke the old one: %(url)s")
                % facts,
                _("This message contains no personal information. — Sentier"),
            )
        )
    return subject, body
