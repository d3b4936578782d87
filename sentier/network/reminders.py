"""Reminding organizations whose published capacity is stale.

``send_capacity_reminders(now=…)`` e-mails each organization that has listed services whose
capacity is older than ``SENTIER_CAPACITY_STALE_DAYS`` (or was never given), at most once every
:data:`REMIND_EVERY_DAYS`, in the organization's language, and records a
:class:`CapacityReminder` row. Its partner staff also see the stale services on their home page
(``sentier.network.panels``). The time is injected: the command and the task pass it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from sentier.accounts.permissions import partner_staff_of
from sentier.core.text import french
from sentier.network.models import (
    CapacityReminder,
    Organization,
    Service,
    ServiceStatus,
    stale_days,
)

REMIND_EVERY_DAYS = 7


@dataclasses.dataclass
class ReminderRun:
    reminded: list[CapacityReminder]
    skipped: int


def _recipients(organization: Organization) -> list[str]:
    if organization.email:
        return [organization.email]
    return list(partner_staff_of(organization).values_list("email", flat=True))


@transaction.atomic
def send_capacity_reminders(*, now: dt.datetime) -> ReminderRun:
    """One e-mail per organization with stale services, unless reminded recently."""
    limit = now - dt.timedelta(days=stale_days())
    stale = (
        Service.objects.filter(active=True, status=ServiceStatus.ACTIVE)
        .filter(Q(capacity_updated_at__isnull=True) | Q(capacity_updated_at__lt=limit))
        .select_related("organization")
        .order_by(*french("organization__name", "name"))
    )
    by_organization: dict[int, list[Service]] = defaultdict(list)
    for service in stale:
        by_organization[service.organization_id].append(service)
    recent = set(
        CapacityReminder.objects.filter(
            sent_at__gt=now - dt.timedelta(days=REMIND_EVERY_DAYS)
        ).values_list("organization_id", flat=True)
    )
    reminded: list[CapacityReminder] = []
    skipped = 0
    base = settings.SENTIER_BASE_URL
    for organization_id, services in by_organization.items():
        if organization_id in recent:
            skipped += 1
            continue
        organization = services[0].organization
        recipients = _recipients(organization)
        with translation.override(organization.language):
            context = {
                "organization": organization,
                "services": services,
                "now": now,
                "days": stale_days(),
                "url": base + reverse("network:capacity"),
            }
            subject = render_to_string("network/email/capacity_reminder_subject.txt", context)
            body = render_to_string("network/email/capacity_reminder.txt", context)
        if recipients:
            send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, recipients)
        reminded.append(
            CapacityReminder.objects.create(
                organization=organization,
                sent_at=now,
                services=len(services),
                email=", ".join(recipients)[:254],
            )
        )
    return ReminderRun(reminded=reminded, skipped=skipped)
