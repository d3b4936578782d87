"""Stale capacity: shown as stale, reminded by e-mail once a week, listed on the partner's home."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from sentier.network.models import CapacityReminder, Organization, Service
from sentier.network.reminders import send_capacity_reminders
from sentier.network.tasks import capacity_reminders
from sentier.network.tests.factories import NOW

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


@pytest.fixture(autouse=True)
def _only_sorif_stale() -> None:
    """Everything fresh at NOW except SORIF's services (15 and 40 days old)."""
    Service.objects.update(capacity_updated_at=NOW - DAY)
    sorif = list(Service.objects.filter(organization__slug="sorif").order_by("pk"))
    Service.objects.filter(pk=sorif[0].pk).update(capacity_updated_at=NOW - 15 * DAY)
    Service.objects.filter(pk=sorif[1].pk).update(capacity_updated_at=NOW - 40 * DAY)
    Organization.objects.filter(slug="sorif").update(email="info@sorif.example", language="fr-ca")


def test_staleness_follows_the_parameter() -> None:
    service = Service.objects.filter(organization__slug="sorif").order_by("pk").first()
    assert service is not None
    assert service.capacity_is_stale(NOW)
    with override_settings(SENTIER_CAPACITY_STALE_DAYS=20):
        assert not service.capacity_is_stale(NOW)


def test_the_organization_gets_one_email_listing_its_stale_services() -> None:
    run = send_capacity_reminders(now=NOW)

    assert [r.organization.slug for r in run.reminded] == ["sorif"]
    [message] = mail.outbox
    assert message.to == ["info@sorif.example"]
    assert "SORIF" in message.subject
    assert "/directory/capacity/" in message.body
    assert CapacityReminder.objects.get().services == 2


def test_no_second_reminder_within_a_week_then_again() -> None:
    send_capacity_reminders(now=NOW)
    again = send_capacity_reminders(now=NOW + 3 * DAY)
    later = send_capacity_reminders(now=NOW + 8 * DAY)

    assert (len(again.reminded), again.skipped) == (0, 1)
    assert len(later.reminded) >= 1
    assert CapacityReminder.objects.filter(organization__slug="sorif").count() == 2


def test_without_an_organization_address_its_partner_staff_are_written_to(
    personas: dict[str, Any],
) -> None:
    Organization.objects.filter(slug="sorif").update(email="")

    send_capacity_reminders(now=NOW)

    assert mail.outbox[0].to == [personas["partner_sorif"].email]


def test_the_command_and_the_task_take_the_time() -> None:
    out = StringIO()
    call_command("capacity_reminders", "--now", NOW.isoformat(), stdout=out)
    assert capacity_reminders.call((NOW + 8 * DAY).isoformat()) >= 1
    assert "1" in out.getvalue()
    assert CapacityReminder.objects.filter(organization__slug="sorif").count() == 2


def test_partner_staff_see_their_stale_services_on_their_home_page(client_for: Any) -> None:
    Service.objects.filter(organization__slug="sorif").update(capacity_updated_at=None)

    body = client_for("partner_sorif").get("/fr-ca/").content.decode()

    assert 'id="capacity-heading"' in body
    assert "/directory/capacity/" in body


def test_other_roles_do_not_get_the_panel(client_for: Any) -> None:
    body = client_for("caseworker_laval").get("/fr-ca/").content.decode()
    assert 'id="capacity-heading"' not in body
