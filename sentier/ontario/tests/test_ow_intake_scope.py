"""Who reaches an Ontario Works applicant before and after the grant: the provincial OW intake
unit until the transfer, province-wide; the local office of the person's area (and its
coordinator) from the transfer on. Every "cannot" is the same 404 as a missing row, and nothing
changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from sentier.ontario import actions
from sentier.ontario.models import OWApplication
from sentier.ontario.tests.helpers import ow_of, send_application
from sentier.participants.models import TimelineEvent

ClientFor = Callable[[str], Client]
MISSING = "00000000-0000-4000-8000-00000000dead"


def pages(ow: OWApplication) -> list[str]:
    return [
        reverse("participants:file", args=[ow.participant.uuid]),
        reverse("ontario:ow_application", args=[ow.uuid]),
    ]


def missing_pages() -> list[str]:
    return [
        reverse("participants:file", args=[MISSING]),
        reverse("ontario:ow_application", args=[MISSING]),
    ]


def assert_same_404(client: Client, ow: OWApplication) -> None:
    for url, missing in zip(pages(ow), missing_pages(), strict=True):
        response, absent = client.get(url), client.get(missing)
        assert response.status_code == absent.status_code == 404, url


@pytest.mark.parametrize("who", ["tara", "omar", "iris"])
def test_before_the_grant_only_the_intake_unit_reaches_the_applicant(
    ontario: dict[str, Any], on_client: ClientFor, who: str
) -> None:
    ow = ow_of(send_application(Client()))
    intake = on_client("wendy")
    for url in pages(ow):
        assert intake.get(url).status_code == 200
    assert_same_404(on_client(who), ow)
    events = TimelineEvent.objects.count()
    response = on_client(who).post(pages(ow)[1], {"action": "grant", "seen": "pending"})
    assert response.status_code == 404
    ow.refresh_from_db()
    assert ow.status == "pending"
    assert TimelineEvent.objects.count() == events


@pytest.mark.parametrize("who", ["wendy", "omar", "iris"])
def test_after_the_grant_only_the_areas_local_office_reaches_the_client(
    ontario: dict[str, Any], on_client: ClientFor, who: str
) -> None:
    ow = ow_of(send_application(Client()))
    actions.grant_ow_application(actor=ontario["wendy"], ow_application=ow)
    ow.refresh_from_db()
    for key in ("tara", "chris"):
        for url in pages(ow):
            assert on_client(key).get(url).status_code == 200
    assert_same_404(on_client(who), ow)
