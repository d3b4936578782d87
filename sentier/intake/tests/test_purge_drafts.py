"""Unsent drafts expire; sent applications and recent drafts stay."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sentier.intake.models import Application, ApplicationStatus
from sentier.intake.tests.helpers import fill, start_online

pytestmark = pytest.mark.django_db


def test_old_drafts_go_recent_drafts_and_sent_applications_stay() -> None:
    client = Client()
    old, recent, sent = start_online(client), start_online(client), start_online(client)
    fill(client, sent)
    client.post(reverse("intake:summary", args=[sent.resume_key]))
    long_ago = timezone.now() - dt.timedelta(days=31)
    Application.objects.filter(pk__in=[old.pk, sent.pk]).update(updated_at=long_ago)
    out = StringIO()
    call_command("purge_drafts", stdout=out)
    assert set(Application.objects.values_list("pk", flat=True)) == {recent.pk, sent.pk}
    assert Application.objects.get(pk=sent.pk).status == ApplicationStatus.SUBMITTED
    assert "1" in out.getvalue()
    assert client.get(f"/fr-ca/apply/{old.resume_key}/identity/").status_code == 404
